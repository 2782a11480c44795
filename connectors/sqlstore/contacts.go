package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"clientgate/connectors"
	"github.com/google/uuid"
)

// contactColumns lists the contacts columns in scanContact's order.
const contactColumns = `id, email, prefix, first_name, last_name, status, COALESCE(company_id, ''),
	phone_home, phone_work, phone_mobile,
	address_line1, address_line2, address_city, address_region, address_postcode, address_country,
	second_line1, second_line2, second_city, second_region, second_postcode, second_country,
	locale, portal_access, created_at, updated_at, tax_id`

// scanContact reads one row selected with contactColumns.
func (s *Store) scanContact(row interface{ Scan(...any) error }) (connectors.Contact, error) {
	var c connectors.Contact
	a, b := &c.Address, &c.SecondAddress
	var flag bool
	err := row.Scan(&c.ID, &c.Email, &c.Prefix, &c.FirstName, &c.LastName, &c.Status, &c.CompanyID,
		&c.HomePhone, &c.WorkPhone, &c.MobilePhone,
		&a.Line1, &a.Line2, &a.City, &a.Region, &a.PostCode, &a.Country,
		&b.Line1, &b.Line2, &b.City, &b.Region, &b.PostCode, &b.Country,
		&c.Locale, &flag, tm(&c.CreatedAt), tm(&c.UpdatedAt), &c.TaxID)
	if err != nil {
		return c, err
	}
	c.PortalAccess = flag && (len(s.statuses) == 0 || s.statuses[strings.ToLower(strings.TrimSpace(c.Status))])
	return c, nil
}

// emailKey is the case-insensitive lookup key of an email address.
func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// FindContactByEmail returns the one contact with this email, ignoring
// case: ErrNotFound when none, ErrAmbiguous when several.
func (s *Store) FindContactByEmail(ctx context.Context, email string) (connectors.Contact, error) {
	if !validText(email) {
		return connectors.Contact{}, ctxWrap(ctx, "find contact by email", connectors.ErrNotFound)
	}
	rows, err := s.query(ctx, s.db, `SELECT `+contactColumns+` FROM contacts WHERE email_key = ? ORDER BY id LIMIT 2`, emailKey(email))
	if err != nil {
		return connectors.Contact{}, ctxWrap(ctx, "find contact by email", err)
	}
	defer rows.Close()
	var found []connectors.Contact
	for rows.Next() {
		c, err := s.scanContact(rows)
		if err != nil {
			return connectors.Contact{}, ctxWrap(ctx, "find contact by email", err)
		}
		found = append(found, c)
	}
	if err := rows.Err(); err != nil {
		return connectors.Contact{}, ctxWrap(ctx, "find contact by email", err)
	}
	switch len(found) {
	case 0:
		return connectors.Contact{}, ctxWrap(ctx, "find contact by email", connectors.ErrNotFound)
	case 1:
		return found[0], nil
	}
	return connectors.Contact{}, wrap("find contact by email", connectors.ErrAmbiguous)
}

// GetContact returns a contact by ID, or ErrNotFound.
func (s *Store) GetContact(ctx context.Context, contactID string) (connectors.Contact, error) {
	c, err := s.getContact(ctx, s.db, contactID)
	return c, ctxWrap(ctx, "get contact", err)
}

func (s *Store) getContact(ctx context.Context, q querier, id string) (connectors.Contact, error) {
	if !isID(id) {
		return connectors.Contact{}, connectors.ErrNotFound
	}
	return s.scanContact(s.row(ctx, q, `SELECT `+contactColumns+` FROM contacts WHERE id = ?`, id))
}

// CreateContact creates a contact with portal access on. ErrInvalid for a
// bad email, ErrConflict when a contact already has it (ignoring case).
func (s *Store) CreateContact(ctx context.Context, nc connectors.NewContact) (connectors.Contact, error) {
	email := strings.TrimSpace(nc.Email)
	if err := checkEmail(email); err != nil {
		return connectors.Contact{}, wrap("create contact", err)
	}
	names := connectors.ContactPatch{connectors.FieldFirstName: nc.FirstName, connectors.FieldLastName: nc.LastName}
	if err := names.Validate(); err != nil {
		return connectors.Contact{}, wrap("create contact", err)
	}
	id, now := uuid.NewString(), time.Now().UTC()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockKey(ctx, tx, "contact-email:"+emailKey(email)); err != nil {
			return err
		}
		res, err := s.exec(ctx, tx, `INSERT INTO contacts (id, email, email_key, first_name, last_name, created_at, updated_at)
			SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE email_key = ?)`,
			id, email, emailKey(email), names[connectors.FieldFirstName], names[connectors.FieldLastName],
			s.d.ts(now), s.d.ts(now), emailKey(email))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return fmt.Errorf("%w: a contact with this email already exists", connectors.ErrConflict)
		}
		return nil
	})
	if err != nil {
		return connectors.Contact{}, ctxWrap(ctx, "create contact", err)
	}
	return s.GetContact(ctx, id)
}

// checkEmail reports ErrInvalid unless email is one plain address.
func checkEmail(email string) error {
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || a.Name != "" {
		return fmt.Errorf("%w: %q is not an email address", connectors.ErrInvalid, email)
	}
	return nil
}
