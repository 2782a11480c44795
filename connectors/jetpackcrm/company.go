package jetpackcrm

import (
	"context"
	"fmt"

	"clientgate/connectors"
)

// GetCompany returns the company whose contacts[] holds the scope's
// contact. Contacts carry no company reference, so the companies list is
// paged (perpage PageSize, at most MaxPages calls). Only page and perpage
// are sent: the endpoint's other arguments are mis-wired.
func (c *Connector) GetCompany(ctx context.Context, s connectors.Scope) (connectors.Company, error) {
	if err := ctx.Err(); err != nil {
		return connectors.Company{}, err
	}
	notFound := fmt.Errorf("%w: jetpackcrm: no company for contact %q", connectors.ErrNotFound, s.ContactID)
	if s.ContactID == "" {
		return connectors.Company{}, notFound
	}
	for page := 1; page <= c.opts.MaxPages; page++ {
		body, err := c.post(ctx, "companies", map[string]any{"perpage": c.opts.PageSize, "page": page})
		if err != nil {
			return connectors.Company{}, err
		}
		items, err := decodeList("companies", body)
		if err != nil {
			return connectors.Company{}, err
		}
		for _, co := range items {
			if linkedContacts(co, s.ContactID) {
				return c.m.company(co), nil
			}
		}
		if len(items) < c.opts.PageSize {
			return connectors.Company{}, notFound
		}
	}
	return connectors.Company{}, c.tooManyPages("companies")
}

func linkedContacts(company object, contactID string) bool {
	for _, ct := range company.list("contacts") {
		if ct.id() == contactID {
			return true
		}
	}
	return false
}
