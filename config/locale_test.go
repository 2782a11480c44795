package config

import (
	"strings"
	"testing"
)

func TestValidateLocaleAndBusiness(t *testing.T) {
	c := validConfig()
	c.Portal.Languages = []string{"de", "fr"}
	c.Portal.DefaultLanguage = "fr"
	c.Portal.DefaultTimeZone = "Pacific/Auckland"
	c.Business = BusinessConfig{Name: "Northwind Design GmbH", Address: "Torstraße 12\n10119 Berlin",
		Email: "billing@northwind.example", Phone: "+49 30 1234567", Website: "https://northwind.example",
		TaxID: "DE123456789", Registration: "HRB 12345 B", PaymentInstructions: "IBAN DE02 1203 0000 0000 2020 51"}
	if err := c.Validate(); err != nil {
		t.Fatalf("valid locale and business: %v", err)
	}
	c.Portal.Languages = []string{"de", "tlh"}
	c.Portal.DefaultLanguage = "en"
	c.Portal.DefaultTimeZone = "Mars/Olympus_Mons"
	c.Business.Email = "Billing <billing@northwind.example>"
	c.Business.Website = "ftp://northwind.example"
	c.Business.Address = "\xff"
	err := c.Validate()
	for _, want := range []string{
		`portal.languages[1]: "tlh" is not a shipped language (en, de, fr, es, nl)`,
		`portal.default_language: "en" must be one of portal.languages`,
		`portal.default_timezone: "Mars/Olympus_Mons" is not an IANA time zone`,
		`business.email: "Billing <billing@northwind.example>" is not an email address`,
		"business.website: must start with http:// or https://",
		"business.address: must be valid text",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want %q in %v", want, err)
		}
	}
	c = validConfig()
	c.Portal.Languages = nil
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "portal.languages: must name at least one") {
		t.Errorf("no languages: %v", err)
	}
}
