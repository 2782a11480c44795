package portal

import (
	"testing"
	"time"

	"clientgate/connectors"
)

func TestTransactionRows(t *testing.T) {
	en := formatter{loc: newFormatter("en-US").loc, tr: mustLocalizer(t, "en"), zone: time.FixedZone("X", 3600)}
	late := time.Date(2025, 12, 3, 23, 30, 0, 0, time.UTC)
	refund := connectors.Transaction{Reference: "PAY-2", Kind: connectors.TransactionRefund, Status: connectors.TransactionRefunded,
		Amount: connectors.Money{Minor: -700, Currency: "USD"}, Date: late, InvoiceID: "inv 1"}
	tests := []struct {
		name  string
		links bool
		txn   connectors.Transaction
		want  transactionRow
	}{
		{"linked invoice, day in the client's zone", true, refund,
			transactionRow{Day: "Dec 4, 2025", Reference: "PAY-2", InvoiceHref: "/c/invoices/inv%201", Kind: "Refund",
				Status: "refunded", StatusLabel: en.T("status.refunded"), Amount: en.Money(refund.Amount)}},
		{"invoices module off", false, refund,
			transactionRow{Day: "Dec 4, 2025", Reference: "PAY-2", Kind: "Refund",
				Status: "refunded", StatusLabel: en.T("status.refunded"), Amount: en.Money(refund.Amount)}},
		{"no invoice", true, connectors.Transaction{Title: "Card", Kind: connectors.TransactionPayment,
			Status: connectors.TransactionSucceeded, Date: late},
			transactionRow{Day: "Dec 4, 2025", Title: "Card", Kind: "Payment", Status: "succeeded",
				StatusLabel: en.T("status.succeeded"), Amount: en.Money(connectors.Money{})}},
	}
	for _, tt := range tests {
		rows := transactionRows(en, "/c/", tt.links, []connectors.Transaction{tt.txn})
		if len(rows) != 1 || rows[0] != tt.want {
			t.Errorf("%s: rows %+v, want %+v", tt.name, rows, tt.want)
		}
	}
	if cols := newTransactionColumns(en); cols.ViewInvoice == "payments.view_invoice" || cols.Amount == "" {
		t.Errorf("columns %+v", cols)
	}
}
