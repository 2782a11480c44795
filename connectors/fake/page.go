package fake

import (
	"cmp"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"clientgate/connectors"
)

// cursorPrefix marks the fake's cursors so that garbage is recognised.
const cursorPrefix = "fake-offset:"

// encodeCursor makes the opaque cursor of the page starting at offset.
func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// decodeCursor returns the offset a cursor names, 0 for "", and
// ErrInvalid for anything the fake did not make or beyond total.
func decodeCursor(cursor string, total int) (int, error) {
	if cursor == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || !strings.HasPrefix(string(raw), cursorPrefix) {
		return 0, fmt.Errorf("fake: bad cursor: %w", connectors.ErrInvalid)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(string(raw), cursorPrefix))
	if err != nil || n < 0 || n > total {
		return 0, fmt.Errorf("fake: bad cursor: %w", connectors.ErrInvalid)
	}
	return n, nil
}

// newestFirst sorts items by the time key descending, then by ID, so that
// pages are stable.
func newestFirst[T any](items []T, key func(T) time.Time, id func(T) string) {
	slices.SortStableFunc(items, func(a, b T) int {
		if c := key(b).Compare(key(a)); c != 0 {
			return c
		}
		return cmp.Compare(id(a), id(b))
	})
}

// pageOf cuts one page out of items, which are already sorted and copied.
func pageOf[T any](items []T, p connectors.PageRequest) (connectors.Page[T], error) {
	start, err := decodeCursor(p.Cursor, len(items))
	if err != nil {
		return connectors.Page[T]{}, err
	}
	end := min(start+p.Size(), len(items))
	page := connectors.Page[T]{Items: slices.Clone(items[start:end])}
	if page.Items == nil {
		page.Items = []T{}
	}
	if end < len(items) {
		page.Next = encodeCursor(end)
	}
	return page, nil
}
