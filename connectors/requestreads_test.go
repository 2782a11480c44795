package connectors

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestReadOnce(t *testing.T) {
	var calls atomic.Int32
	fetch := func(body string) func() ([]byte, error) {
		return func() ([]byte, error) {
			calls.Add(1)
			return []byte(body), nil
		}
	}
	bare := context.Background()
	ReadOnce(bare, "a", fetch("1"))
	ReadOnce(bare, "a", fetch("1"))
	if calls.Load() != 2 {
		t.Fatalf("without RequestReads: %d calls, want 2", calls.Load())
	}
	calls.Store(0)
	ctx := WithRequestReads(bare)
	first, _ := ReadOnce(ctx, "a", fetch("1"))
	again, _ := ReadOnce(ctx, "a", fetch("2"))
	other, _ := ReadOnce(ctx, "b", fetch("3"))
	if string(first) != "1" || string(again) != "1" || string(other) != "3" || calls.Load() != 2 {
		t.Fatalf("reads %q %q %q in %d calls; want 1 1 3 in 2", first, again, other, calls.Load())
	}
	if body, _ := ReadOnce(WithRequestReads(bare), "a", fetch("4")); string(body) != "4" {
		t.Error("another request got this request's read")
	}
	ForgetReads(ctx)
	if body, _ := ReadOnce(ctx, "a", fetch("5")); string(body) != "5" {
		t.Errorf("after ForgetReads: %q, want a new read", body)
	}
	ForgetReads(bare) // no RequestReads: nothing to do
}

func TestReadOnceKeepsNoFailure(t *testing.T) {
	ctx := WithRequestReads(context.Background())
	boom := errors.New("boom")
	if _, err := ReadOnce(ctx, "a", func() ([]byte, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if body, err := ReadOnce(ctx, "a", func() ([]byte, error) { return []byte("ok"), nil }); err != nil || string(body) != "ok" {
		t.Errorf("after a failure: %q, %v; want a new read", body, err)
	}
}

func TestReadOnceSharesConcurrentReads(t *testing.T) {
	ctx := WithRequestReads(context.Background())
	release := make(chan struct{})
	var calls atomic.Int32
	fetch := func() ([]byte, error) {
		calls.Add(1)
		<-release
		return []byte("x"), nil
	}
	var wg sync.WaitGroup
	started := make(chan struct{})
	wg.Go(func() { close(started); ReadOnce(ctx, "a", fetch) })
	<-started
	for range 4 {
		wg.Go(func() {
			if body, _ := ReadOnce(ctx, "a", fetch); string(body) != "x" {
				t.Errorf("shared read = %q", body)
			}
		})
	}
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("%d calls for concurrent identical reads, want 1", calls.Load())
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	ForgetReads(ctx)
	block := make(chan struct{})
	go ReadOnce(ctx, "b", func() ([]byte, error) { <-block; return nil, nil })
	for {
		rr := ctx.Value(requestReadsKey{}).(*RequestReads)
		rr.mu.Lock()
		_, inFlight := rr.reads["b"]
		rr.mu.Unlock()
		if inFlight {
			break
		}
	}
	if _, err := ReadOnce(cancelled, "b", fetch); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled waiter got %v", err)
	}
	close(block)
}
