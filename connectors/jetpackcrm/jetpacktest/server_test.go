package jetpacktest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

const (
	key    = "jpcrm_pk_test"
	secret = "jpcrm_sk_test"
	creds  = "?api_key=" + key + "&api_secret=" + secret
)

func newSeeded(t *testing.T) *Server {
	t.Helper()
	s := NewServer(key, secret)
	t.Cleanup(s.Close)
	s.AddCustomField("favourite-colour")
	for _, name := range []string{"bob", "zoe", "alice", "carlos"} {
		status := "Lead"
		if name != "bob" {
			status = "Customer"
		}
		s.AddContact(Contact{Tags: []string{"vip"}, Fields: map[string]string{"status": status, "email": name + "@example.test",
			"fname": strings.ToUpper(name[:1]) + name[1:], "lname": "Test", "city": "Leeds"}})
	}
	s.AddInvoice(Invoice{ContactID: 3, Status: "Paid", Currency: "USD", Date: 1791952192, Net: "1506.00", Total: "1506.00"})
	s.AddInvoice(Invoice{ContactID: 3, Status: "Unpaid", Currency: "USD", Date: 1795235392, Net: "300.00", Total: "300.00"})
	s.AddQuote(Quote{ContactID: 3, Title: "one", Value: "1.00", Date: 1793680192, Content: "<p>x</p>"})
	s.AddQuote(Quote{ContactID: 1, Title: "two", Value: "2.00", Date: 1793680193})
	return s
}

func do(t *testing.T, method, url, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(raw)
}

