package pgbus

import (
	"context"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"clientgate/cache"
	"clientgate/connectors"
	"clientgate/connectors/fake"
)

const defaultDSN = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// dsn returns the test database: CLIENTGATE_TEST_POSTGRES when set (the
// test fails when it is unreachable), else the default (the test is
// skipped when it is unreachable).
func dsn(t *testing.T) string {
	t.Helper()
	url, required := os.LookupEnv("CLIENTGATE_TEST_POSTGRES")
	if !required || url == "" {
		url, required = defaultDSN, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err == nil {
		err = conn.Ping(ctx)
		conn.Close(ctx)
	}
	switch {
	case err != nil && required:
		t.Fatalf("CLIENTGATE_TEST_POSTGRES is set but unreachable: %v", err)
	case err != nil:
		t.Skipf("no PostgreSQL at %s (set CLIENTGATE_TEST_POSTGRES to require one): %v", defaultDSN, err)
	}
	return url
}

// replica is one clientgate replica: a cache over the shared backend and
// its bus.
type replica struct {
	cache   *cache.Cache
	bus     *Bus
	applied chan cache.Invalidation
	pids    chan uint32
}

func startReplica(t *testing.T, ctx context.Context, url, channel string, backend connectors.Connector) *replica {
	t.Helper()
	bus, err := New(url, Options{Channel: channel, MinBackoff: 10 * time.Millisecond, MaxBackoff: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r := &replica{bus: bus, applied: make(chan cache.Invalidation, 16), pids: make(chan uint32, 4)}
	bus.onListen = func(pid uint32) { r.pids <- pid }
	r.cache = cache.Wrap(backend, cache.Options{Broadcaster: bus})
	ctx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		bus.Run(ctx, func(inv cache.Invalidation) {
			r.cache.Apply(inv)
			r.applied <- inv
		})
	}()
	t.Cleanup(func() {
		stop()
		<-done // Run returns once ctx is cancelled
		bus.Close()
	})
	return r
}

func TestWriteOnOneReplicaInvalidatesTheOther(t *testing.T) {
	url := dsn(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	backend := fake.New()
	alice := backend.AddContact(connectors.Contact{Email: "alice@example.com", FirstName: "Alice"})
	channel := "cg_test_" + uuid.NewString()[:8]
	r1 := startReplica(t, ctx, url, channel, backend)
	r2 := startReplica(t, ctx, url, channel, backend)
	<-r1.pids
	<-r2.pids

	got, err := r2.cache.GetContact(ctx, alice.ID)
	if err != nil || got.FirstName != "Alice" {
		t.Fatalf("replica 2 read: %+v, %v", got, err)
	}
	if _, err := r1.cache.UpdateContact(ctx, alice.ID, connectors.ContactPatch{connectors.FieldFirstName: "Alicia"}); err != nil {
		t.Fatal(err)
	}
	if inv := <-r2.applied; inv.ContactID != alice.ID {
		t.Fatalf("replica 2 applied %+v", inv)
	}
	got, err = r2.cache.GetContact(ctx, alice.ID)
	if err != nil || got.FirstName != "Alicia" {
		t.Fatalf("replica 2 after the write: %+v, %v", got, err)
	}
	if n := backend.Calls("GetContact"); n != 2 {
		t.Fatalf("backend GetContact calls = %d, want 2", n)
	}

	// Replica 1 ignores its own message: the first it applies is the one
	// replica 2 sends next (notifications arrive in commit order).
	r2.cache.InvalidateEmail("someone@example.com")
	if inv := <-r1.applied; inv.Email != "someone@example.com" || inv.ContactID != "" {
		t.Fatalf("replica 1 applied %+v first, want replica 2's email invalidation", inv)
	}
}

func TestListenerReconnects(t *testing.T) {
	url := dsn(t)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	backend := fake.New()
	alice := backend.AddContact(connectors.Contact{Email: "alice@example.com"})
	channel := "cg_test_" + uuid.NewString()[:8]
	r1 := startReplica(t, ctx, url, channel, backend)
	r2 := startReplica(t, ctx, url, channel, backend)
	<-r1.pids
	oldPID := <-r2.pids

	admin, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	var terminated bool
	if err := admin.QueryRow(ctx, "SELECT pg_terminate_backend($1)", int32(oldPID)).Scan(&terminated); err != nil || !terminated {
		t.Fatalf("terminating the listener: %v %v", terminated, err)
	}
	newPID := <-r2.pids
	if newPID == oldPID {
		t.Fatalf("listener PID unchanged after termination: %d", newPID)
	}
	// The reconnection dropped the whole local cache once.
	if inv := <-r2.applied; !inv.All {
		t.Fatalf("after reconnecting replica 2 applied %+v, want All", inv)
	}

	_, err = r2.cache.GetContact(ctx, alice.ID)
	if err != nil {
		t.Fatal(err)
	}
	r1.cache.Invalidate(alice.ID)
	if inv := <-r2.applied; inv.ContactID != alice.ID {
		t.Fatalf("after reconnecting replica 2 applied %+v", inv)
	}
	if r2.cache.Len() != 0 {
		t.Fatalf("replica 2 still holds %d entries", r2.cache.Len())
	}
}

func TestStopsOnCancel(t *testing.T) {
	url := dsn(t)
	ctx, cancel := context.WithCancel(context.Background())
	r := startReplica(t, ctx, url, "cg_test_"+uuid.NewString()[:8], fake.New())
	<-r.pids
	cancel()
	// Run returned: the cleanup, which waits for it, completes.
}

// lineSignal is an io.Writer that signals every log line written.
type lineSignal chan struct{}

func (l lineSignal) Write(p []byte) (int, error) {
	select {
	case l <- struct{}{}:
	default:
	}
	return len(p), nil
}

func TestUnreachableDatabaseRetriesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	lines := make(lineSignal, 1)
	// Port 1 on loopback refuses connections at once.
	bus, err := New("postgres://postgres@127.0.0.1:1/test?sslmode=disable&connect_timeout=1", Options{
		MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(lines, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	defer bus.Close()
	if err := bus.Publish(ctx, cache.Invalidation{All: true}); err == nil {
		t.Fatal("publishing to an unreachable database succeeded")
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		bus.Run(ctx, func(cache.Invalidation) { t.Error("applied without a connection") })
	}()
	for range 3 { // three failed attempts, each logged
		<-lines
	}
	cancel()
	<-done
}

func TestMalformedPayloadsIgnored(t *testing.T) {
	bus, err := New("postgres://127.0.0.1:1/x", Options{ReplicaID: "me"})
	if err != nil {
		t.Fatal(err)
	}
	defer bus.Close()
	var got []cache.Invalidation
	apply := func(inv cache.Invalidation) { got = append(got, inv) }
	for _, p := range []string{"", "{", `"x"`, `{"replica":"me","all":true}`, `{"replica":"other"}`, `{"replica":"other","contact_id":"c1"}`} {
		bus.deliver(p, apply)
	}
	if len(got) != 1 || got[0].ContactID != "c1" {
		t.Fatalf("applied %+v, want only c1", got)
	}
}
