package connectortest

import (
	"context"
	"time"

	"clientgate/connectors"
)

func invoiceKind() kindOps {
	return kind[connectors.Invoice]{
		name:      "invoices",
		supported: func(c connectors.Capabilities) bool { return c.Invoices },
		list: func(ctx context.Context, c connectors.Connector, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Invoice], error) {
			return c.ListInvoices(ctx, s, p)
		},
		get: func(ctx context.Context, c connectors.Connector, s connectors.Scope, id string) (connectors.Invoice, error) {
			return c.GetInvoice(ctx, s, id)
		},
		key:     func(v connectors.Invoice) string { return v.Number },
		id:      func(v connectors.Invoice) string { return v.ID },
		when:    func(v connectors.Invoice) time.Time { return v.IssuedAt },
		hidden:  func(v connectors.Invoice) bool { return v.Status == connectors.InvoiceDraft },
		own:     func(s SeedContact) []connectors.Invoice { return s.Invoices },
		company: func(s SeedCompany) []connectors.Invoice { return s.Invoices },
		compare: compareInvoice,
	}
}

func quoteKind() kindOps {
	return kind[connectors.Quote]{
		name:      "quotes",
		supported: func(c connectors.Capabilities) bool { return c.Quotes },
		list: func(ctx context.Context, c connectors.Connector, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Quote], error) {
			return c.ListQuotes(ctx, s, p)
		},
		get: func(ctx context.Context, c connectors.Connector, s connectors.Scope, id string) (connectors.Quote, error) {
			return c.GetQuote(ctx, s, id)
		},
		key:     func(v connectors.Quote) string { return v.Number },
		id:      func(v connectors.Quote) string { return v.ID },
		when:    func(v connectors.Quote) time.Time { return v.IssuedAt },
		hidden:  func(v connectors.Quote) bool { return v.Status == connectors.QuoteDraft },
		own:     func(s SeedContact) []connectors.Quote { return s.Quotes },
		company: func(s SeedCompany) []connectors.Quote { return s.Quotes },
		compare: compareQuote,
	}
}

func transactionKind() kindOps {
	return kind[connectors.Transaction]{
		name:      "transactions",
		supported: func(c connectors.Capabilities) bool { return c.Transactions },
		list: func(ctx context.Context, c connectors.Connector, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Transaction], error) {
			return c.ListTransactions(ctx, s, p)
		},
		key:     func(v connectors.Transaction) string { return v.Reference },
		id:      func(v connectors.Transaction) string { return v.ID },
		when:    func(v connectors.Transaction) time.Time { return v.Date },
		hidden:  func(connectors.Transaction) bool { return false },
		own:     func(s SeedContact) []connectors.Transaction { return s.Transactions },
		compare: compareTransaction,
	}
}

func taskKind() kindOps {
	return kind[connectors.Task]{
		name:      "tasks",
		supported: func(c connectors.Capabilities) bool { return c.Tasks },
		list: func(ctx context.Context, c connectors.Connector, s connectors.Scope, p connectors.PageRequest) (connectors.Page[connectors.Task], error) {
			return c.ListTasks(ctx, s, p)
		},
		get: func(ctx context.Context, c connectors.Connector, s connectors.Scope, id string) (connectors.Task, error) {
			return c.GetTask(ctx, s, id)
		},
		key:     func(v connectors.Task) string { return v.Title },
		id:      func(v connectors.Task) string { return v.ID },
		when:    func(v connectors.Task) time.Time { return v.Start },
		hidden:  func(connectors.Task) bool { return false },
		own:     func(s SeedContact) []connectors.Task { return s.Tasks },
		compare: compareTask,
	}
}
