package portal

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sync"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
	"clientgate/connectors/files/library"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// convEnv is env with tickets and messages kept by a SQLite sqlstore
// (as cmd wires it for every connector), its staff inbox, and an
// inviter that records its calls.
type convEnv struct {
	*env
	conv    *sqlstore.Store
	invites *fakeInviter
	notices *fakeFileNotifier
}

// staffID is the staff member of hdrStaff requests, as auth names them.
const staffID = "https://idp.test|sub-sam"

// newConvEnv builds the portal with Conversations, Inbox, two ticket
// categories and an inviter; edit may change the options first.
func newConvEnv(t *testing.T, edit func(o *Options)) *convEnv {
	t.Helper()
	store, err := sqlstore.Open(context.Background(), sqlstoretest.SQLiteDSN(t), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ce := &convEnv{conv: store, invites: &fakeInviter{}, notices: &fakeFileNotifier{}}
	lib := newTestLibrary(t, store) // attachments need the posts beside the files
	annFile := seedFile(t, lib, files.ContactOwner("ann"), "Contract 2026.pdf", testPDF(2000))
	ce.env = newEnv(t, func(o *Options) {
		o.Conversations, o.Inbox, o.Invites, o.FileNotices = store, store, ce.invites, ce.notices
		o.TicketCategories = []string{"Billing", "Technical question"}
		o.Files, o.Forms = lib, testForms()
		if edit != nil {
			edit(o)
		}
		if l, ok := o.Files.(*library.Library); ok && l != lib {
			lib, annFile = l, files.File{}
		}
	})
	ce.lib, ce.annFile = lib, annFile
	return ce
}

// openTicket opens a ticket of contact through the store and returns it.
func (e *convEnv) openTicket(contact, subject string) connectors.Thread {
	e.t.Helper()
	t, err := e.conv.CreateTicket(context.Background(), connectors.Scope{ContactID: contact},
		connectors.NewTicket{Subject: subject, Category: "Billing", Body: "Body of " + subject, AuthorName: contact})
	if err != nil {
		e.t.Fatal(err)
	}
	return t
}

// staffReply answers a thread as the staff member.
func (e *convEnv) staffReply(threadID, body string) {
	e.t.Helper()
	a := bridge.StaffActor{ID: staffID, Name: "Sam Staff"}
	if _, err := e.conv.StaffReply(context.Background(), a, threadID, connectors.NewPost{Body: body}, ""); err != nil {
		e.t.Fatal(err)
	}
}

// location is a redirect's target, failing unless the answer is 303.
func location(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	if w.Code != http.StatusSeeOther {
		t.Fatalf("status %d, want 303; body:\n%s", w.Code, w.Body.String())
	}
	return w.Header().Get("Location")
}

// ticketIDIn finds the ticket ID in a ticket page's address.
var ticketIDIn = regexp.MustCompile(`/tickets/([0-9a-f-]{36})`)

// postForm posts form as contact (with their CSRF token).
func (e *convEnv) postAs(path, contact string, staff bool, form url.Values) *httptest.ResponseRecorder {
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf_token", csrfFor(contact))
	return e.do(req{method: http.MethodPost, path: path, as: contact, staff: staff, form: form})
}

// fakeInviter records invitations.
type fakeInviter struct {
	mu      sync.Mutex
	invited []string
	err     error
}

func (f *fakeInviter) Invite(_ context.Context, contactID string) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return false, f.err
	}
	for _, id := range f.invited {
		if id == contactID {
			return false, nil
		}
	}
	f.invited = append(f.invited, contactID)
	return true, nil
}

// bridgeFilterAll selects every thread of the inbox.
func bridgeFilterAll() bridge.InboxFilter { return bridge.InboxFilter{} }

// fakeFileNotifier records the files clients are told of.
type fakeFileNotifier struct {
	mu     sync.Mutex
	shared map[string][]string // contact ID → file IDs
	err    error
}

func (f *fakeFileNotifier) FilesShared(_ context.Context, contactID string, fileIDs []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	if f.shared == nil {
		f.shared = map[string][]string{}
	}
	f.shared[contactID] = append(f.shared[contactID], fileIDs...)
	return nil
}

// told returns the file IDs contactID was told of.
func (f *fakeFileNotifier) told(contactID string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.shared[contactID]...)
}

// testForms are the two example forms: a quote request with every type
// of field, and an onboarding questionnaire.
func testForms() []Form {
	return []Form{
		{Key: "quote", Title: "Request a quote or job", Intro: "Tell us what you need.", Fields: []FormField{
			{Name: "summary", Label: "What do you need?", Type: FieldText, Required: true},
			{Name: "details", Label: "Details", Type: FieldLongText, Help: "Sizes, quantities, anything we should know."},
			{Name: "budget", Label: "Budget (EUR)", Type: FieldNumber},
			{Name: "deadline", Label: "Needed by", Type: FieldDate},
			{Name: "kind", Label: "Kind of job", Type: FieldChoice, Required: true, Options: []string{"Print", "Design", "Web"}},
			{Name: "photos", Label: "Photos or plans", Type: FieldFile},
		}},
		{Key: "onboarding", Title: "Onboarding questionnaire", Fields: []FormField{
			{Name: "company", Label: "Company name", Type: FieldText, Required: true},
			{Name: "contact_hours", Label: "Best time to call", Type: FieldChoice, Options: []string{"Mornings", "Afternoons"}},
			{Name: "logo", Label: "Your logo", Type: FieldFile, Required: true},
		}},
	}
}
