package sqlstore

import (
	"context"
	"database/sql"
	"time"

	"clientgate/connectors"
)

// UpdateContact validates and applies the patch and returns the contact as
// stored afterwards. ErrNotFound for an unknown contact, a
// *connectors.ValidationError for a bad patch.
func (s *Store) UpdateContact(ctx context.Context, contactID string, p connectors.ContactPatch) (connectors.Contact, error) {
	if err := p.Validate(); err != nil {
		return connectors.Contact{}, wrap("update contact", err)
	}
	var out connectors.Contact
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.getContact(ctx, tx, contactID)
		if err != nil {
			return err
		}
		c := p.ApplyTo(before)
		a, b := c.Address, c.SecondAddress
		_, err = s.exec(ctx, tx, `UPDATE contacts SET prefix = ?, first_name = ?, last_name = ?,
			phone_home = ?, phone_work = ?, phone_mobile = ?,
			address_line1 = ?, address_line2 = ?, address_city = ?, address_region = ?, address_postcode = ?, address_country = ?,
			second_line1 = ?, second_line2 = ?, second_city = ?, second_region = ?, second_postcode = ?, second_country = ?,
			updated_at = ? WHERE id = ?`,
			c.Prefix, c.FirstName, c.LastName, c.HomePhone, c.WorkPhone, c.MobilePhone,
			a.Line1, a.Line2, a.City, a.Region, a.PostCode, a.Country,
			b.Line1, b.Line2, b.City, b.Region, b.PostCode, b.Country,
			s.d.ts(time.Now()), contactID)
		if err != nil {
			return err
		}
		out, err = s.getContact(ctx, tx, contactID)
		return err
	})
	return out, ctxWrap(ctx, "update contact", err)
}
