package connectortest

import (
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/fake"
)

// LoadFake adds seed to f through its Add* methods and returns the stored
// contacts, keyed by their seed ID. Companies and contacts get new IDs;
// the seed's company keys are translated.
func LoadFake(f *fake.Connector, seed Seed) map[string]connectors.Contact {
	companyIDs := map[string]string{}
	for _, sc := range seed.Companies {
		co := sc.Company
		co.ID = ""
		co = f.AddCompany(co)
		companyIDs[sc.Company.ID] = co.ID
		for _, inv := range sc.Invoices {
			f.AddCompanyInvoice(co.ID, inv)
		}
		for _, q := range sc.Quotes {
			f.AddCompanyQuote(co.ID, q)
		}
	}
	out := map[string]connectors.Contact{}
	for _, sc := range seed.Contacts {
		ct := sc.Contact
		ct.ID, ct.CompanyID = "", companyIDs[sc.Contact.CompanyID]
		ct = f.AddContact(ct)
		out[sc.Contact.ID] = ct
		for _, inv := range sc.Invoices {
			f.AddInvoice(ct.ID, inv)
		}
		for _, q := range sc.Quotes {
			f.AddQuote(ct.ID, q)
		}
		for _, tx := range sc.Transactions {
			f.AddTransaction(ct.ID, tx)
		}
		for _, tk := range sc.Tasks {
			f.AddTask(ct.ID, tk)
		}
	}
	return out
}

// FakeHarness returns a Harness over a fresh fake.Connector with the given
// capabilities, loaded by LoadFake. Decorator tests (such as the cache's)
// can wrap its connectors.
func FakeHarness(caps connectors.Capabilities) Harness {
	return HarnessFunc(func(t *testing.T, seed Seed) connectors.Connector {
		f := fake.New()
		f.SetCapabilities(caps)
		LoadFake(f, seed)
		return f
	})
}
