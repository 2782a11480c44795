package main

// The attack suite's tables. A module that adds routes or item kinds
// (tickets, messages, files, payments) adds them here: its kind to
// sweepKinds (and to attackEnv.collect), each route naming an item to
// sweepRoutes, each list or page to listRoutes, and each write to
// writeRoutes.

// sweepKinds are the item kinds every contact of the demo data has.
var sweepKinds = []string{"invoice", "quote", "task", "file", "ticket", "attachment", "contact"}

// sweepRoute is a route that names one item: {id} is replaced by the IDs
// of another contact's items of kind, each of which must be "not found".
type sweepRoute struct{ method, path, kind string }

var sweepRoutes = []sweepRoute{
	{"GET", "/clients/invoices/{id}", "invoice"},
	{"GET", "/clients/invoices/{id}/print", "invoice"},
	{"GET", "/api/v1/invoices/{id}", "invoice"},
	{"GET", "/clients/quotes/{id}", "quote"},
	{"GET", "/clients/quotes/{id}/accept", "quote"},
	{"GET", "/clients/quotes/{id}/decline", "quote"},
	{"POST", "/clients/quotes/{id}/accept", "quote"},
	{"POST", "/clients/quotes/{id}/decline", "quote"},
	{"GET", "/api/v1/quotes/{id}", "quote"},
	{"POST", "/api/v1/quotes/{id}/accept", "quote"},
	{"POST", "/api/v1/quotes/{id}/decline", "quote"},
	{"GET", "/clients/tasks/{id}/ics", "task"},
	{"GET", "/clients/invoices/{id}.pdf", "invoice"},
	{"GET", "/api/v1/invoices/{id}.pdf", "invoice"},
	{"POST", "/clients/invoices/{id}/pay", "invoice"},
	{"GET", "/clients/invoices/{id}/payment/done", "invoice"},
	{"GET", "/clients/invoices/{id}/payment/canceled", "invoice"},
	{"POST", "/api/v1/invoices/{id}/checkout", "invoice"},
	{"GET", "/clients/quotes/{id}.pdf", "quote"},
	{"GET", "/api/v1/quotes/{id}.pdf", "quote"},
	{"GET", "/clients/quotes/{id}/print", "quote"},
	{"GET", "/clients/files/{id}", "file"},
	{"GET", "/api/v1/files/{id}", "file"},
	{"GET", "/clients/files/{id}", "attachment"},
	{"GET", "/api/v1/files/{id}", "attachment"},
	{"GET", "/clients/tasks/{id}", "task"},
	{"GET", "/api/v1/invoices/{id}/messages", "invoice"},
	{"POST", "/api/v1/invoices/{id}/messages", "invoice"},
	{"POST", "/clients/invoices/{id}/messages", "invoice"},
	{"GET", "/api/v1/quotes/{id}/messages", "quote"},
	{"POST", "/api/v1/quotes/{id}/messages", "quote"},
	{"POST", "/clients/quotes/{id}/messages", "quote"},
	{"GET", "/api/v1/tasks/{id}/messages", "task"},
	{"POST", "/api/v1/tasks/{id}/messages", "task"},
	{"POST", "/clients/tasks/{id}/messages", "task"},
	{"GET", "/clients/tickets/{id}", "ticket"},
	{"POST", "/clients/tickets/{id}/replies", "ticket"},
	{"POST", "/clients/tickets/{id}/close", "ticket"},
	{"POST", "/clients/tickets/{id}/reopen", "ticket"},
	{"GET", "/api/v1/tickets/{id}", "ticket"},
	{"POST", "/api/v1/tickets/{id}/replies", "ticket"},
	{"POST", "/api/v1/tickets/{id}/close", "ticket"},
	{"POST", "/api/v1/tickets/{id}/reopen", "ticket"},
	// The staff pages are not found for a client, whatever the thread.
	{"GET", "/staff/threads/{id}", "ticket"},
	{"POST", "/staff/threads/{id}/reply", "ticket"},
	{"POST", "/staff/threads/{id}/status", "ticket"},
	{"POST", "/staff/threads/{id}/assign", "ticket"},
	{"GET", "/staff/files/{id}", "file"},
	{"GET", "/staff/files/{id}", "attachment"},
	{"GET", "/staff/contacts/{id}/files", "contact"},
	{"POST", "/staff/contacts/{id}/files", "contact"},
}

