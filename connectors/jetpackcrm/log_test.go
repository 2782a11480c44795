package jetpackcrm

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"clientgate/connectors"
)

// TestSecretNeverLogged makes every kind of call fail and checks the log
// lines and errors for the secret.
func TestSecretNeverLogged(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	c, srv, ids := world(t, func(o *Options) { o.Logger = logger; o.Retries = 1 })
	ctx := context.Background()
	var errs []error
	srv.DisableModule(true)
	errs = append(errs, c.Ping(ctx))
	_, err := c.GetContact(ctx, sid(ids["alice"]))
	errs = append(errs, err)
	srv.DisableModule(false)
	wrong := newConnector(t, srv.URL, func(o *Options) { o.Logger = logger; o.APIKey = "jpcrm_pk_other" })
	_, err = wrong.ListQuotes(ctx, connectors.Scope{ContactID: "1"}, connectors.PageRequest{})
	errs = append(errs, err)
	for _, name := range []string{"customer_search__replace_hyphens_with_email_breaks", "quirk__no_trailing_slash_get_301"} {
		r := replay(t, name)
		r.opts.Logger, r.m.log = logger, logger
		_, err := r.FindContactByEmail(ctx, "alice@example.test")
		errs = append(errs, err)
	}
	for _, err := range errs {
		if err == nil {
			t.Fatal("a failing call succeeded")
		}
		if strings.Contains(err.Error(), testSecret) {
			t.Errorf("secret in error %v", err)
		}
	}
	if buf.Len() == 0 || !strings.Contains(buf.String(), `"endpoint"`) {
		t.Fatalf("no failure was logged: %q", buf.String())
	}
	if strings.Contains(buf.String(), testSecret) {
		t.Errorf("secret in the log: %s", buf.String())
	}
}

// ctxRecorder is a slog.Handler that keeps the contexts it is given.
type ctxRecorder struct {
	mu   *sync.Mutex
	ctxs *[]context.Context
}

func (h ctxRecorder) Enabled(context.Context, slog.Level) bool { return true }
func (h ctxRecorder) Handle(ctx context.Context, _ slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	*h.ctxs = append(*h.ctxs, ctx)
	return nil
}
func (h ctxRecorder) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h ctxRecorder) WithGroup(string) slog.Handler      { return h }

type marker struct{}

// TestTransportLogsWithTheCallersContext: a failed call is logged with the
// caller's context, where the request ID handler finds the request's ID.
func TestTransportLogsWithTheCallersContext(t *testing.T) {
	var ctxs []context.Context
	logger := slog.New(ctxRecorder{mu: &sync.Mutex{}, ctxs: &ctxs})
	c, srv, ids := world(t, func(o *Options) { o.Logger = logger; o.Retries = 1 })
	srv.DisableModule(true)
	ctx := context.WithValue(context.Background(), marker{}, "request-7")
	if _, err := c.GetContact(ctx, sid(ids["alice"])); err == nil {
		t.Fatal("a failing call succeeded")
	}
	if len(ctxs) == 0 {
		t.Fatal("nothing logged")
	}
	for _, got := range ctxs {
		if got.Value(marker{}) != "request-7" {
			t.Errorf("a line was logged without the caller's context")
		}
	}
}
