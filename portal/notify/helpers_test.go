package notify_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
	"clientgate/connectors/jobs"
	"clientgate/connectors/jobs/jobstest"
	"clientgate/connectors/mail/mailtest"
	"clientgate/connectors/mail/outbox"
	"clientgate/connectors/sqlstore"
	"clientgate/connectors/sqlstore/sqlstoretest"
	"clientgate/portal/emails"
	"clientgate/portal/notify"
)

const (
	staffTo   = "help@staff.example.test"
	billingTo = "billing@staff.example.test"
	public    = "https://portal.example.test"
)

// rig is a notifier on a started queue whose outbox sends to a recorder,
// with two contacts: ann (German) and bob.
type rig struct {
	t     *testing.T
	store *sqlstore.Store
	crm   *fake.Connector
	rec   *mailtest.Recorder
	n     *notify.Notifier
	q     *jobs.Queue
	db    *sql.DB
	ann   connectors.Contact
	bob   connectors.Contact
}

func newRig(t *testing.T) *rig { return newRigWith(t, nil) }

// newRigWith is newRig with the options changed by edit (given the
// store) first.
func newRigWith(t *testing.T, edit func(o *notify.Options, store *sqlstore.Store)) *rig {
	t.Helper()
	store, err := sqlstore.Open(context.Background(), sqlstoretest.SQLiteDSN(t), sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	r := &rig{t: t, store: store, crm: fake.New(), rec: mailtest.NewRecorder("portal@example.test")}
	r.ann = r.crm.AddContact(connectors.Contact{ID: "ann", Email: "ann@example.test", FirstName: "Ann", LastName: "Lee", Locale: "de-DE", PortalAccess: true})
	r.bob = r.crm.AddContact(connectors.Contact{ID: "bob", Email: "bob@example.test", FirstName: "Bob", PortalAccess: true})
	r.crm.AddInvoice("ann", connectors.Invoice{ID: "inv1", Number: "INV-0001", Status: connectors.InvoiceUnpaid})
	q, db := jobstest.Open(t, store, jobs.Options{})
	r.db = db
	box, err := outbox.New(outbox.Options{Queue: q, Sender: r.rec, Sent: store, Domain: "portal.example.test"})
	if err != nil {
		t.Fatal(err)
	}
	ren, err := emails.New(emails.Options{PortalName: "Acme Portal", Business: emails.Business{Name: "Acme Ltd"}})
	if err != nil {
		t.Fatal(err)
	}
	o := notify.Options{Renderer: ren, Outbox: box, Connector: r.crm, Conversations: store, Inbox: store,
		Store: store, PublicURL: public, BasePath: "/clients", StaffTo: []string{staffTo},
		CategoryTo: map[string][]string{"Billing": {billingTo}}}
	if edit != nil {
		edit(&o, store)
	}
	r.n, err = notify.New(o)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.n.Register(q); err != nil {
		t.Fatal(err)
	}
	store.SetConversationHook(notify.EnqueueEvent(q))
	if err := q.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	r.q = q
	return r
}

// scope is a contact's scope.
func scope(id string) connectors.Scope { return connectors.Scope{ContactID: id} }

// staff is the staff member of the tests.
var staff = bridge.StaffActor{ID: "https://idp.test|sam", Name: "Sam Staff"}

// wait returns the n messages delivered to addr, failing after a while,
// then checks that no more arrive.
func (r *rig) wait(addr string, n int) []mailtest.Delivered {
	r.t.Helper()
	got := mailtest.WaitFor(r.t, r.rec, addr, n, 15*time.Second)
	time.Sleep(300 * time.Millisecond)
	if again, _ := r.rec.Delivered(context.Background(), addr); len(again) != n {
		r.t.Fatalf("%d messages to %s, want %d", len(again), addr, n)
	}
	return got
}

// holds fails unless every part is in s.
func holds(t *testing.T, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("%s lacks %q:\n%s", what, p, s)
		}
	}
}

// lacks fails when any part is in s.
func lacks(t *testing.T, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(s, p) {
			t.Errorf("%s holds %q", what, p)
		}
	}
}

// idle waits until no job of kind is waiting or running.
func (r *rig) idle(kind string) {
	r.t.Helper()
	jobstest.Eventually(r.t, "the "+kind+" jobs to finish", func() bool {
		var n int
		err := r.db.QueryRow(`SELECT COUNT(*) FROM river_job WHERE kind = ? AND state NOT IN ('completed', 'discarded', 'cancelled')`, kind).Scan(&n)
		return err == nil && n == 0
	})
}
