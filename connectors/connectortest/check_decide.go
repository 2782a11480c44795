package connectortest

import (
	"context"
	"fmt"
	"time"

	"clientgate/connectors"
)

// decider is a DecideQuote check bound to a loaded seed.
type decider struct {
	r Reporter
	w *world
}

// CheckDecideQuote checks DecideQuote: accepting and declining sent
// quotes, the same decision again (changed == false), the opposite one
// (ErrConflict), other contacts' and malformed quote IDs (ErrNotFound,
// nothing changed) and company quotes. It changes the backend: give it its
// own Open.
func CheckDecideQuote(r Reporter, c connectors.Connector, seed Seed) {
	r.Helper()
	caps := c.Capabilities()
	if !caps.Quotes || !caps.DecideQuotes {
		return
	}
	w := open(r, c, seed)
	if w == nil {
		return
	}
	d := decider{r: r, w: w}
	d.foreign(keyAlice, false, keyZoe, "Q-2002")
	d.foreign(keyAlice, true, keyZoe, "Q-2002")
	for _, bad := range []string{"no-such-contact-4f1c9b", "", "1 OR 1=1"} {
		_, _, err := c.DecideQuote(context.Background(), connectors.Scope{ContactID: bad}, w.id(quoteKind(), "Q-2002"), accept)
		wantErr(r, "DecideQuote as unknown contact "+quoted(bad), err, connectors.ErrNotFound)
	}
	for _, id := range malformedIDs() {
		_, _, err := c.DecideQuote(context.Background(), w.scope(keyZoe, true), id, accept)
		wantErr(r, "DecideQuote of malformed ID "+quoted(id), err, connectors.ErrNotFound)
	}
	d.decide(keyZoe, false, "Q-2002", accept, connectors.QuoteAccepted, true)
	d.decide(keyZoe, false, "Q-2002", accept, connectors.QuoteAccepted, false)
	d.conflict(keyZoe, "Q-2002", decline, connectors.QuoteAccepted)
	d.decide(keyZoe, false, "Q-2003", decline, connectors.QuoteDeclined, true)
	d.decide(keyZoe, false, "Q-2003", decline, connectors.QuoteDeclined, false)
	d.conflict(keyZoe, "Q-2003", accept, connectors.QuoteDeclined)
	d.decide(keyZoe, false, "Q-2001", accept, connectors.QuoteAccepted, false)
	d.conflict(keyZoe, "Q-2005", accept, connectors.QuoteDeclined)
	if caps.CompanyItems {
		d.foreign(keyCarol, true, keyAlice, "Q-2201")
		d.foreign(keyBob, false, keyAlice, "Q-2201")
		d.decide(keyAlice, true, "Q-2201", accept, connectors.QuoteAccepted, true)
		d.decide(keyBob, true, "Q-2201", accept, connectors.QuoteAccepted, false)
	}
}

var (
	accept  = connectors.Decision{Accept: true, By: "client@example.com", IP: "192.0.2.10", At: time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)}
	decline = connectors.Decision{Accept: false, By: "client@example.com", IP: "2001:db8::1", At: time.Date(2025, 6, 2, 12, 0, 0, 0, time.UTC)}
)

// decide decides quote number as contact key and checks the outcome and
// what GetQuote reads back.
func (d decider) decide(key string, withCompany bool, number string, dec connectors.Decision, want connectors.QuoteStatus, changed bool) {
	d.r.Helper()
	ctx := context.Background()
	id, s := d.w.id(quoteKind(), number), d.w.scope(key, withCompany)
	where := fmt.Sprintf("DecideQuote %s as %s (accept %v)", number, key, dec.Accept)
	q, ch, err := d.w.c.DecideQuote(ctx, s, id, dec)
	if !noErr(d.r, where, err) {
		return
	}
	eq(d.r, where+" changed", ch, changed)
	eq(d.r, where+" status", q.Status, want)
	eq(d.r, where+" ID", q.ID, id)
	checkUTC(d.r, where, q.IssuedAt, q.ValidUntil, q.DecidedAt)
	if changed && q.DecidedAt.IsZero() {
		d.r.Errorf("%s: DecidedAt is zero", where)
	}
	got, err := d.w.c.GetQuote(ctx, s, id)
	if noErr(d.r, where+": GetQuote", err) {
		eq(d.r, where+": GetQuote status", got.Status, want)
	}
}

// conflict checks that deciding the other way is ErrConflict and leaves
// the status as it was.
func (d decider) conflict(key, number string, dec connectors.Decision, status connectors.QuoteStatus) {
	d.r.Helper()
	ctx := context.Background()
	id, s := d.w.id(quoteKind(), number), d.w.scope(key, false)
	_, _, err := d.w.c.DecideQuote(ctx, s, id, dec)
	wantErr(d.r, fmt.Sprintf("DecideQuote %s the other way (accept %v)", number, dec.Accept), err, connectors.ErrConflict)
	if got, err := d.w.c.GetQuote(ctx, s, id); noErr(d.r, "GetQuote after conflict", err) {
		eq(d.r, "status of "+number+" after a conflicting decision", got.Status, status)
	}
}

// foreign checks that contact key cannot decide owner's quote and that
// the quote stays sent.
func (d decider) foreign(key string, withCompany bool, owner, number string) {
	d.r.Helper()
	ctx := context.Background()
	id := d.w.id(quoteKind(), number)
	_, _, err := d.w.c.DecideQuote(ctx, d.w.scope(key, withCompany), id, accept)
	wantErr(d.r, fmt.Sprintf("DecideQuote %s of %s as %s", number, owner, key), err, connectors.ErrNotFound)
	if got, err := d.w.c.GetQuote(ctx, d.w.scope(owner, true), id); noErr(d.r, "GetQuote after foreign decision", err) {
		eq(d.r, "status of "+number+" after a foreign decision", got.Status, connectors.QuoteSent)
	}
}
