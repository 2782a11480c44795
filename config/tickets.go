package config

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TicketsConfig configures the tickets clients open.
type TicketsConfig struct {
	// Categories are what a client chooses from when opening a ticket,
	// shown as written; empty: tickets have no category.
	Categories []string `yaml:"categories"`
}

// StaffConfig says who may use the staff inbox at /staff: people whose ID
// token holds Claim with one of Values. No values: nobody.
type StaffConfig struct {
	// Claim names the ID token claim, such as "groups"; dots reach into
	// objects ("realm_access.roles" for Keycloak realm roles).
	Claim string `yaml:"claim"`
	// Values are the claim values that make someone staff, such as
	// portal-staff; the claim may be a string or a list of strings.
	Values []string `yaml:"values"`
}

// Enabled reports whether anybody can be staff.
func (s StaffConfig) Enabled() bool { return s.Claim != "" && len(s.Values) > 0 }

// maxCategoryLength is connectors.MaxCategoryLength (config does not
// import connectors' text rules; the test keeps them equal).
const maxCategoryLength = 100

func (t TicketsConfig) validate(p *Problems) {
	seen := map[string]bool{}
	for i, c := range t.Categories {
		path := fmt.Sprintf("tickets.categories[%d]", i)
		switch {
		case strings.TrimSpace(c) == "" || c != strings.TrimSpace(c):
			p.add(path, "must not be empty or start or end with spaces")
		case !utf8.ValidString(c) || strings.IndexFunc(c, unicode.IsControl) >= 0 || utf8.RuneCountInString(c) > maxCategoryLength:
			p.add(path, "must be one line of valid text of at most %d characters", maxCategoryLength)
		case seen[strings.ToLower(c)]:
			p.add(path, "%q is listed twice", c)
		}
		seen[strings.ToLower(c)] = true
	}
}

func (s StaffConfig) validate(p *Problems) {
	for _, part := range strings.Split(s.Claim, ".") {
		if s.Claim != "" && (part == "" || strings.IndexFunc(part, unicode.IsSpace) >= 0) {
			p.add("staff.claim", "%q must be a claim name such as groups, or a dotted path such as realm_access.roles", s.Claim)
			break
		}
	}
	if s.Claim == "" && len(s.Values) > 0 {
		p.add("staff.claim", "required when staff.values is set")
	}
	for i, v := range s.Values {
		if strings.TrimSpace(v) == "" {
			p.add(fmt.Sprintf("staff.values[%d]", i), "must not be empty")
		}
	}
}

// validateCategoryTo checks email.category_to against the categories.
func (e EmailConfig) validateCategoryTo(p *Problems, categories []string) {
	keys := make([]string, 0, len(e.CategoryTo))
	for k := range e.CategoryTo {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(categories, k) {
			p.add("email.category_to."+k, "%q is not one of tickets.categories", k)
		}
		for i, a := range e.CategoryTo[k] {
			checkMailAddress(p, fmt.Sprintf("email.category_to.%s[%d]", k, i), a)
		}
	}
}
