package connectors

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
)

// sliceCursorPrefix versions PageSlice's cursors: base64url("o1:" + offset).
const sliceCursorPrefix = "o1:"

// PageSlice cuts the page p asks for out of items, which hold a whole list
// already in order (for adapters whose backend answers with everything at
// once). Its cursors are opaque offsets; one it did not make is
// ErrInvalid. The page's items are a copy.
func PageSlice[T any](items []T, p PageRequest) (Page[T], error) {
	offset, err := decodeSliceCursor(p.Cursor)
	if err != nil {
		return Page[T]{}, err
	}
	out := Page[T]{Items: []T{}}
	if offset >= len(items) {
		return out, nil
	}
	end := min(offset+p.Size(), len(items))
	out.Items = append(out.Items, items[offset:end]...)
	if end < len(items) {
		out.Next = base64.RawURLEncoding.EncodeToString([]byte(sliceCursorPrefix + strconv.Itoa(end)))
	}
	return out, nil
}

func decodeSliceCursor(cursor string) (int, error) {
	if cursor == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	rest, ok := strings.CutPrefix(string(raw), sliceCursorPrefix)
	n, nerr := strconv.Atoi(rest)
	if err != nil || !ok || nerr != nil || n < 0 || strconv.Itoa(n) != rest {
		return 0, fmt.Errorf("%w: bad cursor", ErrInvalid)
	}
	return n, nil
}

// CheckSliceCursor returns ErrInvalid when cursor is not "" nor a cursor
// PageSlice made, so that an adapter can refuse it before calling its
// backend.
func CheckSliceCursor(cursor string) error {
	_, err := decodeSliceCursor(cursor)
	return err
}
