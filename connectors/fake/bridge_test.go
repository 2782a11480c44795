package fake_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
)

var (
	idA = bridge.Identity{Issuer: "https://idp.example", Subject: "a"}
	idB = bridge.Identity{Issuer: "https://idp.example", Subject: "b"}
	t0  = time.Date(2025, 5, 1, 10, 0, 0, 0, time.UTC)
)

func TestBridgeLinks(t *testing.T) {
	b := fake.NewBridge()
	if _, err := b.LinkFor(ctx, idA); !errors.Is(err, connectors.ErrNotFound) {
		t.Fatalf("LinkFor before save: %v", err)
	}
	must(t, b.SaveLink(ctx, bridge.Link{Identity: idB, ContactID: "c2", Via: bridge.ViaEmail, CreatedAt: t0.Add(time.Hour)}))
	must(t, b.SaveLink(ctx, bridge.Link{Identity: idA, ContactID: "c1", Via: bridge.ViaEmail, CreatedAt: t0}))
	must(t, b.SaveLink(ctx, bridge.Link{Identity: idA, ContactID: "c3", Via: bridge.ViaOperator, CreatedAt: t0}))
	got, err := b.LinkFor(ctx, idA)
	if err != nil || got.ContactID != "c3" || got.Via != bridge.ViaOperator {
		t.Fatalf("LinkFor after replace: %+v %v", got, err)
	}
	links, err := b.Links(ctx)
	if err != nil || len(links) != 2 || links[0].Identity != idA || links[1].Identity != idB {
		t.Fatalf("Links, oldest first: %+v %v", links, err)
	}
	must(t, b.DeleteLink(ctx, idA))
	if err := b.DeleteLink(ctx, idA); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("second DeleteLink: %v", err)
	}
	if err := b.SaveLink(ctx, bridge.Link{Identity: idA}); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("SaveLink without contact: %v", err)
	}
	must(t, b.SaveLink(ctx, bridge.Link{Identity: idA, ContactID: "c1"}))
	if got, _ := b.LinkFor(ctx, idA); got.CreatedAt.IsZero() {
		t.Errorf("SaveLink left CreatedAt zero")
	}
}

func TestBridgeConflictsMerge(t *testing.T) {
	b := fake.NewBridge()
	must(t, b.RecordConflict(ctx, bridge.Conflict{Identity: idA, Email: "x@example.com", ContactIDs: []string{"1", "2"}, LastSeen: t0}))
	must(t, b.RecordConflict(ctx, bridge.Conflict{Identity: idB, Email: "y@example.com", ContactIDs: []string{"3", "4"}, LastSeen: t0.Add(time.Minute)}))
	ids := []string{"1", "2", "5"}
	must(t, b.RecordConflict(ctx, bridge.Conflict{Identity: idA, Email: "x@example.com", ContactIDs: ids, LastSeen: t0.Add(time.Hour)}))
	ids[0] = "mutated by caller"
	got, err := b.Conflicts(ctx)
	if err != nil || len(got) != 2 {
		t.Fatalf("Conflicts: %+v %v", got, err)
	}
	a := got[0]
	if a.Identity != idA || a.Count != 2 || !a.FirstSeen.Equal(t0) || !a.LastSeen.Equal(t0.Add(time.Hour)) ||
		len(a.ContactIDs) != 3 || a.ContactIDs[0] != "1" {
		t.Errorf("merged conflict, most recent first: %+v", a)
	}
	if got[1].Count != 1 {
		t.Errorf("single sighting count = %d", got[1].Count)
	}
}

