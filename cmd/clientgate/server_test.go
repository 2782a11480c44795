package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"clientgate/config"
)

// logLines collects JSON log lines and reports each "listening" address.
type logLines struct {
	mu    sync.Mutex
	buf   strings.Builder
	addrs chan string
}

func (l *logLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	var m map[string]any
	if json.Unmarshal(p, &m) == nil && m["msg"] == "listening" {
		l.addrs <- m["addr"].(string)
	}
	return len(p), nil
}

func (l *logLines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func TestShutdownLetsInFlightRequestsFinish(t *testing.T) {
	cfg := config.Default()
	cfg.Listen.Addr, cfg.Metrics.Addr = "127.0.0.1:0", ""
	entered, release := make(chan struct{}), make(chan struct{})
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		io.WriteString(w, "finished")
	})
	logs := &logLines{addrs: make(chan string, 1)}
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	served := make(chan error, 1)
	go func() {
		served <- runServers(ctx, cfg, handler, newRegistry(), slog.New(slog.NewJSONHandler(logs, nil)))
	}()
	addr := <-logs.addrs

	type answer struct {
		body string
		err  error
	}
	answers := make(chan answer, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/slow")
		if err != nil {
			answers <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answers <- answer{string(b), err}
	}()
	<-entered
	stop() // as SIGTERM does
	select {
	case err := <-served:
		t.Fatalf("runServers returned %v while a request was in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if a := <-answers; a.err != nil || a.body != "finished" {
		t.Errorf("in-flight request: %q, %v", a.body, a.err)
	}
	if err := <-served; err != nil {
		t.Errorf("runServers: %v", err)
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("no stopped line:\n%s", logs.String())
	}
}
