package jetpackcrm

import (
	"context"
	"fmt"
	"net/mail"
	"strings"

	"clientgate/connectors"
)

// CreateContact creates a contact with ProvisionStatus for
// auto-provisioning. create_customer updates (and blanks) an existing
// contact with the same email, so the email is looked up first and a
// taken email is ErrConflict. Three CRM calls: lookup, create, read back.
func (c *Connector) CreateContact(ctx context.Context, nc connectors.NewContact) (connectors.Contact, error) {
	nc.Email = strings.TrimSpace(nc.Email)
	nc.FirstName = strings.TrimSpace(nc.FirstName)
	nc.LastName = strings.TrimSpace(nc.LastName)
	if err := ctx.Err(); err != nil {
		return connectors.Contact{}, err
	}
	if err := validateNew(nc); err != nil {
		return connectors.Contact{}, err
	}
	existing, err := c.searchEmail(ctx, nc.Email)
	if err != nil {
		return connectors.Contact{}, err
	}
	if len(existing) > 0 {
		return connectors.Contact{}, fmt.Errorf("%w: jetpackcrm: a contact with email %q exists", connectors.ErrConflict, nc.Email)
	}
	raw, err := c.post(ctx, "create_customer", map[string]any{
		"email": nc.Email, "status": c.opts.ProvisionStatus, "fname": nc.FirstName, "lname": nc.LastName,
	})
	if err != nil {
		return connectors.Contact{}, err
	}
	ans, err := decodeWrite("create_customer", raw)
	if err != nil {
		return connectors.Contact{}, err
	}
	stored, err := c.searchByID(ctx, ans.id(), nc.Email)
	if err != nil {
		return connectors.Contact{}, fmt.Errorf("jetpackcrm: reading new contact %q back: %w", ans.id(), err)
	}
	return c.m.contact(stored), nil
}

func validateNew(nc connectors.NewContact) error {
	var verr connectors.ValidationError
	if addr, err := mail.ParseAddress(nc.Email); err != nil || addr.Address != nc.Email || addr.Name != "" {
		verr.Add("email", "is not a valid email address")
	}
	checkValue(&verr, "email", nc.Email)
	for field, v := range map[string]string{"first_name": nc.FirstName, "last_name": nc.LastName} {
		checkValue(&verr, field, v)
		if len([]rune(v)) > connectors.MaxFieldLength {
			verr.Add(field, "is too long")
		}
	}
	return verr.OrNil()
}
