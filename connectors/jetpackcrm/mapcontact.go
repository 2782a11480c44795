package jetpackcrm

import (
	"strings"
	"time"

	"clientgate/connectors"
)

// fieldKeys maps each patchable field to its create_customer body key.
var fieldKeys = map[connectors.Field]string{
	connectors.FieldPrefix: "prefix", connectors.FieldFirstName: "fname", connectors.FieldLastName: "lname",
	connectors.FieldHomePhone: "hometel", connectors.FieldWorkPhone: "worktel", connectors.FieldMobilePhone: "mobtel",
	connectors.FieldAddressLine1: "addr1", connectors.FieldAddressLine2: "addr2", connectors.FieldAddressCity: "city",
	connectors.FieldAddressRegion: "county", connectors.FieldAddressPostCode: "postcode", connectors.FieldAddressCountry: "country",
	connectors.FieldSecondLine1: "secaddr_addr1", connectors.FieldSecondLine2: "secaddr_addr2",
	connectors.FieldSecondCity: "secaddr_city", connectors.FieldSecondRegion: "secaddr_county",
	connectors.FieldSecondPostCode: "secaddr_postcode", connectors.FieldSecondCountry: "secaddr_country",
}

// readOnlyKeys are contact keys the CRM computes or create_customer does
// not take: everything else that holds a string is a custom field.
var readOnlyKeys = map[string]bool{
	"id": true, "owner": true, "wpid": true, "avatar": true, "tw": true, "li": true, "fb": true,
	"created": true, "createduts": true, "created_date": true, "lastupdated": true, "lastupdated_date": true,
	"lastcontacted": true, "lastcontacteduts": true, "lastcontacted_date": true, "fullname": true, "name": true,
	"tags": true, "invoices": true, "quotes": true, "transactions": true, "email": true, "status": true,
}

// contact maps a CRM contact object into the portal's Contact.
func (m mapper) contact(o object) connectors.Contact {
	get := func(f connectors.Field) string { return strings.TrimSpace(o.text(fieldKeys[f])) }
	c := connectors.Contact{
		ID:          o.id(),
		Email:       strings.TrimSpace(o.text("email")),
		Prefix:      get(connectors.FieldPrefix),
		FirstName:   get(connectors.FieldFirstName),
		LastName:    get(connectors.FieldLastName),
		Status:      strings.TrimSpace(o.text("status")),
		HomePhone:   get(connectors.FieldHomePhone),
		WorkPhone:   get(connectors.FieldWorkPhone),
		MobilePhone: get(connectors.FieldMobilePhone),
		Address: connectors.Address{
			Line1: get(connectors.FieldAddressLine1), Line2: get(connectors.FieldAddressLine2),
			City: get(connectors.FieldAddressCity), Region: get(connectors.FieldAddressRegion),
			PostCode: get(connectors.FieldAddressPostCode), Country: get(connectors.FieldAddressCountry),
		},
		SecondAddress: connectors.Address{
			Line1: get(connectors.FieldSecondLine1), Line2: get(connectors.FieldSecondLine2),
			City: get(connectors.FieldSecondCity), Region: get(connectors.FieldSecondRegion),
			PostCode: get(connectors.FieldSecondPostCode), Country: get(connectors.FieldSecondCountry),
		},
		CreatedAt: contactTime(o, "createduts", "created"),
		UpdatedAt: contactTime(o, "lastupdated", ""),
	}
	c.PortalAccess = m.portalAllowed(c.Status)
	return c
}

// contactTime reads a contact timestamp: unix seconds as a string, else a
// "Y-m-d H:i:s" string in UTC (the site's timezone, UTC by default).
func contactTime(o object, unixKey, textKey string) time.Time {
	if t := o.unix(unixKey); !t.IsZero() {
		return t
	}
	if textKey == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateTime, o.text(textKey))
	if err != nil || t.Unix() <= 0 {
		return time.Time{}
	}
	return t.UTC()
}

// portalAllowed reports whether a contact status may use the portal.
func (m mapper) portalAllowed(status string) bool {
	for _, s := range m.portalStatuses {
		if strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(status)) {
			return true
		}
	}
	return false
}

// company maps a CRM company object. Companies use secaddr1/seccity…
// where contacts use secaddr_addr1/secaddr_city….
func (m mapper) company(o object) connectors.Company {
	t := func(k string) string { return strings.TrimSpace(o.text(k)) }
	return connectors.Company{
		ID: o.id(), Name: t("name"), Email: t("email"), Phone: t("maintel"),
		Address: connectors.Address{
			Line1: t("addr1"), Line2: t("addr2"), City: t("city"),
			Region: t("county"), PostCode: t("postcode"), Country: t("country"),
		},
	}
}