func TestBridgeSettings(t *testing.T) {
	b := fake.NewBridge()
	got, err := b.ContactSettings(ctx, "c1")
	if err != nil || got.ContactID != "c1" || got.PortalDisabled || got.Modules != nil || got.SeeCompanyItems {
		t.Fatalf("zero settings: %+v %v", got, err)
	}
	mods := map[string]bool{"invoices": false}
	must(t, b.SaveContactSettings(ctx, bridge.ContactSettings{ContactID: "c1", PortalDisabled: true, Modules: mods}))
	mods["invoices"] = true
	got, _ = b.ContactSettings(ctx, "c1")
	if !got.PortalDisabled || got.Modules["invoices"] {
		t.Fatalf("saved settings: %+v", got)
	}
	got.Modules["tasks"] = true
	if again, _ := b.ContactSettings(ctx, "c1"); len(again.Modules) != 1 {
		t.Errorf("settings changed through a returned map: %+v", again)
	}
	if err := b.SaveContactSettings(ctx, bridge.ContactSettings{}); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("settings without contact: %v", err)
	}
}

func TestBridgeCalendarTokens(t *testing.T) {
	b := fake.NewBridge()
	tok, err := b.CalendarToken(ctx, "c1")
	if err != nil || len(tok) < 32 {
		t.Fatalf("CalendarToken: %q %v", tok, err)
	}
	again, _ := b.CalendarToken(ctx, "c1")
	other, _ := b.CalendarToken(ctx, "c2")
	if again != tok || other == tok {
		t.Fatalf("tokens: same contact %q/%q, other %q", tok, again, other)
	}
	if id, err := b.ContactByCalendarToken(ctx, tok); err != nil || id != "c1" {
		t.Fatalf("ContactByCalendarToken: %q %v", id, err)
	}
	must(t, b.RevokeCalendarToken(ctx, "c1"))
	if _, err := b.ContactByCalendarToken(ctx, tok); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("revoked token still works: %v", err)
	}
	if fresh, _ := b.CalendarToken(ctx, "c1"); fresh == tok {
		t.Errorf("new token equals the revoked one")
	}
	for _, bad := range []string{"", "nope"} {
		if _, err := b.ContactByCalendarToken(ctx, bad); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("ContactByCalendarToken(%q): %v", bad, err)
		}
	}
}

func TestBridgeAudit(t *testing.T) {
	b := fake.NewBridge()
	changes := []connectors.Change{{Field: connectors.FieldFirstName, Old: "a", New: "b"}}
	must(t, b.Record(ctx, bridge.AuditEntry{ContactID: "c1", Action: "old", At: t0}))
	must(t, b.Record(ctx, bridge.AuditEntry{ContactID: "c1", Action: "now", Changes: changes}))
	must(t, b.Record(ctx, bridge.AuditEntry{ContactID: "c1", Action: "middle", At: t0.Add(time.Hour)}))
	must(t, b.Record(ctx, bridge.AuditEntry{ContactID: "c2", Action: "other"}))
	changes[0].New = "mutated"
	log, err := b.AuditLog(ctx, "c1", 10)
	if err != nil || len(log) != 3 {
		t.Fatalf("AuditLog: %+v %v", log, err)
	}
	if log[0].Action != "now" || log[1].Action != "middle" || log[2].Action != "old" {
		t.Errorf("not newest first: %+v", log)
	}
	if log[0].At.IsZero() || log[0].ID == 0 || log[0].Changes[0].New != "b" {
		t.Errorf("recorded entry: %+v", log[0])
	}
	if short, _ := b.AuditLog(ctx, "c1", 2); len(short) != 2 || short[0].Action != "now" {
		t.Errorf("limit 2: %+v", short)
	}
}

func TestBridgeCancelledContext(t *testing.T) {
	b := fake.NewBridge()
	c, cancel := context.WithCancel(ctx)
	cancel()
	errs := []error{
		b.SaveLink(c, bridge.Link{Identity: idA, ContactID: "c"}),
		b.RecordConflict(c, bridge.Conflict{Identity: idA}),
		b.Record(c, bridge.AuditEntry{ContactID: "c"}),
		b.RevokeCalendarToken(c, "c"),
	}
	_, err := b.CalendarToken(c, "c")
	errs = append(errs, err)
	for i, err := range errs {
		if !errors.Is(err, context.Canceled) {
			t.Errorf("call %d: %v", i, err)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
