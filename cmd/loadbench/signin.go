package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/sync/errgroup"
)

// maxHops bounds the redirects followed in one sign-in step.
const maxHops = 10

// signInConcurrency is how many sign-ins signInAll runs at once.
const signInConcurrency = 4

// signInAll signs every one of emails in at base and returns their
// Cookie header values, in the order of emails.
func signInAll(ctx context.Context, base string, emails []string) ([]string, error) {
	cookies := make([]string, len(emails))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(signInConcurrency)
	for i, email := range emails {
		g.Go(func() error {
			c, err := signIn(ctx, base, email)
			if err != nil {
				return fmt.Errorf("%s: %w", email, err)
			}
			cookies[i] = c
			return nil
		})
	}
	return cookies, g.Wait()
}

// signIn drives the authorization code flow of the portal at base (such
// as http://127.0.0.1:8080) like a browser: /auth/login, the provider's
// person picker, the form for email, the callback. It returns the cookies
// the portal set, as a Cookie header value.
func signIn(ctx context.Context, base, email string) (string, error) {
	jar, err := cookiejar.New(nil)
	if err != nil {
		return "", err
	}
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	pickerURL, page, err := follow(ctx, c, http.MethodGet, base+"/auth/login?next=%2Fapi%2Fv1%2Finvoices", nil)
	if err != nil {
		return "", fmt.Errorf("sign-in: to the provider's picker: %w", err)
	}
	action, form, err := pickerForm(page, email)
	if err != nil {
		return "", fmt.Errorf("sign-in: picker page %s: %w", redact(pickerURL), err)
	}
	target, err := url.Parse(pickerURL)
	if err != nil {
		return "", err
	}
	if _, _, err := follow(ctx, c, http.MethodPost, target.ResolveReference(action).String(), form); err != nil {
		return "", fmt.Errorf("sign-in: posting the picker form: %w", err)
	}
	return sessionCookies(jar, base)
}

// follow sends a request and follows redirects by GET until an answer
// other than a redirect; it wants a 200 and returns the final URL and body.
func follow(ctx context.Context, c *http.Client, method, u string, form url.Values) (string, string, error) {
	for range maxHops {
		var body io.Reader
		if form != nil {
			body = strings.NewReader(form.Encode())
		}
		req, err := http.NewRequestWithContext(ctx, method, u, body)
		if err != nil {
			return "", "", err
		}
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		resp, err := c.Do(req)
		if err != nil {
			return "", "", fmt.Errorf("%s %s: %w", method, redact(u), err)
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
		if err != nil {
			return "", "", fmt.Errorf("%s %s: %w", method, redact(u), err)
		}
		switch {
		case resp.StatusCode == http.StatusOK:
			return u, string(data), nil
		case resp.StatusCode >= 300 && resp.StatusCode < 400:
			loc, err := resp.Location()
			if err != nil {
				return "", "", fmt.Errorf("%s %s: status %d without a Location", method, redact(u), resp.StatusCode)
			}
			u, method, form = loc.String(), http.MethodGet, nil
		default:
			return "", "", fmt.Errorf("%s %s: status %d: %s", method, redact(u), resp.StatusCode, snippet(data))
		}
	}
	return "", "", fmt.Errorf("more than %d redirects", maxHops)
}

var (
	formRe   = regexp.MustCompile(`(?s)<form\s+([^>]*)>(.*?)</form>`)
	actionRe = regexp.MustCompile(`action="([^"]*)"`)
	inputRe  = regexp.MustCompile(`<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"`)
)

// pickerForm finds the form of the development provider's picker page
// that signs in as email and returns its action and fields.
func pickerForm(page, email string) (*url.URL, url.Values, error) {
	want := strings.ToLower(html.EscapeString(email))
	for _, m := range formRe.FindAllStringSubmatch(page, -1) {
		if !strings.Contains(strings.ToLower(m[2]), want) {
			continue
		}
		a := actionRe.FindStringSubmatch(m[1])
		if a == nil {
			return nil, nil, fmt.Errorf("the form for %s has no action", email)
		}
		action, err := url.Parse(html.UnescapeString(a[1]))
		if err != nil {
			return nil, nil, fmt.Errorf("the form for %s: bad action: %w", email, err)
		}
		form := url.Values{}
		for _, in := range inputRe.FindAllStringSubmatch(m[2], -1) {
			form.Add(html.UnescapeString(in[1]), html.UnescapeString(in[2]))
		}
		return action, form, nil
	}
	return nil, nil, fmt.Errorf("no person with email %s offered", email)
}

// sessionCookies returns every cookie the jar holds for base after the
// sign-in, as a Cookie header value. It does not pick the session cookie
// by name or shape: whatever the portal sets, a browser would send back,
// and each target's check before its run proves that the session works.
func sessionCookies(jar http.CookieJar, base string) (string, error) {
	u, err := url.Parse(base + "/")
	if err != nil {
		return "", err
	}
	var pairs []string
	for _, c := range jar.Cookies(u) {
		pairs = append(pairs, c.Name+"="+c.Value)
	}
	if len(pairs) == 0 {
		return "", fmt.Errorf("sign-in: the flow ended without a cookie for %s", base)
	}
	return strings.Join(pairs, "; "), nil
}
