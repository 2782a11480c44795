package importfile

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
)

func TestParseRealisticFile(t *testing.T) {
	f, err := os.Open("../testdata/import.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := Parse(f)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	counts := []int{len(d.Companies), len(d.Contacts), len(d.Invoices), len(d.Quotes), len(d.Transactions), len(d.Tasks)}
	if want := []int{2, 4, 5, 3, 3, 2}; !slices.Equal(counts, want) {
		t.Fatalf("counts = %v, want %v", counts, want)
	}
	inv := d.Invoices[0]
	if inv.Invoice.Total != (connectors.Money{Minor: 150600, Currency: "GBP"}) || inv.ContactEmail != "jane.doe@northwind.example" ||
		len(inv.Invoice.Lines) != 2 || inv.Invoice.Lines[1].Quantity != "4" || inv.Invoice.AmountDue.Minor != 0 {
		t.Errorf("first invoice = %+v", inv)
	}
	if !strings.Contains(d.Invoices[1].Invoice.Notes, "\nPayment") {
		t.Errorf("notes lost their line break: %q", d.Invoices[1].Invoice.Notes)
	}
	if d.Invoices[1].Invoice.AmountDue.Minor != 48000 || !d.Invoices[1].Invoice.IssuedAt.Equal(time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("defaults of the second invoice = %+v", d.Invoices[1].Invoice)
	}
	if got := d.Invoices[4].Invoice.IssuedAt; got.Location() != time.UTC || got.Hour() != 9 {
		t.Errorf("offset time not converted to UTC: %v", got)
	}
	if d.Contacts[3].Contact.PortalAccess || !d.Contacts[0].Contact.PortalAccess || d.Contacts[0].Company != "Northwind Traders" {
		t.Errorf("contacts = %+v", d.Contacts)
	}
	tr := d.Transactions[1].Transaction
	if tr.Kind != connectors.TransactionPayment || tr.Status != connectors.TransactionSucceeded || d.Transactions[2].Transaction.Amount.Minor != -2000 {
		t.Errorf("transaction defaults = %+v", tr)
	}
	if p := d.Invoices[2].Pos.Problem("company", "x"); p.Path != "invoices[2].company" || p.Line != 85 {
		t.Errorf("position of invoices[2].company = %+v", p)
	}
}

func TestParseProblems(t *testing.T) {
	cases := []struct {
		name string
		file string
		want []string // each must appear, in this order, as a line of the error
	}{
		{"not JSON", `{"contacts": [`, []string{`(line 1): not valid JSON: unexpected end of file`}},
		{"syntax error line", "{\n\"contacts\": [\n{\"email\": \"a@b.c\",}\n]}", []string{`(line 3): not valid JSON`}},
		{"not an object", `[1, 2]`, []string{`(line 1): the file must hold one JSON object, not an array`}},
		{"trailing data", `{} {}`, []string{`unexpected data after the top-level object`}},
		{"unknown top-level", `{"people": []}`, []string{`people (line 1): is not a known field`}},
		{"section not an array", `{"contacts": {}}`, []string{`contacts (line 1): must be an array, not an object`}},
		{"item not an object", `{"contacts": ["x"]}`, []string{`contacts[0] (line 1): must be an object, not a string`}},
		{"every problem of an invoice", `{
"invoices": [
  {"number": "A", "contact_email": "a@b.test", "status": "unpaid", "issued_at": "2025-01-01", "currency": "EUR", "total": "1.00"},
  {"number": "B", "contact_email": "a@b.test", "status": "unpaid", "issued_at": "2025-01-01", "currency": "EUR", "total": "1.00"},
  {"number": "C", "contact_email": "a@b.test", "status": "unpaid", "issued_at": "2025-01-01", "currency": "EUR",
   "total": "12.3.4",
   "tax": "1.234",
   "due_at": "tomorrow",
   "status2": "x",
   "lines": [{"title": "", "total": 5, "quantity": "-1"}]}
]}`, []string{
			`invoices[2].total (line 6): "12.3.4" is not a decimal amount`,
			`invoices[2].tax (line 7): "1.234" has more decimal places than EUR allows`,
			`invoices[2].due_at (line 8): "tomorrow" is not an RFC 3339 time`,
			`invoices[2].status2 (line 9): is not a known field`,
			`invoices[2].lines[0].title (line 10): must not be empty`,
			`invoices[2].lines[0].quantity (line 10): "-1" is not a decimal number`,
			`invoices[2].lines[0].total (line 10): must be a string, not a number`,
		}},
		{"missing and wrong fields", `{"quotes": [{"number": 7, "status": "maybe", "currency": "XXY", "contact_email": "x@y.test", "company": "Acme"}]}`, []string{
			`quotes[0].currency (line 1): "XXY" is not an ISO 4217 currency code`,
			`quotes[0].number (line 1): must be a string, not a number`,
			`quotes[0].issued_at (line 1): is required`,
			`quotes[0].total (line 1): is required`,
			`quotes[0].status (line 1): "maybe" is not one of draft, sent, accepted, declined, expired`,
			`quotes[0].contact_email (line 1): exactly one of contact_email and company must be set`,
		}},
		{"contacts", `{"contacts": [
{"email": "not-an-email", "portal_access": "yes"},
{"email": "Dup@x.test", "address": {"town": "York"}},
{"email": "dup@X.test", "first_name": "a\nb"}
]}`, []string{
			`contacts[0].email (line 2): "not-an-email" is not an email address`,
			`contacts[0].portal_access (line 2): must be true or false, not a string`,
			`contacts[1].address.town (line 3): is not a known field`,
			`contacts[2].first_name (line 4): contains control characters`,
			`contacts[2].email (line 4): repeats contacts[1] (line 3)`,
		}},
		{"duplicate key", "{\"tasks\": [{\"title\": \"a\",\n\"title\": \"b\", \"contact_email\": \"a@b.test\", \"start\": \"2025-01-01\"}]}",
			[]string{`tasks[0].title (line 2): appears twice`}},
		{"task and transaction", `{"tasks": [{"title": "t", "contact_email": "a@b.test", "start": "2025-01-02", "end": "2025-01-01", "complete": 1}],
"transactions": [{"reference": "R", "contact_email": "a@b.test", "amount": "1", "currency": "EUR", "date": "2025-01-01", "kind": "gift"}]}`, []string{
			`tasks[0].complete (line 1): must be true or false, not a number`,
			`tasks[0].end (line 1): is before start`,
			`transactions[0].kind (line 2): "gift" is not one of payment, refund`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Parse(strings.NewReader(c.file))
			var perr *Error
			if !errors.As(err, &perr) || !errors.Is(err, connectors.ErrInvalid) || d != nil {
				t.Fatalf("Parse = %v, %v; want an *Error", d, err)
			}
			msg := err.Error()
			rest := msg
			for _, want := range c.want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Errorf("error lacks (in order) %q; got:\n%s", want, msg)
					return
				}
				rest = rest[i+len(want):]
			}
			if len(perr.Problems) != len(c.want) {
				t.Errorf("%d problems, want %d:\n%s", len(perr.Problems), len(c.want), msg)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	deep := strings.Repeat("[", 100000)
	if _, err := Parse(strings.NewReader(`{"contacts": ` + deep)); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("deep nesting: err = %v", err)
	}
	if _, err := Parse(strings.NewReader(strings.Repeat(" ", MaxSize+1))); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("huge file: err = %v", err)
	}
	d, err := Parse(strings.NewReader(`{}`))
	if err != nil || d == nil {
		t.Errorf("empty object: %v, %v", d, err)
	}
}

func TestSummaryString(t *testing.T) {
	got := Summary{Contacts: 1, Companies: 2, Invoices: 0, Quotes: 1, Transactions: 3, Tasks: 1}.String()
	if want := "1 contact, 2 companies, 0 invoices, 1 quote, 3 transactions, 1 task"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
