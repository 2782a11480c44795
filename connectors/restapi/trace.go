package restapi

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"
)

// trace records, for check-config --probe, what the connector did while
// serving calls made with its context: every request sent (secrets
// masked), the raw items of every answer, sub-requests, and every field
// that fell back to its default, was computed, rounded, converted or made
// its item be dropped.
type trace struct {
	mu       sync.Mutex
	requests []string
	notes    []string
	raw      map[string]int
	subs     map[string]int
}

type traceKey struct{}

// withTrace returns a context whose calls are recorded in a new trace.
func withTrace(ctx context.Context) (context.Context, *trace) {
	t := &trace{raw: map[string]int{}, subs: map[string]int{}}
	return context.WithValue(ctx, traceKey{}, t), t
}

// traceFrom returns the context's trace, or nil.
func traceFrom(ctx context.Context) *trace {
	t, _ := ctx.Value(traceKey{}).(*trace)
	return t
}

func (t *trace) add(f func()) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	f()
}

func (t *trace) request(op, line string) {
	t.add(func() { t.requests = append(t.requests, op+": "+line) })
}

func (t *trace) note(op, loc, field, what string) {
	t.add(func() { t.notes = append(t.notes, fmt.Sprintf("%s %s field %s: %s", op, orRoot(loc), field, what)) })
}

func (t *trace) dropped(op string, err error) {
	t.add(func() { t.notes = append(t.notes, fmt.Sprintf("%s: item dropped: %v", op, err)) })
}

func (t *trace) rawItems(op string, n int) { t.add(func() { t.raw[op] += n }) }

func (t *trace) subRequest(op string) { t.add(func() { t.subs[op]++ }) }

// flush writes what was recorded since the last flush, indented, and
// forgets it.
func (t *trace) flush(w io.Writer) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range t.requests {
		fmt.Fprintf(w, "  sent %s\n", r)
	}
	ops := sortedKeys(t.raw)
	for _, op := range ops {
		fmt.Fprintf(w, "  %s: %d raw item(s) in the answers\n", op, t.raw[op])
	}
	for _, op := range sortedKeys(t.subs) {
		fmt.Fprintf(w, "  %s: %d sub-request(s)\n", op, t.subs[op])
	}
	sort.Strings(t.notes)
	for _, n := range t.notes {
		fmt.Fprintf(w, "  %s\n", n)
	}
	t.requests, t.notes, t.raw, t.subs = nil, nil, map[string]int{}, map[string]int{}
}

func orRoot(loc string) string {
	if loc == "" {
		return "(root)"
	}
	return loc
}
