package sqlstore

import (
	"context"
	"errors"
	"maps"
	"slices"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

func auditEntry(contactID, action string) bridge.AuditEntry {
	return bridge.AuditEntry{ContactID: contactID, Actor: "iss|sub", Action: action, Target: "q1", IP: "192.0.2.1"}
}

func TestLinks(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := bridge.Identity{Issuer: "https://idp.test", Subject: "u1"}
		if _, err := s.LinkFor(ctx, id); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("LinkFor before saving: err = %v, want ErrNotFound", err)
		}
		t0 := time.Date(2025, 3, 1, 12, 0, 0, 123456000, time.UTC)
		other := bridge.Link{Identity: bridge.Identity{Issuer: "https://idp.test", Subject: "u0"}, ContactID: "c0", Via: bridge.ViaOperator, CreatedAt: t0.Add(-time.Hour)}
		for _, l := range []bridge.Link{
			{Identity: id, ContactID: "c1", Email: "a@x.test", Via: bridge.ViaEmail, CreatedAt: t0},
			other,
			{Identity: id, ContactID: "c2", Email: "a@x.test", Via: bridge.ViaOperator, CreatedAt: t0},
		} {
			if err := s.SaveLink(ctx, l); err != nil {
				t.Fatalf("SaveLink: %v", err)
			}
		}
		got, err := s.LinkFor(ctx, id)
		if err != nil || got.ContactID != "c2" || got.Via != bridge.ViaOperator || !got.CreatedAt.Equal(t0) {
			t.Errorf("LinkFor after replace = %+v, %v", got, err)
		}
		all, err := s.Links(ctx)
		if err != nil || len(all) != 2 || all[0].Subject != "u0" || all[1].Subject != "u1" {
			t.Errorf("Links = %+v, %v; want u0 then u1", all, err)
		}
		if err := s.DeleteLink(ctx, id); err != nil {
			t.Errorf("DeleteLink: %v", err)
		}
		if err := s.DeleteLink(ctx, id); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("DeleteLink twice: err = %v, want ErrNotFound", err)
		}
		if err := s.SaveLink(ctx, bridge.Link{Identity: id}); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("SaveLink without contact: err = %v, want ErrInvalid", err)
		}
		bad := bridge.Identity{Issuer: "iss\x00", Subject: "\xff"}
		if err := s.SaveLink(ctx, bridge.Link{Identity: bad, ContactID: "c"}); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("SaveLink with NUL and bad UTF-8: err = %v, want ErrInvalid", err)
		}
		if _, err := s.LinkFor(ctx, bad); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("LinkFor with NUL and bad UTF-8: err = %v, want ErrNotFound", err)
		}
	})
}

func TestConflicts(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		t0 := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		a := bridge.Identity{Issuer: "iss", Subject: "a"}
		b := bridge.Identity{Issuer: "iss", Subject: "b"}
		sightings := []bridge.Conflict{
			{Identity: a, Email: "x@x.test", ContactIDs: []string{"1", "2"}, FirstSeen: t0},
			{Identity: b, Email: "y@x.test", ContactIDs: []string{"3", "4"}, FirstSeen: t0.Add(time.Minute)},
			{Identity: a, Email: "x@x.test", ContactIDs: []string{"1", "2", "5"}, FirstSeen: t0.Add(time.Hour), LastSeen: t0.Add(time.Hour)},
		}
		for _, c := range sightings {
			if err := s.RecordConflict(ctx, c); err != nil {
				t.Fatalf("RecordConflict: %v", err)
			}
		}
		got, err := s.Conflicts(ctx)
		if err != nil || len(got) != 2 {
			t.Fatalf("Conflicts = %+v, %v", got, err)
		}
		first := got[0]
		if first.Identity != a || first.Count != 2 || !first.FirstSeen.Equal(t0) || !first.LastSeen.Equal(t0.Add(time.Hour)) ||
			!slices.Equal(first.ContactIDs, []string{"1", "2", "5"}) {
			t.Errorf("merged conflict = %+v", first)
		}
		if got[1].Identity != b || got[1].Count != 1 {
			t.Errorf("second conflict = %+v", got[1])
		}
	})
}

