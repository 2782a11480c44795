package cache_test

import (
	"context"
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/cache"
	"clientgate/connectors"
	"clientgate/connectors/fake"
)

// Example shows the wiring order: portal → cache → breaker → adapter.
func Example() {
	adapter := fake.New()
	alice := adapter.AddContact(connectors.Contact{Email: "alice@example.com", FirstName: "Alice"})
	reg := prometheus.NewRegistry()
	conn := cache.Wrap(
		cache.Breaker(adapter, cache.BreakerOptions{Failures: 5, OpenFor: 30 * time.Second, Registerer: reg}),
		cache.Options{ContactTTL: time.Minute, StaleFor: 10 * time.Minute, Registerer: reg},
	)
	ctx, report := connectors.WithReadReport(context.Background())
	for range 2 {
		c, err := conn.GetContact(ctx, alice.ID)
		fmt.Println(c.FirstName, err)
	}
	fmt.Println(report.Outcome(), adapter.Calls("GetContact"))
	// Output:
	// Alice <nil>
	// Alice <nil>
	// mixed 1
}
