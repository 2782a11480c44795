// Package bridgetest holds conformance tests that every bridge.Store
// implementation runs: the SQL store on SQLite and PostgreSQL, and the
// in-memory fake.
package bridgetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// t0 is the tests' "now"; stores keep times to the microsecond at least.
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// session returns a session of contact created at t0 that lasts an hour.
func session(id, contact, sub, sid string) bridge.Session {
	return bridge.Session{
		ID: id, Identity: bridge.Identity{Issuer: "https://idp.test", Subject: sub}, ContactID: contact,
		Email: sub + "@Example.test", Name: "N " + sub, SID: sid, CSRF: "csrf-" + id, IDToken: "idt-" + id,
		UserAgent: "Agent/1.0", Created: t0, LastSeen: t0, Expires: t0.Add(time.Hour), IdleUntil: t0.Add(30 * time.Minute),
	}
}

// RunSessions tests a bridge.SessionStore; open returns an empty store.
func RunSessions(t *testing.T, open func(t *testing.T) bridge.SessionStore) {
	t.Run("create, read, touch, expire", func(t *testing.T) { testSessionLifecycle(t, open(t)) })
	t.Run("delete by filter", func(t *testing.T) { testDeleteSessions(t, open(t)) })
	t.Run("sweep", func(t *testing.T) { testSweep(t, open(t)) })
	t.Run("token ids are used once", func(t *testing.T) { testTokenIDs(t, open(t)) })
}

func testSessionLifecycle(t *testing.T, st bridge.SessionStore) {
	ctx := context.Background()
	want := session("a1", "c1", "u1", "sid1")
	if err := st.CreateSession(ctx, want); err != nil {
		t.Fatalf("CreateSession: %v", err)
	}
	if err := st.CreateSession(ctx, bridge.Session{ID: "x"}); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("CreateSession without identity: %v, want ErrInvalid", err)
	}
	got, err := st.SessionByID(ctx, "a1", t0.Add(time.Minute))
	if err != nil || got.ContactID != "c1" || got.SID != "sid1" || got.CSRF != "csrf-a1" || got.IDToken != "idt-a1" ||
		got.UserAgent != "Agent/1.0" || !got.Created.Equal(t0) || !got.IdleUntil.Equal(want.IdleUntil) {
		t.Fatalf("SessionByID = %+v, %v", got, err)
	}
	if _, err := st.SessionByID(ctx, "a1", t0.Add(31*time.Minute)); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("idle session: %v, want ErrNotFound", err)
	}
	if err := st.TouchSession(ctx, "a1", t0.Add(29*time.Minute), t0.Add(59*time.Minute)); err != nil {
		t.Fatalf("TouchSession: %v", err)
	}
	if got, err := st.SessionByID(ctx, "a1", t0.Add(31*time.Minute)); err != nil || !got.LastSeen.Equal(t0.Add(29*time.Minute)) {
		t.Errorf("touched session = %+v, %v", got, err)
	}
	if _, err := st.SessionByID(ctx, "a1", t0.Add(time.Hour)); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("session past its absolute end: %v, want ErrNotFound", err)
	}
	for _, bad := range []string{"", "nope", "a1\x00", "\xff"} {
		if _, err := st.SessionByID(ctx, bad, t0); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("SessionByID(%q): %v, want ErrNotFound", bad, err)
		}
	}
	if err := st.TouchSession(ctx, "nope", t0, t0); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("TouchSession unknown: %v, want ErrNotFound", err)
	}
}

func testDeleteSessions(t *testing.T, st bridge.SessionStore) {
	ctx := context.Background()
	for _, s := range []bridge.Session{
		session("a1", "c1", "u1", "sid1"), session("a2", "c1", "u1", "sid2"),
		session("b1", "c2", "u2", "sid3"), session("d1", "c3", "u3", ""),
	} {
		if err := st.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	del := func(f bridge.SessionFilter) []string {
		ids, err := st.DeleteSessions(ctx, f)
		if err != nil {
			t.Fatalf("DeleteSessions(%+v): %v", f, err)
		}
		slices.Sort(ids)
		return ids
	}
	if ids := del(bridge.SessionFilter{}); len(ids) != 0 {
		t.Errorf("zero filter deleted %v", ids)
	}
	if list, _ := st.Sessions(ctx, bridge.SessionFilter{Email: "U1@EXAMPLE.TEST"}); len(list) != 2 {
		t.Errorf("Sessions by email ignoring case = %d sessions, want 2", len(list))
	}
	if ids := del(bridge.SessionFilter{ID: "d1", ContactID: "c1"}); len(ids) != 0 {
		t.Errorf("ID and another contact deleted %v", ids)
	}
	if ids := del(bridge.SessionFilter{Issuer: "https://idp.test", Subject: "u1", SID: "sid2"}); !slices.Equal(ids, []string{"a2"}) {
		t.Errorf("by sid deleted %v", ids)
	}
	if ids := del(bridge.SessionFilter{Issuer: "https://other.test", Subject: "u2"}); len(ids) != 0 {
		t.Errorf("another issuer's subject deleted %v", ids)
	}
	if ids := del(bridge.SessionFilter{ContactID: "c1"}); !slices.Equal(ids, []string{"a1"}) {
		t.Errorf("by contact deleted %v", ids)
	}
	if ids := del(bridge.SessionFilter{Email: "u2@example.TEST"}); !slices.Equal(ids, []string{"b1"}) {
		t.Errorf("by email deleted %v", ids)
	}
	if ids := del(bridge.SessionFilter{All: true}); !slices.Equal(ids, []string{"d1"}) {
		t.Errorf("all deleted %v", ids)
	}
}

func testSweep(t *testing.T, st bridge.SessionStore) {
	ctx := context.Background()
	live, idle, old := session("live", "c1", "u1", ""), session("idle", "c1", "u1", ""), session("old", "c1", "u1", "")
	live.IdleUntil, live.Expires = t0.Add(2*time.Hour), t0.Add(3*time.Hour)
	idle.IdleUntil = t0.Add(time.Minute)
	old.Expires = t0.Add(time.Minute)
	for _, s := range []bridge.Session{live, idle, old} {
		if err := st.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := st.SweepSessions(ctx, t0.Add(time.Hour+time.Minute)); err != nil || n != 2 {
		t.Errorf("SweepSessions = %d, %v; want 2", n, err)
	}
	if list, err := st.Sessions(ctx, bridge.SessionFilter{All: true}); err != nil || len(list) != 1 || list[0].ID != "live" {
		t.Errorf("after sweeping: %+v, %v", list, err)
	}
}

func testTokenIDs(t *testing.T, st bridge.SessionStore) {
	ctx := context.Background()
	use := func(iss, jti string, until time.Time) bool {
		fresh, err := st.UseTokenID(ctx, iss, jti, until)
		if err != nil {
			t.Fatalf("UseTokenID: %v", err)
		}
		return fresh
	}
	if !use("iss", "j1", t0.Add(time.Minute)) || use("iss", "j1", t0.Add(time.Minute)) {
		t.Error("a token ID was not accepted exactly once")
	}
	if !use("other", "j1", t0.Add(time.Minute)) {
		t.Error("the same jti of another issuer was refused")
	}
	if _, err := st.UseTokenID(ctx, "iss", "", t0); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("empty jti: %v, want ErrInvalid", err)
	}
	if _, err := st.SweepSessions(ctx, t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if !use("iss", "j1", t0.Add(3*time.Minute)) {
		t.Error("a swept token ID is still remembered")
	}
}
