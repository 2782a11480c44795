package restapi_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/restapi"
)

// TestDecideQuoteSeparateRequests maps a CRM that accepts with one
// request and declines with another, each with its expected status.
func TestDecideQuoteSeparateRequests(t *testing.T) {
	var mu sync.Mutex
	status := map[string]string{"q1": "S", "q2": "S", "q3": "S"}
	var sent []string
	record := func(w http.ResponseWriter, r *http.Request, st string, code int) {
		data, _ := io.ReadAll(r.Body)
		mu.Lock()
		sent = append(sent, r.Method+" "+r.URL.Path+" "+string(data))
		status[r.PathValue("id")] = st
		mu.Unlock()
		w.WriteHeader(code)
	}
	srv := routes(t, map[string]http.HandlerFunc{
		"GET /quotes/{id}": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			st := status[r.PathValue("id")]
			mu.Unlock()
			body(200, `{"id":"`+r.PathValue("id")+`","who":"c1","number":"N","status":"`+st+`","issued":"2025-01-01T00:00:00Z","total":"1"}`)(w, r)
		},
		"POST /quotes/{id}/accept": func(w http.ResponseWriter, r *http.Request) {
			code := http.StatusNoContent
			if r.PathValue("id") == "q3" {
				code = http.StatusOK // not what the mapping expects
			}
			record(w, r, "A", code)
		},
		"DELETE /quotes/{id}/offer": func(w http.ResponseWriter, r *http.Request) { record(w, r, "D", http.StatusAccepted) },
	})
	ops := `
  list_quotes:
    path: /quotes
    owner: {contact: who}
    fields: &q {id: id, number: number, issued_at: issued, total: total, status: {path: status, map: {S: sent, A: accepted, D: declined}}}
  get_quote:
    path: /quotes/{id}
    owner: {contact: who}
    fields: *q
  decide_quote:
    method: POST
    path: /quotes/{id}/accept
    body: {by: "{by}", at: "{at}"}
    expect: [204]
    decline_request:
      method: DELETE
      path: /quotes/{id}/offer
      expect: [202]
`
	c := newConnector(t, mappingWith(t, srv.URL, "currency: EUR", ops), restapi.Options{})
	ctx := context.Background()
	s := connectors.Scope{ContactID: "c1"}
	at := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	if q, changed, err := c.DecideQuote(ctx, s, "q1", connectors.Decision{Accept: true, By: "ann@example.com", At: at}); err != nil || !changed || q.Status != connectors.QuoteAccepted {
		t.Errorf("accept: %+v %v %v", q, changed, err)
	}
	if q, changed, err := c.DecideQuote(ctx, s, "q2", connectors.Decision{Accept: false, At: at}); err != nil || !changed || q.Status != connectors.QuoteDeclined {
		t.Errorf("decline: %+v %v %v", q, changed, err)
	}
	_, _, err := c.DecideQuote(ctx, s, "q3", connectors.Decision{Accept: true, At: at})
	var me *restapi.MappingError
	if !errors.As(err, &me) || me.Op != "decide_quote" {
		t.Errorf("accept answered 200 where 204 is expected: %v, want a MappingError", err)
	}
	want := []string{`POST /quotes/q1/accept {"at":"2025-06-01T12:00:00Z","by":"ann@example.com"}`, "DELETE /quotes/q2/offer ", `POST /quotes/q3/accept {"at":"2025-06-01T12:00:00Z","by":""}`}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(sent, want) {
		t.Errorf("requests sent:\n%q\nwant\n%q", sent, want)
	}
}

// TestWritableFieldsFollowTheMapping checks that the capabilities list
// exactly the contact fields the update request carries.
func TestWritableFieldsFollowTheMapping(t *testing.T) {
	ops := `
  update_contact:
    method: PATCH
    path: /contacts/{contact_id}
    body: {name: {first: "{first_name}"}, city: "{address.city}", phone: "{phone_mobile}"}
`
	c := newConnector(t, mappingWith(t, "http://127.0.0.1:1", "", ops), restapi.Options{})
	caps := c.Capabilities()
	want := []connectors.Field{connectors.FieldFirstName, connectors.FieldMobilePhone, connectors.FieldAddressCity}
	if !slices.Equal(caps.WritableFields, want) {
		t.Errorf("WritableFields = %v, want %v", caps.WritableFields, want)
	}
	if caps.CanWrite(connectors.FieldLastName) || !caps.CanWrite(connectors.FieldAddressCity) {
		t.Errorf("CanWrite disagrees with WritableFields")
	}
}
