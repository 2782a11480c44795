package fake

import (
	"cmp"
	"slices"
	"time"
)

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
