package jetpackcrm

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/jetpackcrm/jetpacktest"
)

// world seeds a small CRM: Alice (Customer, with a custom field, items),
// Bob (Lead) and Mallory (another contact with her own items).
func world(t *testing.T, edit func(*Options)) (*Connector, *jetpacktest.Server, map[string]int) {
	t.Helper()
	c, srv := fake(t, edit)
	srv.AddCustomField("favourite-colour")
	ids := map[string]int{}
	add := func(name string, fields map[string]string) {
		ids[name] = srv.AddContact(jetpacktest.Contact{Fields: fields, Created: 1795408192})
	}
	add("bob", map[string]string{"status": "Lead", "email": "bob@example.test", "fname": "Bob", "lname": "Brown"})
	add("alice", map[string]string{"status": "Customer", "email": "alice@example.test", "prefix": "Ms", "fname": "Alice",
		"lname": "Anderson", "addr1": "10 Main Street", "city": "Springfield", "hometel": "01234 567890",
		"favourite-colour": "teal"})
	add("mallory", map[string]string{"status": "Refused", "email": "mallory+x@example.test", "fname": "Mallory"})
	lines := []jetpacktest.Line{{Title: "Hosting", Quantity: "12", Price: "25.50", Total: "306.00"}}
	for i, st := range []string{"Paid", "Unpaid", "Draft", "Overdue", "Deleted"} {
		srv.AddInvoice(jetpacktest.Invoice{ContactID: ids["alice"], Status: st, Currency: "EUR",
			Date: 1790000000 + int64(i)*86400, Due: 1799000000, Net: "306.00", Tax: "0.00", Total: "306.00", Lines: lines})
	}
	srv.AddInvoice(jetpacktest.Invoice{ContactID: ids["mallory"], Status: "Unpaid", Currency: "EUR", Date: 1790000000,
		Due: 1799000000, Net: "1.00", Tax: "0.00", Total: "1.00"})
	srv.AddQuote(jetpacktest.Quote{ContactID: ids["alice"], Title: "Sent", Value: "10.00", Currency: "EUR", Date: 1790000000, Template: 1})
	srv.AddQuote(jetpacktest.Quote{ContactID: ids["alice"], Title: "Draft", Value: "10.00", Currency: "EUR", Date: 1790000001})
	srv.AddQuote(jetpacktest.Quote{ContactID: ids["mallory"], Title: "Hers", Value: "10.00", Currency: "EUR", Date: 1790000000, Template: 1})
	srv.AddTransaction(jetpacktest.Transaction{ContactID: ids["alice"], Ref: "T1", Status: "Succeeded", Type: "Sale", Total: "306.00", Date: 1790000000})
	srv.AddTransaction(jetpacktest.Transaction{ContactID: ids["alice"], Ref: "T2", Status: "Completed", Type: "Refund", Total: "6.00", Date: 1790000100})
	srv.AddEvent(jetpacktest.Event{ContactIDs: []int{ids["alice"]}, Title: "Shared", Start: 1790000000, End: 1790003600, ShowOnPortal: true})
	srv.AddEvent(jetpacktest.Event{ContactIDs: []int{ids["alice"]}, Title: "Internal", Start: 1790000000})
	srv.AddEvent(jetpacktest.Event{ContactIDs: []int{ids["mallory"]}, Title: "Hers", Start: 1790000000, ShowOnPortal: true})
	srv.AddCompany(jetpacktest.Company{Name: "Acme & Co", ContactIDs: []int{ids["alice"]}})
	srv.ResetCalls()
	return c, srv, ids
}

func sid(n int) string { return strconv.Itoa(n) }

