package restapi

import (
	"net/http"
	"strings"
)

// nextLink returns the target of the rel="next" link of an RFC 8288 Link
// header, or "".
func nextLink(h http.Header) string {
	for _, v := range h.Values("Link") {
		for {
			start := strings.IndexByte(v, '<')
			if start < 0 {
				break
			}
			end := strings.IndexByte(v[start:], '>')
			if end < 0 {
				break
			}
			target := v[start+1 : start+end]
			v = v[start+end+1:]
			params := v
			if i := strings.IndexByte(v, '<'); i >= 0 {
				params = v[:i]
			}
			if hasNextRel(strings.TrimRight(strings.TrimSpace(params), ",")) {
				return target
			}
		}
	}
	return ""
}

// hasNextRel reports whether link parameters hold rel="next" (rel may
// list several space-separated types).
func hasNextRel(params string) bool {
	for _, p := range strings.Split(params, ";") {
		name, val, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "rel") {
			continue
		}
		for _, rel := range strings.Fields(strings.Trim(strings.TrimSpace(val), `"`)) {
			if strings.EqualFold(rel, "next") {
				return true
			}
		}
	}
	return false
}
