package main

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// stubGenerator returns a fixed measurement, or err.
type stubGenerator struct {
	m    Measurement
	err  error
	runs atomic.Int32
}

func (g *stubGenerator) Name() string { return "stub" }

func (g *stubGenerator) Run(context.Context, Target, time.Duration) (*Measurement, error) {
	g.runs.Add(1)
	m := g.m
	return &m, g.err
}

func TestMeasureChecksBeforeAndAfter(t *testing.T) {
	var broken atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if broken.Load() {
			http.Redirect(w, r, "/auth/login", http.StatusFound)
			return
		}
		_, _ = w.Write([]byte(`{"items":[{},{}]}`))
	}))
	defer srv.Close()
	o := &options{warmup: time.Second, duration: time.Second}
	tgt := Target{Name: "t", URL: srv.URL, PID: os.Getpid()}
	gen := &stubGenerator{m: Measurement{Answers: 100, Bytes: 100 * 300, Elapsed: time.Second}}
	m, err := measure(context.Background(), o, gen, http.DefaultClient, &tgt)
	if err != nil {
		t.Fatal(err)
	}
	if gen.runs.Load() != 2 || m.Items != 2 || m.Suspect {
		t.Errorf("runs %d (want warm-up and run), measurement %+v", gen.runs.Load(), m)
	}
	broken.Store(true)
	if _, err := measure(context.Background(), o, gen, http.DefaultClient, &tgt); err == nil || !strings.Contains(err.Error(), "check before the run") {
		t.Errorf("measure with a broken session = %v", err)
	}
	gen.err = errors.New("wrk: boom")
	broken.Store(false)
	if _, err := measure(context.Background(), o, gen, http.DefaultClient, &tgt); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("measure with a failing generator = %v", err)
	}
}

func TestCheckAnswerSize(t *testing.T) {
	m := &Measurement{Answers: 10, Bytes: 10 * 400}
	checkAnswerSize(m, 10_000)
	if !m.Suspect || len(m.Samples) != 1 || !strings.Contains(m.Samples[0], "400 bytes") {
		t.Errorf("short answers not flagged: %+v", m)
	}
	m = &Measurement{Answers: 10, Bytes: 10 * 10_300}
	if checkAnswerSize(m, 10_000); m.Suspect {
		t.Errorf("full answers flagged: %+v", m)
	}
	m = &Measurement{Answers: 10} // the Go generator counts no bytes
	if checkAnswerSize(m, 10_000); m.Suspect {
		t.Error("unknown sizes flagged")
	}
}
