package jetpackcrm

import (
	"cmp"
	"slices"
	"strconv"
	"time"
)

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
