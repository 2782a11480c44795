package sqlstore

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

func TestPreferences(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		got, err := s.Preferences(ctx, "c1")
		if err != nil || got != (bridge.Preferences{ContactID: "c1"}) {
			t.Fatalf("before saving: %+v, %v", got, err)
		}
		for _, p := range []bridge.Preferences{
			{ContactID: "c1", Language: "de", TimeZone: "Europe/Berlin"},
			{ContactID: "c1", Language: "fr", TimeZone: "Pacific/Auckland"},
			{ContactID: "c2", TimeZone: "America/Los_Angeles"},
		} {
			if err := s.SavePreferences(ctx, p); err != nil {
				t.Fatalf("SavePreferences(%+v): %v", p, err)
			}
		}
		if got, err := s.Preferences(ctx, "c1"); err != nil || got.Language != "fr" || got.TimeZone != "Pacific/Auckland" {
			t.Errorf("after replacing: %+v, %v", got, err)
		}
		if got, _ := s.Preferences(ctx, "c2"); got.Language != "" || got.TimeZone != "America/Los_Angeles" {
			t.Errorf("c2: %+v", got)
		}
		for _, bad := range []bridge.Preferences{{}, {ContactID: "c\x00"}, {ContactID: "c", Language: "\xff"}} {
			if err := s.SavePreferences(ctx, bad); !errors.Is(err, connectors.ErrInvalid) {
				t.Errorf("SavePreferences(%q): err = %v, want ErrInvalid", bad, err)
			}
		}
	})
}

func TestFormDrafts(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		d := bridge.FormDraft{ID: "d1", Path: "/clients/details/edit", Created: now,
			Values: map[string][]string{"address.city": {"Zürich"}, "phone_mobile": {"+41 79 000 00 00"}}}
		if err := s.SaveFormDraft(ctx, d, now.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		old := bridge.FormDraft{ID: "old", Path: "/clients/details/edit", Created: now.Add(-2 * time.Hour)}
		if err := s.SaveFormDraft(ctx, old, now.Add(-3*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TakeFormDraft(ctx, "old", now.Add(-time.Hour)); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("expired draft: err = %v, want ErrNotFound", err)
		}
		got, err := s.TakeFormDraft(ctx, "d1", now.Add(-time.Hour))
		if err != nil || got.Path != d.Path || !reflect.DeepEqual(got.Values, d.Values) || !got.Created.Equal(now) {
			t.Errorf("TakeFormDraft = %+v, %v; want %+v", got, err, d)
		}
		if _, err := s.TakeFormDraft(ctx, "d1", now.Add(-time.Hour)); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("second take: err = %v, want ErrNotFound", err)
		}
		if err := s.SaveFormDraft(ctx, bridge.FormDraft{Path: "/x"}, now); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("draft without id: err = %v", err)
		}
	})
}
