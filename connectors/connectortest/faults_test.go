package connectortest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
	"clientgate/connectors/fake"
	"clientgate/connectors/httpclient"
)

const miniSecret = "s3cr3t-Key/with+chars"

// mini is a small HTTP connector on httpclient, enough for the fault
// suite: Ping and FindContactByEmail are GETs, UpdateContact and
// DecideQuote POSTs; every other method is the embedded fake's.
type mini struct {
	*fake.Connector
	hc   *httpclient.Client
	base string
	// leakURL puts the unredacted URL into errors; retryWrites marks POSTs
	// idempotent. Both are bugs the fault suite must catch.
	leakURL, retryWrites bool
}

func newMini(base string) *mini {
	return &mini{
		Connector: fake.New(), base: base,
		hc: httpclient.New(httpclient.Options{
			Timeout: 300 * time.Millisecond, RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond,
			MaxBodyBytes: 1 << 20, SecretParams: []string{"api_secret"},
		}),
	}
}

func (m *mini) do(ctx context.Context, method, path string, out any) error {
	u := m.base + path + "?api_secret=" + url.QueryEscape(miniSecret)
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return fmt.Errorf("mini: %w", err)
	}
	if m.retryWrites {
		ctx = httpclient.WithIdempotent(ctx)
	}
	resp, err := m.hc.Do(ctx, req)
	if err != nil {
		if m.leakURL {
			return fmt.Errorf("mini: %s: %w", u, err)
		}
		return fmt.Errorf("mini: %w", err)
	}
	switch {
	case resp.StatusCode == 401 || resp.StatusCode == 403:
		return fmt.Errorf("mini: %w", connectors.ErrBackendAuth)
	case resp.StatusCode == 404:
		return fmt.Errorf("mini: %w", connectors.ErrNotFound)
	case resp.StatusCode != 200:
		return fmt.Errorf("mini: %w: status %d", connectors.ErrUnavailable, resp.StatusCode)
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return fmt.Errorf("mini: %w: bad JSON: %v", connectors.ErrUnavailable, err)
	}
	return nil
}

func (m *mini) Ping(ctx context.Context) error {
	var v map[string]any
	return m.do(ctx, http.MethodGet, "/ping", &v)
}

func (m *mini) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	var c connectors.Contact
	err := m.do(ctx, http.MethodGet, "/contacts/"+url.PathEscape(email), &c)
	return c, err
}

func (m *mini) UpdateContact(ctx context.Context, id string, _ connectors.ContactPatch) (connectors.Contact, error) {
	var c connectors.Contact
	err := m.do(ctx, http.MethodPost, "/contacts/"+url.PathEscape(id), &c)
	return c, err
}

func (m *mini) DecideQuote(ctx context.Context, _ connectors.Scope, id string, _ connectors.Decision) (connectors.Quote, bool, error) {
	var q connectors.Quote
	err := m.do(ctx, http.MethodPost, "/quotes/"+url.PathEscape(id)+"/decide", &q)
	return q, err == nil, err
}

func TestRunFaultsOnMini(t *testing.T) {
	connectortest.RunFaults(t, connectortest.FaultHarnessFunc(func(t *testing.T, base string) (connectors.Connector, string) {
		return newMini(base), miniSecret
	}))
}

func TestFaultChecksCatchBrokenConnectors(t *testing.T) {
	tests := map[string]struct {
		tweak func(*mini)
		want  string
	}{
		"secret in errors": {func(m *mini) { m.leakURL = true }, "holds the secret"},
		"writes retried":   {func(m *mini) { m.retryWrites = true }, "at most once"},
		"reads not retried": {func(m *mini) {
			m.hc = httpclient.New(httpclient.Options{Timeout: 300 * time.Millisecond, Retries: -1})
		}, "want retries"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{}
			connectortest.CheckFaults(rec, func(base string) (connectors.Connector, string) {
				m := newMini(base)
				tc.tweak(m)
				return m, miniSecret
			})
			if !containsAny(rec.errs, tc.want) {
				t.Errorf("no failure mentions %q; got:\n%s", tc.want, strings.Join(rec.errs, "\n"))
			}
		})
	}
}

func containsAny(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
