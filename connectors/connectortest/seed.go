package connectortest

import (
	"time"

	"clientgate/connectors"
)

// base is the fixed date the seed's past items are placed relative to.
var base = time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC)

// day returns the date n days after base, at midnight UTC.
func day(n int) time.Time { return base.AddDate(0, 0, n) }

// StandardSeed returns the data Run loads: two companies, six contacts
// (one with a non-ASCII name, one whose name holds markup), invoices that
// are paid, unpaid, overdue and draft, quotes that are sent, accepted,
// declined and draft, payments and a refund, and past and upcoming tasks.
// Item dates are midnight UTC and distinct within each list, so that the
// newest-first order is the same on every backend. Unpaid invoices and
// sent quotes fall due after today, and upcoming tasks start after today,
// so those dates depend on the day the seed is built; everything else is
// fixed. Seed keys are the IDs in the seed: contacts' IDs, companies'
// IDs, and the CompanyID of contacts and of company invoices and quotes
// (which harnesses translate into the backend's company IDs).
func StandardSeed() Seed {
	today := time.Now().UTC().Truncate(24 * time.Hour)
	future := func(days int) time.Time { return today.AddDate(0, 0, days) }
	return Seed{
		Companies: []SeedCompany{northwind(future), globex(future)},
		Contacts: []SeedContact{
			zoe(future), scripter(future), alice(future), bob(), carol(), dave(),
		},
	}
}

// Seed contact keys, also their IDs inside the seed.
const (
	keyZoe      = "seed-zoe"
	keyScripter = "seed-scripter"
	keyAlice    = "seed-alice"
	keyBob      = "seed-bob"
	keyCarol    = "seed-carol"
	keyDave     = "seed-dave"
	keyNorth    = "seed-co-northwind"
	keyGlobex   = "seed-co-globex"
)

func zoe(future func(int) time.Time) SeedContact {
	c := contact(keyZoe, "Zoe.Angstrom@Example.COM", "Dr", "Zoë", "Ångström-Müller", "")
	c.MobilePhone = "+49 170 1234567"
	c.Address = connectors.Address{Line1: "Straße des 17. Juni 135", City: "Berlin", PostCode: "10623", Country: "DE"}
	return SeedContact{
		Contact: c,
		Invoices: []connectors.Invoice{
			invoice("INV-1001", connectors.InvoicePaid, day(0), day(30), day(12), "EUR", 1900,
				line("Website redesign", "1", 150000), line("Hosting (months)", "12", 2500)),
			invoice("INV-1002", connectors.InvoicePaid, day(31), day(61), day(40), "EUR", 1900,
				line("Support hours", "4.5", 9000)),
			invoice("INV-1003", connectors.InvoiceOverdue, day(62), day(92), time.Time{}, "EUR", 0,
				line("Logo licence", "1", 49900)),
			invoice("INV-1004", connectors.InvoiceDraft, day(70), day(100), time.Time{}, "EUR", 1900,
				line("Draft work — not to be shown", "1", 100000)),
			invoice("INV-1005", connectors.InvoicePaid, day(93), day(123), day(95), "EUR", 700,
				line("Printed brochures", "250", 120), line("Delivery", "1", 1500)),
			invoice("INV-1006", connectors.InvoiceOverdue, day(124), day(154), time.Time{}, "EUR", 1900,
				line("Maintenance Q2", "1", 60000)),
			invoice("INV-1007", connectors.InvoiceUnpaid, future(-3), future(27), time.Time{}, "EUR", 1900,
				line("Maintenance Q3", "1", 60000), line("Extra pages", "3", 12000)),
		},
		Quotes: []connectors.Quote{
			quote("Q-2001", "Website redesign", connectors.QuoteAccepted, day(-20), day(10), day(-15), "EUR",
				line("Website redesign", "1", 150000)),
			quote("Q-2002", "Shop module", connectors.QuoteSent, future(-2), future(28), time.Time{}, "EUR",
				line("Shop module", "1", 240000), line("Payment integration", "2", 35000)),
			quote("Q-2003", "Newsletter setup", connectors.QuoteSent, future(-1), future(29), time.Time{}, "EUR",
				line("Newsletter setup", "1", 45000)),
			quote("Q-2004", "Secret draft offer", connectors.QuoteDraft, future(-4), future(26), time.Time{}, "EUR",
				line("Unannounced work", "1", 99900)),
			quote("Q-2005", "Translation", connectors.QuoteDeclined, day(50), day(80), day(55), "EUR",
				line("Translation (words)", "1200", 12)),
		},
		Transactions: []connectors.Transaction{
			txn("TX-3001", connectors.TransactionPayment, connectors.TransactionSucceeded, "Payment INV-1001", 214200, "EUR", day(12).Add(9*time.Hour+15*time.Minute)),
			txn("TX-3002", connectors.TransactionPayment, connectors.TransactionSucceeded, "Payment INV-1002", 48195, "EUR", day(40).Add(14*time.Hour)),
			txn("TX-3003", connectors.TransactionRefund, connectors.TransactionSucceeded, "Refund: duplicate hours", -9000, "EUR", day(45).Add(11*time.Hour+30*time.Minute)),
			txn("TX-3004", connectors.TransactionPayment, connectors.TransactionSucceeded, "Payment INV-1005", 33705, "EUR", day(95).Add(8*time.Hour)),
		},
		Tasks: []connectors.Task{
			task("Kick-off meeting", day(1).Add(10*time.Hour), time.Hour, "Berlin office", true),
			task("Design review", day(20).Add(15*time.Hour), 90*time.Minute, "Video call", true),
			task("Quarterly review", future(7).Add(9*time.Hour), time.Hour, "Video call", false),
			task("Launch day", future(21).Add(8*time.Hour), 8*time.Hour, "Berlin office", false),
		},
	}
}

func scripter(future func(int) time.Time) SeedContact {
	c := contact(keyScripter, "script.tester@example.org", "", `<script>alert("x")</script>`, "Smith & Sons <b>Ltd</b>", "")
	return SeedContact{
		Contact: c,
		Invoices: []connectors.Invoice{
			invoice("INV-1101", connectors.InvoiceUnpaid, future(-10), future(20), time.Time{}, "USD", 0,
				line(`Consulting <img src=x onerror=alert(1)> & more`, "2", 12500)),
		},
		Quotes: []connectors.Quote{
			quote("Q-2101", `Audit "phase 1" & <b>2</b>`, connectors.QuoteSent, future(-5), future(25), time.Time{}, "USD",
				line("Security audit", "1", 300000)),
		},
		Transactions: []connectors.Transaction{
			txn("TX-3101", connectors.TransactionPayment, connectors.TransactionPending, "Card payment", 25000, "USD", day(3).Add(16*time.Hour)),
		},
		Tasks: []connectors.Task{
			task("Call <script>", day(5).Add(13*time.Hour), 30*time.Minute, "Phone", true),
		},
	}
}