func TestContactSettings(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		zero, err := s.ContactSettings(ctx, "c1")
		if err != nil || zero.ContactID != "c1" || zero.PortalDisabled || zero.Modules != nil || zero.SeeCompanyItems {
			t.Errorf("settings before saving = %+v, %v", zero, err)
		}
		want := bridge.ContactSettings{ContactID: "c1", PortalDisabled: true, SeeCompanyItems: true,
			Modules: map[string]bool{"invoices": false, "tasks": true}}
		for _, cs := range []bridge.ContactSettings{{ContactID: "c1"}, want} {
			if err := s.SaveContactSettings(ctx, cs); err != nil {
				t.Fatalf("SaveContactSettings: %v", err)
			}
		}
		got, err := s.ContactSettings(ctx, "c1")
		if err != nil || got.ContactID != "c1" || !got.PortalDisabled || !got.SeeCompanyItems || !maps.Equal(got.Modules, want.Modules) {
			t.Errorf("settings = %+v, %v; want %+v", got, err, want)
		}
		hidden := bridge.ContactSettings{ContactID: "c1", HideCompanyItems: true}
		if err := s.SaveContactSettings(ctx, hidden); err != nil {
			t.Fatal(err)
		}
		if got, err := s.ContactSettings(ctx, "c1"); err != nil || !got.HideCompanyItems || got.SeeCompanyItems || got.ShowsCompanyItems(true) {
			t.Errorf("hidden settings = %+v, %v", got, err)
		}
	})
}

func TestCalendarTokens(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		tok, err := s.CalendarToken(ctx, "c1")
		if err != nil || len(tok) < 40 {
			t.Fatalf("CalendarToken = %q, %v", tok, err)
		}
		again, _ := s.CalendarToken(ctx, "c1")
		other, _ := s.CalendarToken(ctx, "c2")
		if again != tok || other == tok {
			t.Errorf("tokens: first %q, again %q, other contact %q", tok, again, other)
		}
		if id, err := s.ContactByCalendarToken(ctx, tok); err != nil || id != "c1" {
			t.Errorf("ContactByCalendarToken = %q, %v", id, err)
		}
		if err := s.RevokeCalendarToken(ctx, "c1"); err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{tok, "", "guess", "\x00", "%00", "\xff\xfe", tok + "="} {
			if _, err := s.ContactByCalendarToken(ctx, bad); !errors.Is(err, connectors.ErrNotFound) {
				t.Errorf("token %q after revoking: err = %v, want ErrNotFound", bad, err)
			}
		}
		if fresh, _ := s.CalendarToken(ctx, "c1"); fresh == tok || fresh == "" {
			t.Errorf("token after revoking = %q, want a new one", fresh)
		}
	})
}

func TestAuditLog(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		t0 := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
		e1 := auditEntry("c1", "contact.update")
		e1.At = t0
		e1.Changes = []connectors.Change{{Field: connectors.FieldAddressCity, Old: "York", New: "Leeds"}}
		e2 := auditEntry("c1", "quote.accept")
		e2.At = t0.Add(time.Minute)
		for _, e := range []bridge.AuditEntry{e1, e2, auditEntry("c2", "x"), auditEntry("c1", "now")} {
			if err := s.Record(ctx, e); err != nil {
				t.Fatalf("Record: %v", err)
			}
		}
		got, err := s.AuditLog(ctx, "c1", 10)
		if err != nil || len(got) != 3 {
			t.Fatalf("AuditLog = %+v, %v", got, err)
		}
		if got[0].Action != "now" || got[0].At.IsZero() || got[1].Action != "quote.accept" || got[2].Action != "contact.update" {
			t.Errorf("order = %s, %s, %s; want newest first", got[0].Action, got[1].Action, got[2].Action)
		}
		if !slices.Equal(got[2].Changes, e1.Changes) || got[2].IP != "192.0.2.1" || got[2].ID == 0 || got[1].Changes != nil {
			t.Errorf("entry = %+v", got[2])
		}
		if two, _ := s.AuditLog(ctx, "c1", 2); len(two) != 2 {
			t.Errorf("limit 2 returned %d entries", len(two))
		}
		if err := s.Record(ctx, bridge.AuditEntry{ContactID: "c1"}); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("entry without action: err = %v, want ErrInvalid", err)
		}
	})
}
