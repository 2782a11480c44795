package portal

import (
	"context"
	"errors"
	"testing"

	"clientgate/auth"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/fake"
)

func TestCheckedContactReusesTheAccessCheck(t *testing.T) {
	crm, store := fake.New(), fake.NewBridge()
	ann := crm.AddContact(connectors.Contact{ID: "ann", Email: "ann@example.com", PortalAccess: true})
	s, err := newServer(Options{Connector: crm, Bridge: store, Auth: testAuth{}, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	checked := auth.Principal{ContactID: ann.ID, Checked: true, Contact: ann}
	if got, _, err := s.checkedContact(ctx, checked); err != nil || got.ID != ann.ID {
		t.Fatalf("checked principal: %v, %v", got, err)
	}
	if n := crm.Calls("GetContact"); n != 0 {
		t.Errorf("the contact was read again: %d GetContact calls", n)
	}
	refused := []auth.Principal{
		{ContactID: ann.ID, Checked: true, Contact: connectors.Contact{ID: ann.ID}},
		{ContactID: ann.ID, Checked: true, Contact: ann, Settings: bridge.ContactSettings{PortalDisabled: true}},
	}
	for _, p := range refused {
		if _, _, err := s.checkedContact(ctx, p); !errors.Is(err, errRefused) {
			t.Errorf("%+v: err = %v, want refused", p, err)
		}
	}
	if _, _, err := s.checkedContact(ctx, auth.Principal{ContactID: ann.ID}); err != nil || crm.Calls("GetContact") != 1 {
		t.Errorf("unchecked principal: err %v, %d GetContact calls, want 1", err, crm.Calls("GetContact"))
	}
}
