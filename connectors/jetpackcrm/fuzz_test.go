package jetpackcrm

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzDecode feeds arbitrary bodies through every decoder and mapper the
// connector applies to CRM answers: they must never panic, and whatever
// they return must be UTC times and non-empty IDs.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.http"))
	for _, name := range files {
		c := readCapture(f, strings.TrimSuffix(filepath.Base(name), ".http"))
		f.Add(c.body)
	}
	f.Add([]byte(`[{"id":"1","date":"99999999999999999999","total":"1e9","discount_type":"%","discount":"33.3333","lineitems":[{"price":null}]}]`))
	f.Add([]byte(`{"id":1e400,"invoices":[{"id":"-1"}],"transactions":{"x":1}}`))
	m := mapper{portalStatuses: []string{"Lead"}, currency: "USD", now: time.Now, log: discard()}
	f.Fuzz(func(t *testing.T, body []byte) {
		objs, _ := decodeSearch(body)
		more, _ := decodeList("events", body)
		_, _ = decodeWrite("create_customer", body)
		for _, o := range append(objs, more...) {
			ct := m.contact(o)
			if !ct.CreatedAt.IsZero() && ct.CreatedAt.Location() != time.UTC {
				t.Fatal("contact time not UTC")
			}
			for _, key := range []string{"invoices", "quotes", "transactions", "lineitems"} {
				for _, item := range o.list(key) {
					_, _ = m.invoice(item)
					_, _ = m.quote(item)
					_, _ = m.transaction(item)
				}
			}
			_, _ = m.invoice(o)
			_, _ = m.quote(o)
			_, _ = m.transaction(o)
			_, _ = m.task(o)
			_ = m.company(o)
			_ = linkedTo(o, "1")
		}
	})
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

func TestTestdataPresent(t *testing.T) {
	if _, err := os.Stat(filepath.Join("testdata", "customer_search__by_email_alice.http")); err != nil {
		t.Fatal(err)
	}
}
