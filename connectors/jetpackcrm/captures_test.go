package jetpackcrm

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
)

func TestCaptureContactByEmail(t *testing.T) {
	c := replay(t, "customer_search__by_email_alice")
	got, err := c.FindContactByEmail(context.Background(), "ALICE@example.test")
	if err != nil {
		t.Fatal(err)
	}
	want := connectors.Contact{
		ID: "3", Email: "alice@example.test", Prefix: "Ms", FirstName: "Alice", LastName: "Anderson", Status: "Customer",
		HomePhone: "01234 567890", MobilePhone: "07700 900123", PortalAccess: true,
		Address:   connectors.Address{Line1: "10 Main Street", Line2: "Suite 4", City: "Springfield", Region: "Essex", PostCode: "SP1 2AB", Country: "UK"},
		CreatedAt: time.Unix(1795408192, 0).UTC(), UpdatedAt: time.Unix(1795408192, 0).UTC(),
	}
	if got != want {
		t.Errorf("contact:\n got %+v\nwant %+v", got, want)
	}
	if got.CreatedAt.Location() != time.UTC {
		t.Error("created_at not in UTC")
	}
}

func TestCaptureInvoicesAndTransactions(t *testing.T) {
	c := replay(t, "customer_search__by_email_alice")
	ctx := context.Background()
	if _, err := c.FindContactByEmail(ctx, "alice@example.test"); err != nil {
		t.Fatal(err)
	}
	page, err := c.ListInvoices(ctx, connectors.Scope{ContactID: "3"}, connectors.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 2 || page.Next != "" {
		t.Fatalf("invoices: %+v", page)
	}
	unpaid, paid := page.Items[0], page.Items[1]
	usd := func(minor int64) connectors.Money { return connectors.Money{Minor: minor, Currency: "USD"} }
	checks := []struct {
		name      string
		got, want any
	}{
		{"unpaid id", unpaid.ID, "2"},
		{"unpaid status", unpaid.Status, connectors.InvoiceUnpaid},
		{"unpaid due", unpaid.DueAt, time.Unix(1797827392, 0).UTC()},
		{"unpaid amount due", unpaid.AmountDue, usd(30000)},
		{"paid number", paid.Number, "1"},
		{"paid status", paid.Status, connectors.InvoicePaid},
		{"paid total", paid.Total, usd(150600)},
		{"paid amount due", paid.AmountDue, usd(0)},
		{"paid at", paid.PaidAt, time.Unix(1794371392, 0).UTC()},
		{"lines", len(paid.Lines), 2},
		{"line 2 qty", paid.Lines[1].Quantity, "12"},
		{"line 2 price", paid.Lines[1].UnitPrice, usd(2550)},
		{"line 2 total", paid.Lines[1].Total, usd(30600)},
		{"line 1 desc", paid.Lines[0].Description, "Five page site"},
	}
	for _, ck := range checks {
		if ck.got != ck.want {
			t.Errorf("%s: got %v, want %v", ck.name, ck.got, ck.want)
		}
	}
	txns, err := c.ListTransactions(ctx, connectors.Scope{ContactID: "3"}, connectors.PageRequest{})
	if err != nil || len(txns.Items) != 2 {
		t.Fatalf("transactions: %+v, %v", txns, err)
	}
	// Newest first: TXN-ALICE-001 (2026-11-11) before ORD-1001 (2025-11-13),
	// whose empty currency falls back to the default.
	first, second := txns.Items[0], txns.Items[1]
	if first.Reference != "TXN-ALICE-001" || first.Amount != usd(150600) || first.Status != connectors.TransactionSucceeded ||
		first.Kind != connectors.TransactionPayment || first.Title != "Payment for website design" {
		t.Errorf("first transaction: %+v", first)
	}
	if second.Reference != "ORD-1001" || second.Amount != usd(7999) || !second.Date.Equal(time.Unix(1763000000, 0)) {
		t.Errorf("second transaction: %+v", second)
	}
}

func TestCaptureOverdueWhenPastDue(t *testing.T) {
	c := replay(t, "customer_search__by_email_alice")
	c.m.now = func() time.Time { return time.Unix(1797827392+1, 0) }
	ctx := context.Background()
	if _, err := c.FindContactByEmail(ctx, "alice@example.test"); err != nil {
		t.Fatal(err)
	}
	inv, err := c.GetInvoice(ctx, connectors.Scope{ContactID: "3"}, "2")
	if err != nil || inv.Status != connectors.InvoiceOverdue || inv.AmountDue.Minor != 30000 {
		t.Fatalf("got %+v, %v; want overdue with 300.00 due", inv, err)
	}
}

func TestCaptureQuotes(t *testing.T) {
	c := replay(t, "customers__with_invoices_quotes_transactions_tags")
	c.emails.put("3", "alice@example.test")
	page, err := c.ListQuotes(context.Background(), connectors.Scope{ContactID: "3"}, connectors.PageRequest{})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("quotes: %+v, %v", page, err)
	}
	q := page.Items[0]
	if q.Status != connectors.QuoteAccepted || !q.DecidedAt.Equal(time.Unix(1794112192, 0)) ||
		q.Total != (connectors.Money{Minor: 150000, Currency: "USD"}) || q.Title != "Website redesign" {
		t.Errorf("quote: %+v", q)
	}
	if q.Description != "Website redesign\nScope & terms for Website redesign." {
		t.Errorf("description %q: want the content's text, entities decoded, no tags", q.Description)
	}
	if strings.Contains(q.Description, "Internal note") {
		t.Error("internal notes leaked into the description")
	}
}

