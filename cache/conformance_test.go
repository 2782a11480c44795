package cache

import (
	"reflect"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

// allCaps and someCaps are the capability sets the suite runs with; the
// cache must pass them through unchanged.
var (
	allCaps = connectors.Capabilities{
		Invoices: true, Quotes: true, DecideQuotes: true, Transactions: true,
		Tasks: true, UpdateContact: true, CreateContact: true, CompanyItems: true,
	}
	someCaps = connectors.Capabilities{Invoices: true, Quotes: true}
)

func TestConformance(t *testing.T) {
	for name, caps := range map[string]connectors.Capabilities{"all": allCaps, "some": someCaps} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			inner := connectortest.FakeHarness(caps)
			connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
				c := Wrap(inner.Open(t, seed), Options{})
				if !reflect.DeepEqual(c.Capabilities(), caps) {
					t.Fatalf("capabilities %+v, want %+v", c.Capabilities(), caps)
				}
				return c
			}))
		})
	}
}

func TestConformanceWithBreaker(t *testing.T) {
	inner := connectortest.FakeHarness(allCaps)
	connectortest.Run(t, connectortest.HarnessFunc(func(t *testing.T, seed connectortest.Seed) connectors.Connector {
		return Wrap(Breaker(inner.Open(t, seed), BreakerOptions{}), Options{})
	}))
}
