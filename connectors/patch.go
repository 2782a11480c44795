package connectors

import (
	"strings"
	"unicode/utf8"
)

// Field names one editable detail of a contact. The names are used in the
// JSON API, in operator config (editable and hidden fields) and in the
// audit log.
type Field string

// The contact fields a ContactPatch may change. The email address is not
// among them: it is what identities are linked by, so clients cannot
// change it through the portal.
const (
	FieldPrefix          Field = "prefix"
	FieldFirstName       Field = "first_name"
	FieldLastName        Field = "last_name"
	FieldHomePhone       Field = "phone_home"
	FieldWorkPhone       Field = "phone_work"
	FieldMobilePhone     Field = "phone_mobile"
	FieldAddressLine1    Field = "address.line1"
	FieldAddressLine2    Field = "address.line2"
	FieldAddressCity     Field = "address.city"
	FieldAddressRegion   Field = "address.region"
	FieldAddressPostCode Field = "address.postcode"
	FieldAddressCountry  Field = "address.country"
	FieldSecondLine1     Field = "second_address.line1"
	FieldSecondLine2     Field = "second_address.line2"
	FieldSecondCity      Field = "second_address.city"
	FieldSecondRegion    Field = "second_address.region"
	FieldSecondPostCode  Field = "second_address.postcode"
	FieldSecondCountry   Field = "second_address.country"
)

// MaxFieldLength is the longest value, in characters, a patch may set.
const MaxFieldLength = 200

// PatchableFields lists every Field in display order.
var PatchableFields = []Field{
	FieldPrefix, FieldFirstName, FieldLastName,
	FieldHomePhone, FieldWorkPhone, FieldMobilePhone,
	FieldAddressLine1, FieldAddressLine2, FieldAddressCity,
	FieldAddressRegion, FieldAddressPostCode, FieldAddressCountry,
	FieldSecondLine1, FieldSecondLine2, FieldSecondCity,
	FieldSecondRegion, FieldSecondPostCode, FieldSecondCountry,
}

// fieldPointer returns where a field lives inside c, or nil for an unknown
// field.
func fieldPointer(c *Contact, f Field) *string {
	table := map[Field]*string{
		FieldPrefix: &c.Prefix, FieldFirstName: &c.FirstName, FieldLastName: &c.LastName,
		FieldHomePhone: &c.HomePhone, FieldWorkPhone: &c.WorkPhone, FieldMobilePhone: &c.MobilePhone,
		FieldAddressLine1: &c.Address.Line1, FieldAddressLine2: &c.Address.Line2,
		FieldAddressCity: &c.Address.City, FieldAddressRegion: &c.Address.Region,
		FieldAddressPostCode: &c.Address.PostCode, FieldAddressCountry: &c.Address.Country,
		FieldSecondLine1: &c.SecondAddress.Line1, FieldSecondLine2: &c.SecondAddress.Line2,
		FieldSecondCity: &c.SecondAddress.City, FieldSecondRegion: &c.SecondAddress.Region,
		FieldSecondPostCode: &c.SecondAddress.PostCode, FieldSecondCountry: &c.SecondAddress.Country,
	}
	return table[f]
}

// Get returns the value of field f of c, or "" for an unknown field.
func (c Contact) Get(f Field) string {
	if p := fieldPointer(&c, f); p != nil {
		return *p
	}
	return ""
}

// ContactPatch holds new values for some of a contact's fields. Fields not
// in the patch keep their value; an empty string clears a field.
type ContactPatch map[Field]string

// Validate reports every problem with the patch at once as a
// *ValidationError: unknown fields, values that are not valid UTF-8, too
// long, or hold control characters or bidirectional overrides (see
// CheckText). It trims surrounding white space in
// place first.
func (p ContactPatch) Validate() error {
	var verr ValidationError
	for f, v := range p {
		v = strings.TrimSpace(v)
		p[f] = v
		switch {
		case fieldPointer(&Contact{}, f) == nil:
			verr.Add(string(f), "is not a field that can be changed")
		case CheckText(v, TextRule{}) != nil:
			verr.Add(string(f), TextProblem(CheckText(v, TextRule{})))
		case utf8.RuneCountInString(v) > MaxFieldLength:
			verr.Add(string(f), "is too long")
		}
	}
	return verr.OrNil()
}

// ApplyTo returns a copy of c with the patch applied. Unknown fields are
// ignored; call Validate first.
func (p ContactPatch) ApplyTo(c Contact) Contact {
	for f, v := range p {
		if ptr := fieldPointer(&c, f); ptr != nil {
			*ptr = v
		}
	}
	return c
}

// Changes lists the fields whose value differs between before and after,
// in PatchableFields order, for the audit log.
func Changes(before, after Contact) []Change {
	var out []Change
	for _, f := range PatchableFields {
		if old, nw := before.Get(f), after.Get(f); old != nw {
			out = append(out, Change{Field: f, Old: old, New: nw})
		}
	}
	return out
}

// Change is one field's old and new value.
type Change struct {
	Field Field  `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}
