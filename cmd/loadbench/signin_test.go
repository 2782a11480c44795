package main

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"clientgate/auth/devoidc"
)

const pickerPage = `<ul>
<li><form method="post" action="/login">
<input type="hidden" name="id" value="req&#43;1"><input type="hidden" name="sub" value="sub-a">
<button type="submit">Ann &lt;ann@example.com&gt;</button>
</form></li>
<li><form method="post" action="/login">
<input type="hidden" name="id" value="req&#43;1"><input type="hidden" name="sub" value="sub-b">
<button type="submit">Bob &lt;bob@example.com&gt;</button>
</form></li>
</ul>
<form method="post" action="/login"><input type="hidden" name="id" value="req&#43;1">
<button type="submit" name="cancel" value="1">Cancel</button></form>`

func TestPickerForm(t *testing.T) {
	action, form, err := pickerForm(pickerPage, "Bob@Example.com")
	if err != nil {
		t.Fatal(err)
	}
	if action.String() != "/login" || form.Get("id") != "req+1" || form.Get("sub") != "sub-b" || form.Has("cancel") {
		t.Errorf("action %s, form %v", action, form)
	}
	for _, page := range []string{pickerPage, "", "<form action=\"/login\">no one</form>"} {
		if _, _, err := pickerForm(page, "carol@example.com"); err == nil {
			t.Errorf("pickerForm found carol in %q", page)
		}
	}
	if _, _, err := pickerForm(`<form method="post"><input name="sub" value="x">ann@example.com</form>`, "ann@example.com"); err == nil {
		t.Error("pickerForm accepted a form without an action")
	}
}

// TestPickerAgainstDevOIDC drives the real development provider from its
// authorize endpoint through the picker to the redirect URL.
func TestPickerAgainstDevOIDC(t *testing.T) {
	codes := make(chan string, 1)
	rp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		codes <- r.URL.Query().Get("code")
	}))
	defer rp.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	person := devoidc.Person{Email: "zoe@example.com", Name: "Zoe"}
	op, err := devoidc.Start(ctx, "127.0.0.1:0", "cid", "secret", []string{rp.URL + "/cb"},
		[]devoidc.Person{{Email: "other@example.com", Name: "Other"}, person})
	if err != nil {
		t.Fatal(err)
	}
	defer op.Close()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	pageURL, page, err := follow(ctx, c, http.MethodGet, authorizeURL(t, op.Issuer(), rp.URL+"/cb"), nil)
	if err != nil {
		t.Fatal(err)
	}
	action, form, err := pickerForm(page, person.Email)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(pageURL)
	if _, _, err := follow(ctx, c, http.MethodPost, base.ResolveReference(action).String(), form); err != nil {
		t.Fatal(err)
	}
	if code := <-codes; code == "" {
		t.Error("the provider redirected without a code")
	}
}

// authorizeURL discovers the provider's authorize endpoint and returns a
// code flow request with PKCE S256.
func authorizeURL(t *testing.T, issuer, redirect string) string {
	t.Helper()
	resp, err := http.Get(issuer + "/.well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		Authorize string `json:"authorization_endpoint"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(strings.Repeat("v", 50)))
	q := url.Values{"client_id": {"cid"}, "redirect_uri": {redirect}, "response_type": {"code"},
		"scope": {"openid email"}, "state": {"st"}, "nonce": {"nn"},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"}}
	return doc.Authorize + "?" + q.Encode()
}

func TestFollowReportsFailures(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/nolocation":
			w.WriteHeader(http.StatusFound)
		default:
			http.Error(w, "unknown or expired sign-in request", http.StatusBadRequest)
		}
	}))
	defer srv.Close()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{
		"/loop": "more than", "/nolocation": "without a Location", "/bad?code=secret": "status 400: unknown or expired",
	} {
		_, _, err := follow(context.Background(), c, http.MethodGet, srv.URL+path, nil)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "secret") {
			t.Errorf("follow %s: %v, want an error with %q and no query", path, err, want)
		}
	}
}

func TestSessionCookies(t *testing.T) {
	jar, _ := cookiejar.New(nil)
	if _, err := sessionCookies(jar, "http://127.0.0.1:9"); err == nil {
		t.Error("sessionCookies found cookies in an empty jar")
	}
	u, _ := url.Parse("http://127.0.0.1:9/")
	jar.SetCookies(u, []*http.Cookie{{Name: "sid", Value: "abc", Path: "/"}, {Name: "lang", Value: "de", Path: "/"}})
	other, _ := url.Parse("http://127.0.0.2:9/") // cookies ignore ports: another host
	jar.SetCookies(other, []*http.Cookie{{Name: "foreign", Value: "x", Path: "/"}})
	got, err := sessionCookies(jar, "http://127.0.0.1:9")
	if err != nil || !strings.Contains(got, "sid=abc") || !strings.Contains(got, "lang=de") || strings.Contains(got, "foreign") {
		t.Errorf("sessionCookies = %q, %v; want both cookies of the portal and no other", got, err)
	}
}
