package portal

import (
	"slices"
	"sort"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// The portal's modules, as named in operator settings.
const (
	modInvoices     = "invoices"
	modQuotes       = "quotes"
	modTransactions = "transactions"
	modTasks        = "tasks"
	modDetails      = "details"
	modFiles        = "files"
	modTickets      = "tickets"
	modMessages     = "messages"
	modForms        = "forms"
)

// allModules lists the modules in navigation order; those without a
// navigation label (payments, messages — shown on the items' pages) have
// no page of their own.
var allModules = []string{modInvoices, modQuotes, modTransactions, modTasks, modTickets, modForms, modFiles, modDetails,
	modMessages, modPayments}

// checkModules rejects unknown module names and copies the switches.
func checkModules(m map[string]bool) (map[string]bool, error) {
	out := map[string]bool{}
	var bad []string
	for name, on := range m {
		if !slices.Contains(allModules, name) {
			bad = append(bad, name)
			continue
		}
		out[name] = on
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, errorf("unknown modules: %s (known: %s)", strings.Join(bad, ", "), strings.Join(allModules, ", "))
	}
	return out, nil
}

// capable reports whether the connector can serve module m (the files
// module depends on Options.Files instead).
func capable(caps connectors.Capabilities, m string) bool {
	switch m {
	case modInvoices:
		return caps.Invoices
	case modQuotes:
		return caps.Quotes
	case modTransactions:
		return caps.Transactions
	case modTasks:
		return caps.Tasks
	case modDetails:
		return true
	case modPayments:
		return caps.Invoices
	}
	return false
}

// effectiveModules decides which modules a contact sees: the connector must
// support it, and the per-contact switch, else the global one, must not
// turn it off.
// Contacts without switches of their own share one map, made once; no
// caller changes the map it gets.
func (s *server) effectiveModules(settings bridge.ContactSettings) map[string]bool {
	if len(settings.Modules) == 0 {
		s.defaultModulesOnce.Do(func() { s.defaultModules = s.modulesFor(settings) })
		return s.defaultModules
	}
	return s.modulesFor(settings)
}

// modulesFor is effectiveModules, made anew.
func (s *server) modulesFor(settings bridge.ContactSettings) map[string]bool {
	caps := s.conn.Capabilities()
	out := make(map[string]bool, len(allModules))
	for _, m := range allModules {
		on, set := settings.Modules[m]
		if !set {
			on, set = s.modules[m]
		}
		out[m] = (on || !set) && (capable(caps, m) || m == modFiles && s.files != nil || s.conversationCapable(m))
	}
	out[modPayments] = out[modPayments] && out[modInvoices] && s.payOn()
	out[modForms] = out[modForms] && out[modTickets] && len(s.forms) > 0
	return out
}

// conversationCapable reports whether Conversations can serve module m.
func (s *server) conversationCapable(m string) bool {
	if s.conv == nil {
		return false
	}
	caps := s.conv.ConversationCapabilities()
	return (m == modTickets || m == modForms) && caps.Tickets || m == modMessages && caps.Messages
}
