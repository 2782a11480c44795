package main

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors/jetpackcrm/jetpacktest"
)

// crmCallTarget is one call to the fake CRM as clientgate makes it for an
// invoices page: customer_search for the contact's email, which answers
// the contact with its invoices. Its URL holds the CRM's key and secret,
// which messages redact.
func crmCallTarget(crm *jetpacktest.Server, key, secret string, o *options) Target {
	q := url.Values{"api_key": {key}, "api_secret": {secret}, "email": {o.email}}
	return Target{Name: fmt.Sprintf("(r) one fake Jetpack CRM call (%s)", o.latency),
		URL: crm.URL + "/zbs_api/customer_search/?" + q.Encode(), Check: checkCRMContact}
}

// checkCRMContact checks that body is a customer_search contact object and
// returns the number of its invoices.
func checkCRMContact(body []byte) (int, error) {
	if !gjson.ValidBytes(body) {
		return 0, fmt.Errorf("body is not JSON: %s", snippet(body))
	}
	inv := gjson.GetBytes(body, "invoices")
	if !inv.IsArray() {
		return 0, fmt.Errorf("body is not a contact with invoices: %s", snippet(body))
	}
	return len(inv.Array()), nil
}

// probes is how many requests, sent one at a time, count the CRM calls of
// one cold page.
const probes = 5

// crmCallsPerRequest waits until the CRM is quiet (requests cut off at the
// end of a run may still be running on the server), then sends probes
// requests to t one at a time and describes the CRM calls per request.
func crmCallsPerRequest(ctx context.Context, client *http.Client, crm *jetpacktest.Server, t Target) (string, error) {
	for range 20 {
		before := sumCalls(crm.Calls())
		time.Sleep(500 * time.Millisecond)
		if sumCalls(crm.Calls()) == before {
			break
		}
	}
	crm.ResetCalls()
	for i := range probes {
		if _, _, err := fetch(ctx, client, t, i); err != nil {
			return "", fmt.Errorf("%s: counting CRM calls: %w", t.Name, err)
		}
	}
	calls := crm.Calls()
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(calls)) {
		parts = append(parts, fmt.Sprintf("%s %.1f", k, float64(calls[k])/probes))
	}
	return fmt.Sprintf("%.1f (%s)", float64(sumCalls(calls))/probes, strings.Join(parts, ", ")), nil
}

// sumCalls adds the calls of every endpoint.
func sumCalls(calls map[string]int) int {
	total := 0
	for _, n := range calls {
		total += n
	}
	return total
}
