package config

import (
	"testing"

	"clientgate/connectors"
)

func TestTicketsAndStaffAccept(t *testing.T) {
	c := validConfig()
	c.Tickets.Categories = []string{"General question", "Billing", "Technische Frage"}
	c.Email.CategoryTo = map[string][]string{"Billing": {"Accounts <accounts@example.com>"}}
	c.Staff = StaffConfig{Claim: "realm_access.roles", Values: []string{"portal-staff"}}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if !c.Staff.Enabled() || (StaffConfig{Claim: "groups"}).Enabled() {
		t.Error("Enabled needs a claim and values")
	}
}

func TestTicketsAndStaffReject(t *testing.T) {
	c := validConfig()
	c.Tickets.Categories = []string{"Billing", " padded", "", "billing", "a\nb"}
	c.Email.CategoryTo = map[string][]string{"Billing": {"bad"}, "Unknown": {"ok@example.com"}}
	c.Staff = StaffConfig{Claim: "realm access..roles", Values: []string{" "}}
	wantProblems(t, problemsOf(t, c.Validate()),
		`tickets.categories[1]: must not be empty`, `tickets.categories[2]: must not be empty`,
		`tickets.categories[3]: "billing" is listed twice`, `tickets.categories[4]: must be one line`,
		`email.category_to.Billing[0]: "bad" is not an email address`,
		`email.category_to.Unknown: "Unknown" is not one of tickets.categories`,
		`staff.claim: "realm access..roles" must be a claim name`, `staff.values[0]: must not be empty`)
	c = validConfig()
	c.Staff = StaffConfig{Values: []string{"portal-staff"}}
	wantProblems(t, problemsOf(t, c.Validate()), "staff.claim: required when staff.values is set")
}

func TestCategoryLengthMatchesConnectors(t *testing.T) {
	if maxCategoryLength != connectors.MaxCategoryLength {
		t.Errorf("maxCategoryLength %d, connectors.MaxCategoryLength %d", maxCategoryLength, connectors.MaxCategoryLength)
	}
}
