package restapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// call is one request of an operation.
type call struct {
	name string
	op   *Operation
	vars map[string]string
	// extra holds paging parameters added to the query.
	extra url.Values
	// next, when set, is the full URL to fetch instead (Link paging).
	next *url.URL
	// omit reports which lone body variables to leave out.
	omit func(string) bool
	// list marks the request of a list operation: lone variables that
	// are empty are left out of its body (see filler.dropEmpty).
	list bool
	// env is what the body's expressions see besides the variables.
	env exprEnv
}

// filler fills the call's body template.
func (cl call) filler() filler {
	return filler{vars: cl.vars, omit: cl.omit, dropEmpty: cl.list, progs: cl.op.bodyProgs, env: cl.env}
}

// answer is a successful JSON answer.
type answer struct {
	doc    gjson.Result
	header http.Header
}

// target builds the URL of a call.
func (c *Connector) target(cl call) (*url.URL, error) {
	if cl.next != nil {
		return cl.next, nil
	}
	path := expand(cl.op.Path, cl.vars, url.PathEscape)
	u, err := url.Parse(strings.TrimRight(c.base.String(), "/") + path)
	if err != nil {
		return nil, fmt.Errorf("restapi: %s: bad path: %w", cl.name, err)
	}
	q := u.Query()
	for k, tpl := range cl.op.Query {
		if name, lone := loneVar(tpl); lone && cl.vars[name] == "" {
			continue
		}
		q.Set(k, expand(tpl, cl.vars, noEscape))
	}
	for k, vs := range cl.extra {
		q[k] = vs
	}
	u.RawQuery = q.Encode()
	return u, nil
}

// body builds the JSON body of a call, or nil.
func (cl call) body() (io.Reader, error) {
	if cl.op.Body == nil {
		return nil, nil
	}
	filled, _, err := cl.filler().fill(cl.op.Body)
	if err != nil {
		return nil, &MappingError{Op: cl.name, Location: "body", Problem: err.Error()}
	}
	data, err := json.Marshal(filled)
	if err != nil {
		return nil, fmt.Errorf("restapi: %s: body template: %w", cl.name, err)
	}
	return bytes.NewReader(data), nil
}

// do sends a call and returns its JSON answer. Non-2xx answers become the
// matching connectors error; an OAuth2 token the API rejects is dropped
// and the call tried once more with a fresh one.
func (c *Connector) do(ctx context.Context, cl call) (answer, error) {
	a, status, err := c.send(ctx, cl)
	if status == http.StatusUnauthorized && c.auth.reset() {
		a, _, err = c.send(ctx, cl)
	}
	return a, err
}

func (c *Connector) send(ctx context.Context, cl call) (answer, int, error) {
	u, err := c.target(cl)
	if err != nil {
		return answer{}, 0, err
	}
	body, err := cl.body()
	if err != nil {
		return answer{}, 0, err
	}
	method := cl.op.Method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return answer{}, 0, fmt.Errorf("restapi: %s: %w", cl.name, err)
	}
	c.headers(req, body != nil)
	if err := c.auth.apply(ctx, req); err != nil {
		return answer{}, 0, fmt.Errorf("restapi: %s: %w", cl.name, err)
	}
	if tr := traceFrom(ctx); tr != nil {
		tr.request(cl.name, c.describe(req, cl))
	}
	resp, err := c.http.Do(ctx, req)
	if err != nil {
		return answer{}, 0, fmt.Errorf("restapi: %s: %w", cl.name, err)
	}
	if err := c.checkStatus(cl, req, resp.StatusCode); err != nil {
		return answer{}, resp.StatusCode, err
	}
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return answer{header: resp.Header}, resp.StatusCode, nil
	}
	if !gjson.ValidBytes(resp.Body) {
		return answer{}, resp.StatusCode, fmt.Errorf("%w: restapi: %s: %s %s: answer is not valid JSON",
			connectors.ErrUnavailable, cl.name, req.Method, c.http.Redact(req.URL))
	}
	return answer{doc: gjson.ParseBytes(resp.Body), header: resp.Header}, resp.StatusCode, nil
}

func (c *Connector) headers(req *http.Request, hasBody bool) {
	req.Header.Set("Accept", "application/json")
	if hasBody {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range c.m.Headers {
		req.Header.Set(k, v)
	}
}

// checkStatus applies the operation's expected-status rule: with
// expect, exactly those statuses are success; without, any 2xx.
func (c *Connector) checkStatus(cl call, req *http.Request, code int) error {
	want := cl.op.Expect
	switch {
	case len(want) == 0:
		return c.statusError(cl.name, req, code)
	case slices.Contains(want, code):
		return nil
	case code >= 200 && code < 300:
		return &MappingError{Op: cl.name, Location: "HTTP status",
			Problem: fmt.Sprintf("the CRM answered %d, the mapping expects %v", code, want)}
	}
	return c.statusError(cl.name, req, code)
}

// statusError maps an HTTP status to the contract's errors.
func (c *Connector) statusError(name string, req *http.Request, code int) error {
	var sentinel error
	switch {
	case code >= 200 && code < 300:
		return nil
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		sentinel = connectors.ErrBackendAuth
	case code == http.StatusNotFound || code == http.StatusGone:
		sentinel = connectors.ErrNotFound
	case code == http.StatusConflict:
		sentinel = connectors.ErrConflict
	case (code == http.StatusBadRequest || code == http.StatusUnprocessableEntity) && req.Method != http.MethodGet:
		sentinel = connectors.ErrInvalid
	case code >= 300 && code < 500 && code != http.StatusTooManyRequests:
		sentinel = connectors.ErrMisconfigured
	default:
		sentinel = connectors.ErrUnavailable
	}
	return fmt.Errorf("%w: restapi: %s: %s %s answered %d",
		sentinel, name, req.Method, c.http.Redact(req.URL), code)
}
