package bridgetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// StaffStore is what RunStaff tests: staff sessions, the staff
// directory and email preferences.
type StaffStore interface {
	bridge.SessionStore
	bridge.StaffDirectory
	bridge.EmailPreferenceStore
}

// RunStaff tests staff sessions, the staff directory and email
// preferences; open returns an empty store.
func RunStaff(t *testing.T, open func(t *testing.T) StaffStore) {
	t.Run("staff sessions", func(t *testing.T) { testStaffSessions(t, open(t)) })
	t.Run("staff directory", func(t *testing.T) { testStaffDirectory(t, open(t)) })
	t.Run("email preferences", func(t *testing.T) { testEmailPreferences(t, open(t)) })
}

func testStaffSessions(t *testing.T, st StaffStore) {
	ctx := context.Background()
	staffOnly := session("s1", "", "staff1", "")
	staffOnly.Staff = true
	both := session("s2", "c1", "staff2", "")
	both.Staff = true
	for _, s := range []bridge.Session{staffOnly, both} {
		if err := st.CreateSession(ctx, s); err != nil {
			t.Fatalf("CreateSession %s: %v", s.ID, err)
		}
	}
	if err := st.CreateSession(ctx, session("s3", "", "nobody", "")); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("a session with neither contact nor staff status: %v, want ErrInvalid", err)
	}
	for id, contact := range map[string]string{"s1": "", "s2": "c1"} {
		got, err := st.SessionByID(ctx, id, t0)
		if err != nil || !got.Staff || got.ContactID != contact {
			t.Errorf("SessionByID(%s) = %+v, %v", id, got, err)
		}
	}
	plain := session("p1", "c2", "client", "")
	if err := st.CreateSession(ctx, plain); err != nil {
		t.Fatal(err)
	}
	if got, err := st.SessionByID(ctx, "p1", t0); err != nil || got.Staff {
		t.Errorf("a client's session reads as staff: %+v, %v", got, err)
	}
}

func testStaffDirectory(t *testing.T, st StaffStore) {
	ctx := context.Background()
	if _, err := st.StaffMember(ctx, "https://idp.test|nobody"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("unknown staff member: %v, want ErrNotFound", err)
	}
	for _, m := range []bridge.StaffRecord{
		{ID: "https://idp.test|b", Name: "Sam Staff", Email: "sam@example.test", LastSeen: t0},
		{ID: "https://idp.test|a", Name: "Alex Agent", Email: "alex@example.test", LastSeen: t0},
		{ID: "https://idp.test|b", Name: "Sam Staff", Email: "sam.new@example.test", LastSeen: t0.Add(time.Hour)},
	} {
		if err := st.SaveStaffMember(ctx, m); err != nil {
			t.Fatalf("SaveStaffMember: %v", err)
		}
	}
	if err := st.SaveStaffMember(ctx, bridge.StaffRecord{Name: "no id"}); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("staff member without ID: %v, want ErrInvalid", err)
	}
	all, err := st.StaffMembers(ctx)
	if err != nil || len(all) != 2 || all[0].Name != "Alex Agent" || all[1].Email != "sam.new@example.test" {
		t.Fatalf("StaffMembers = %+v, %v", all, err)
	}
	got, err := st.StaffMember(ctx, "https://idp.test|b")
	if err != nil || got.Email != "sam.new@example.test" || !got.LastSeen.Equal(t0.Add(time.Hour)) {
		t.Errorf("StaffMember = %+v, %v", got, err)
	}
}

func testEmailPreferences(t *testing.T, st StaffStore) {
	ctx := context.Background()
	if p, err := st.EmailPreferences(ctx, "c1"); err != nil || p.OptOut || p.ContactID != "c1" {
		t.Errorf("EmailPreferences of a new contact = %+v, %v", p, err)
	}
	tok, err := st.UnsubscribeToken(ctx, "c1")
	if err != nil || len(tok) < 32 {
		t.Fatalf("UnsubscribeToken = %q, %v", tok, err)
	}
	if again, _ := st.UnsubscribeToken(ctx, "c1"); again != tok {
		t.Errorf("a second token %q differs from %q", again, tok)
	}
	if other, _ := st.UnsubscribeToken(ctx, "c2"); other == tok {
		t.Error("two contacts share an unsubscribe token")
	}
	if id, err := st.ContactByUnsubscribeToken(ctx, tok); err != nil || id != "c1" {
		t.Errorf("ContactByUnsubscribeToken = %q, %v", id, err)
	}
	for _, bad := range []string{"", "x", tok + "x", "\xff"} {
		if _, err := st.ContactByUnsubscribeToken(ctx, bad); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("ContactByUnsubscribeToken(%q): %v, want ErrNotFound", bad, err)
		}
	}
	if err := st.SetEmailOptOut(ctx, "c1", true); err != nil {
		t.Fatal(err)
	}
	if p, _ := st.EmailPreferences(ctx, "c1"); !p.OptOut {
		t.Error("the opt-out was not kept")
	}
	if again, _ := st.UnsubscribeToken(ctx, "c1"); again != tok {
		t.Error("opting out changed the token")
	}
	if err := st.SetEmailOptOut(ctx, "c3", true); err != nil {
		t.Fatal(err)
	}
	if p, _ := st.EmailPreferences(ctx, "c3"); !p.OptOut {
		t.Error("an opt-out before any token was not kept")
	}
	if err := st.SetEmailOptOut(ctx, "c1", false); err != nil {
		t.Fatal(err)
	}
	if p, _ := st.EmailPreferences(ctx, "c1"); p.OptOut {
		t.Error("opting in again was not kept")
	}
	if err := st.SetEmailOptOut(ctx, "", true); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("SetEmailOptOut without contact: %v, want ErrInvalid", err)
	}
}
