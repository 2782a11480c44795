package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// refreshCookies sends one request per cookie of t, as a browser would
// send its next one, and keeps whatever the answers set (a session the
// portal re-issues, such as one it slides on). wrk sends the cookies it
// was given for the whole run: without this, a portal that re-issues a
// session cookie once it is a minute old would re-issue it on every
// request of every later run, which no browser makes it do. It returns
// how many cookies the answers changed.
func refreshCookies(ctx context.Context, client *http.Client, t *Target) (int, error) {
	changed := 0
	for i, c := range t.Cookies {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.URL, nil)
		if err != nil {
			return changed, err
		}
		req.Header.Set("Accept", t.accept())
		req.Header.Set("Cookie", c)
		resp, err := client.Do(req)
		if err != nil {
			return changed, fmt.Errorf("%s: refreshing cookies: %w", t.Name, err)
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
		if set := resp.Cookies(); len(set) > 0 {
			t.Cookies[i] = mergeCookies(c, set)
			changed++
		}
	}
	return changed, nil
}

// mergeCookies applies Set-Cookie answers to a Cookie header value: a
// cookie of the same name is replaced, a new one added, one that expires
// removed.
func mergeCookies(header string, set []*http.Cookie) string {
	var names []string
	values := map[string]string{}
	for _, pair := range strings.Split(header, "; ") {
		name, value, ok := strings.Cut(pair, "=")
		if !ok || name == "" {
			continue
		}
		if _, seen := values[name]; !seen {
			names = append(names, name)
		}
		values[name] = value
	}
	for _, c := range set {
		if _, seen := values[c.Name]; !seen {
			names = append(names, c.Name)
		}
		values[c.Name] = c.Value
		if c.MaxAge < 0 {
			delete(values, c.Name)
		}
	}
	var pairs []string
	for _, n := range names {
		if v, ok := values[n]; ok {
			pairs = append(pairs, n+"="+v)
		}
	}
	return strings.Join(pairs, "; ")
}
