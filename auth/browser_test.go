package auth_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"clientgate/auth/devoidc"
)

// browser is an HTTP client with a cookie jar that follows no redirect on
// its own, so each step of the sign-in can be checked.
type browser struct {
	t *testing.T
	e *env
	c *http.Client
}

func (e *env) browser() *browser {
	jar, err := cookiejar.New(nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return &browser{t: e.t, e: e, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// do sends a request and fails the test on transport errors.
func (b *browser) do(req *http.Request) *http.Response {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	return resp
}

func (b *browser) get(u string) *http.Response {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.do(req)
}

func (b *browser) post(u string, form url.Values, header http.Header) *http.Response {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for k, v := range header {
		req.Header[k] = v
	}
	return b.do(req)
}

// expectRedirect checks a 302/303 and returns its absolute Location.
func (b *browser) expectRedirect(resp *http.Response) string {
	b.t.Helper()
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusFound && resp.StatusCode != http.StatusSeeOther {
		b.t.Fatalf("%s: status %d, want a redirect", resp.Request.URL, resp.StatusCode)
	}
	loc, err := resp.Location()
	if err != nil {
		b.t.Fatalf("location: %v", err)
	}
	return loc.String()
}

// authorizeURL starts sign-in on a site and returns the provider URL the
// portal redirects to.
func (b *browser) authorizeURL(base, next string) string {
	b.t.Helper()
	prefix := base
	if s, ok := b.e.sites[base]; ok {
		prefix = s.prefix
	}
	return b.expectRedirect(b.get(b.e.url(prefix + "/auth/login?next=" + url.QueryEscape(next))))
}

// choose runs the provider side from its authorize URL: it opens the
// picker and signs in as p, returning the portal callback URL.
func (b *browser) choose(authorize string, p devoidc.Person) string {
	b.t.Helper()
	loginPage := b.expectRedirect(b.get(authorize))
	resp := b.get(loginPage)
	page := body(b.t, resp)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, p.Email) {
		b.t.Fatalf("provider picker: status %d, page without %s:\n%s", resp.StatusCode, p.Email, page)
	}
	form := url.Values{"id": {query(b.t, loginPage, "id")}, "sub": {p.Subject}}
	next := b.expectRedirect(b.post(b.e.op.Issuer()+"/login", form, nil))
	return b.expectRedirect(b.get(next)) // the op's authorize callback issues the code
}

// signIn runs the whole flow on a site and returns the callback response.
func (b *browser) signIn(base string, p devoidc.Person, next string) *http.Response {
	b.t.Helper()
	return b.get(b.choose(b.authorizeURL(base, next), p))
}

// cookie returns the named cookie the jar holds for the portal.
func (b *browser) cookie(name string) *http.Cookie {
	u, _ := url.Parse(b.e.srv.URL + "/")
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// setCookie replaces a cookie in the jar.
func (b *browser) setCookie(name, value string) {
	u, _ := url.Parse(b.e.srv.URL + "/")
	b.c.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}
