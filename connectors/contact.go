package connectors

import (
	"strings"
	"time"
)

// Address is a postal address. Every field is optional.
type Address struct {
	Line1    string `json:"line1"`
	Line2    string `json:"line2"`
	City     string `json:"city"`
	Region   string `json:"region"`
	PostCode string `json:"postcode"`
	Country  string `json:"country"`
}

// IsZero reports whether no field of the address is set.
func (a Address) IsZero() bool { return a == Address{} }

// Contact is one person, a client of the company, as the portal sees them.
type Contact struct {
	// ID is the backend's identifier, opaque to the portal.
	ID string `json:"id"`
	// Email is the contact's main address; lookups ignore its case.
	Email     string `json:"email"`
	Prefix    string `json:"prefix"`
	FirstName string `json:"first_name"`
	LastName  string `json:"last_name"`
	// Status is the CRM's own status text, such as "Lead" or "Customer".
	Status string `json:"status"`
	// CompanyID is the contact's company, or "" when there is none.
	CompanyID     string  `json:"company_id"`
	HomePhone     string  `json:"phone_home"`
	WorkPhone     string  `json:"phone_work"`
	MobilePhone   string  `json:"phone_mobile"`
	Address       Address `json:"address"`
	SecondAddress Address `json:"second_address"`
	// Locale is a BCP 47 tag such as "de-DE" when the CRM knows it.
	Locale string `json:"locale"`
	// TaxID is the contact's tax or VAT number, when the CRM holds one
	// (the SQL store does; Jetpack CRM's API has none).
	TaxID string `json:"tax_id,omitempty"`
	// PortalAccess reports whether the CRM allows this contact to use the
	// portal. Adapters derive it from their own data (a status list, a
	// flag); the zero value denies access.
	PortalAccess bool      `json:"portal_access"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Name is the contact's display name: prefix, first and last name joined,
// or the email address when no name is known.
func (c Contact) Name() string {
	name := strings.Join(strings.Fields(c.Prefix+" "+c.FirstName+" "+c.LastName), " ")
	if name == "" {
		return c.Email
	}
	return name
}

// NewContact is what the portal knows about a person when it creates their
// contact on first sign-in (auto-provisioning).
type NewContact struct {
	Email     string
	FirstName string
	LastName  string
}

// Company is an organisation that several contacts can belong to.
type Company struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Email   string  `json:"email"`
	Phone   string  `json:"phone"`
	Address Address `json:"address"`
	// TaxID is the company's tax or VAT number, when the CRM holds one
	// (the SQL store does; Jetpack CRM's API has none).
	TaxID string `json:"tax_id,omitempty"`
}
