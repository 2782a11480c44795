package restapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// describe renders a request for check-config --probe with its secrets
// masked: the URL redacted as in errors, credential headers shown as
// "***", and the body.
func (c *Connector) describe(req *http.Request, cl call) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", req.Method, c.http.Redact(req.URL))
	names := make([]string, 0, len(req.Header))
	for name := range req.Header {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		v := strings.Join(req.Header[name], ", ")
		if c.secretHeader(name) {
			v = "***"
		}
		fmt.Fprintf(&b, "\n      %s: %s", name, v)
	}
	if cl.op.Body != nil {
		filled, _, _ := cl.filler().fill(cl.op.Body)
		data, _ := json.Marshal(filled)
		fmt.Fprintf(&b, "\n      body: %s", data)
	}
	return b.String()
}

// secretHeader reports headers that carry credentials.
func (c *Connector) secretHeader(name string) bool {
	return strings.EqualFold(name, "Authorization") || strings.EqualFold(name, "Cookie") ||
		(c.m.Auth.Header != "" && strings.EqualFold(name, c.m.Auth.Header))
}
