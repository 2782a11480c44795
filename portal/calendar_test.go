package portal

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"clientgate/connectors/bridge"
)

// feedPath returns the contact's calendar feed path.
func (e *env) feedPath(contactID string) string {
	e.t.Helper()
	token, err := e.store.CalendarToken(context.Background(), contactID)
	if err != nil {
		e.t.Fatal(err)
	}
	return "/clients/calendar/" + token + ".ics"
}

func TestTaskICSDownload(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/clients/tasks/task1/ics", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	if cd := w.Header().Get("Content-Disposition"); cd != `attachment; filename="task-task1.ics"` {
		t.Errorf("content disposition %q", cd)
	}
	start := e.future.Format("20060102T150405Z")
	wantBody(t, w, "BEGIN:VEVENT\r\n", "UID:task-task1@portal.example.com\r\n", "DTSTART:"+start+"\r\n",
		"SUMMARY:Kick-off\\, meeting\\; room 2\r\n", "LOCATION:Office\r\n")
}

func TestCalendarFeed(t *testing.T) {
	e := newEnv(t, nil)
	path := e.feedPath("ann")
	w := e.do(req{path: path})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, "X-WR-CALNAME:Acme Portal\r\n", "UID:task-task1@portal.example.com")
	if rp := w.Header().Get("Referrer-Policy"); rp != "no-referrer" {
		t.Errorf("Referrer-Policy %q", rp)
	}
	if strings.Contains(e.logs.String(), strings.TrimSuffix(strings.TrimPrefix(path, "/clients/calendar/"), ".ics")) {
		t.Error("the calendar token was logged")
	}
	// Bob's feed shows none of ann's tasks.
	wantNoBody(t, e.do(req{path: e.feedPath("bob")}), "task1")
	for _, bad := range []string{"/clients/calendar/nope.ics", "/clients/calendar/" + strings.Repeat("a", 300) + ".ics",
		strings.TrimSuffix(path, ".ics"), "/clients/calendar/.ics"} {
		wantStatus(t, e.do(req{path: bad}), http.StatusNotFound)
	}
}

func TestCalendarFeedHonoursSettings(t *testing.T) {
	e := newEnv(t, nil)
	path := e.feedPath("ann")
	if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", Modules: map[string]bool{modTasks: false}}); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, e.do(req{path: path}), http.StatusNotFound)
	if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", PortalDisabled: true}); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, e.do(req{path: path}), http.StatusNotFound)
}

func TestCalendarRevoke(t *testing.T) {
	e := newEnv(t, nil)
	old := e.feedPath("ann")
	page := e.do(req{path: "/clients/tasks", as: "ann"})
	wantBody(t, page, "https://portal.example.com"+old)
	w := e.post("/clients/tasks/calendar/revoke", "ann", nil)
	wantStatus(t, w, http.StatusSeeOther)
	wantStatus(t, e.do(req{path: old}), http.StatusNotFound)
	page = e.do(req{path: "/clients/tasks?done=revoked", as: "ann"})
	wantBody(t, page, "no longer works")
	wantNoBody(t, page, old)
	if entries := e.audit("ann"); len(entries) != 1 || entries[0].Action != "calendar.revoke" {
		t.Errorf("audit = %+v", entries)
	}
}
