package portal

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// TestTimeZones shows one appointment and one invoice to a client in
// Auckland and one in Los Angeles: times move into each zone, the
// invoice's calendar dates do not.
func TestTimeZones(t *testing.T) {
	e := newEnv(t, nil)
	start := time.Date(2026, 3, 4, 23, 30, 0, 0, time.UTC) // 5 Mar 12:30 NZDT, 4 Mar 15:30 PST
	e.crm.AddTask("ann", connectors.Task{ID: "tz", Title: "Call", Start: start, End: start.Add(time.Hour)})
	paid := time.Date(2026, 1, 10, 2, 0, 0, 0, time.UTC) // 10 Jan 15:00 NZDT, 9 Jan 18:00 PST
	e.crm.AddInvoice("ann", connectors.Invoice{ID: "inv9", Number: "INV-9", Status: connectors.InvoicePaid,
		IssuedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), DueAt: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC),
		PaidAt: paid, Total: connectors.Money{Minor: 100, Currency: "NZD"}})
	for _, tt := range []struct {
		zone            string
		task, paidOn    string
		notTask, notDue string
	}{
		{"Pacific/Auckland", "Mar 5, 2026 12:30 NZDT", "Jan 10, 2026", "Mar 4, 2026", "Jan 16, 2026"},
		{"America/Los_Angeles", "Mar 4, 2026 15:30 PST", "Jan 9, 2026", "Mar 5, 2026", "Jan 14, 2026"},
	} {
		t.Run(tt.zone, func(t *testing.T) {
			if err := e.store.SavePreferences(context.Background(), bridge.Preferences{ContactID: "ann", TimeZone: tt.zone}); err != nil {
				t.Fatal(err)
			}
			w := e.do(req{path: "/clients/tasks", as: "ann"})
			wantBody(t, w, tt.task)
			wantNoBody(t, w, tt.notTask+" ", "data-detect-zone")
			w = e.do(req{path: "/clients/invoices/inv9", as: "ann"})
			wantBody(t, w, "Jan 1, 2026", "Jan 15, 2026", "Paid</dt><dd>"+tt.paidOn)
			wantNoBody(t, w, tt.notDue)
			w = e.do(req{path: "/clients/tasks/tz/ics", as: "ann"})
			wantBody(t, w, "X-WR-TIMEZONE:"+tt.zone+"\r\n", "DTSTART:20260304T233000Z\r\n", "DTEND:20260305T003000Z\r\n")
			w = e.do(req{path: e.feedPath("ann")})
			wantBody(t, w, "X-WR-TIMEZONE:"+tt.zone+"\r\n", "DTSTART:20260304T233000Z\r\n")
			w = e.do(req{path: "/api/v1/me", as: "ann"})
			wantBody(t, w, `"timezone":"`+tt.zone+`"`)
		})
	}
}

func TestTimeZoneDefaultAndDetection(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.DefaultTimeZone = "Europe/Berlin" })
	w := e.do(req{path: "/clients/", as: "ann"})
	wantBody(t, w, `data-detect-zone="/clients/preferences" data-zone="Europe/Berlin"`, `<meta name="csrf-token" content="csrf-ann">`)
	if !strings.Contains(w.Body.String(), " CET") && !strings.Contains(w.Body.String(), " CEST") {
		t.Errorf("the default zone's times are not shown in it:\n%s", w.Body.String())
	}
	// What portal.js sends: the zone with the CSRF header.
	w = e.do(req{method: http.MethodPost, path: "/clients/preferences", as: "ann", csrf: "csrf-ann",
		form: map[string][]string{"timezone": {"America/Los_Angeles"}}})
	wantStatus(t, w, http.StatusNoContent)
	w = e.do(req{path: "/clients/", as: "ann"})
	wantNoBody(t, w, "data-detect-zone")
	if !strings.Contains(w.Body.String(), " PST") && !strings.Contains(w.Body.String(), " PDT") {
		t.Errorf("the detected zone's times are not shown in it:\n%s", w.Body.String())
	}
	w = e.do(req{method: http.MethodPost, path: "/clients/preferences", as: "ann", csrf: "csrf-ann",
		form: map[string][]string{"timezone": {"Atlantis/Capital"}}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	if _, err := New(Options{Connector: e.crm, DefaultTimeZone: "Mars/Olympus"}); err == nil {
		t.Error("an unknown default time zone was accepted")
	}
}

func TestTimeZoneListLoads(t *testing.T) {
	for _, z := range timeZones {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("%s: %v", z, err)
		}
	}
}
