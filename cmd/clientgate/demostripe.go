package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	stripego "github.com/stripe/stripe-go/v82"
	"github.com/stripe/stripe-go/v82/webhook"

	"clientgate/config"
	"clientgate/connectors"
)

// The demo's Stripe credentials: stripe-mock takes any test key, and the
// demo signs its own webhooks.
const (
	demoStripeKey     = "sk_test_clientgatedemo"
	demoWebhookSecret = "whsec_clientgate_demo_not_secret"
	// demoCheckoutPath is where the demo serves its test checkout page.
	demoCheckoutPath = "/dev-stripe"
)

// demoStripe runs online payment in the demo against stripe-mock, which
// checks every API call against Stripe's API description but keeps no
// state: it answers every checkout with the same session ID and a
// checkout page that does not exist. So the demo's transport gives each
// checkout a session ID of its own and sends the client to a test
// checkout page the demo serves, whose Pay button delivers the signed
// checkout.session.completed webhook Stripe would send.
type demoStripe struct {
	public string
	hooks  *http.Client // reaches the portal's own listener
	next   http.RoundTripper
	count  atomic.Int64
	mu     sync.Mutex
	// sessions are the checkouts made, by session ID.
	sessions map[string]demoSession
}

// demoSession is one checkout the demo made.
type demoSession struct {
	ID, Intent        string
	Amount            int64
	Currency          string
	Description       string
	Success, Cancel   string
	InvoiceID         string
	Metadata          map[string]string
	Paid              bool
	PublicCheckoutURL string
}

// useDemoStripe turns payments on in cfg against stripe-mock at mockURL
// and returns what to add to serving: the transport and the test
// checkout page.
func useDemoStripe(cfg *config.Config, mockURL string, ex *serveExtras) error {
	u, err := url.Parse(mockURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usagef("demo: --stripe-mock %q must be stripe-mock's URL, such as http://127.0.0.1:12111", mockURL)
	}
	cfg.Payments.Provider = "stripe"
	cfg.Payments.Stripe = config.StripeConfig{SecretKey: demoStripeKey, WebhookSecret: demoWebhookSecret, APIURL: strings.TrimRight(mockURL, "/")}
	ds := &demoStripe{public: cfg.PublicURL, hooks: throughListener(cfg.PublicURL, cfg.Listen.Addr),
		next: http.DefaultTransport, sessions: map[string]demoSession{}}
	ex.stripeClient = &http.Client{Transport: ds, Timeout: 20 * time.Second}
	if ex.mounts == nil {
		ex.mounts = map[string]http.Handler{}
	}
	ex.mounts[demoCheckoutPath] = ds.handler()
	return nil
}

// RoundTrip forwards a call to stripe-mock; a new checkout gets its own
// session ID and the demo's checkout page.
func (d *demoStripe) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/checkout/sessions" || r.Body == nil {
		return d.next.RoundTrip(r)
	}
	body, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		return nil, err
	}
	form, _ := url.ParseQuery(string(body))
	r.Body = io.NopCloser(bytes.NewReader(body))
	resp, err := d.next.RoundTrip(r)
	if err != nil || resp.StatusCode != http.StatusOK {
		return resp, err
	}
	answer, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(d.rewrite(answer, form)))
	resp.ContentLength = -1
	resp.Header.Del("Content-Length")
	return resp, nil
}

// rewrite gives stripe-mock's session answer the demo's own session.
func (d *demoStripe) rewrite(answer []byte, form url.Values) []byte {
	var s map[string]any
	if json.Unmarshal(answer, &s) != nil {
		return answer
	}
	n := d.count.Add(1)
	sess := demoSession{ID: fmt.Sprintf("cs_test_demo_%d_%d", time.Now().UnixNano(), n), Intent: fmt.Sprintf("pi_demo_%d_%d", time.Now().UnixNano(), n),
		Currency: form.Get("line_items[0][price_data][currency]"), Description: form.Get("line_items[0][price_data][product_data][name]"),
		Success: form.Get("success_url"), Cancel: form.Get("cancel_url"), InvoiceID: form.Get("client_reference_id"),
		Metadata: map[string]string{}}
	sess.Amount, _ = strconv.ParseInt(form.Get("line_items[0][price_data][unit_amount]"), 10, 64)
	for k, v := range form {
		if name, ok := strings.CutPrefix(k, "metadata["); ok {
			sess.Metadata[strings.TrimSuffix(name, "]")] = v[0]
		}
	}
	sess.PublicCheckoutURL = d.public + demoCheckoutPath + "/checkout/" + sess.ID
	d.mu.Lock()
	d.sessions[sess.ID] = sess
	d.mu.Unlock()
	s["id"], s["url"], s["payment_intent"] = sess.ID, sess.PublicCheckoutURL, nil
	s["expires_at"] = time.Now().Add(24 * time.Hour).Unix()
	out, err := json.Marshal(s)
	if err != nil {
		return answer
	}
	return out
}

