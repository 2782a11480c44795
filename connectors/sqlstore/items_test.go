package sqlstore

import (
	"context"
	"errors"
	"slices"
	"testing"

	"clientgate/connectors"
)

func invoiceNumbers(p connectors.Page[connectors.Invoice]) []string {
	var out []string
	for _, v := range p.Items {
		out = append(out, v.Number)
	}
	return out
}

func TestListInvoices(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		own, err := s.ListInvoices(ctx, scopeOf(f.alice, false), pageOf(0, ""))
		if err != nil || !slices.Equal(invoiceNumbers(own), []string{"INV-2", "INV-1"}) || own.Next != "" {
			t.Fatalf("own invoices = %v (next %q), %v", invoiceNumbers(own), own.Next, err)
		}
		first := own.Items[0]
		if first.Total != eur(12000) || first.AmountDue != eur(12000) || !first.DueAt.Equal(at(50)) || len(first.Lines) != 1 ||
			first.Lines[0].Quantity != "1.5" || first.Lines[0].UnitPrice != eur(8000) {
			t.Errorf("first invoice = %+v", first)
		}
		all, err := s.ListInvoices(ctx, scopeOf(f.alice, true), pageOf(0, ""))
		if err != nil || !slices.Equal(invoiceNumbers(all), []string{"INV-2", "INV-C", "INV-1"}) {
			t.Errorf("with company = %v, %v", invoiceNumbers(all), err)
		}
		if all.Items[1].CompanyID != f.company {
			t.Errorf("company invoice CompanyID = %q", all.Items[1].CompanyID)
		}
		bobs, err := s.ListInvoices(ctx, scopeOf(f.bob, true), pageOf(0, ""))
		if err != nil || len(bobs.Items) != 0 {
			t.Errorf("bob's invoices = %v, %v", invoiceNumbers(bobs), err)
		}
	})
}

func TestPaging(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		var got []string
		cursor := ""
		for range 5 {
			p, err := s.ListInvoices(ctx, scopeOf(f.alice, true), pageOf(1, cursor))
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, invoiceNumbers(p)...)
			if cursor = p.Next; cursor == "" {
				break
			}
		}
		if !slices.Equal(got, []string{"INV-2", "INV-C", "INV-1"}) {
			t.Errorf("paged one by one = %v", got)
		}
		for _, bad := range []string{"garbage!", "Zm9v", "MjAyNS0wMS0wMVQwMDowMDowMFo"} {
			if _, err := s.ListInvoices(ctx, scopeOf(f.alice, false), pageOf(1, bad)); !errors.Is(err, connectors.ErrInvalid) {
				t.Errorf("cursor %q: err = %v, want ErrInvalid", bad, err)
			}
			if _, err := s.ListTasks(ctx, scopeOf(f.alice, false), pageOf(1, bad)); !errors.Is(err, connectors.ErrInvalid) {
				t.Errorf("tasks cursor %q: err = %v, want ErrInvalid", bad, err)
			}
		}
	})
}

func TestGetInvoiceScope(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		v, err := s.GetInvoice(ctx, scopeOf(f.alice, false), f.aliceInvoices[0])
		if err != nil || v.Number != "INV-2" || len(v.Lines) != 1 {
			t.Fatalf("GetInvoice = %+v, %v", v, err)
		}
		notFound := []struct {
			name string
			sc   connectors.Scope
			id   string
		}{
			{"other contact's", scopeOf(f.bob, true), f.aliceInvoices[0]},
			{"draft", scopeOf(f.alice, true), f.draftInvoice},
			{"company's without WithCompany", scopeOf(f.alice, false), f.companyInvoice},
			{"company's for a non-member", scopeOf(f.bob, true), f.companyInvoice},
			{"malformed ID", scopeOf(f.alice, true), "1 OR 1=1"},
		}
		for _, c := range notFound {
			if _, err := s.GetInvoice(ctx, c.sc, c.id); !errors.Is(err, connectors.ErrNotFound) {
				t.Errorf("%s: err = %v, want ErrNotFound", c.name, err)
			}
		}
		if _, err := s.GetInvoice(ctx, scopeOf(f.alice, true), f.companyInvoice); err != nil {
			t.Errorf("company invoice with WithCompany: %v", err)
		}
	})
}

func TestQuotesTransactionsTasks(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		qs, err := s.ListQuotes(ctx, scopeOf(f.alice, true), pageOf(0, ""))
		if err != nil || len(qs.Items) != 2 || qs.Items[0].Number != "Q-C" || qs.Items[1].Total != eur(99900) {
			t.Errorf("quotes = %+v, %v", qs.Items, err)
		}
		if _, err := s.GetQuote(ctx, scopeOf(f.alice, true), f.draftQ); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("draft quote: err = %v, want ErrNotFound", err)
		}
		if _, err := s.GetQuote(ctx, scopeOf(f.bob, true), f.sentQuote); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("other's quote: err = %v, want ErrNotFound", err)
		}
		tx, err := s.ListTransactions(ctx, scopeOf(f.alice, true), pageOf(0, ""))
		if err != nil || len(tx.Items) != 1 || tx.Items[0].InvoiceID != f.aliceInvoices[1] || tx.Items[0].Amount != eur(5000) ||
			tx.Items[0].Kind != connectors.TransactionPayment {
			t.Errorf("transactions = %+v, %v", tx.Items, err)
		}
		tasks, err := s.ListTasks(ctx, scopeOf(f.alice, false), pageOf(0, ""))
		if err != nil || len(tasks.Items) != 1 || tasks.Items[0].Location != "Site" || !tasks.Items[0].End.Equal(at(40).Add(3600e9)) {
			t.Errorf("tasks = %+v, %v", tasks.Items, err)
		}
		if _, err := s.GetTask(ctx, scopeOf(f.alice, true), f.bobTask); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("other's task: err = %v, want ErrNotFound", err)
		}
		if task, err := s.GetTask(ctx, scopeOf(f.bob, false), f.bobTask); err != nil || task.Title != "Call" || !task.End.IsZero() {
			t.Errorf("GetTask = %+v, %v", task, err)
		}
		co, err := s.GetCompany(ctx, scopeOf(f.alice, false))
		if err != nil || co.Name != "Acme" || co.ID != f.company {
			t.Errorf("GetCompany = %+v, %v", co, err)
		}
		if _, err := s.GetCompany(ctx, scopeOf(f.bob, false)); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("contact without company: err = %v, want ErrNotFound", err)
		}
	})
}

func TestCanceledContext(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		calls := map[string]error{}
		_, calls["ListInvoices"] = s.ListInvoices(ctx, scopeOf(f.alice, true), pageOf(0, ""))
		_, calls["GetContact"] = s.GetContact(ctx, f.alice)
		_, calls["UpdateContact"] = s.UpdateContact(ctx, f.alice, connectors.ContactPatch{connectors.FieldPrefix: "Dr"})
		_, _, calls["DecideQuote"] = s.DecideQuote(ctx, scopeOf(f.alice, false), f.sentQuote, connectors.Decision{Accept: true})
		calls["Record"] = s.Record(ctx, auditEntry(f.alice, "x"))
		for name, err := range calls {
			if !errors.Is(err, context.Canceled) {
				t.Errorf("%s with a canceled context: err = %v", name, err)
			}
		}
	})
}
