package metered

// outcomeCanceled is the outcome of a call whose caller went away.
const outcomeCanceled = "canceled"

// Operations lists the operation label of every Connector method.
func Operations() []string {
	return []string{"ping", "find_contact_by_email", "get_contact", "create_contact", "update_contact",
		"get_company", "list_invoices", "get_invoice", "list_quotes", "get_quote", "decide_quote",
		"list_transactions", "list_tasks", "get_task"}
}

// Outcomes lists every outcome label Outcome returns.
func Outcomes() []string {
	return []string{"ok", "not_found", "ambiguous", "invalid", "conflict", "unsupported",
		"backend_auth", "misconfigured", "unavailable", outcomeCanceled, "timeout", "error"}
}
