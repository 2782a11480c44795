package jetpacktest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// createTransaction creates or updates a transaction like the plugin
// (API.md §6.11 and the create_transaction captures): orderid, status and
// total required (in that order) with {"error":400,...}; a zero total is
// {"error":100}; the email links the transaction to its contact, creating
// a Customer contact when none has it; the same orderid again replaces
// the transaction whole (unsent fields blanked, an unsent date 0, while a
// new one without a date gets now); date is cast to an integer like PHP's
// (int) cast; invalid JSON is the plugin's fatal error (HTTP 500); the
// request is echoed back with the id.
func (s *Server) createTransaction(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body map[string]any
	if json.Unmarshal(raw, &body) != nil || body == nil {
		writeJSON(w, http.StatusInternalServerError, map[string]any{"code": "internal_server_error",
			"message": "<p>There has been a critical error on this website.</p>", "data": map[string]any{"status": 500},
			"additional_errors": []any{}})
		return
	}
	for _, k := range []string{"orderid", "status", "total"} {
		if _, ok := body[k]; !ok {
			writeJSON(w, http.StatusOK, map[string]any{"error": 400, "message": "Missing required field: " + k})
			return
		}
	}
	total, ok := phpDecimal(body["total"])
	if !ok || phpEmpty(body["total"]) || hasWide(body) {
		writeJSON(w, http.StatusOK, map[string]any{"error": 100})
		return
	}
	body["id"] = s.storeTransaction(body, total)
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) storeTransaction(body map[string]any, total string) int {
	ref := strArg(body, "orderid")
	var t *Transaction
	for _, old := range s.transactions {
		if old.Ref == ref {
			t = old
		}
	}
	date, hasDate := phpIntValue(body["date"])
	if t == nil {
		t = &Transaction{ID: s.next("transaction")}
		s.transactions = append(s.transactions, t)
		if !hasDate {
			date = s.now().Unix()
		}
	}
	t.ContactID = 0
	if email := strings.TrimSpace(strArg(body, "email")); email != "" {
		t.ContactID = s.transactionContact(email, strArg(body, "fname"))
	}
	t.Ref, t.Status, t.Type, t.Title = ref, sanitize(strArg(body, "status")), sanitize(strArg(body, "type")), sanitize(strArg(body, "title"))
	t.Currency, t.Total, t.Date = sanitize(strArg(body, "currency")), total, date
	return t.ID
}

// transactionContact returns the ID of the contact with email, creating
// a Customer contact when there is none.
func (s *Server) transactionContact(email, firstName string) int {
	if c := s.contactByEmail(email); c != nil {
		return c.ID
	}
	now := s.now().Unix()
	c := &Contact{ID: s.next("contact"), Owner: -1, Created: now, Updated: now,
		Fields: map[string]string{"email": email, "status": "Customer", "fname": sanitize(firstName)}}
	s.contacts = append(s.contacts, c)
	return c.ID
}

// phpDecimal formats a JSON number or numeric string as the CRM stores
// totals ("12.50"); ok is false for anything else.
func phpDecimal(v any) (string, bool) {
	var f float64
	switch v := v.(type) {
	case float64:
		f = v
	case string:
		var err error
		if f, err = strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil {
			return "", false
		}
	default:
		return "", false
	}
	return fmt.Sprintf("%.2f", f), true
}

// phpIntValue is PHP's (int) cast of a JSON value: a number truncated, a
// string's leading digits ("2026-01-15 10:00:00" is 2026); ok is false
// when the key was not sent.
func phpIntValue(v any) (int64, bool) {
	switch v := v.(type) {
	case nil:
		return 0, false
	case float64:
		return int64(v), true
	case string:
		v = strings.TrimSpace(v)
		end := 0
		for end < len(v) && (v[end] >= '0' && v[end] <= '9' || end == 0 && v[end] == '-') {
			end++
		}
		n, _ := strconv.ParseInt(v[:end], 10, 64)
		return n, true
	}
	return 0, true
}

// hasWide reports whether any string value holds a 4-byte UTF-8
// character, which the CRM's utf8mb3 tables refuse.
func hasWide(body map[string]any) bool {
	for _, v := range body {
		if s, ok := v.(string); ok && strings.IndexFunc(s, func(r rune) bool { return r > 0xFFFF }) >= 0 {
			return true
		}
	}
	return false
}
