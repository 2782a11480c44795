package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestCheckCRMContact(t *testing.T) {
	if n, err := checkCRMContact([]byte(`{"id":"1","invoices":[{},{}]}`)); err != nil || n != 2 {
		t.Errorf("checkCRMContact = %d, %v", n, err)
	}
	for _, bad := range []string{`[]`, `{"id":"1"}`, `nope`, `{"invoices":{}}`} {
		if _, err := checkCRMContact([]byte(bad)); err == nil {
			t.Errorf("checkCRMContact(%s) accepted it", bad)
		}
	}
}

// TestCRMCallTarget calls the fake CRM as the cold measurement's
// reference target does and counts the calls a probe sees.
func TestCRMCallTarget(t *testing.T) {
	crm, key, secret := startCRM("zoe@example.com", 3, 0)
	defer crm.Close()
	tgt := crmCallTarget(crm, key, secret, &options{email: "zoe@example.com", latency: 86 * time.Millisecond})
	if err := checkTarget(tgt); err != nil {
		t.Fatal(err)
	}
	if _, items, err := fetch(context.Background(), http.DefaultClient, tgt, 0); err != nil || items != 3 {
		t.Fatalf("fetch = %d items, %v", items, err)
	}
	got, err := crmCallsPerRequest(context.Background(), http.DefaultClient, crm, tgt)
	if err != nil || !strings.HasPrefix(got, "1.0 (customer_search 1.0)") {
		t.Errorf("calls per request = %q, %v", got, err)
	}
	if strings.Contains(tgt.Name, secret) || strings.Contains(redact(tgt.URL), secret) {
		t.Error("the CRM secret shows in the target's name or redacted URL")
	}
}
