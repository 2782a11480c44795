package main

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"

	"github.com/tidwall/gjson"
)

// checkItems checks that body is a JSON object with an "items" array and
// returns the array's length.
func checkItems(body []byte) (int, error) {
	if !gjson.ValidBytes(body) {
		return 0, fmt.Errorf("body is not JSON: %s", snippet(body))
	}
	doc := gjson.ParseBytes(body)
	if !doc.IsObject() {
		return 0, fmt.Errorf("body is not a JSON object: %s", snippet(body))
	}
	items := doc.Get("items")
	if !items.IsArray() {
		return 0, fmt.Errorf("body has no items array: %s", snippet(body))
	}
	return int(doc.Get("items.#").Int()), nil
}

var titleRe = regexp.MustCompile(`(?is)<title>(.*?)</title>`)

// snippet returns the title of an HTML page, or else the start of a body,
// on one line, for an error message.
func snippet(body []byte) string {
	if m := titleRe.FindSubmatch(body); m != nil {
		return fmt.Sprintf("HTML page %q", html.UnescapeString(string(bytes.TrimSpace(m[1]))))
	}
	const n = 200
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// redact drops a URL's query and fragment, which may carry codes or
// tokens, for messages.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable URL)"
	}
	u.RawQuery, u.Fragment, u.User = "", "", nil
	return u.String()
}
