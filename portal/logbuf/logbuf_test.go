package logbuf

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// sink is a destination that can be made to hang.
type sink struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	gate  chan struct{} // nil: never hangs; else each write waits for it
	calls int
}

func (s *sink) Write(p []byte) (int, error) {
	if s.gate != nil {
		<-s.gate
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	return s.buf.Write(p)
}

func (s *sink) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

func TestLinesArriveInOrderInFewWrites(t *testing.T) {
	out := &sink{}
	w := New(out, 1<<20, time.Hour)
	var want strings.Builder
	for i := range 1000 {
		line := fmt.Sprintf("line %d\n", i)
		want.WriteString(line)
		if n, err := w.Write([]byte(line)); n != len(line) || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	if out.String() != "" {
		t.Fatal("lines were written before a flush")
	}
	w.Close()
	if out.String() != want.String() {
		t.Fatalf("destination holds %q…", out.String()[:min(40, len(out.String()))])
	}
	if out.calls != 1 {
		t.Errorf("%d writes to the destination, want 1", out.calls)
	}
	w.Write([]byte("after close\n"))
	if !strings.HasSuffix(out.String(), "after close\n") {
		t.Error("a write after Close was not written at once")
	}
	w.Close()
}

func TestFlushesOnItsOwn(t *testing.T) {
	out := &sink{}
	w := New(out, 1<<20, 10*time.Millisecond)
	defer w.Close()
	w.Write([]byte("hello\n"))
	deadline := time.Now().Add(5 * time.Second)
	for out.String() != "hello\n" {
		if time.Now().After(deadline) {
			t.Fatal("the line was never written")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestHangingDestinationDropsInsteadOfBlocking(t *testing.T) {
	out := &sink{gate: make(chan struct{})}
	w := New(out, 100, time.Millisecond)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 1000 {
			w.Write([]byte("0123456789\n"))
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Write blocked on a hanging destination")
	}
	if w.Dropped() == 0 {
		t.Error("no write was counted as dropped")
	}
	close(out.gate)
	w.Close()
	if got := strings.Count(out.String(), "\n"); uint64(got)+w.Dropped() != 1000 {
		t.Errorf("%d lines written + %d dropped, want 1000", got, w.Dropped())
	}
}
