package connectortest

import (
	"time"

	"clientgate/connectors"
)

func northwind(future func(int) time.Time) SeedCompany {
	return companyItems(SeedCompany{
		Company: connectors.Company{
			ID: keyNorth, Name: "Northwind Traders Ltd", Email: "accounts@northwind.example",
			Phone:   "+44 20 7946 0000",
			Address: connectors.Address{Line1: "1 Market Street", City: "London", PostCode: "EC1A 1AA", Country: "GB"},
		},
		Invoices: []connectors.Invoice{
			invoice("INV-1201", connectors.InvoicePaid, day(8), day(38), day(20), "GBP", 2000,
				line("Annual licence", "1", 480000)),
			invoice("INV-1202", connectors.InvoiceUnpaid, future(-6), future(24), time.Time{}, "GBP", 2000,
				line("Training day", "2", 95000)),
			invoice("INV-1203", connectors.InvoiceDraft, day(15), day(45), time.Time{}, "GBP", 2000,
				line("Company draft", "1", 1000)),
		},
		Quotes: []connectors.Quote{
			quote("Q-2201", "Fleet upgrade", connectors.QuoteSent, future(-7), future(23), time.Time{}, "GBP",
				line("Laptops", "10", 110000)),
			quote("Q-2202", "Company draft quote", connectors.QuoteDraft, day(9), day(39), time.Time{}, "GBP",
				line("Not yet", "1", 1000)),
		},
	})
}

func globex(future func(int) time.Time) SeedCompany {
	return companyItems(SeedCompany{
		Company: connectors.Company{ID: keyGlobex, Name: "Globex Corporation", Email: "ap@globex.example"},
		Invoices: []connectors.Invoice{
			invoice("INV-1301", connectors.InvoiceUnpaid, future(-8), future(22), time.Time{}, "JPY", 1000,
				line("Consulting (yen)", "3", 50000)),
		},
		Quotes: []connectors.Quote{
			quote("Q-2301", "Globex retainer", connectors.QuoteSent, future(-9), future(21), time.Time{}, "JPY",
				line("Retainer", "1", 900000)),
		},
	})
}

// companyItems sets CompanyID of the company's items to the company's
// seed key, as Seed documents.
func companyItems(sc SeedCompany) SeedCompany {
	for i := range sc.Invoices {
		sc.Invoices[i].CompanyID = sc.Company.ID
	}
	for i := range sc.Quotes {
		sc.Quotes[i].CompanyID = sc.Company.ID
	}
	return sc
}

func alice(future func(int) time.Time) SeedContact {
	c := contact(keyAlice, "alice@northwind.example", "Ms", "Alice", "Archer", keyNorth)
	c.WorkPhone = "+44 20 7946 0001"
	return SeedContact{
		Contact: c,
		Invoices: []connectors.Invoice{
			invoice("INV-1401", connectors.InvoicePaid, day(10), day(40), day(11), "GBP", 2000,
				line("Travel expenses", "1", 23050)),
		},
		Quotes: []connectors.Quote{
			quote("Q-2401", "Personal coaching", connectors.QuoteSent, future(-11), future(19), time.Time{}, "GBP",
				line("Coaching session", "3", 15000)),
		},
		Tasks: []connectors.Task{
			task("Onboarding call", future(3).Add(11*time.Hour), 45*time.Minute, "Phone", false),
		},
	}
}

func bob() SeedContact {
	return SeedContact{
		Contact: contact(keyBob, "bob@northwind.example", "", "Bob", "Baker", keyNorth),
		Invoices: []connectors.Invoice{
			invoice("INV-1501", connectors.InvoiceOverdue, day(11), day(25), time.Time{}, "GBP", 0,
				line("Replacement part", "1", 7999)),
		},
		Transactions: []connectors.Transaction{
			txn("TX-3501", connectors.TransactionPayment, connectors.TransactionFailed, "Card declined", 7999, "GBP", day(26).Add(12*time.Hour)),
		},
	}
}

func carol() SeedContact {
	return SeedContact{
		Contact: contact(keyCarol, "carol@globex.example", "", "Carol", "Chen", keyGlobex),
		Invoices: []connectors.Invoice{
			invoice("INV-1601", connectors.InvoicePaid, day(14), day(44), day(16), "USD", 0,
				line("Workshop", "1", 150000)),
		},
	}
}

func dave() SeedContact {
	return SeedContact{Contact: contact(keyDave, "dave.nothing@example.net", "", "Dave", "Empty", "")}
}
