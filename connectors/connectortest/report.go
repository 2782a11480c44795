package connectortest

import (
	"errors"
	"fmt"
	"time"
)

// Reporter is the part of *testing.T the checks use. It lets the checks
// run against a recording value in the suite's own tests, proving that a
// broken connector makes them fail.
type Reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// wantErr reports unless err matches target.
func wantErr(r Reporter, what string, err, target error) bool {
	r.Helper()
	if !errors.Is(err, target) {
		r.Errorf("%s: got error %v, want %v", what, err, target)
		return false
	}
	return true
}

// noErr reports err when it is not nil.
func noErr(r Reporter, what string, err error) bool {
	r.Helper()
	if err != nil {
		r.Errorf("%s: unexpected error: %v", what, err)
		return false
	}
	return true
}

// checkUTC reports a non-zero time that is not in UTC.
func checkUTC(r Reporter, what string, ts ...time.Time) {
	r.Helper()
	for i, t := range ts {
		if !t.IsZero() && t.Location() != time.UTC {
			r.Errorf("%s: time #%d %v is not in UTC", what, i, t)
		}
	}
}

// sameSecond reports unless got and want are the same instant to the
// second.
func sameSecond(r Reporter, what string, got, want time.Time) {
	r.Helper()
	if !got.Truncate(time.Second).Equal(want.Truncate(time.Second)) {
		r.Errorf("%s: got %v, want %v", what, got, want)
	}
}

// maybeSecond compares times only when the backend returned one: for
// fields some backends cannot hold.
func maybeSecond(r Reporter, what string, got, want time.Time) {
	r.Helper()
	if !got.IsZero() {
		sameSecond(r, what, got, want)
	}
}

// eq reports unless got equals want.
func eq[T comparable](r Reporter, what string, got, want T) {
	r.Helper()
	if got != want {
		r.Errorf("%s: got %v, want %v", what, got, want)
	}
}

// quoted formats a value for messages.
func quoted(v any) string { return fmt.Sprintf("%q", v) }
