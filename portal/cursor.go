package portal

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// cursorMACSize is the length of the truncated HMAC-SHA256 that seals a
// cursor (128 bits).
const cursorMACSize = 16

// errBadCursor answers a cursor the portal did not hand to this contact
// for this list: forged, altered, another contact's or another list's.
var errBadCursor = messageError(http.StatusBadRequest, "error.bad_cursor")

// cursorSealer binds the connectors' opaque cursors to the contact and
// the list they were made for, so that a cursor a client forges or
// borrows is refused before the CRM (or the cache) sees it.
type cursorSealer struct {
	keys [][]byte // the first seals, all open
}

// newCursorSealer uses keys, or one random key when there are none
// (cursors then do not survive a restart or work across replicas).
func newCursorSealer(keys [][]byte) *cursorSealer {
	if len(keys) == 0 {
		k := make([]byte, 32)
		_, _ = rand.Read(k) // crypto/rand.Read never fails (Go 1.24+)
		keys = [][]byte{k}
	}
	return &cursorSealer{keys: keys}
}

// cursorMAC is the cursor's MAC under key.
func cursorMAC(key []byte, kind string, s connectors.Scope, cursor string) []byte {
	m := hmac.New(sha256.New, key)
	company := "0"
	if s.WithCompany {
		company = "1"
	}
	for _, part := range []string{"clientgate-cursor-v1", kind, s.ContactID, company, cursor} {
		m.Write([]byte(part))
		m.Write([]byte{0})
	}
	return m.Sum(nil)[:cursorMACSize]
}

// seal returns the sealed form of a connector's cursor ("" stays "").
func (cs *cursorSealer) seal(kind string, s connectors.Scope, cursor string) string {
	if cursor == "" {
		return ""
	}
	out := append(cursorMAC(cs.keys[0], kind, s, cursor), cursor...)
	return base64.RawURLEncoding.EncodeToString(out)
}

// open returns the connector's cursor inside a sealed one, or
// errBadCursor.
func (cs *cursorSealer) open(kind string, s connectors.Scope, sealed string) (string, error) {
	if sealed == "" {
		return "", nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(sealed)
	if err != nil || len(raw) <= cursorMACSize {
		return "", errBadCursor
	}
	mac, cursor := raw[:cursorMACSize], string(raw[cursorMACSize:])
	for _, k := range cs.keys {
		if hmac.Equal(mac, cursorMAC(k, kind, s, cursor)) {
			return cursor, nil
		}
	}
	return "", errBadCursor
}

// listPage reads ?limit= and the sealed ?cursor= of a list of kind, asks
// the connector, and seals the next cursor.
func listPage[T any](s *server, c *gin.Context, kind string,
	list func(context.Context, connectors.Scope, connectors.PageRequest) (connectors.Page[T], error)) (connectors.Page[T], error) {
	return sealedPage(s, c, kind, viewerOf(c).scope, list)
}

// sealedPage is listPage for an explicit scope: the one the cursors are
// bound to, and the one the list is asked with (the staff pages bind
// theirs to the staff member).
func sealedPage[T any](s *server, c *gin.Context, kind string, scope connectors.Scope,
	list func(context.Context, connectors.Scope, connectors.PageRequest) (connectors.Page[T], error)) (connectors.Page[T], error) {
	p, err := pageRequest(c)
	if err != nil {
		return connectors.Page[T]{}, err
	}
	if p.Cursor, err = s.cursors.open(kind, scope, p.Cursor); err != nil {
		return connectors.Page[T]{}, err
	}
	page, err := list(c.Request.Context(), scope, p)
	page.Next = s.cursors.seal(kind, scope, page.Next)
	return page, err
}
