package jetpackcrm

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

// cursorPrefix versions the opaque cursor: base64url("o1:" + offset).
const cursorPrefix = "o1:"

// pageOf cuts one page out of a contact's items, which the CRM returns all
// at once: paging is done here, with an opaque offset cursor.
func pageOf[T any](items []T, p connectors.PageRequest) (connectors.Page[T], error) {
	offset, err := decodeCursor(p.Cursor)
	if err != nil {
		return connectors.Page[T]{}, err
	}
	out := connectors.Page[T]{Items: []T{}}
	if offset >= len(items) {
		return out, nil
	}
	end := min(offset+p.Size(), len(items))
	out.Items = append(out.Items, items[offset:end]...)
	if end < len(items) {
		out.Next = encodeCursor(end)
	}
	return out, nil
}

func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

func decodeCursor(cursor string) (int, error) {
	if cursor == "" {
		return 0, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	rest, ok := strings.CutPrefix(string(raw), cursorPrefix)
	n, nerr := strconv.Atoi(rest)
	if err != nil || !ok || nerr != nil || n < 0 || strconv.Itoa(n) != rest {
		return 0, fmt.Errorf("%w: jetpackcrm: bad cursor", connectors.ErrInvalid)
	}
	return n, nil
}

// newestFirst sorts items by date, latest first, then by numeric ID,
// highest first, so that the order is stable.
func newestFirst[T any](items []T, date func(T) time.Time, id func(T) string) {
	slices.SortStableFunc(items, func(a, b T) int {
		if c := date(b).Compare(date(a)); c != 0 {
			return c
		}
		ai, _ := strconv.ParseInt(id(a), 10, 64)
		bi, _ := strconv.ParseInt(id(b), 10, 64)
		return cmp.Compare(bi, ai)
	})
}
