package connectors

import (
	"context"
	"time"
)

type readDeadlineKey struct{}

// WithReadDeadline returns ctx carrying the time by which the request's
// reads should be answered: a caching decorator that holds a stale value
// serves it once the time has passed, and lets the refresh finish in the
// background. It is not a context deadline: nothing is cancelled.
func WithReadDeadline(ctx context.Context, t time.Time) context.Context {
	return context.WithValue(ctx, readDeadlineKey{}, t)
}

// ReadDeadline returns the read deadline of ctx, if it has one.
func ReadDeadline(ctx context.Context) (time.Time, bool) {
	t, ok := ctx.Value(readDeadlineKey{}).(time.Time)
	return t, ok
}
