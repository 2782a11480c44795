package jetpackcrm

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
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
