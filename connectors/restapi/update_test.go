package restapi_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/restapi"
)

// TestUpdateSendsOnlyPatchedFields checks that the body carries only the
// fields in the patch and that a field the body template cannot carry is
// a ValidationError, not silently dropped.
func TestUpdateSendsOnlyPatchedFields(t *testing.T) {
	var mu sync.Mutex
	var sent []string
	srv := routes(t, map[string]http.HandlerFunc{
		"GET /contacts/c1": body(200, `{"id":"c1","email":"a@example.com"}`),
		"PUT /contacts/c1": func(w http.ResponseWriter, r *http.Request) {
			data, _ := io.ReadAll(r.Body)
			mu.Lock()
			sent = append(sent, string(data))
			mu.Unlock()
			body(200, `{}`)(w, r)
		},
	})
	ops := `
  update_contact:
    method: PUT
    path: /contacts/{contact_id}
    body: {contact: {first: "{first_name}", city: "{address.city}"}}
`
	c := newConnector(t, mappingWith(t, srv.URL, "", ops), restapi.Options{})
	ctx := context.Background()
	if _, err := c.UpdateContact(ctx, "c1", connectors.ContactPatch{connectors.FieldAddressCity: "Köln"}); err != nil {
		t.Fatalf("UpdateContact: %v", err)
	}
	_, err := c.UpdateContact(ctx, "c1", connectors.ContactPatch{connectors.FieldLastName: "X"})
	var verr *connectors.ValidationError
	if !errors.As(err, &verr) || verr.Fields["last_name"] == "" {
		t.Errorf("UpdateContact of a field the body lacks: %v, want a ValidationError for last_name", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(sent) != 1 || sent[0] != `{"contact":{"city":"Köln"}}` {
		t.Errorf("bodies sent: %q", sent)
	}
}