func TestFindContactByEmailFake(t *testing.T) {
	c, srv, ids := world(t, nil)
	ctx := context.Background()
	got, err := c.FindContactByEmail(ctx, "MALLORY+X@example.test")
	if err != nil || got.ID != sid(ids["mallory"]) || got.PortalAccess {
		t.Fatalf("got %+v, %v; want mallory without portal access", got, err)
	}
	if _, err := c.FindContactByEmail(ctx, "mallory@example.test"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("prefix of an email: %v, want ErrNotFound", err)
	}
	if _, err := c.FindContactByEmail(ctx, " "); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("blank email: %v", err)
	}
	if n := srv.Calls()["customer_search"]; n != 2 {
		t.Errorf("%d customer_search calls, want 2", n)
	}
}

func TestGetContactLookup(t *testing.T) {
	c, srv := fake(t, func(o *Options) { o.PageSize = 3 })
	for i := range 10 {
		srv.AddContact(jetpacktest.Contact{Fields: map[string]string{
			"status": "Lead", "email": "c" + sid(i) + "@example.test", "fname": "C" + sid(i)}})
	}
	srv.DeleteContact(2)
	srv.DeleteContact(3)
	srv.DeleteContact(4)
	ctx := context.Background()
	tests := []struct {
		id       string
		found    bool
		maxCalls int
	}{
		{"1", true, 1}, {"5", true, 2}, {"10", true, 3}, {"3", false, 1}, {"11", false, 3},
		{"abc", false, 0}, {"-1", false, 0}, {"007", false, 0},
	}
	for _, tt := range tests {
		fresh := newConnector(t, srv.URL, func(o *Options) { o.PageSize = 3 })
		srv.ResetCalls()
		got, err := fresh.GetContact(ctx, tt.id)
		if tt.found && (err != nil || got.ID != tt.id) {
			t.Errorf("GetContact(%s) = %+v, %v", tt.id, got, err)
		}
		if !tt.found && !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("GetContact(%s): %v, want ErrNotFound", tt.id, err)
		}
		if n := srv.Calls()["customers"]; n > tt.maxCalls {
			t.Errorf("GetContact(%s): %d customers calls, want at most %d", tt.id, n, tt.maxCalls)
		}
	}
	// Once an ID's email is known, GetContact is one customer_search call.
	srv.ResetCalls()
	if _, err := c.GetContact(ctx, "9"); err != nil {
		t.Fatal(err)
	}
	srv.ResetCalls()
	if _, err := c.GetContact(ctx, "9"); err != nil {
		t.Fatal(err)
	}
	if calls := srv.Calls(); calls["customer_search"] != 1 || calls["customers"] != 0 {
		t.Errorf("remembered GetContact calls: %v", calls)
	}
}

func TestReadsOneCallPerPage(t *testing.T) {
	c, srv, ids := world(t, nil)
	ctx := context.Background()
	if _, err := c.FindContactByEmail(ctx, "alice@example.test"); err != nil {
		t.Fatal(err)
	}
	s := connectors.Scope{ContactID: sid(ids["alice"])}
	srv.ResetCalls()
	invs, err := c.ListInvoices(ctx, s, connectors.PageRequest{})
	if err != nil || len(invs.Items) != 3 {
		t.Fatalf("invoices %+v, %v", invs, err)
	}
	if calls := srv.Calls(); calls["customer_search"] != 1 || len(calls) != 1 {
		t.Errorf("ListInvoices calls: %v, want one customer_search", calls)
	}
	srv.ResetCalls()
	quotes, err := c.ListQuotes(ctx, s, connectors.PageRequest{})
	if err != nil || len(quotes.Items) != 1 || quotes.Items[0].Title != "Sent" || quotes.Items[0].Status != connectors.QuoteSent {
		t.Fatalf("quotes %+v, %v", quotes, err)
	}
	if calls := srv.Calls(); calls["customers"] != 1 || len(calls) != 1 {
		t.Errorf("ListQuotes calls: %v, want one customers", calls)
	}
}

