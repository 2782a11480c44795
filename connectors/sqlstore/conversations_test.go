package sqlstore

import (
	"testing"

	"clientgate/connectors/conversationtest"
)

// conversationHarness opens a fresh, empty store of one dialect: the
// conversations need no CRM data, since contact IDs are only keys.
func conversationHarness(dsn func(testing.TB) string) conversationtest.Harness {
	return func(t *testing.T) conversationtest.Backend {
		s := openStore(t, dsn(t), Options{})
		return conversationtest.Backend{Conv: s, Inbox: s}
	}
}

func TestConversationsConformSQLite(t *testing.T) {
	conversationtest.Run(t, conversationHarness(func(t testing.TB) string { return "file:" + t.TempDir() + "/conv.db" }))
}

func TestConversationsConformPostgres(t *testing.T) {
	conversationtest.Run(t, conversationHarness(func(t testing.TB) string { return postgresOrSkip(t) }))
}
