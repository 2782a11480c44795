package portal

import (
	"fmt"
	"slices"
	"strings"

	"clientgate/connectors"
)

// textError shows what is wrong with a typed text (a subject, a
// message) in f's language: the limits of conversation text, the
// character problems of connectors.CheckText, a missing value.
func textError(f formatter, words string) string {
	var limit int
	if _, err := fmt.Sscanf(words, "is too long (at most %d characters)", &limit); err == nil {
		return f.T("tickets.error.too_long", "Max", f.Number(limit))
	}
	if words == errUnknownCategory {
		return f.T("tickets.error.category")
	}
	return f.T(validationMessage(words))
}

// checkCategory reports a category that is not configured ("" is fine
// when there are none, and required when there are).
func (s *server) checkCategory(verr *connectors.ValidationError, category string) {
	category = strings.TrimSpace(category)
	switch {
	case len(s.categories) > 0 && category == "":
		verr.Add("category", "is required")
	case category != "" && !slices.Contains(s.categories, category):
		verr.Add("category", errUnknownCategory)
	}
}

// statusKey is the message ID of a thread status's label.
func statusKey(st connectors.TicketStatus) string { return "tickets.status." + string(st) }

// TicketStatus names a ticket or thread status in f's language.
func (f formatter) TicketStatus(st connectors.TicketStatus) string { return f.T(statusKey(st)) }

// StaffStatus names a thread status for the staff, from their side
// ("waiting for the client").
func (f formatter) StaffStatus(st connectors.TicketStatus) string {
	return f.T("staff.status." + string(st))
}
