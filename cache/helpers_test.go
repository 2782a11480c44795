package cache

import (
	"sync"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/fake"
)

// fixture is a fake CRM with two contacts behind a Cache whose clock the
// test moves.
type fixture struct {
	f          *fake.Connector
	c          *Cache
	alice, bob connectors.Contact
	clock      *clock
}

// clock is a manual clock for entry ages.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newFixture(t *testing.T, opts Options) *fixture {
	t.Helper()
	f := fake.New()
	fx := &fixture{f: f, clock: &clock{t: time.Now()}}
	fx.alice = f.AddContact(connectors.Contact{Email: "alice@example.com", FirstName: "Alice", PortalAccess: true})
	fx.bob = f.AddContact(connectors.Contact{Email: "bob@example.com", FirstName: "Bob", PortalAccess: true})
	fx.c = Wrap(f, opts)
	fx.c.now = fx.clock.now
	return fx
}

func mustNil(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func wantCalls(t *testing.T, f *fake.Connector, op string, want int) {
	t.Helper()
	if got := f.Calls(op); got != want {
		t.Fatalf("%s upstream calls = %d, want %d", op, got, want)
	}
}
