package resttest

import (
	"net/http"
	"time"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

func (m *Modern) decideQuote(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(r)
	if err != nil || !gjson.ValidBytes(body) {
		fail(w, http.StatusBadRequest, "bad body")
		return
	}
	var st connectors.QuoteStatus
	switch gjson.GetBytes(body, "decision").String() {
	case "accept":
		st = connectors.QuoteAccepted
	case "decline":
		st = connectors.QuoteDeclined
	default:
		fail(w, http.StatusUnprocessableEntity, "decision must be accept or decline")
		return
	}
	at, err := time.Parse(time.RFC3339, gjson.GetBytes(body, "decided_at").String())
	if err != nil {
		fail(w, http.StatusUnprocessableEntity, "decided_at must be RFC 3339")
		return
	}
	if _, ok := m.Store.getQuote(r.PathValue("id")); !ok {
		fail(w, http.StatusNotFound, "no such quote")
		return
	}
	q, ok := m.Store.decide(r.PathValue("id"), st, at)
	if !ok {
		fail(w, http.StatusConflict, "quote already decided")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": modernQuote(q)})
}
