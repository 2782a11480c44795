package restapi

import (
	"context"
	"fmt"
	"time"

	"clientgate/connectors"
)

// DecideQuote checks the quote through GetQuote (ownership, drafts), then
// sends the decide operation with {decision} set to the mapping's accept
// or decline value, and returns the quote as stored afterwards.
func (c *Connector) DecideQuote(ctx context.Context, s connectors.Scope, id string, d connectors.Decision) (connectors.Quote, bool, error) {
	op := c.m.Operations.DecideQuote
	if op == nil {
		return connectors.Quote{}, false, unsupported(opDecideQuote)
	}
	q, err := c.GetQuote(ctx, s, id)
	if err != nil {
		return connectors.Quote{}, false, err
	}
	want := connectors.QuoteDeclined
	if d.Accept {
		want = connectors.QuoteAccepted
	}
	at := d.At
	if at.IsZero() {
		at = time.Now()
	}
	switch {
	case q.Status == want:
		return q, false, nil
	case q.Status != connectors.QuoteSent:
		return connectors.Quote{}, false, fmt.Errorf("%w: restapi: quote %s is %s", connectors.ErrConflict, id, q.Status)
	case !q.ValidUntil.IsZero() && at.After(q.ValidUntil):
		return connectors.Quote{}, false, fmt.Errorf("%w: restapi: quote %s has expired", connectors.ErrConflict, id)
	}
	vars := map[string]string{"id": id, "contact_id": s.ContactID, "company_id": q.CompanyID,
		"decision": op.decisionValue(d.Accept), "by": d.By, "ip": d.IP, "at": at.UTC().Format(time.RFC3339)}
	send := op
	if !d.Accept && op.DeclineRequest != nil {
		send = op.DeclineRequest
	}
	if _, err := c.do(ctx, call{name: opDecideQuote, op: send, vars: vars}); err != nil {
		return connectors.Quote{}, false, err
	}
	after, err := c.GetQuote(ctx, s, id)
	if err != nil {
		return connectors.Quote{}, false, err
	}
	if after.Status != want {
		return connectors.Quote{}, false, &MappingError{Op: opDecideQuote, Field: "status",
			Problem: fmt.Sprintf("the CRM answered but the quote is %s, not %s", after.Status, want)}
	}
	return after, true, nil
}

// decisionValue is the {decision} value sent to the CRM.
func (op *Operation) decisionValue(accept bool) string {
	switch {
	case accept && op.Accept != "":
		return op.Accept
	case accept:
		return string(connectors.QuoteAccepted)
	case op.Decline != "":
		return op.Decline
	}
	return string(connectors.QuoteDeclined)
}