// session returns a checkout the demo made.
func (d *demoStripe) session(id string) (demoSession, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	s, ok := d.sessions[id]
	return s, ok
}

// demoEvent is the checkout.session.completed event of a paid session,
// as Stripe sends it.
func demoEvent(s demoSession, eventID string) []byte {
	ev := map[string]any{
		"id": eventID, "object": "event", "api_version": stripego.APIVersion, "created": time.Now().Unix(),
		"livemode": false, "pending_webhooks": 1, "type": "checkout.session.completed",
		"data": map[string]any{"object": map[string]any{
			"id": s.ID, "object": "checkout.session", "mode": "payment", "status": "complete", "payment_status": "paid",
			"payment_intent": s.Intent, "amount_total": s.Amount, "currency": s.Currency,
			"client_reference_id": s.InvoiceID, "metadata": s.Metadata,
		}},
	}
	raw, _ := json.Marshal(ev)
	return raw
}

// signDemo signs a webhook body with the demo's webhook secret, as Stripe
// does, with stripe-go's own signing helper.
func signDemo(payload []byte) string {
	return webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: demoWebhookSecret,
		Timestamp: time.Now()}).Header
}

// deliver posts a signed event to the portal's /hooks/stripe.
func (d *demoStripe) deliver(payload []byte) error {
	req, err := http.NewRequest(http.MethodPost, d.public+"/hooks/stripe", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Stripe-Signature", signDemo(payload))
	resp, err := d.hooks.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("the portal answered the webhook with %s", resp.Status)
	}
	return nil
}

// handler serves the test checkout page: GET shows the checkout, POST
// …/pay pays it (delivering the webhook) and POST …/cancel leaves it.
func (d *demoStripe) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+demoCheckoutPath+"/checkout/{id}", func(w http.ResponseWriter, r *http.Request) {
		s, ok := d.session(r.PathValue("id"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if err := demoCheckoutPage.Execute(w, s); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	mux.HandleFunc("POST "+demoCheckoutPath+"/checkout/{id}/{action}", d.act)
	return mux
}

// act pays or leaves a test checkout and sends the client back to the
// portal.
func (d *demoStripe) act(w http.ResponseWriter, r *http.Request) {
	s, ok := d.session(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	switch r.PathValue("action") {
	case "cancel":
		http.Redirect(w, r, s.Cancel, http.StatusSeeOther)
	case "pay":
		if err := d.deliver(demoEvent(s, "evt_demo_"+s.ID)); err != nil {
			http.Error(w, "demo checkout: "+err.Error(), http.StatusBadGateway)
			return
		}
		http.Redirect(w, r, s.Success, http.StatusSeeOther)
	default:
		http.NotFound(w, r)
	}
}

// demoCheckoutPage is the test checkout page.
var demoCheckoutPage = template.Must(template.New("checkout").Funcs(template.FuncMap{
	"amount": func(minor int64, cur string) string {
		return connectors.Money{Minor: minor, Currency: strings.ToUpper(cur)}.String()
	},
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test checkout (stripe-mock)</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>Test checkout</h1>
<p>This page stands in for Stripe's checkout in <code>clientgate demo --stripe-mock</code>: no card is charged.
Paying sends the signed <code>checkout.session.completed</code> webhook Stripe would send.</p>
<p><strong>{{.Description}}</strong>: {{amount .Amount .Currency}}</p>
<form method="post" action="{{.ID}}/pay"><button type="submit" style="min-height: 44px; padding: 0 1.5rem">Pay {{amount .Amount .Currency}} (test)</button></form>
<form method="post" action="{{.ID}}/cancel"><button type="submit" style="min-height: 44px; margin-top: 1rem">Cancel and go back</button></form>
</main></body></html>
`))
