// Package connectortest is the conformance suite every connectors.Connector
// passes: the adapters, the cache decorator and the in-memory fake. Run
// checks the contract on realistic seeded data; RunFaults checks how an
// HTTP adapter behaves when its backend fails.
//
// The checks are exported (Check*) and take a Reporter rather than a
// *testing.T, so that the suite's own tests can prove that each check
// fails on a deliberately broken connector.
package connectortest

import (
	"testing"

	"clientgate/connectors"
)

// Check is one conformance check of a connector loaded with seed. Every
// check but CheckUnsupported and CheckAmbiguous expects StandardSeed: it
// names some of its contacts and items.
type Check func(r Reporter, c connectors.Connector, seed Seed)

// readOnlyChecks share one loaded backend.
var readOnlyChecks = []struct {
	name  string
	check Check
}{
	{"Contacts", CheckContacts},
	{"Lists", CheckLists},
	{"Paging", CheckPaging},
	{"Isolation", CheckIsolation},
	{"Cancelled", CheckCancelled},
}

// writeChecks change the backend and get one each.
var writeChecks = []struct {
	name  string
	check Check
}{
	{"UpdateContact", CheckUpdateContact},
	{"CreateContact", CheckCreateContact},
	{"DecideQuote", CheckDecideQuote},
	{"RecordPayment", CheckRecordPayment},
}

// Run runs the conformance suite against connectors built by h: the
// read-only checks in parallel on one backend loaded with StandardSeed,
// each writing check on its own, CheckUnsupported on an empty backend and
// CheckAmbiguous on AmbiguousSeed (which a harness whose backend cannot
// hold two contacts with one email skips by calling t.Skip in Open).
// Operations the connector's Capabilities leave out must return
// ErrUnsupported; their other checks are skipped. Open is called from
// parallel subtests, so each call must get a backend of its own.
func Run(t *testing.T, h Harness) {
	t.Run("ReadOnly", func(t *testing.T) {
		t.Parallel()
		seed := StandardSeed()
		c := h.Open(t, seed)
		for _, rc := range readOnlyChecks {
			t.Run(rc.name, func(t *testing.T) {
				t.Parallel()
				rc.check(t, c, seed)
			})
		}
	})
	for _, wc := range writeChecks {
		t.Run(wc.name, func(t *testing.T) {
			t.Parallel()
			seed := StandardSeed()
			wc.check(t, h.Open(t, seed), seed)
		})
	}
	t.Run("Unsupported", func(t *testing.T) {
		t.Parallel()
		CheckUnsupported(t, h.Open(t, Seed{}), Seed{})
	})
	t.Run("Ambiguous", func(t *testing.T) {
		t.Parallel()
		seed := AmbiguousSeed()
		CheckAmbiguous(t, h.Open(t, seed), seed)
	})
}
