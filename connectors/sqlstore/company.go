package sqlstore

import (
	"context"

	"clientgate/connectors"
)

// GetCompany returns the company of the scope's contact, or ErrNotFound
// when the contact has none or does not exist.
func (s *Store) GetCompany(ctx context.Context, sc connectors.Scope) (connectors.Company, error) {
	var c connectors.Company
	if !isID(sc.ContactID) {
		return c, ctxWrap(ctx, "get company", connectors.ErrNotFound)
	}
	a := &c.Address
	err := s.row(ctx, s.db, `SELECT co.id, co.name, co.email, co.phone,
		co.address_line1, co.address_line2, co.address_city, co.address_region, co.address_postcode, co.address_country,
		co.tax_id FROM companies co JOIN contacts ct ON ct.company_id = co.id WHERE ct.id = ?`, sc.ContactID).
		Scan(&c.ID, &c.Name, &c.Email, &c.Phone, &a.Line1, &a.Line2, &a.City, &a.Region, &a.PostCode, &a.Country, &c.TaxID)
	return c, ctxWrap(ctx, "get company", err)
}
