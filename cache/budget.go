package cache

import (
	"context"
	"errors"
	"time"

	"clientgate/connectors"
)

// errBudgetSpent ends a wait for an upstream call whose read budget ran
// out; the caller serves its stale value instead.
var errBudgetSpent = errors.New("cache: read budget spent")

// budget returns a channel that fires when the read's budget ends: the
// request's read deadline (connectors.WithReadDeadline) when it has one,
// else ReadBudget from now; nil (never fires) when ReadBudget is negative
// and the request sets none. stop releases the timer.
func (c *Cache) budget(ctx context.Context) (stop func(), fire <-chan time.Time) {
	var wait time.Duration
	if d, ok := connectors.ReadDeadline(ctx); ok {
		wait = time.Until(d)
	} else if c.opts.ReadBudget > 0 {
		wait = c.opts.ReadBudget
	} else {
		return func() {}, nil
	}
	t := time.NewTimer(max(wait, 0))
	return func() { t.Stop() }, t.C
}