// listRoutes are the pages and API reads that show the signed-in
// contact's own data; none may hold another contact's item IDs.
var listRoutes = []string{
	"/clients/", "/clients/invoices", "/clients/quotes", "/clients/transactions", "/clients/tasks",
	"/clients/details", "/clients/details/edit", "/clients/files",
	"/api/v1/dashboard", "/api/v1/me", "/api/v1/invoices", "/api/v1/quotes", "/api/v1/transactions",
	"/api/v1/tasks", "/api/v1/tasks.ics", "/api/v1/files",
	"/clients/tickets", "/clients/tickets/new", "/api/v1/tickets",
	"/clients/forms", "/clients/forms/quote", "/clients/forms/onboarding", "/api/v1/forms",
}

// writeRoute is a state-changing route with a body that is valid for the
// signed-in contact ({own} is replaced by one of their own quotes,
// {own_invoice} by one of their own invoices).
type writeRoute struct {
	method, path, contentType, body string
}

var writeRoutes = []writeRoute{
	{"PATCH", "/api/v1/me", "application/json", `{"phone_mobile":"+44 20 7946 0000"}`},
	{"POST", "/clients/details", "application/x-www-form-urlencoded", "phone_mobile=%2B44+20+7946+0001"},
	{"POST", "/clients/quotes/{own}/decline", "application/x-www-form-urlencoded", ""},
	{"POST", "/api/v1/quotes/{own}/accept", "application/json", ""},
	{"POST", "/clients/tasks/calendar/revoke", "application/x-www-form-urlencoded", ""},
	{"POST", "/clients/invoices/{own_invoice}/pay", "application/x-www-form-urlencoded", ""},
	{"POST", "/api/v1/invoices/{own_invoice}/checkout", "application/json", ""},
	{"POST", "/clients/files", "multipart/form-data; boundary=b0", multipartFile},
	{"POST", "/api/v1/files", "multipart/form-data; boundary=b0", multipartFile},
	{"POST", "/clients/tickets", "application/x-www-form-urlencoded", "subject=Forged&category=Billing&body=forged"},
	{"POST", "/api/v1/tickets", "application/json", `{"subject":"Forged","category":"Billing","body":"forged"}`},
	{"POST", "/clients/quotes/{own}/messages", "application/x-www-form-urlencoded", "body=forged"},
	{"POST", "/api/v1/quotes/{own}/messages", "application/json", `{"body":"forged"}`},
	{"PATCH", "/api/v1/me", "application/json", `{"preferences":{"emails":"off"}}`},
	{"POST", "/clients/tickets", "multipart/form-data; boundary=b0", multipartTicket},
	{"POST", "/api/v1/tickets", "multipart/form-data; boundary=b0", multipartTicket},
	{"POST", "/clients/invoices/{own_invoice}/messages", "multipart/form-data; boundary=b0", multipartPost},
	{"POST", "/api/v1/invoices/{own_invoice}/messages", "multipart/form-data; boundary=b0", multipartPost},
	{"POST", "/clients/forms/quote", "multipart/form-data; boundary=b0", multipartForm},
	{"POST", "/api/v1/forms/quote", "multipart/form-data; boundary=b0", multipartForm},
	{"POST", "/clients/forms/quote", "application/x-www-form-urlencoded", "summary=Forged&kind=Print"},
	{"POST", "/api/v1/forms/quote", "application/json", `{"summary":"Forged","kind":"Print"}`},
}

// multipartFile is a multipart body with one small text file.
const multipartFile = "--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"forged.txt\"\r\n" +
	"Content-Type: text/plain\r\n\r\nwritten by a forged request\r\n--b0--\r\n"

// multipartTicket is a ticket with an attachment, multipartPost a message
// with one, multipartForm the quote form with a file: all valid.
const (
	multipartTicket = "--b0\r\nContent-Disposition: form-data; name=\"subject\"\r\n\r\nForged\r\n" +
		"--b0\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nBilling\r\n" +
		"--b0\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nforged\r\n" + multipartFile
	multipartPost = "--b0\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nforged\r\n" + multipartFile
	multipartForm = "--b0\r\nContent-Disposition: form-data; name=\"summary\"\r\n\r\nForged\r\n" +
		"--b0\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPrint\r\n" +
		"--b0\r\nContent-Disposition: form-data; name=\"files\"; filename=\"forged.txt\"\r\n" +
		"Content-Type: text/plain\r\n\r\nwritten by a forged request\r\n--b0--\r\n"
)
