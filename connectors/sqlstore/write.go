package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
)

// owner names who an invoice or quote belongs to: a contact or a company.
type owner struct{ contactID, companyID string }

// null turns "" into NULL for optional references.
func null(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// upsert runs update and, when it touched no row, insert.
func (s *Store) upsert(ctx context.Context, tx *sql.Tx, update string, uargs []any, insert string, iargs []any) error {
	res, err := s.exec(ctx, tx, update, uargs...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	_, err = s.exec(ctx, tx, insert, iargs...)
	return err
}

// putCompany stores a company under id, inserting or updating it.
func (s *Store) putCompany(ctx context.Context, tx *sql.Tx, id string, c connectors.Company, now time.Time) error {
	a := c.Address
	vals := []any{c.Name, c.Email, c.Phone, a.Line1, a.Line2, a.City, a.Region, a.PostCode, a.Country, s.d.ts(now), c.TaxID}
	return s.upsert(ctx, tx, `UPDATE companies SET name = ?, email = ?, phone = ?, address_line1 = ?, address_line2 = ?,
		address_city = ?, address_region = ?, address_postcode = ?, address_country = ?, updated_at = ?, tax_id = ? WHERE id = ?`,
		append(vals, id),
		`INSERT INTO companies (name, email, phone, address_line1, address_line2, address_city, address_region,
		address_postcode, address_country, updated_at, tax_id, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		append(vals, id, s.d.ts(now)))
}

// putContact stores a contact under id, inserting or updating it. Its
// CompanyID must be a stored company's ID or "".
func (s *Store) putContact(ctx context.Context, tx *sql.Tx, id string, c connectors.Contact, now time.Time) error {
	a, b := c.Address, c.SecondAddress
	vals := []any{c.Email, emailKey(c.Email), c.Prefix, c.FirstName, c.LastName, c.Status, null(c.CompanyID),
		c.HomePhone, c.WorkPhone, c.MobilePhone,
		a.Line1, a.Line2, a.City, a.Region, a.PostCode, a.Country,
		b.Line1, b.Line2, b.City, b.Region, b.PostCode, b.Country,
		c.Locale, c.PortalAccess, s.d.ts(now), c.TaxID}
	const cols = `email, email_key, prefix, first_name, last_name, status, company_id, phone_home, phone_work, phone_mobile,
		address_line1, address_line2, address_city, address_region, address_postcode, address_country,
		second_line1, second_line2, second_city, second_region, second_postcode, second_country, locale, portal_access, updated_at,
		tax_id`
	return s.upsert(ctx, tx, `UPDATE contacts SET (`+cols+`) = (`+marks(len(vals))+`) WHERE id = ?`, append(vals, id),
		`INSERT INTO contacts (`+cols+`, id, created_at) VALUES (`+marks(len(vals)+2)+`)`, append(vals, id, s.d.ts(now)))
}

// marks returns n comma-separated placeholders.
func marks(n int) string {
	b := make([]byte, 0, 3*n)
	for i := range n {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '?')
	}
	return string(b)
}
