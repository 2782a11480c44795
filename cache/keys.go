package cache

import (
	"strconv"
	"strings"

	"clientgate/connectors"
)

// scopedKey builds the key of a per-contact read: the operation, the
// contact, the WithCompany flag and the call's other arguments. Every part
// is length-prefixed, so no two different calls share a key whatever their
// IDs contain, and the contact is always part of it.
func scopedKey(op string, s connectors.Scope, parts ...string) string {
	var b strings.Builder
	b.Grow(len(op) + len(s.ContactID) + 16 + 8*len(parts))
	b.WriteString(op)
	writePart(&b, s.ContactID)
	if s.WithCompany {
		b.WriteString("|co")
	}
	for _, p := range parts {
		writePart(&b, p)
	}
	return b.String()
}

func writePart(b *strings.Builder, p string) {
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(len(p)))
	b.WriteByte(':')
	b.WriteString(p)
}

// pageKey builds the key of a list page; Limit is normalised so that 0 and
// DefaultLimit share an entry.
func pageKey(op string, s connectors.Scope, p connectors.PageRequest) string {
	return scopedKey(op, s, strconv.Itoa(p.Size()), p.Cursor)
}

// emailKey is the key of an email lookup; lookups ignore case and
// surrounding space.
func emailKey(email string) string {
	return "email|" + strings.ToLower(strings.TrimSpace(email))
}
