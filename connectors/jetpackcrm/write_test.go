package jetpackcrm

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"clientgate/connectors"
)

func TestUpdateContactFullReplace(t *testing.T) {
	c, srv, ids := world(t, nil)
	ctx := context.Background()
	id := sid(ids["alice"])
	got, err := c.UpdateContact(ctx, id, connectors.ContactPatch{
		connectors.FieldWorkPhone: " 0222 333 444 ", connectors.FieldAddressCity: "Shelbyville",
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.WorkPhone != "0222 333 444" || got.Address.City != "Shelbyville" || got.FirstName != "Alice" ||
		got.Prefix != "Ms" || got.HomePhone != "01234 567890" || got.Address.Line1 != "10 Main Street" || got.Status != "Customer" {
		t.Errorf("after update: %+v", got)
	}
	stored, _ := srv.Contact(ids["alice"])
	if stored.Fields["favourite-colour"] != "teal" {
		t.Errorf("custom field lost: %v", stored.Fields)
	}
	if calls := srv.Calls(); calls["create_customer"] != 1 || calls["customer_search"] > 2 {
		t.Errorf("calls: %v", calls)
	}
}

// TestUpdateKeepsStatus checks the inverted sticky flag: the status is
// sent as stored, without "sticky", so a Lead stays a Lead, a Refused
// contact stays Refused, and a Customer stays a Customer.
func TestUpdateKeepsStatus(t *testing.T) {
	c, srv, ids := world(t, nil)
	for _, name := range []string{"alice", "bob", "mallory"} {
		before, _ := srv.Contact(ids[name])
		got, err := c.UpdateContact(context.Background(), sid(ids[name]), connectors.ContactPatch{connectors.FieldMobilePhone: "07700 900000"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Status != before.Fields["status"] || got.MobilePhone != "07700 900000" {
			t.Errorf("%s: status %q, want %q", name, got.Status, before.Fields["status"])
		}
	}
}

func TestUpdateContactRejects(t *testing.T) {
	c, srv, ids := world(t, nil)
	ctx := context.Background()
	tests := []struct {
		patch connectors.ContactPatch
		field string
	}{
		{connectors.ContactPatch{connectors.FieldFirstName: "Grace 😀"}, "first_name"},
		{connectors.ContactPatch{connectors.FieldAddressLine1: "<b>HQ</b>"}, "address.line1"},
		{connectors.ContactPatch{"email": "x@example.test"}, "email"},
	}
	for _, tt := range tests {
		_, err := c.UpdateContact(ctx, sid(ids["alice"]), tt.patch)
		var verr *connectors.ValidationError
		if !errors.As(err, &verr) || verr.Fields[tt.field] == "" || !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("%v: got %v, want a ValidationError naming %s", tt.patch, err, tt.field)
		}
	}
	if calls := srv.Calls(); len(calls) != 0 {
		t.Errorf("rejected patches reached the CRM: %v", calls)
	}
	if _, err := c.UpdateContact(ctx, "999", connectors.ContactPatch{connectors.FieldFirstName: "X"}); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("unknown contact: %v", err)
	}
}

// TestUpdateVerifies runs the update against a CRM that answers success
// but stores something else: the connector must report an error.
func TestUpdateVerifies(t *testing.T) {
	_, srv, ids := world(t, nil)
	lying := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "create_customer") {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"id":` + sid(ids["alice"]) + `}`))
			return
		}
		proxy(w, r, srv.URL)
	}))
	t.Cleanup(lying.Close)
	c := newConnector(t, lying.URL, nil)
	_, err := c.UpdateContact(context.Background(), sid(ids["alice"]), connectors.ContactPatch{connectors.FieldLastName: "Smith"})
	if !errors.Is(err, connectors.ErrUnavailable) || !strings.Contains(err.Error(), "last_name") {
		t.Errorf("got %v, want a not-stored error naming last_name", err)
	}
}

func TestWriteErrorAnswers(t *testing.T) {
	for _, body := range []string{``, `{"errors":1}`, `{"error":100}`, `{"error":true,"message":"Invalid JSON data"}`, `{"echo":"no id"}`} {
		_, srv, ids := world(t, nil)
		bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.Contains(r.URL.Path, "create_customer") {
				_, _ = w.Write([]byte(body))
				return
			}
			proxy(w, r, srv.URL)
		}))
		c := newConnector(t, bad.URL, nil)
		_, err := c.UpdateContact(context.Background(), sid(ids["alice"]), connectors.ContactPatch{connectors.FieldLastName: "Smith"})
		if err == nil {
			t.Errorf("write answer %q taken as success", body)
		}
		bad.Close()
	}
}

func TestCreateContact(t *testing.T) {
	c, srv, _ := world(t, func(o *Options) { o.ProvisionStatus = "Prospect"; o.PortalStatuses = []string{"Prospect"} })
	ctx := context.Background()
	got, err := c.CreateContact(ctx, connectors.NewContact{Email: "dana+new@example.test", FirstName: "Dana", LastName: "Lee"})
	if err != nil {
		t.Fatal(err)
	}
	if got.ID == "" || got.Status != "Prospect" || !got.PortalAccess || got.FirstName != "Dana" || got.Email != "dana+new@example.test" {
		t.Errorf("created %+v", got)
	}
	if _, err := c.CreateContact(ctx, connectors.NewContact{Email: "ALICE@example.test"}); !errors.Is(err, connectors.ErrConflict) {
		t.Errorf("taken email: %v", err)
	}
	srv.ResetCalls()
	for _, nc := range []connectors.NewContact{{Email: "not-an-email"}, {Email: "a@example.test", FirstName: "😀"}, {Email: "Bob <b@example.test>"}} {
		if _, err := c.CreateContact(ctx, nc); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("%+v: %v, want ErrInvalid", nc, err)
		}
	}
	if len(srv.Calls()) != 0 {
		t.Errorf("invalid contacts reached the CRM: %v", srv.Calls())
	}
}

// proxy forwards a request to the fake CRM.
func proxy(w http.ResponseWriter, r *http.Request, base string) {
	req, _ := http.NewRequestWithContext(r.Context(), r.Method, base+r.URL.RequestURI(), r.Body)
	req.Header = r.Header.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		_, _ = w.Write(buf[:n])
		if err != nil {
			return
		}
	}
}

// TestUpdateNeverDowngradesCustomer has an operator make Bob a Customer
// between the connector's read and its write. Because the connector does
// not send "sticky" (whose meaning is inverted), the CRM's protection
// keeps Bob a Customer although the write carries the "Lead" it read.
func TestUpdateNeverDowngradesCustomer(t *testing.T) {
	_, srv, ids := world(t, nil)
	racing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "create_customer") {
			bob, _ := srv.Contact(ids["bob"])
			bob.Fields["status"] = "Customer"
			srv.DeleteContact(bob.ID)
			srv.AddContact(bob)
		}
		proxy(w, r, srv.URL)
	}))
	t.Cleanup(racing.Close)
	c := newConnector(t, racing.URL, nil)
	got, err := c.UpdateContact(context.Background(), sid(ids["bob"]), connectors.ContactPatch{connectors.FieldWorkPhone: "1"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != "Customer" || got.WorkPhone != "1" {
		t.Errorf("got status %q, phone %q: want the operator's Customer kept", got.Status, got.WorkPhone)
	}
}
