package auth_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"clientgate/auth"
	"clientgate/connectors/bridge"
)

// stolen replays a copied session cookie in a fresh browser and reports
// whether it still opens the page and the API.
func stolen(t *testing.T, e *env, base, cookie string) (page, api bool) {
	t.Helper()
	thief := e.browser()
	thief.setCookie(sessionCookie, cookie)
	resp := thief.get(e.url(base + "/me"))
	body(t, resp)
	page = resp.StatusCode == http.StatusOK
	resp = thief.get(e.url(base + "/api/me"))
	body(t, resp)
	return page, resp.StatusCode == http.StatusOK
}

func TestCopiedCookieDiesWithSignOut(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	p := principalOf(t, b, "/clients/me")
	cookie := b.cookie(sessionCookie).Value
	if page, api := stolen(t, e, "/clients", cookie); !page || !api {
		t.Fatalf("a copy of a live cookie does not work: page %v, api %v", page, api)
	}
	b.expectRedirect(b.post(e.url("/auth/logout"), url.Values{"csrf_token": {p.CSRFToken}}, nil))
	if page, api := stolen(t, e, "/clients", cookie); page || api {
		t.Errorf("a copy of the cookie works after sign-out: page %v, api %v", page, api)
	}
	if list, _ := e.br.Sessions(t.Context(), bridge.SessionFilter{All: true}); len(list) != 0 {
		t.Errorf("sign-out left %d session records", len(list))
	}
}

func TestEndSessionsRevokesEverySessionOfAContact(t *testing.T) {
	e := newEnv(t)
	c := e.addContact(alice.Email)
	e.addContact(bob.Email)
	var cookies []string
	for range 2 {
		b := e.browser()
		b.expectRedirect(b.signIn("/clients", alice, ""))
		principalOf(t, b, "/clients/me")
		cookies = append(cookies, b.cookie(sessionCookie).Value)
	}
	bobs := e.browser()
	bobs.expectRedirect(bobs.signIn("/clients", bob, ""))
	n, err := e.sites["/clients"].svc.EndSessions(t.Context(), bridge.SessionFilter{ContactID: c.ID})
	if err != nil || n != 2 {
		t.Fatalf("EndSessions = %d, %v", n, err)
	}
	for _, ck := range cookies {
		if page, api := stolen(t, e, "/clients", ck); page || api {
			t.Errorf("a revoked session still works: page %v, api %v", page, api)
		}
	}
	principalOf(t, bobs, "/clients/me") // another contact's session is untouched
}

// relay is a SessionBroadcaster that hands ended sessions to the other
// sites, as the PostgreSQL bus does between replicas.
type relay struct {
	mu    sync.Mutex
	sites []*auth.Service
	from  *auth.Service
}

func (r *relay) PublishSessionsEnded(_ context.Context, ids []string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.sites {
		if s != r.from {
			s.ForgetSessions(ids)
		}
	}
	return nil
}

// TestReplicasForgetEndedSessions: two replicas share the store and keep
// sessions in memory for a long time; a sign-out on one ends the session
// on the other at once through the broadcast, and without it the other
// replica would go on trusting its memory.
func TestReplicasForgetEndedSessions(t *testing.T) {
	for _, broadcast := range []bool{true, false} {
		t.Run(map[bool]string{true: "with broadcast", false: "without"}[broadcast], func(t *testing.T) {
			r := &relay{}
			long := func(o *auth.Options) {
				o.SessionCacheTTL = time.Hour
				if broadcast {
					o.Broadcaster = r
				}
			}
			e := newEnv(t, &site{base: "/a", opts: long}, &site{base: "/b", opts: long})
			r.sites = []*auth.Service{e.sites["/a"].svc, e.sites["/b"].svc}
			r.from = e.sites["/a"].svc
			e.addContact(alice.Email)
			b := e.browser()
			b.expectRedirect(b.signIn("/a", alice, "/a/me"))
			p := principalOf(t, b, "/b/me") // replica b now holds it in memory
			cookie := b.cookie(sessionCookie).Value
			b.expectRedirect(b.post(e.url("/a/auth/logout"), url.Values{"csrf_token": {p.CSRFToken}}, nil))
			page, _ := stolen(t, e, "/b", cookie)
			if page == broadcast {
				t.Errorf("replica b answers the ended session with page=%v", page)
			}
		})
	}
}

func TestSignInEndsTheSessionTheBrowserHeld(t *testing.T) {
	e := newEnv(t)
	e.addContact(alice.Email)
	b := e.browser()
	b.expectRedirect(b.signIn("/clients", alice, ""))
	first := b.cookie(sessionCookie).Value
	b.expectRedirect(b.signIn("/clients", alice, ""))
	if second := b.cookie(sessionCookie).Value; second == first || strings.TrimSpace(second) == "" {
		t.Fatalf("sign-in kept the cookie %q", second)
	}
	if page, _ := stolen(t, e, "/clients", first); page {
		t.Error("the session held before signing in again still works")
	}
}
