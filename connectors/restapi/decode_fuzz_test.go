package restapi

import (
	"errors"
	"testing"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// FuzzDecodeInvoice feeds arbitrary answers to the testdata invoice
// mapping: every outcome is a record or a *MappingError, never a panic.
func FuzzDecodeInvoice(f *testing.F) {
	m, err := LoadMapping("testdata/modern.yaml")
	if err != nil {
		f.Fatal(err)
	}
	op := m.Operations.GetInvoice
	f.Add(`{"data":{"id":"1","number":"A","state":"PAID","dates":{"issued":"2025-01-01T00:00:00Z"},"amounts":{"currency":"EUR","subtotal_cents":1,"tax_cents":0,"total_cents":1,"due_cents":0},"customer":{"contact_id":"c1"},"lines":[{"name":"x","details":"","qty":1,"unit_cents":1,"total_cents":1}],"notes":""}}`)
	f.Add(`{"data":{"lines":{"a":1},"amounts":{"currency":"XXX1"}}}`)
	f.Add(`[[[[[]]]]]`)
	f.Fuzz(func(t *testing.T, doc string) {
		item := gjson.Parse(doc).Get(op.Item)
		rd := reader{op: opGetInvoice}
		inv, cur, err := decode(rd, invoiceSchema, op.Fields, item, op.Item)
		var me *MappingError
		if err != nil {
			if !errors.As(err, &me) || !errors.Is(err, connectors.ErrUnavailable) {
				t.Fatalf("error %v is not a MappingError", err)
			}
			return
		}
		if _, err := decodeLines(rd, op.Lines, item, op.Item, cur); err != nil && !errors.As(err, &me) {
			t.Fatalf("lines error %v is not a MappingError", err)
		}
		if !inv.Status.Valid() {
			t.Fatalf("decoded status %q", inv.Status)
		}
		_ = ownerOf(item, op, scope{contactID: "c1", companyID: "co1"})
	})
}
