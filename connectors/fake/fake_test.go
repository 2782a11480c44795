package fake_test

import (
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/connectortest"
)

var allCaps = connectors.Capabilities{
	Invoices: true, Quotes: true, DecideQuotes: true, Transactions: true,
	Tasks: true, UpdateContact: true, CreateContact: true, CompanyItems: true,
}

func TestConformance(t *testing.T) {
	connectortest.Run(t, connectortest.FakeHarness(allCaps))
}

func TestConformanceReducedCapabilities(t *testing.T) {
	tests := map[string]connectors.Capabilities{
		"none":              {},
		"no company items":  {Invoices: true, Quotes: true, DecideQuotes: true, Transactions: true, Tasks: true, UpdateContact: true, CreateContact: true},
		"read only quotes":  {Invoices: true, Quotes: true},
		"tasks and updates": {Tasks: true, UpdateContact: true},
		"only names writable": {Invoices: true, UpdateContact: true,
			WritableFields: []connectors.Field{connectors.FieldFirstName, connectors.FieldLastName}},
		"only a phone writable": {UpdateContact: true, WritableFields: []connectors.Field{connectors.FieldWorkPhone}},
	}
	for name, caps := range tests {
		t.Run(name, func(t *testing.T) {
			connectortest.Run(t, connectortest.FakeHarness(caps))
		})
	}
}
