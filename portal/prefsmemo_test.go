package portal

import (
	"context"
	"testing"
	"time"

	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
)

func TestPreferencesMemo(t *testing.T) {
	ctx := context.Background()
	under := fake.NewBridge()
	store := withPreferencesMemo(under, time.Hour)
	read := func() string {
		t.Helper()
		p, err := store.Preferences(ctx, "ann")
		if err != nil {
			t.Fatal(err)
		}
		return p.Language
	}
	if err := under.SavePreferences(ctx, bridge.Preferences{ContactID: "ann", Language: "de"}); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "de" {
		t.Fatalf("language %q, want de", got)
	}
	if err := under.SavePreferences(ctx, bridge.Preferences{ContactID: "ann", Language: "fr"}); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "de" {
		t.Errorf("a save elsewhere showed before the memo expired: %q (the memo is not used)", got)
	}
	if err := store.SavePreferences(ctx, bridge.Preferences{ContactID: "ann", Language: "nl"}); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "nl" {
		t.Errorf("a save through the memo did not show at once: %q", got)
	}
	if withPreferencesMemo(under, 0) != bridge.Store(under) {
		t.Error("a zero TTL still wraps the store")
	}
}
