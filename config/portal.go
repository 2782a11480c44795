package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"clientgate/connectors"
)

var (
	hexColour = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
	basePath  = regexp.MustCompile(`^(/[A-Za-z0-9._~-]+)+$`)
)

// Map returns the module switches by module name, as portal.Options wants.
func (m ModulesConfig) Map() map[string]bool {
	return map[string]bool{
		"invoices": m.Invoices, "quotes": m.Quotes, "transactions": m.Transactions,
		"tasks": m.Tasks, "details": m.Details, "payments": m.Payments, "files": m.Files,
		"tickets": m.Tickets, "messages": m.Messages, "forms": m.Forms,
	}
}

// ExpandFields turns field names and "group.*" patterns into the fields
// they name, in connectors.PatchableFields order, each once. Unknown names
// are skipped; Validate reports them.
func ExpandFields(patterns []string) []connectors.Field {
	var out []connectors.Field
	for _, f := range connectors.PatchableFields {
		if slices.ContainsFunc(patterns, func(pat string) bool { return fieldMatches(pat, f) }) {
			out = append(out, f)
		}
	}
	return out
}

func fieldMatches(pattern string, f connectors.Field) bool {
	if group, ok := strings.CutSuffix(pattern, ".*"); ok {
		return strings.HasPrefix(string(f), group+".")
	}
	return pattern == string(f)
}

func (c PortalConfig) validate(p *Problems) {
	if !basePath.MatchString(c.BasePath) || strings.Contains(c.BasePath, "/./") || strings.Contains(c.BasePath+"/", "/../") {
		p.add("portal.base_path", "%q must start with / and not end with / (such as /clients)", c.BasePath)
	}
	if strings.TrimSpace(c.Name) == "" {
		p.add("portal.name", "required")
	}
	isLocalPath := strings.HasPrefix(c.LogoURL, "/") && !strings.HasPrefix(c.LogoURL, "//")
	if !isLocalPath {
		checkURL(p, "portal.logo_url", c.LogoURL, false)
	}
	if !hexColour.MatchString(c.AccentColor) {
		p.add("portal.accent_color", "%q is not a hex colour such as #2563eb", c.AccentColor)
	}
	checkFields(p, "portal.editable_fields", c.EditableFields)
	checkFields(p, "portal.hidden_fields", c.HiddenFields)
}

// checkFields reports every entry that names no contact field.
func checkFields(p *Problems, path string, patterns []string) {
	for i, pat := range patterns {
		if !slices.ContainsFunc(connectors.PatchableFields, func(f connectors.Field) bool { return fieldMatches(pat, f) }) {
			p.add(fmt.Sprintf("%s[%d]", path, i), "%q is not a contact field (%s)", pat, fieldNames())
		}
	}
}

func fieldNames() string {
	names := make([]string, len(connectors.PatchableFields))
	for i, f := range connectors.PatchableFields {
		names[i] = string(f)
	}
	return "one of " + strings.Join(names, ", ") + ", or address.* / second_address.*"
}
