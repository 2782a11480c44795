package sqlstore

import (
	"encoding/base64"
	"fmt"
	"strings"
	"time"

	"clientgate/connectors"
)

// encodeCursor makes the opaque cursor of the page after the item with
// this date and ID.
func encodeCursor(at time.Time, id string) string {
	raw := at.UTC().Format(time.RFC3339Nano) + "|" + id
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// decodeCursor reads a cursor made by encodeCursor; anything else is
// ErrInvalid.
func decodeCursor(cursor string) (time.Time, string, error) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return time.Time{}, "", fmt.Errorf("%w: malformed cursor", connectors.ErrInvalid)
	}
	at, id, ok := strings.Cut(string(raw), "|")
	if !ok || id == "" {
		return time.Time{}, "", fmt.Errorf("%w: malformed cursor", connectors.ErrInvalid)
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return time.Time{}, "", fmt.Errorf("%w: malformed cursor", connectors.ErrInvalid)
	}
	return t, id, nil
}
