package jetpacktest

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// captureRequest returns the request body of a capture in ../testdata.
func captureRequest(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", name+".http"))
	if err != nil {
		t.Fatal(err)
	}
	req, _, _ := strings.Cut(string(raw), "### RESPONSE\n")
	_, body, _ := strings.Cut(req, "\n\n")
	return strings.TrimSpace(body)
}

// TestCreateTransactionAsCaptured replays the create_transaction captures
// in the order they were made and compares each answer (status and body)
// with the real CRM's, then the transactions list with the one captured
// after those writes.
func TestCreateTransactionAsCaptured(t *testing.T) {
	s := newSeeded(t)
	s.now = func() time.Time { return time.Unix(1795408366, 0) }
	s.AddTransaction(Transaction{ContactID: 3, Ref: "TXN-ALICE-001", Status: "Succeeded", Type: "Sale", Total: "1506.00", Currency: "USD"})
	s.AddTransaction(Transaction{ContactID: 2, Ref: "TXN-ZOE-REFUND-1", Status: "Refunded", Type: "Refund", Total: "50.00", Currency: "EUR"})
	for _, c := range []struct {
		name   string
		status int
	}{
		{"create_transaction__existing_contact_alice", 200},
		{"create_transaction__new_email_eve", 200},
		{"create_transaction__update_same_orderid", 200},
		{"create_transaction__error_missing_orderid", 200},
		{"create_transaction__error_missing_total", 200},
		{"create_transaction__error_invalid_json", 500},
		{"create_transaction__error_total_zero", 200},
		{"create_transaction__no_email", 200},
		{"create_transaction__linked_to_invoice_5", 200},
	} {
		status, _, body := do(t, "POST", s.URL+"/zbs_api/create_transaction/"+creds, captureRequest(t, c.name))
		if status != c.status {
			t.Errorf("%s: HTTP %d, want %d", c.name, status, c.status)
		}
		if got, want := decode(t, body), captured(t, c.name); c.status == 200 && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: answer\n%v\nwant\n%v", c.name, got, want)
		}
	}
	eve := s.contactByEmail("eve@example.test")
	if eve == nil || eve.get("status") != "Customer" || eve.get("fname") != "Eve" {
		t.Errorf("create_transaction with a new email: contact %+v, want a Customer named Eve", eve)
	}
	_, _, body := do(t, "GET", s.URL+"/zbs_api/transactions/"+creds+"&perpage=50", "")
	got, want := apiWrites(decode(t, body)), apiWrites(captured(t, "transactions__after_api_writes"))
	if len(want) != 4 || !reflect.DeepEqual(got, want) {
		t.Errorf("transactions after the writes:\n%v\nwant\n%v", got, want)
	}
	_, _, body = do(t, "POST", s.URL+"/zbs_api/create_transaction/"+creds, captureRequest(t, "create_transaction__date_as_string_misparsed"))
	if got, want := decode(t, body), captured(t, "create_transaction__date_as_string_misparsed"); !reflect.DeepEqual(got, want) {
		t.Errorf("date as a string: answer %v, want %v", got, want)
	}
	if tx := s.transactions[len(s.transactions)-1]; tx.Date != 2026 {
		t.Errorf("date string stored as %d, want 2026 (PHP's (int) cast)", tx.Date)
	}
}

// apiWrites lists the API-written transactions (order IDs ORD-*) of a
// transactions answer with the fields the writes set; a date of "now"
// (set by the CRM's clock) is shown as "now".
func apiWrites(list any) []string {
	var out []string
	for _, v := range list.([]any) {
		o := v.(map[string]any)
		if !strings.HasPrefix(fmt.Sprint(o["ref"]), "ORD-") {
			continue
		}
		date := fmt.Sprint(o["date"])
		if date != "0" && date != "1.763e+09" {
			date = "now"
		}
		out = append(out, fmt.Sprintf("%v %v %v %v %v %v %s", o["id"], o["ref"], o["status"], o["title"], o["currency"], o["total"], date))
	}
	return out
}
