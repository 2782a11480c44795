package importfile

import (
	"clientgate/connectors"
)

func readCompany(r *reader, i int) Company {
	c := connectors.Company{
		Name:  r.str("name", true),
		Email: r.email("email", false),
		Phone: r.str("phone", false),
		TaxID: r.str("tax_id", false),
	}
	c.Address = readAddress(r.object("address"))
	return Company{Company: c, Pos: r.pos("companies", i)}
}

func readContact(r *reader, i int) Contact {
	c := connectors.Contact{
		Email:        r.email("email", true),
		Prefix:       r.str("prefix", false),
		FirstName:    r.str("first_name", false),
		LastName:     r.str("last_name", false),
		Status:       r.str("status", false),
		HomePhone:    r.str("phone_home", false),
		WorkPhone:    r.str("phone_work", false),
		MobilePhone:  r.str("phone_mobile", false),
		Locale:       r.str("locale", false),
		PortalAccess: r.boolean("portal_access", true),
		TaxID:        r.str("tax_id", false),
	}
	c.Address = readAddress(r.object("address"))
	c.SecondAddress = readAddress(r.object("second_address"))
	company := r.str("company", false)
	return Contact{Contact: c, Company: company, Pos: r.pos("contacts", i)}
}

// readAddress reads an address object; nil reads as the zero address.
func readAddress(r *reader) connectors.Address {
	if r == nil {
		return connectors.Address{}
	}
	a := connectors.Address{
		Line1:    r.str("line1", false),
		Line2:    r.str("line2", false),
		City:     r.str("city", false),
		Region:   r.str("region", false),
		PostCode: r.str("postcode", false),
		Country:  r.str("country", false),
	}
	r.done()
	return a
}
