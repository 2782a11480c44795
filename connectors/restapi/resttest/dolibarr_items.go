package resttest

import (
	"html"
	"net/http"
	"strconv"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// dolLines writes line items as Dolibarr does: free-text lines whose
// description is HTML (the WYSIWYG editor's), no product.
func dolLines(lines []connectors.LineItem) []any {
	out := []any{}
	for i, l := range lines {
		cur := l.Total.Currency
		out = append(out, map[string]any{
			"id": strconv.Itoa(i + 1), "rang": strconv.Itoa(i + 1), "fk_product": nil, "product_label": nil,
			"desc": "<p>" + html.EscapeString(l.Title) + "</p>", "qty": l.Quantity,
			"subprice": amount(l.UnitPrice.Minor, cur), "total_ht": amount(l.Total.Minor, cur),
			"total_tva": amount(0, cur), "total_ttc": amount(l.Total.Minor, cur), "tva_tx": "0.0000",
		})
	}
	return out
}

// dolInvoiceStatus is fk_statut: 0 draft, 1 validated (unpaid, late or
// partly paid: Dolibarr has no status for those), 2 paid, 3 abandoned.
func dolInvoiceStatus(st connectors.InvoiceStatus) string {
	switch st {
	case connectors.InvoiceDraft:
		return "0"
	case connectors.InvoicePaid:
		return "2"
	case connectors.InvoiceVoid:
		return "3"
	}
	return "1"
}

func (d *Dolibarr) invoice(r invoiceRec) map[string]any {
	cur := r.Total.Currency
	st := dolInvoiceStatus(r.Status)
	paid := r.Total.Minor - r.AmountDue.Minor
	return map[string]any{
		"id": r.ID, "entity": "1", "ref": r.Number, "ref_client": nil, "type": "0",
		"socid": d.socid(r.ContactID, r.CompanyID), "contacts_ids": contactsIDs(r.ContactID), "contact_id": nil,
		"statut": st, "status": st, "paye": map[bool]string{true: "1", false: "0"}[st == "2"],
		"date": dolDate(r.IssuedAt), "date_lim_reglement": dolDate(r.DueAt), "date_creation": dolDate(r.IssuedAt),
		"multicurrency_code": cur, "total_ht": amount(r.Subtotal.Minor, cur), "total_tva": amount(r.Tax.Minor, cur),
		"total_ttc": amount(r.Total.Minor, cur), "totalpaid": amount(paid, cur), "totalcreditnotes": "0",
		"totaldeposits": "0", "remaintopay": moneyDecimal(r.AmountDue.Minor, cur),
		"note_public": "<p>" + html.EscapeString(r.Notes) + "</p>", "note_private": nil, "lines": dolLines(r.Lines),
	}
}

// dolProposalStatus is fk_statut: 0 draft, 1 validated (open), 2 signed,
// 3 not signed, 4 billed. Dolibarr has no "expired": an open proposal
// past fin_validite is late.
func dolProposalStatus(st connectors.QuoteStatus) string {
	switch st {
	case connectors.QuoteDraft:
		return "0"
	case connectors.QuoteAccepted:
		return "2"
	case connectors.QuoteDeclined:
		return "3"
	}
	return "1"
}

func (d *Dolibarr) proposal(r quoteRec) map[string]any {
	cur := r.Total.Currency
	st := dolProposalStatus(r.Status)
	return map[string]any{
		"id": r.ID, "entity": "1", "ref": r.Number, "ref_client": r.Title,
		"socid": d.socid(r.ContactID, r.CompanyID), "contacts_ids": contactsIDs(r.ContactID),
		"statut": st, "status": st, "date": dolDate(r.IssuedAt), "datep": dolDate(r.IssuedAt),
		"fin_validite": dolDate(r.ValidUntil), "date_cloture": dolDate(r.DecidedAt), "date_signature": dolDate(r.DecidedAt),
		"multicurrency_code": cur, "total_ht": amount(r.Total.Minor, cur), "total_tva": amount(0, cur),
		"total_ttc": amount(r.Total.Minor, cur), "note_public": "<p>" + html.EscapeString(r.Description) + "</p>",
		"lines": dolLines(r.Lines),
	}
}

// onThirdparty keeps the records on third party socid ("" keeps all).
func onThirdparty[T any](d *Dolibarr, all []T, socid string, owner func(T) (string, string)) []T {
	if socid == "" {
		return all
	}
	var out []T
	for _, r := range all {
		if contact, company := owner(r); d.socid(contact, company) == socid {
			out = append(out, r)
		}
	}
	return out
}

func (d *Dolibarr) listInvoices(w http.ResponseWriter, r *http.Request) {
	all := onThirdparty(d, d.Store.listInvoices("", "", true), r.URL.Query().Get("thirdparty_ids"),
		func(i invoiceRec) (string, string) { return i.ContactID, i.CompanyID })
	dolPage(w, r, "invoice", all, d.invoice)
}

func (d *Dolibarr) getInvoice(w http.ResponseWriter, r *http.Request) {
	if inv, ok := d.Store.getInvoice(r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, d.invoice(inv))
		return
	}
	dolError(w, http.StatusNotFound, "Invoice not found")
}