func TestRouting(t *testing.T) {
	s := newSeeded(t)
	tests := []struct {
		name, method, path, body string
		status                   int
		contains                 string
	}{
		{"status", "GET", "/zbs_api/status/" + creds, "", 200, `"Successful Connection"`},
		{"no slash GET redirects", "GET", "/zbs_api/invoices" + creds, "", 301, ""},
		{"no slash POST runs", "POST", "/zbs_api/customers" + creds, "{}", 200, `"id":"1"`},
		{"no creds", "GET", "/zbs_api/status/", "", 401, "correctly configured"},
		{"wrong secret", "GET", "/zbs_api/status/?api_key=" + key + "&api_secret=x", "", 401, "Unauthorized"},
		{"unknown endpoint unauthenticated", "GET", "/zbs_api/contacts/", "", 401, "Unauthorized"},
		{"unknown endpoint", "GET", "/zbs_api/contacts/" + creds, "", 400, "Bad request"},
		{"POST status", "POST", "/zbs_api/status/" + creds, "", 405, "Method not allowed"},
		{"GET companies", "GET", "/zbs_api/companies/" + creds, "", 405, "Method not allowed"},
		{"HEAD anything", "HEAD", "/zbs_api/nothing/", "", 200, ""},
		{"not found email", "GET", "/zbs_api/customer_search/" + creds + "&email=nobody@example.test", "", 200, "[]"},
		{"email breaks with hyphen option", "GET", "/zbs_api/customer_search/" + creds + "&email=alice@example.test&replace_hyphens_with_underscores_in_json_keys=1", "", 500, "critical error"},
		{"perpage 0", "GET", "/zbs_api/invoices/" + creds + "&perpage=0", "", 200, "[]"},
		{"perpage abc", "GET", "/zbs_api/invoices/" + creds + "&perpage=abc", "", 200, "[]"},
		{"past the end", "GET", "/zbs_api/invoices/" + creds + "&perpage=2&page=99", "", 200, "[]"},
		{"customers bad perpage", "POST", "/zbs_api/customers/" + creds, `{"perpage":-5}`, 200, "[]"},
		{"companies quotes flag breaks JSON", "POST", "/zbs_api/companies/" + creds, `{"quotes":"true"}`, 200, `<div class="zbs info msg">`},
		{"non-ASCII escaped", "POST", "/zbs_api/create_customer/" + creds, `{"email":"zoe2@example.test","fname":"Zoë"}`, 200, `Zo\u00eb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, hdr, body := do(t, tt.method, s.URL+tt.path, tt.body)
			if status != tt.status || !strings.Contains(body, tt.contains) {
				t.Fatalf("got %d %q, want %d containing %q", status, body, tt.status, tt.contains)
			}
			if status == 301 && hdr.Get("Location") != "/zbs_api/invoices/"+creds {
				t.Errorf("Location %q", hdr.Get("Location"))
			}
		})
	}
	s.DisableModule(true)
	status, hdr, body := do(t, "GET", s.URL+"/zbs_api/status/"+creds, "")
	if status != 404 || !strings.Contains(hdr.Get("Content-Type"), "text/html") || !strings.Contains(body, "Page not found") {
		t.Errorf("disabled module: %d %s", status, body)
	}
	if s.Calls()["status"] < 3 {
		t.Errorf("calls %v", s.Calls())
	}
}

func decode(t *testing.T, body string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return v
}

func TestShapes(t *testing.T) {
	s := newSeeded(t)
	_, _, body := do(t, "GET", s.URL+"/zbs_api/customer_search/"+creds+"&email=ALICE@example.test", "")
	alice := decode(t, body).(map[string]any)
	if alice["id"] != "3" || alice["createduts"] == nil || alice["lastcontacted"] != float64(-1) || alice["favourite-colour"] != "" {
		t.Errorf("contact types: %v", alice)
	}
	if _, ok := alice["createduts"].(string); !ok {
		t.Error("createduts must be a string")
	}
	invs := alice["invoices"].([]any)
	if len(invs) != 2 || invs[0].(map[string]any)["id"] != "2" || invs[0].(map[string]any)["date"] != float64(1795235392) {
		t.Errorf("embedded invoices newest first with numeric dates: %v", invs)
	}
	if _, ok := alice["quotes"]; ok {
		t.Error("customer_search must not embed quotes")
	}
	// Flags attach only as the string "true".
	_, _, body = do(t, "POST", s.URL+"/zbs_api/customers/"+creds, `{"search":"alice","quotes":true,"invoices":"true"}`)
	list := decode(t, body).([]any)
	if len(list) != 1 || list[0].(map[string]any)["quotes"] != nil || list[0].(map[string]any)["invoices"] == nil {
		t.Errorf("string flags: %v", list)
	}
	_, _, body = do(t, "GET", s.URL+"/zbs_api/quotes/"+creds, "")
	quotes := decode(t, body).([]any)
	if quotes[0].(map[string]any)["id"] != "2" || quotes[0].(map[string]any)["content"] != nil {
		t.Errorf("quotes come newest first, without content: %v", quotes)
	}
	_, _, body = do(t, "POST", s.URL+"/zbs_api/customers/"+creds, `{"perpage":2,"page":2}`)
	if page := decode(t, body).([]any); len(page) != 2 || page[0].(map[string]any)["id"] != "3" {
		t.Errorf("page 2: %v", page)
	}
	_, _, body = do(t, "GET", s.URL+"/zbs_api/customer_search/"+creds, "")
	if all := decode(t, body).([]any); len(all) != 4 {
		t.Errorf("default list: %d", len(all))
	}
}

func TestCreateCustomerSemantics(t *testing.T) {
	s := newSeeded(t)
	post := func(body string) string {
		_, _, out := do(t, "POST", s.URL+"/zbs_api/create_customer/"+creds, body)
		return out
	}
	tests := []struct{ body, want string }{
		{`{"email": broken`, `{"error":true,"message":"Invalid JSON data"}`},
		{`{"fname":"NoEmail"}`, `{"errors":1}`},
		{`{"id":99,"fname":"x"}`, `{"errors":1}`},
		{`{"email":"grace@example.test","fname":"Grace 😀"}`, `{"error":100}`},
	}
	for _, tt := range tests {
		if got := post(tt.body); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.body, got, tt.want)
		}
	}
	// Partial update blanks unsent fields; the Customer status is sticky.
	post(`{"email":"alice@example.test","worktel":"1","status":"Lead","favourite-colour":"teal"}`)
	alice, _ := s.Contact(3)
	if alice.Fields["fname"] != "" || alice.Fields["city"] != "" || alice.Fields["worktel"] != "1" || alice.Fields["status"] != "Customer" {
		t.Errorf("after partial update: %v", alice.Fields)
	}
	post(`{"id":3,"email":"alice@example.test","status":"Refused","sticky":1}`)
	if alice, _ = s.Contact(3); alice.Fields["status"] != "Refused" || alice.Fields["favourite-colour"] != "" {
		t.Errorf("sticky set: %v", alice.Fields)
	}
	post(`{"email":"bob@example.test","fname":"Frank & <b>Bold</b><script>alert(1)</script>"}`)
	if bob, _ := s.Contact(1); bob.Fields["fname"] != "Frank & Bold" || bob.Fields["status"] != "Lead" {
		t.Errorf("sanitised: %v", bob.Fields)
	}
	echo := post(`{"email":"new@example.test","status":"Lead","notes":"dropped"}`)
	if !strings.Contains(echo, `"id":5`) || !strings.Contains(echo, `"notes":"dropped"`) {
		t.Errorf("echo: %s", echo)
	}
}
