package config

import (
	"net/mail"
	"unicode/utf8"
)

// BusinessConfig is who runs the portal: shown in every page's footer, on
// error pages, on invoice documents and in emails. Every key is optional;
// name defaults to portal.name.
type BusinessConfig struct {
	Name string `yaml:"name"`
	// Address is the postal address, one line per line (a YAML block
	// scalar: "address: |").
	Address string `yaml:"address"`
	Email   string `yaml:"email"`
	Phone   string `yaml:"phone"`
	Website string `yaml:"website"`
	// TaxID is a tax or VAT number, Registration a company register entry,
	// both printed on invoice documents.
	TaxID        string `yaml:"tax_id"`
	Registration string `yaml:"registration"`
	// PaymentInstructions tell clients how to pay by bank transfer (bank,
	// IBAN, reference), one line per line, printed on invoice documents.
	PaymentInstructions string `yaml:"payment_instructions"`
}

// maxBusinessText bounds each business text, in characters.
const maxBusinessText = 2000

func (b BusinessConfig) validate(p *Problems) {
	for key, v := range map[string]string{
		"business.name": b.Name, "business.address": b.Address, "business.email": b.Email,
		"business.phone": b.Phone, "business.website": b.Website, "business.tax_id": b.TaxID,
		"business.registration": b.Registration, "business.payment_instructions": b.PaymentInstructions,
	} {
		if !utf8.ValidString(v) || utf8.RuneCountInString(v) > maxBusinessText {
			p.add(key, "must be valid text of at most %d characters", maxBusinessText)
		}
	}
	if b.Email != "" {
		if a, err := mail.ParseAddress(b.Email); err != nil || a.Address != b.Email {
			p.add("business.email", "%q is not an email address such as billing@example.com", b.Email)
		}
	}
	checkURL(p, "business.website", b.Website, false)
}