func TestCaptureQuoteStatuses(t *testing.T) {
	items, err := decodeList("quotes", readCapture(t, "quotes__default").body)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]connectors.QuoteStatus{"4": connectors.QuoteDraft, "3": connectors.QuoteDraft,
		"2": connectors.QuoteDraft, "1": connectors.QuoteAccepted}
	for _, o := range items {
		if got := quoteStatus(o); got != want[o.id()] {
			t.Errorf("quote %s: status %s, want %s", o.id(), got, want[o.id()])
		}
	}
	published := object{"status": []byte("-2"), "template": []byte("3"), "accepted": []byte("0")}
	if got := quoteStatus(published); got != connectors.QuoteSent {
		t.Errorf("published quote: %s, want sent", got)
	}
}

func TestCaptureInvoiceStatuses(t *testing.T) {
	items, err := decodeList("invoices", readCapture(t, "invoices__default").body)
	if err != nil {
		t.Fatal(err)
	}
	m := newConnector(t, "http://crm.example.test", nil).m
	got := map[string]int{}
	for _, o := range items {
		inv, err := m.invoice(o)
		switch {
		case errors.Is(err, errHidden):
			got["hidden:"+o.text("status")]++
		case err != nil:
			t.Fatalf("invoice %s: %v", o.id(), err)
		default:
			got[string(inv.Status)]++
		}
	}
	if got["hidden:Draft"] != 1 || got["overdue"] != 1 || got["paid"] != 1 || got["unpaid"]+got["overdue"] < 2 {
		t.Errorf("statuses: %v", got)
	}
}

func TestCaptureTasks(t *testing.T) {
	items, err := decodeList("events", readCapture(t, "events__default").body)
	if err != nil || len(items) != 3 {
		t.Fatalf("%d events, %v", len(items), err)
	}
	m := newConnector(t, "http://crm.example.test", nil).m
	task, err := m.task(items[0])
	if err != nil || !linkedTo(items[0], "3") || linkedTo(items[0], "1") {
		t.Fatalf("event 1: %+v %v", task, err)
	}
	if task.Title != "Call Alice about renewal" || task.Description != "Discuss hosting renewal & upsell" ||
		!task.Start.Equal(time.Unix(1795580992, 0)) || task.Complete {
		t.Errorf("task: %+v", task)
	}
	if _, err := m.task(items[1]); !errors.Is(err, errHidden) {
		t.Errorf("event 2 is not shown on the portal, got %v", err)
	}
}

func TestCaptureContactNames(t *testing.T) {
	items, err := decodeList("customers", readCapture(t, "customers__post_default").body)
	if err != nil || len(items) != 6 {
		t.Fatalf("%d contacts, %v", len(items), err)
	}
	m := newConnector(t, "http://crm.example.test", nil).m
	zoe, carlos, eve := m.contact(items[1]), m.contact(items[3]), m.contact(items[5])
	if zoe.FirstName != "Zoë" || zoe.LastName != "Ångström-Müller" || zoe.SecondAddress.Line1 != "Rue de l’Église 3" {
		t.Errorf("zoe: %+v", zoe)
	}
	if carlos.LastName != "O'Neil" || carlos.Address.Line1 != "Smith & Sons <b>HQ</b>" {
		t.Errorf("carlos: text must be kept as stored, got %+v", carlos)
	}
	if eve.Name() != "Eve" || eve.LastName != "" {
		t.Errorf("eve: %+v", eve)
	}
}

func TestCaptureCompany(t *testing.T) {
	items, err := decodeList("companies", readCapture(t, "companies__post_default").body)
	if err != nil || len(items) == 0 {
		t.Fatal(err)
	}
	m := newConnector(t, "http://crm.example.test", nil).m
	co := m.company(items[0])
	if co.Name != "Acme & Co. Ltd" || co.Phone != "01234 000000" || !linkedContacts(items[0], "4") {
		t.Errorf("company: %+v", co)
	}
}

