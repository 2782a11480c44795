package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/cache"
	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/metered"
	"clientgate/portal"
)

func TestShiftDates(t *testing.T) {
	in := []byte(`{"a": [{"due_at": "2026-01-05T10:00:00Z", "title": "2026", "total": "12.50", "n": 3}], "b": "2025-12-31T23:00:00+01:00"}`)
	out, err := shiftDates(in, 3*24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"a": []any{map[string]any{"due_at": "2026-01-08T10:00:00Z", "title": "2026", "total": "12.50", "n": 3.0}},
		"b": "2026-01-03T23:00:00+01:00",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("shiftDates = %v, want %v", got, want)
	}
	if _, err := shiftDates([]byte(`{"a":`), time.Hour); err == nil {
		t.Error("shiftDates accepted broken JSON")
	}
}

func TestDemoDataIsRelativeToToday(t *testing.T) {
	day := time.Date(2030, time.June, 10, 0, 0, 0, 0, time.UTC)
	d, err := demoData(day)
	if err != nil {
		t.Fatal(err)
	}
	var overdue, open, upcoming int
	for _, inv := range d.Invoices {
		if inv.Invoice.Status == connectors.InvoiceOverdue && inv.Invoice.DueAt.Before(day) {
			overdue++
		}
		if inv.Invoice.Status == connectors.InvoiceUnpaid && !inv.Invoice.DueAt.After(day) {
			t.Errorf("unpaid invoice %s is due %v, before today", inv.Invoice.Number, inv.Invoice.DueAt)
		}
	}
	for _, q := range d.Quotes {
		if q.Quote.Status == connectors.QuoteSent {
			if !q.Quote.ValidUntil.After(day) {
				t.Errorf("open quote %s expired %v", q.Quote.Number, q.Quote.ValidUntil)
			}
			open++
		}
	}
	for _, task := range d.Tasks {
		if task.Task.Start.After(day) && !task.Task.Complete {
			upcoming++
		}
	}
	if overdue == 0 || open == 0 || upcoming == 0 {
		t.Errorf("overdue %d, open quotes %d, upcoming tasks %d: want some of each", overdue, open, upcoming)
	}
	var refunds int
	for _, tr := range d.Transactions {
		if tr.Transaction.Kind == connectors.TransactionRefund {
			refunds++
		}
	}
	if refunds == 0 {
		t.Error("the demo data has no refund")
	}
}

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8080": true, "[::1]:80": true, "localhost:1": true, "127.0.0.2:0": true,
		"0.0.0.0:8080": false, ":8080": false, "[::]:80": false, "10.0.0.1:80": false, "host": false,
	} {
		if err := checkDemoAddr(addr, ""); (err == nil) != ok {
			t.Errorf("checkDemoAddr(%q) = %v", addr, err)
		}
	}
}

func TestParseArgsInterspersed(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	v := fs.String("v", "", "")
	rest, err := parseArgs(fs, []string{"a", "-v", "1", "b", "--", "-c"})
	if err != nil || *v != "1" || !reflect.DeepEqual(rest, []string{"a", "b", "-c"}) {
		t.Errorf("parseArgs = %v, %v, v=%q", rest, err, *v)
	}
	if _, err := parseArgs(fs, []string{"a", "-bogus"}); !errors.As(err, new(usageError)) {
		t.Errorf("unknown flag: %v", err)
	}
}

func TestExitCodePrinting(t *testing.T) {
	tests := []struct {
		err  error
		code int
		want string
	}{
		{nil, 0, ""},
		{errHelp, 0, ""},
		{usagef("bad\nflag"), 2, "clientgate: bad flag\n"},
		{config.Problems{"a: x"}, 1, "clientgate: a: x\n"},
		{config.Problems{"a: x", "b: y"}, 1, "clientgate: the configuration has 2 problem(s):\n  a: x\n  b: y\n"},
		{errors.New("import: 2 problems:\n  one\n  two"), 1, "clientgate: import: 2 problems:\n  one\n  two\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if code := exitCode(&buf, tt.err); code != tt.code || buf.String() != tt.want {
			t.Errorf("exitCode(%v) = %d %q, want %d %q", tt.err, code, buf.String(), tt.code, tt.want)
		}
	}
}

// pingConn is a connector whose Ping returns err; nothing else is called.
type pingConn struct {
	connectors.Connector
	err error
}

func (p pingConn) Name() string                   { return "ping" }
func (p pingConn) Ping(ctx context.Context) error { return p.err }
func (p pingConn) Capabilities() connectors.Capabilities {
	return connectors.Capabilities{}
}

// TestReadyzIgnoresTheCRM: readiness follows this replica's store, not
// the CRM, whose failing ping shows only in /readyz?verbose and metrics.
// (It replaces TestReadyzFollowsConnectorPing: issue 12 changed what
// readiness means.)
func TestReadyzIgnoresTheCRM(t *testing.T) {
	cfg := config.Default()
	cfg.Derive()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o700); err != nil {
		t.Fatal(err)
	}
	store := openTestStore(t, dir)
	reg := prometheus.NewRegistry()
	m, err := metered.NewMetrics(reg)
	if err != nil {
		t.Fatal(err)
	}
	adapter := metered.Wrap(pingConn{err: fmt.Errorf("%w: dial crm.internal:443", connectors.ErrUnavailable)}, m)
	st := &stack{adapter: adapter, breaker: cache.Breaker(adapter, cache.BreakerOptions{})}
	crm, err := newCRMHealth(st, reg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	crm.ping(context.Background())
	opts := portalOptions(cfg, st.adapter, nil, slog.New(slog.DiscardHandler))
	opts.ReadyChecks = readyChecks(cfg, store, nil, crm)
	h, err := portal.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	readyz := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code, rec.Body.String()
	}
	if code, body := readyz("/readyz"); code != http.StatusOK {
		t.Errorf("CRM down: /readyz = %d %q, want 200", code, body)
	}
	code, body := readyz("/readyz?verbose")
	if code != http.StatusOK || !strings.Contains(body, "[i] crm: failed: breaker closed, last ping failed (unavailable)") ||
		!strings.Contains(body, "[+] store: sqlite") || strings.Contains(body, "crm.internal") {
		t.Errorf("verbose: %d\n%s", code, body)
	}
	if up := gaugeValue(t, reg, "clientgate_connector_up"); up != 0 {
		t.Errorf("clientgate_connector_up = %v, want 0", up)
	}
	store.Close()
	if code, body := readyz("/readyz?verbose"); code != http.StatusServiceUnavailable || !strings.Contains(body, "[-] store: failed") {
		t.Errorf("store closed: /readyz = %d\n%s", code, body)
	}
}

// gaugeValue returns the value of the only series of the gauge name.
func gaugeValue(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range families {
		if mf.GetName() == name && len(mf.GetMetric()) == 1 {
			return mf.GetMetric()[0].GetGauge().GetValue()
		}
	}
	t.Fatalf("no single %s series", name)
	return 0
}