// invoicePayments is GET /invoices/{id}/payments, the rows of
// CommonInvoice::getListOfPayments: amount, payment type code, date as
// the database writes it, number, reference, bank line. The payments
// recorded through the API are listed; a seeded paid invoice was paid in
// one bank transfer on its payment date.
func (d *Dolibarr) invoicePayments(w http.ResponseWriter, r *http.Request) {
	inv, ok := d.Store.getInvoice(r.PathValue("id"))
	if !ok {
		dolError(w, http.StatusNotFound, "Invoice not found")
		return
	}
	out := d.paymentRows(inv)
	if out == nil {
		out = []any{}
	}
	if len(out) == 0 && inv.Status == connectors.InvoicePaid && !inv.PaidAt.IsZero() {
		cur := inv.Total.Currency
		out = append(out, map[string]any{
			"amount": amount(inv.Total.Minor, cur), "type": "VIR", "date": inv.PaidAt.UTC().Format("2006-01-02 15:04:05"),
			"num": "", "ref": "PAY" + inv.PaidAt.Format("0601") + "-" + inv.ID, "ref_ext": nil, "fk_bank_line": inv.ID,
		})
	}
	writeJSON(w, http.StatusOK, out)
}

func (d *Dolibarr) listProposals(w http.ResponseWriter, r *http.Request) {
	all := onThirdparty(d, d.Store.listQuotes("", "", true), r.URL.Query().Get("thirdparty_ids"),
		func(q quoteRec) (string, string) { return q.ContactID, q.CompanyID })
	dolPage(w, r, "proposal", all, d.proposal)
}

func (d *Dolibarr) getProposal(w http.ResponseWriter, r *http.Request) {
	if q, ok := d.Store.getQuote(r.PathValue("id")); ok {
		writeJSON(w, http.StatusOK, d.proposal(q))
		return
	}
	dolError(w, http.StatusNotFound, "Commercial Proposal not found")
}

// closeProposal is POST /proposals/{id}/close with {"status": 2 or 3,
// "note_private": ..., "notrigger": 0}.
func (d *Dolibarr) closeProposal(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		dolError(w, http.StatusBadRequest, "Bad request")
		return
	}
	var st connectors.QuoteStatus
	switch gjson.GetBytes(body, "status").String() {
	case "2":
		st = connectors.QuoteAccepted
	case "3":
		st = connectors.QuoteDeclined
	default:
		dolError(w, http.StatusBadRequest, "Error : Bad value for status")
		return
	}
	if _, ok := d.Store.getQuote(r.PathValue("id")); !ok {
		dolError(w, http.StatusNotFound, "Commercial Proposal not found")
		return
	}
	q, ok := d.Store.decide(r.PathValue("id"), st, time.Now())
	if !ok {
		dolError(w, http.StatusInternalServerError, "Error when closing Commercial Proposal")
		return
	}
	writeJSON(w, http.StatusOK, d.proposal(q))
}
