package resttest

import (
	"net/http"
	"strconv"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// addPaymentDistributed is POST /invoices/paymentsdistributed
// (Invoices::addPaymentDistributed): arrayofamounts maps invoice IDs to
// {"amount": "…", "multicurrency_amount": ""}; datepaye (unix seconds
// or a date), paymentid and, with the bank module, accountid are
// mandatory; closepaidinvoices "yes" closes an invoice paid in full;
// num_payment and ref_ext are kept on the payment. A payment higher than
// the remainder is 400. The answer is the payment's ID, a bare number.
func (d *Dolibarr) addPaymentDistributed(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		dolError(w, http.StatusBadRequest, "Bad request")
		return
	}
	b := gjson.ParseBytes(body)
	switch {
	case b.Get("paymentid").Int() < 1:
		dolError(w, http.StatusBadRequest, "Payment ID or Payment Code is mandatory")
		return
	case b.Get("accountid").Int() < 1:
		dolError(w, http.StatusBadRequest, "Account ID is mandatory")
		return
	case !b.Get("arrayofamounts").IsObject():
		dolError(w, http.StatusBadRequest, "Invoice ID is mandatory. Fill the invoice id and amount into arrayofamounts parameter.")
		return
	}
	at := time.Unix(b.Get("datepaye").Int(), 0)
	var id int
	for invoiceID, a := range b.Get("arrayofamounts").Map() {
		inv, ok := d.Store.getInvoice(invoiceID)
		if !ok {
			dolError(w, http.StatusNotFound, "Invoice ID "+invoiceID+" not found")
			return
		}
		m, err := connectors.ParseMoney(a.Get("amount").String(), inv.Total.Currency)
		if err != nil || m.Minor <= 0 {
			dolError(w, http.StatusBadRequest, "Bad value for amount")
			return
		}
		pid, _, over := d.Store.recordPayment(invoiceID, m.Minor, at, b.Get("num_payment").String(), b.Get("ref_ext").String(),
			b.Get("closepaidinvoices").String() == "yes")
		if over {
			dolError(w, http.StatusBadRequest, "Payment amount on invoice ID "+invoiceID+" is higher than remain to pay")
			return
		}
		id = pid
	}
	writeJSON(w, http.StatusOK, id)
}

// paymentRows are an invoice's payments recorded through the API, as
// getListOfPayments answers them.
func (d *Dolibarr) paymentRows(inv invoiceRec) []any {
	var out []any
	for _, p := range d.Store.invoicePayments(inv.ID) {
		out = append(out, map[string]any{
			"amount": amount(p.Amount, inv.Total.Currency), "type": "CB", "date": p.Date.Format("2006-01-02 15:04:05"),
			"num": p.Number, "ref": "PAY" + p.Date.Format("0601") + "-" + strconv.Itoa(p.ID), "ref_ext": p.ExternalRef,
			"fk_bank_line": strconv.Itoa(p.ID),
		})
	}
	return out
}
