package portal

import (
	"net/mail"
	"net/url"
	"strings"
)

// Business is who runs the portal, shown in every page's footer, on error
// pages and on invoice documents. Every field is optional; Name defaults
// to the portal's name.
type Business struct {
	Name string
	// Address is the postal address, one line per line.
	Address string
	Email   string
	Phone   string
	// Website is an http(s) URL.
	Website string
	// TaxID (such as a VAT number) and Registration (such as a company
	// register entry) are printed on invoice documents.
	TaxID        string
	Registration string
	// PaymentInstructions tell clients how to pay by bank transfer, one
	// line per line, printed on invoice documents.
	PaymentInstructions string
}

// business is the validated Business as templates see it.
type business struct {
	Business
	// PhoneLink is Phone for a tel: link (digits and a leading +).
	PhoneLink string
	// WebsiteLabel is Website without its scheme and trailing slash.
	WebsiteLabel string
}

// newBusiness checks b; portalName stands in for a missing name.
func newBusiness(b Business, portalName string) (business, error) {
	out := business{Business: b}
	out.Name = strings.TrimSpace(b.Name)
	if out.Name == "" {
		out.Name = portalName
	}
	out.Address = strings.TrimSpace(strings.ReplaceAll(b.Address, "\r\n", "\n"))
	if b.Email != "" {
		if a, err := mail.ParseAddress(b.Email); err != nil || a.Address != b.Email {
			return business{}, errorf("business email %q is not an email address", b.Email)
		}
	}
	if b.Website != "" {
		if httpURL(b.Website) == "" {
			return business{}, errorf("business website %q must be an http(s) URL", b.Website)
		}
		u, _ := url.Parse(b.Website)
		out.WebsiteLabel = strings.TrimSuffix(u.Host+u.Path, "/")
	}
	out.PhoneLink = telLink(b.Phone)
	return out, nil
}

// telLink keeps the digits of a phone number and a leading +.
func telLink(phone string) string {
	var sb strings.Builder
	for i, r := range strings.TrimSpace(phone) {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
