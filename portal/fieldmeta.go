package portal

import (
	"strings"

	"clientgate/connectors"
)

// inputMeta is how a form asks for a contact field: the input type,
// keyboard and autofill token, and whether it must be filled in.
type inputMeta struct {
	Type, InputMode, Autocomplete string
	Required                      bool
	Country                       bool // a country select
}

// fieldInputs describes every contact field's input. Address fields carry
// a section- token so browsers fill the two addresses separately.
var fieldInputs = map[connectors.Field]inputMeta{
	connectors.FieldPrefix:          {Type: "text", Autocomplete: "honorific-prefix"},
	connectors.FieldFirstName:       {Type: "text", Autocomplete: "given-name", Required: true},
	connectors.FieldLastName:        {Type: "text", Autocomplete: "family-name", Required: true},
	connectors.FieldHomePhone:       {Type: "tel", InputMode: "tel", Autocomplete: "home tel"},
	connectors.FieldWorkPhone:       {Type: "tel", InputMode: "tel", Autocomplete: "work tel"},
	connectors.FieldMobilePhone:     {Type: "tel", InputMode: "tel", Autocomplete: "mobile tel"},
	connectors.FieldAddressLine1:    {Type: "text", Autocomplete: "section-main address-line1"},
	connectors.FieldAddressLine2:    {Type: "text", Autocomplete: "section-main address-line2"},
	connectors.FieldAddressCity:     {Type: "text", Autocomplete: "section-main address-level2"},
	connectors.FieldAddressRegion:   {Type: "text", Autocomplete: "section-main address-level1"},
	connectors.FieldAddressPostCode: {Type: "text", Autocomplete: "section-main postal-code"},
	connectors.FieldAddressCountry:  {Autocomplete: "section-main country", Country: true},
	connectors.FieldSecondLine1:     {Type: "text", Autocomplete: "section-second address-line1"},
	connectors.FieldSecondLine2:     {Type: "text", Autocomplete: "section-second address-line2"},
	connectors.FieldSecondCity:      {Type: "text", Autocomplete: "section-second address-level2"},
	connectors.FieldSecondRegion:    {Type: "text", Autocomplete: "section-second address-level1"},
	connectors.FieldSecondPostCode:  {Type: "text", Autocomplete: "section-second postal-code"},
	connectors.FieldSecondCountry:   {Autocomplete: "section-second country", Country: true},
}

// fieldGroup names the form section of a field: the message ID of its
// legend.
func fieldGroup(f connectors.Field) string {
	switch {
	case strings.HasPrefix(string(f), "phone_"):
		return "details.group.phones"
	case strings.HasPrefix(string(f), "address."):
		return "details.group.address"
	case strings.HasPrefix(string(f), "second_address."):
		return "details.group.second_address"
	}
	return "details.group.name"
}

// checkInputs checks what the form's inputs promise that the connectors
// do not: required fields filled, phone numbers that look like one and
// countries from the list. It adds to verr.
func checkInputs(values map[connectors.Field]string, verr *connectors.ValidationError) {
	for f, v := range values {
		v = strings.TrimSpace(v)
		meta := fieldInputs[f]
		switch {
		case meta.Required && v == "":
			verr.Add(string(f), "is required")
		case meta.Type == "tel" && v != "" && !looksLikePhone(v):
			verr.Add(string(f), "is not a phone number")
		}
	}
}

// looksLikePhone accepts digits, spaces and ()-./ with an optional
// leading +, and at least three digits.
func looksLikePhone(v string) bool {
	digits := 0
	for i, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0, strings.ContainsRune(" ()-./", r):
		default:
			return false
		}
	}
	return digits >= 3
}
