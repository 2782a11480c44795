package sqlstore

import (
	"context"
	"errors"
	"strings"
	"testing"

	"clientgate/connectors"
)

func TestFindContactByEmail(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		c, err := s.FindContactByEmail(ctx, "  aLiCe@example.COM ")
		if err != nil || c.ID != f.alice || c.Email != "Alice@Example.com" || c.CompanyID != f.company || !c.PortalAccess {
			t.Fatalf("FindContactByEmail = %+v, %v", c, err)
		}
		if _, err := s.FindContactByEmail(ctx, "nobody@example.com"); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("unknown email: err = %v, want ErrNotFound", err)
		}
		dup := connectors.Contact{Email: "ALICE@example.com", PortalAccess: true}
		putContacts(t, s, dup)
		_, err = s.FindContactByEmail(ctx, "alice@example.com")
		if !errors.Is(err, connectors.ErrAmbiguous) || !strings.HasPrefix(err.Error(), "sqlstore: ") {
			t.Errorf("repeated email: err = %v, want sqlstore: … ErrAmbiguous", err)
		}
	})
}

func TestGetContact(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		c, err := s.GetContact(ctx, f.bob)
		if err != nil || c.FirstName != "Bob" || c.CompanyID != "" || c.CreatedAt.IsZero() {
			t.Fatalf("GetContact = %+v, %v", c, err)
		}
		for _, id := range []string{"", "42", "'; DROP TABLE contacts; --", "00000000-0000-0000-0000-000000000000"} {
			if _, err := s.GetContact(ctx, id); !errors.Is(err, connectors.ErrNotFound) {
				t.Errorf("GetContact(%q): err = %v, want ErrNotFound", id, err)
			}
		}
	})
}

func TestCreateContact(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		loadFixture(t, s)
		ctx := context.Background()
		c, err := s.CreateContact(ctx, connectors.NewContact{Email: "new@example.com", FirstName: "Nia", LastName: "Ng"})
		if err != nil || c.ID == "" || c.Email != "new@example.com" || c.LastName != "Ng" || !c.PortalAccess {
			t.Fatalf("CreateContact = %+v, %v", c, err)
		}
		got, err := s.FindContactByEmail(ctx, "NEW@example.com")
		if err != nil || got.ID != c.ID {
			t.Errorf("find created contact = %+v, %v", got, err)
		}
		if _, err := s.CreateContact(ctx, connectors.NewContact{Email: "BOB@example.com"}); !errors.Is(err, connectors.ErrConflict) {
			t.Errorf("taken email: err = %v, want ErrConflict", err)
		}
		for _, bad := range []string{"", "not-an-email", "Bob <bob@x.test>", "a@b@c"} {
			if _, err := s.CreateContact(ctx, connectors.NewContact{Email: bad}); !errors.Is(err, connectors.ErrInvalid) {
				t.Errorf("email %q: err = %v, want ErrInvalid", bad, err)
			}
		}
		if _, err := s.CreateContact(ctx, connectors.NewContact{Email: "ctl@example.com", FirstName: "a\x00b"}); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("control character in name: err = %v, want ErrInvalid", err)
		}
	})
}

func TestUpdateContact(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		p := connectors.ContactPatch{connectors.FieldMobilePhone: " +44 7700 900123 ", connectors.FieldAddressCity: "Leeds",
			connectors.FieldSecondCountry: "FR"}
		c, err := s.UpdateContact(ctx, f.alice, p)
		if err != nil {
			t.Fatalf("UpdateContact: %v", err)
		}
		if c.MobilePhone != "+44 7700 900123" || c.Address.City != "Leeds" || c.SecondAddress.Country != "FR" || c.FirstName != "Alice" {
			t.Errorf("updated contact = %+v", c)
		}
		again, _ := s.GetContact(ctx, f.alice)
		if again.Address.City != "Leeds" || again.UpdatedAt.Before(again.CreatedAt) {
			t.Errorf("stored contact = %+v", again)
		}
		var verr *connectors.ValidationError
		_, err = s.UpdateContact(ctx, f.alice, connectors.ContactPatch{"email": "x@y.z", connectors.FieldLastName: strings.Repeat("x", 201)})
		if !errors.As(err, &verr) || len(verr.Fields) != 2 {
			t.Errorf("bad patch: err = %v, want a ValidationError with 2 fields", err)
		}
		if _, err := s.UpdateContact(ctx, "nope", connectors.ContactPatch{connectors.FieldPrefix: "Dr"}); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("unknown contact: err = %v, want ErrNotFound", err)
		}
	})
}

func TestPortalAccess(t *testing.T) {
	ctx := context.Background()
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			dsn := d.dsn(t)
			s := openStore(t, dsn, Options{PortalStatuses: []string{" customer "}})
			f := loadFixture(t, s)
			off := connectors.Contact{Email: "off@example.com", Status: "Customer"}
			putContacts(t, s, off)
			cases := []struct {
				email string
				want  bool
			}{{"alice@example.com", true}, {"bob@example.com", false}, {"off@example.com", false}}
			for _, c := range cases {
				got, err := s.FindContactByEmail(ctx, c.email)
				if err != nil || got.PortalAccess != c.want {
					t.Errorf("%s: PortalAccess = %v, %v; want %v", c.email, got.PortalAccess, err, c.want)
				}
			}
			all := openStore(t, dsn, Options{})
			if bob, _ := all.GetContact(ctx, f.bob); !bob.PortalAccess {
				t.Errorf("without PortalStatuses a Lead with the flag on has no access")
			}
		})
	}
}

func TestCreateContactConcurrently(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		const n = 6
		errs := make(chan error, n)
		for i := range n {
			go func() {
				_, err := s.CreateContact(context.Background(), connectors.NewContact{Email: []string{"race@example.com", "RACE@example.com"}[i%2]})
				errs <- err
			}()
		}
		created := 0
		for range n {
			switch err := <-errs; {
			case err == nil:
				created++
			case !errors.Is(err, connectors.ErrConflict):
				t.Errorf("concurrent create: %v", err)
			}
		}
		if created != 1 {
			t.Errorf("%d concurrent creates of one email succeeded, want 1", created)
		}
	})
}