func TestItemsOfContact(t *testing.T) {
	c, _, ids := world(t, nil)
	ctx := context.Background()
	alice, mallory := connectors.Scope{ContactID: sid(ids["alice"])}, connectors.Scope{ContactID: sid(ids["mallory"])}
	invs, err := c.ListInvoices(ctx, alice, connectors.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for _, inv := range invs.Items {
		statuses = append(statuses, string(inv.Status))
	}
	if strings.Join(statuses, ",") != "overdue,unpaid,paid" {
		t.Errorf("statuses newest first without draft and deleted: %v", statuses)
	}
	theirs, err := c.ListInvoices(ctx, mallory, connectors.PageRequest{})
	if err != nil || len(theirs.Items) != 1 {
		t.Fatal(theirs, err)
	}
	if _, err := c.GetInvoice(ctx, alice, theirs.Items[0].ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("another contact's invoice: %v, want ErrNotFound", err)
	}
	if _, err := c.GetInvoice(ctx, alice, invs.Items[0].ID); err != nil {
		t.Errorf("own invoice: %v", err)
	}
	txns, err := c.ListTransactions(ctx, alice, connectors.PageRequest{})
	if err != nil || len(txns.Items) != 2 || txns.Items[0].Kind != connectors.TransactionRefund || txns.Items[0].Amount.Minor != -600 {
		t.Errorf("transactions: %+v, %v", txns, err)
	}
	tasks, err := c.ListTasks(ctx, alice, connectors.PageRequest{})
	if err != nil || len(tasks.Items) != 1 || tasks.Items[0].Title != "Shared" {
		t.Fatalf("tasks: %+v, %v", tasks, err)
	}
	hers, _ := c.ListTasks(ctx, mallory, connectors.PageRequest{})
	if _, err := c.GetTask(ctx, alice, hers.Items[0].ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("another contact's task: %v", err)
	}
	herQuotes, _ := c.ListQuotes(ctx, mallory, connectors.PageRequest{})
	if _, err := c.GetQuote(ctx, alice, herQuotes.Items[0].ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("another contact's quote: %v", err)
	}
	co, err := c.GetCompany(ctx, alice)
	if err != nil || co.Name != "Acme & Co" {
		t.Errorf("company: %+v, %v", co, err)
	}
	if _, err := c.GetCompany(ctx, mallory); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("no company: %v", err)
	}
	if _, err := c.ListInvoices(ctx, connectors.Scope{ContactID: "99"}, connectors.PageRequest{}); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("unknown contact: %v", err)
	}
}

