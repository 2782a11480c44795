package jetpacktest

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// captured returns the body of a capture in ../testdata, decoded.
func captured(t *testing.T, name string) any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", name+".http"))
	if err != nil {
		t.Fatal(err)
	}
	_, resp, _ := strings.Cut(string(raw), "### RESPONSE\n")
	r, err := http.ReadResponse(bufio.NewReader(strings.NewReader(resp)), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	body, _ := io.ReadAll(r.Body)
	return decode(t, string(body))
}

// kinds maps each key of a JSON object to its JSON type. The *_date
// companions and the paid/completed dates are false, null or a value
// depending on the record, so they only have to be present.
func kinds(v any) map[string]string {
	out := map[string]string{}
	for k, val := range v.(map[string]any) {
		kind := "?"
		switch val.(type) {
		case string:
			kind = "string"
		case float64:
			kind = "number"
		case bool:
			kind = "bool"
		case []any:
			kind = "array"
		case map[string]any:
			kind = "object"
		}
		if strings.HasSuffix(k, "_date") || k == "date_paid" || k == "date_completed" || k == "start" || k == "end" {
			kind = "any"
		}
		out[k] = kind
	}
	return out
}

func sameShape(t *testing.T, what string, got, want any) {
	t.Helper()
	g, w := kinds(got), kinds(want)
	var diff []string
	for k, kind := range w {
		if g[k] != kind {
			diff = append(diff, k+": got "+g[k]+", want "+kind)
		}
	}
	for k := range g {
		if _, ok := w[k]; !ok {
			diff = append(diff, k+": not in the capture")
		}
	}
	sort.Strings(diff)
	if len(diff) > 0 {
		t.Errorf("%s differs from the capture:\n%s", what, strings.Join(diff, "\n"))
	}
}

// TestShapesMatchCaptures compares the fake's objects, key by key and JSON
// type by JSON type, with what the real CRM answered.
func TestShapesMatchCaptures(t *testing.T) {
	s := newSeeded(t)
	s.AddInvoice(Invoice{ContactID: 3, Status: "Unpaid", Currency: "USD", Date: 1795235392, Net: "300.00", Total: "300.00",
		Lines: []Line{{Title: "Monthly retainer", Quantity: "1", Price: "300.00", Total: "300.00"}}})
	s.AddTransaction(Transaction{ContactID: 3, Ref: "T", Status: "Succeeded", Type: "Sale", Total: "1.00", Date: 1794371392})
	s.AddEvent(Event{ContactIDs: []int{3}, Title: "e", Start: 1795580992, End: 1795584592, ShowOnPortal: true})
	s.AddCompany(Company{Name: "Acme", ContactIDs: []int{3}})
	first := func(body string) any { return decode(t, body).([]any)[0] }
	get := func(path string) string { _, _, b := do(t, "GET", s.URL+path, ""); return b }
	post := func(path, body string) string { _, _, b := do(t, "POST", s.URL+path, body); return b }

	alice := decode(t, get("/zbs_api/customer_search/"+creds+"&email=alice@example.test")).(map[string]any)
	real := captured(t, "customer_search__by_email_alice").(map[string]any)
	delete(alice, "favourite-colour") // a custom field this capture's install did not have yet
	sameShape(t, "customer_search contact", alice, real)
	sameShape(t, "embedded invoice", alice["invoices"].([]any)[0], real["invoices"].([]any)[0])
	sameShape(t, "line item", alice["invoices"].([]any)[0].(map[string]any)["lineitems"].([]any)[0],
		real["invoices"].([]any)[0].(map[string]any)["lineitems"].([]any)[0])
	sameShape(t, "embedded transaction", alice["transactions"].([]any)[0], real["transactions"].([]any)[0])
	sameShape(t, "tag", alice["tags"].([]any)[0], real["tags"].([]any)[0])

	sameShape(t, "invoice", first(get("/zbs_api/invoices/"+creds)), captured(t, "invoices__default").([]any)[0])
	sameShape(t, "quote", first(get("/zbs_api/quotes/"+creds)), captured(t, "quotes__default").([]any)[0])
	sameShape(t, "transaction", first(get("/zbs_api/transactions/"+creds)), captured(t, "transactions__default").([]any)[0])
	sameShape(t, "event", first(get("/zbs_api/events/"+creds)), captured(t, "events__default").([]any)[0])
	sameShape(t, "company", first(post("/zbs_api/companies/"+creds, "{}")), captured(t, "companies__post_default").([]any)[0])
	withQuotes := first(post("/zbs_api/customers/"+creds, `{"search":"alice","quotes":"true"}`)).(map[string]any)
	realQuotes := captured(t, "customers__with_invoices_quotes_transactions_tags").([]any)[0].(map[string]any)
	sameShape(t, "embedded quote", withQuotes["quotes"].([]any)[0], realQuotes["quotes"].([]any)[0])
}
