package portal

import (
	"slices"
	"strings"
	"time"
)

// newestFirst sorts items by their date, newest first, ties by number
// (or reference), highest first, so every list reads the same way
// whatever order the CRM returned.
func newestFirst[T any](items []T, key func(T) (time.Time, string)) {
	slices.SortStableFunc(items, func(a, b T) int {
		ta, na := key(a)
		tb, nb := key(b)
		if c := tb.Compare(ta); c != 0 {
			return c
		}
		return compareNumbers(nb, na)
	})
}

// compareNumbers compares item numbers such as "INV-9" and "INV-10" as
// people do: runs of digits by their value.
func compareNumbers(a, b string) int {
	for a != "" && b != "" {
		da, ra := leadingDigits(a)
		db, rb := leadingDigits(b)
		if da != "" && db != "" {
			da, db = strings.TrimLeft(da, "0"), strings.TrimLeft(db, "0")
			if c := len(da) - len(db); c != 0 {
				return c
			}
			if c := strings.Compare(da, db); c != 0 {
				return c
			}
			a, b = ra, rb
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

// leadingDigits splits s into its leading ASCII digits and the rest.
func leadingDigits(s string) (string, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}