func TestCaptureErrors(t *testing.T) {
	tests := []struct {
		capture string
		want    error
		text    string
	}{
		{"error__api_module_disabled", connectors.ErrMisconfigured, "enable the API module"},
		{"error__wrong_key", connectors.ErrBackendAuth, "api_key and api_secret"},
		{"customer_search__replace_hyphens_with_email_breaks", connectors.ErrUnavailable, "critical error"},
		{"quirk__no_trailing_slash_get_301", connectors.ErrMisconfigured, "REDACTED"},
		{"error__unknown_endpoint", connectors.ErrMisconfigured, "The API request was invalid"},
		{"error__wrong_method_post_to_customer_search", connectors.ErrMisconfigured, "405"},
		{"companies__post_quotes_only_breaks_json", connectors.ErrUnavailable, "invalid JSON"},
		{"create_customer__new_lead_bob", connectors.ErrUnavailable, "expected a list"},
	}
	for _, tt := range tests {
		t.Run(tt.capture, func(t *testing.T) {
			c := replay(t, tt.capture)
			_, err := c.GetContact(context.Background(), "3")
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("got %v, want %v mentioning %q", err, tt.want, tt.text)
			}
			if strings.Contains(err.Error(), testSecret) || strings.Contains(err.Error(), "jpcrm_sk_") {
				t.Fatalf("secret in error: %v", err)
			}
		})
	}
}

func TestCaptureWriteAnswers(t *testing.T) {
	tests := []struct {
		capture string
		want    error
	}{
		{"create_customer__emoji_4byte_utf8", connectors.ErrInvalid},
		{"create_customer__error_no_email", connectors.ErrInvalid},
		{"create_customer__error_invalid_json", connectors.ErrUnavailable},
		{"create_company__error_no_email_no_id", connectors.ErrUnavailable},
		{"customer_search__email_not_found", connectors.ErrUnavailable},
		{"create_customer__new_lead_bob", nil},
	}
	for _, tt := range tests {
		obj, err := decodeWrite("create_customer", readCapture(t, tt.capture).body)
		if !errors.Is(err, tt.want) || (err == nil && obj.id() != "1") {
			t.Errorf("%s: got %v (id %q), want %v", tt.capture, err, obj.id(), tt.want)
		}
	}
}

func TestCaptureNotFoundAndStatus(t *testing.T) {
	c := replay(t, "customer_search__email_not_found")
	if _, err := c.FindContactByEmail(context.Background(), "nobody@example.test"); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("got %v, want ErrNotFound", err)
	}
	if err := replay(t, "status__ok").Ping(context.Background()); err != nil {
		t.Errorf("ping: %v", err)
	}
	if err := replay(t, "error__wrong_key").Ping(context.Background()); !errors.Is(err, connectors.ErrBackendAuth) {
		t.Errorf("ping with a wrong key: %v", err)
	}
}

func TestCaptureTransactions(t *testing.T) {
	items, err := decodeList("transactions", readCapture(t, "transactions__after_api_writes").body)
	if err != nil || len(items) != 6 {
		t.Fatalf("%d transactions, %v", len(items), err)
	}
	m := newConnector(t, "http://crm.example.test", nil).m
	want := map[string]struct {
		kind   connectors.TransactionKind
		status connectors.TransactionStatus
		amount connectors.Money
		dated  bool
	}{
		"TXN-ALICE-001":    {connectors.TransactionPayment, connectors.TransactionSucceeded, connectors.Money{Minor: 150600, Currency: "USD"}, true},
		"TXN-ZOE-REFUND-1": {connectors.TransactionRefund, connectors.TransactionRefunded, connectors.Money{Minor: -5000, Currency: "EUR"}, true},
		"ORD-1002":         {connectors.TransactionPayment, connectors.TransactionRefunded, connectors.Money{Minor: 1250, Currency: "USD"}, false},
		"ORD-NOEMAIL":      {connectors.TransactionPayment, connectors.TransactionSucceeded, connectors.Money{Minor: 300, Currency: "USD"}, true},
	}
	for _, o := range items {
		tx, err := m.transaction(o)
		if err != nil {
			t.Fatalf("%s: %v", o.id(), err)
		}
		w, ok := want[tx.Reference]
		if !ok {
			continue
		}
		if tx.Kind != w.kind || tx.Status != w.status || tx.Amount != w.amount || tx.Date.IsZero() == w.dated {
			t.Errorf("%s: got %+v", tx.Reference, tx)
		}
	}
}
