package jetpacktest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/mail"
	"regexp"
	"strings"
)

// stickyStatus is the plugin's default "stickystat" setting.
const stickyStatus = "Customer"

// createCustomer creates or updates a contact like the plugin: matched by
// id, else by email; every standard and custom field replaced (unsent ones
// blanked); status reset to Lead when omitted and kept at Customer unless
// "sticky" is non-empty; HTML stripped; tags kept unless sent; 4-byte
// UTF-8 refused with {"error":100}; the request echoed back with the id.
func (s *Server) createCustomer(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body map[string]any
	if json.Unmarshal(raw, &body) != nil || body == nil {
		writeJSON(w, http.StatusOK, map[string]any{"error": true, "message": "Invalid JSON data"})
		return
	}
	email := strings.TrimSpace(strArg(body, "email"))
	var target *Contact
	if id := intArg(body, "id", 0); id > 0 {
		target = s.contactByID(id)
	}
	if target == nil {
		if !validEmail(email) {
			writeJSON(w, http.StatusOK, map[string]any{"errors": 1})
			return
		}
		target = s.contactByEmail(email)
	}
	fields, ok := s.replacement(body, target)
	if !ok {
		writeJSON(w, http.StatusOK, map[string]any{"error": 100})
		return
	}
	id := s.store(target, fields, body)
	body["id"] = id
	writeJSON(w, http.StatusOK, body)
}

// replacement builds the contact's new columns; ok is false when a value
// holds a character utf8mb3 tables cannot store.
func (s *Server) replacement(body map[string]any, target *Contact) (map[string]string, bool) {
	fields := map[string]string{}
	for _, k := range append(append([]string{}, contactKeys...), s.customFields...) {
		v := sanitize(strArg(body, k))
		if strings.IndexFunc(v, func(r rune) bool { return r > 0xFFFF }) >= 0 {
			return nil, false
		}
		fields[k] = v
	}
	fields["email"] = strings.TrimSpace(fields["email"])
	if !validEmail(fields["email"]) && target != nil {
		fields["email"] = target.get("email")
	}
	if fields["status"] == "" {
		fields["status"] = "Lead"
	}
	if target != nil && target.get("status") == stickyStatus && phpEmpty(body["sticky"]) {
		fields["status"] = stickyStatus
	}
	return fields, true
}

func (s *Server) store(target *Contact, fields map[string]string, body map[string]any) int {
	now := s.now().Unix()
	if target == nil {
		target = &Contact{ID: s.next("contact"), Owner: -1, Created: now}
		s.contacts = append(s.contacts, target)
	}
	target.Fields, target.Updated = fields, now
	if owner := intArg(body, "assign", 0); owner > 0 {
		target.Owner = owner
	}
	if tags, ok := body["tags"].([]any); ok {
		target.Tags = nil
		for _, t := range tags {
			if name, ok := t.(string); ok {
				target.Tags = append(target.Tags, strings.ReplaceAll(name, `"`, "&#34;"))
			}
		}
	}
	return target.ID
}

var scriptBlock = regexp.MustCompile(`(?is)<(script|style)[^>]*>.*?</(script|style)>`)

// sanitize strips HTML as the API does on input: script and style blocks
// entirely, other tags leaving their text.
func sanitize(v string) string {
	v = scriptBlock.ReplaceAllString(v, "")
	var b strings.Builder
	for {
		i := strings.IndexByte(v, '<')
		if i < 0 {
			b.WriteString(v)
			return strings.TrimSpace(b.String())
		}
		b.WriteString(v[:i])
		j := strings.IndexByte(v[i:], '>')
		if j < 0 {
			return strings.TrimSpace(b.String())
		}
		v = v[i+j+1:]
	}
}

func strArg(body map[string]any, key string) string {
	switch v := body[key].(type) {
	case string:
		return v
	case float64:
		return fmt.Sprint(v)
	}
	return ""
}

// phpEmpty is PHP's empty(): missing, null, false, 0, "" and "0".
func phpEmpty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case bool:
		return !v
	case float64:
		return v == 0
	case string:
		return v == "" || v == "0"
	}
	return false
}

func validEmail(email string) bool {
	addr, err := mail.ParseAddress(email)
	return err == nil && addr.Address == email
}