func TestPaging(t *testing.T) {
	c, _, ids := world(t, nil)
	ctx := context.Background()
	s := connectors.Scope{ContactID: sid(ids["alice"])}
	var seen []string
	cursor := ""
	for range 5 {
		page, err := c.ListInvoices(ctx, s, connectors.PageRequest{Limit: 2, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		for _, inv := range page.Items {
			seen = append(seen, inv.ID)
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	if len(seen) != 3 || seen[0] == seen[1] {
		t.Errorf("paged through %v", seen)
	}
	for _, bad := range []string{"x", "bzE6LTE", "bzE6MQA", "%%"} {
		if _, err := c.ListInvoices(ctx, s, connectors.PageRequest{Cursor: bad}); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("cursor %q: %v, want ErrInvalid", bad, err)
		}
	}
}

func TestUnsupported(t *testing.T) {
	c, _, _ := world(t, nil)
	if _, _, err := c.DecideQuote(context.Background(), connectors.Scope{ContactID: "1"}, "1", connectors.Decision{Accept: true}); !errors.Is(err, connectors.ErrUnsupported) {
		t.Errorf("DecideQuote: %v", err)
	}
	caps := c.Capabilities()
	if caps.DecideQuotes || caps.CompanyItems || !caps.Invoices || !caps.UpdateContact {
		t.Errorf("capabilities: %+v", caps)
	}
	if c.Name() != "jetpackcrm" {
		t.Error(c.Name())
	}
}

func TestPingAndFailures(t *testing.T) {
	c, srv, _ := world(t, nil)
	ctx := context.Background()
	if err := c.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	wrong := newConnector(t, srv.URL, func(o *Options) { o.APISecret = "jpcrm_sk_wrong" })
	if err := wrong.Ping(ctx); !errors.Is(err, connectors.ErrBackendAuth) || strings.Contains(err.Error(), "jpcrm_sk_wrong") {
		t.Errorf("wrong secret: %v", err)
	}
	srv.DisableModule(true)
	err := c.Ping(ctx)
	if !errors.Is(err, connectors.ErrMisconfigured) || !strings.Contains(err.Error(), "enable the API module") {
		t.Errorf("module off: %v", err)
	}
	if strings.Contains(err.Error(), testSecret) {
		t.Errorf("secret in %v", err)
	}
	srv.DisableModule(false)
	withPath := newConnector(t, srv.URL+"/", nil)
	if err := withPath.Ping(ctx); err != nil {
		t.Errorf("base URL with a trailing slash: %v", err)
	}
	if calls := srv.Calls(); calls["status"] != 4 {
		t.Errorf("status calls %v", calls)
	}
}

// TestGetContactLookupManyDeleted looks contacts up by ID in a list whose
// early contacts were deleted, so that the first guessed page is past its
// end, and checks the bound on calls and the error when MaxPages is too
// small to decide.
func TestGetContactLookupManyDeleted(t *testing.T) {
	_, srv := fake(t, nil)
	for i := 1; i <= 100; i++ {
		srv.AddContact(jetpacktest.Contact{Fields: map[string]string{"status": "Lead", "email": "p" + sid(i) + "@example.test"}})
		if i <= 60 || i%7 == 0 {
			srv.DeleteContact(i)
		}
	}
	ctx := context.Background()
	for _, id := range []int{61, 62, 75, 76, 99, 100, 70, 101, 1000} {
		c := newConnector(t, srv.URL, func(o *Options) { o.PageSize = 5 })
		srv.ResetCalls()
		got, err := c.GetContact(ctx, sid(id))
		exists := id > 60 && id <= 100 && id%7 != 0
		if exists && (err != nil || got.ID != sid(id)) {
			t.Errorf("GetContact(%d) = %+v, %v", id, got, err)
		}
		if !exists && !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("GetContact(%d): %v, want ErrNotFound", id, err)
		}
		n := srv.Calls()["customers"]
		t.Logf("GetContact(%d): %d customers calls", id, n)
		if n > 8 {
			t.Errorf("GetContact(%d): %d calls", id, n)
		}
	}
	tight := newConnector(t, srv.URL, func(o *Options) { o.PageSize = 5; o.MaxPages = 1 })
	if _, err := tight.GetContact(ctx, "100"); !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "max_pages") {
		t.Errorf("lookup cut short: %v, want ErrUnavailable naming max_pages", err)
	}
}

// TestPagingBound checks that a list longer than MaxPages pages is an
// error naming max_pages, never a silently cut list.
func TestPagingBound(t *testing.T) {
	c, srv, ids := world(t, func(o *Options) { o.PageSize = 1; o.MaxPages = 2 })
	srv.AddCompany(jetpacktest.Company{Name: "Other"})
	srv.AddCompany(jetpacktest.Company{Name: "Third"})
	ctx := context.Background()
	s := connectors.Scope{ContactID: sid(ids["mallory"])}
	if _, err := c.ListTasks(ctx, s, connectors.PageRequest{}); !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "max_pages") {
		t.Errorf("tasks: %v", err)
	}
	if _, err := c.GetCompany(ctx, s); !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "max_pages") {
		t.Errorf("company: %v", err)
	}
	if got := srv.Calls(); got["events"] != 2 || got["companies"] != 2 {
		t.Errorf("calls beyond the bound: %v", got)
	}
}
