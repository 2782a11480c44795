package pgbus

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"clientgate/cache"
)

// sessionReplica is a bus whose ended sessions arrive on a channel.
func sessionReplica(t *testing.T, ctx context.Context, url, channel string) (*Bus, chan []string, chan uint32) {
	t.Helper()
	bus, err := New(url, Options{Channel: channel, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ended, pids := make(chan []string, 8), make(chan uint32, 4)
	bus.onListen = func(pid uint32) { pids <- pid }
	bus.HandleSessionsEnded(func(ids []string) { ended <- ids })
	ctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		bus.Run(ctx, func(cache.Invalidation) {})
	}()
	t.Cleanup(func() {
		stop()
		<-done
		bus.Close()
	})
	return bus, ended, pids
}

func TestEndedSessionsReachTheOtherReplica(t *testing.T) {
	url := dsn(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	channel := "cg_test_" + uuid.NewString()[:8]
	b1, ended1, pids1 := sessionReplica(t, ctx, url, channel)
	b2, ended2, pids2 := sessionReplica(t, ctx, url, channel)
	<-pids1
	<-pids2
	if err := b1.PublishSessionsEnded(ctx, []string{"s1", "s2"}); err != nil {
		t.Fatal(err)
	}
	if got := <-ended2; !slices.Equal(got, []string{"s1", "s2"}) {
		t.Errorf("replica 2 got %v", got)
	}
	if err := b2.PublishSessionsEnded(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := <-ended1; got != nil {
		t.Errorf("replica 1 got %v first, want nil (every session): its own message must not come back", got)
	}
	select {
	case got := <-ended2:
		t.Errorf("replica 2 received its own message: %v", got)
	case <-time.After(100 * time.Millisecond):
	}
}
