package sqlstore

import (
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
)

// isID reports whether id has the form of the store's own IDs (a UUID in
// canonical lower-case form). Anything else names no record, so callers
// answer ErrNotFound without asking the database.
func isID(id string) bool {
	u, err := uuid.Parse(id)
	return err == nil && u.String() == id
}

// scopeID returns the contact ID of a scope when it is well formed, else
// "" (which matches nothing).
func scopeID(id string) string {
	if isID(id) {
		return id
	}
	return ""
}

// validText reports whether every value can be stored and compared as
// text by both databases: valid UTF-8 without NUL bytes.
func validText(values ...string) bool {
	for _, v := range values {
		if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
			return false
		}
	}
	return true
}
