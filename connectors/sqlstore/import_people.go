package sqlstore

import (
	"context"
	"errors"

	"clientgate/connectors"
	"clientgate/connectors/sqlstore/importfile"
)

func (im *importer) importCompanies(ctx context.Context, d *importfile.Data) (int, error) {
	for _, c := range d.Companies {
		id, err := im.existing(ctx, `SELECT id FROM companies WHERE name = ?`, c.Company.Name)
		if err != nil {
			return 0, err
		}
		if err := im.s.putCompany(ctx, im.tx, id, c.Company, im.now); err != nil {
			return 0, err
		}
		im.companies[c.Company.Name] = id
	}
	return len(d.Companies), nil
}

func (im *importer) importContacts(ctx context.Context, d *importfile.Data) (int, error) {
	n := 0
	for _, c := range d.Contacts {
		contact := c.Contact
		if c.Company != "" {
			// On a problem the contact is still written, without its
			// company, so that items referring to it report nothing
			// more; the problem rolls the import back.
			id, _, err := im.companyID(ctx, c.Company, c.Pos, "company")
			if err != nil {
				return 0, err
			}
			contact.CompanyID = id
		}
		id, err := im.existing(ctx, `SELECT id FROM contacts WHERE email_key = ?`, emailKey(contact.Email))
		if errors.Is(err, connectors.ErrAmbiguous) {
			im.problems = append(im.problems, c.Pos.Problem("email", "several contacts in the store have %q; cannot tell which to update", contact.Email))
			continue
		}
		if err != nil {
			return 0, err
		}
		if err := im.s.putContact(ctx, im.tx, id, contact, im.now); err != nil {
			return 0, err
		}
		im.contacts[emailKey(contact.Email)] = id
		n++
	}
	return n, nil
}

// owner resolves an invoice's or quote's contact_email or company.
func (im *importer) owner(ctx context.Context, email, company string, pos importfile.Pos) (owner, bool, error) {
	if email != "" {
		id, ok, err := im.contactID(ctx, email, pos, "contact_email")
		return owner{contactID: id}, ok, err
	}
	id, ok, err := im.companyID(ctx, company, pos, "company")
	return owner{companyID: id}, ok, err
}
