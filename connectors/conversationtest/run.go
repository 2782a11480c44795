// Package conversationtest is the conformance suite of
// connectors.Conversations (the client's side of tickets and item
// messages) and of bridge.Inbox (the staff's side): every implementation
// passes it, on every database it supports.
//
// The checks take a Reporter rather than a *testing.T, so that the
// suite's own tests can prove each check fails on a deliberately broken
// implementation.
package conversationtest

import (
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/connectortest"
)

// Reporter is the part of *testing.T the checks use.
type Reporter = connectortest.Reporter

// Backend is a fresh, empty implementation under test.
type Backend struct {
	Conv connectors.Conversations
	// Inbox is the staff side over the same threads; nil skips the
	// checks that need it.
	Inbox bridge.Inbox
}

// Harness opens a fresh, empty Backend and registers its cleanup with
// t.Cleanup. It is called from parallel subtests.
type Harness func(t *testing.T) Backend

// Check is one conformance check.
type Check func(r Reporter, b Backend)

// Checks lists every check by name.
var Checks = []struct {
	Name  string
	Check Check
}{
	{"TicketLifecycle", CheckTicketLifecycle},
	{"Isolation", CheckIsolation},
	{"Paging", CheckPaging},
	{"Validation", CheckValidation},
	{"Messages", CheckMessages},
	{"Unread", CheckUnread},
	{"Inbox", CheckInbox},
	{"Cancelled", CheckCancelled},
	{"PostIDs", CheckPostIDs},
}

// Run runs every check, each in parallel on a backend of its own.
func Run(t *testing.T, h Harness) {
	for _, c := range Checks {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			c.Check(t, h(t))
		})
	}
}
