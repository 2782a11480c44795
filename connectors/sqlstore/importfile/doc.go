// Package importfile reads the JSON files that load data into clientgate's
// built-in SQL store (sqlstore.Store.Import, `clientgate import`).
//
// A file is one JSON object with any of six arrays. Every field is
// optional unless marked required; unknown fields are rejected. Money is a
// decimal string ("1506.00") in the document's currency (an ISO 4217 code)
// with no more decimal places than the currency has; times are RFC 3339
// ("2025-01-31T09:00:00Z", stored in UTC) or plain dates ("2025-01-31",
// midnight UTC).
//
//	companies[]:    name (required, unique), email, phone, address, tax_id
//	contacts[]:     email (required), prefix, first_name, last_name, status,
//	                company (a company name), phone_home, phone_work,
//	                phone_mobile, address, second_address, locale, tax_id,
//	                portal_access (true or false, default true)
//	address:        line1, line2, city, region, postcode, country
//	invoices[]:     number (required, unique), contact_email or company
//	                (exactly one), status (required: draft, unpaid,
//	                partially_paid, paid, overdue, void), issued_at
//	                (required), due_at, paid_at, currency (required),
//	                subtotal, discount, tax, total (required), amount_due
//	                (default: total, or 0 when paid or void), amount_paid
//	                (default: unknown, total minus amount due), pay_url,
//	                notes, lines
//	quotes[]:       number (required, unique), title, contact_email or
//	                company, status (required: draft, sent, accepted,
//	                declined, expired), issued_at (required), valid_until,
//	                decided_at, currency (required), total (required),
//	                description, lines
//	lines[]:        title (required), description, quantity (decimal,
//	                default "1"), unit_price, total (required, before tax),
//	                tax_rate (percent, such as "19" or "7.5"), tax (the
//	                line's tax amount; default: the rate applied to total)
//	transactions[]: reference (required, unique), contact_email (required),
//	                kind (payment or refund, default payment), status
//	                (pending, succeeded, failed, refunded; default
//	                succeeded), title, amount (required; refunds may be
//	                negative), currency (required), date (required),
//	                invoice_number
//	tasks[]:        title (required), contact_email (required), description,
//	                start (required), end, location, complete (default false)
//
// Parse checks everything it can without a database and lists every
// problem, each with its field path and line, such as
// `invoices[3].total (line 41): "12.3.4" is not a decimal amount`. Only a
// JSON syntax error stops it early; it is reported alone, with its line.
// Text fields are trimmed and may not hold control characters, except
// that notes and descriptions may span lines.
//
// References (contact_email, company, invoice_number) must name an item
// in the same file or one already in the store; the store resolves them
// when importing and reports every one it cannot resolve the same way.
// Contact emails are matched ignoring case.
//
// Importing is idempotent: items are matched by natural key (contact by
// email ignoring case, company by name, invoice and quote by number,
// transaction by reference, task by contact, title and start) and updated
// in place, inside one transaction, so a file with any problem changes
// nothing. A quote that a client has already accepted or declined keeps
// that decision when the file still says "sent".
package importfile
