package connectors

import (
	"context"
	"sync"
)

// RequestReads lets an adapter make an identical backend read once per
// request: the portal's pages read a contact to check their access and then
// their invoices, and a CRM such as Jetpack answers both from the same
// call. Reads are keyed by what the adapter sends (endpoint and
// parameters, never credentials); concurrent identical reads share one
// call. A write through the adapter forgets every read of the request
// (ForgetReads), so a write's read-back sees the backend's new state.
// Failed reads are not kept.
type RequestReads struct {
	mu    sync.Mutex
	reads map[string]*requestRead
}

// requestRead is one read, done once done is closed.
type requestRead struct {
	done chan struct{}
	body []byte
	err  error
}

type requestReadsKey struct{}

// WithRequestReads returns a context carrying a new, empty RequestReads.
func WithRequestReads(ctx context.Context) context.Context {
	return context.WithValue(ctx, requestReadsKey{}, &RequestReads{reads: map[string]*requestRead{}})
}

// ReadOnce returns what fetch returns for key, calling it only when no
// read of the same key succeeded (or is in flight) earlier in the request
// that ctx belongs to. Without RequestReads in ctx it calls fetch. The
// body is shared: callers must not change it.
func ReadOnce(ctx context.Context, key string, fetch func() ([]byte, error)) ([]byte, error) {
	rr, _ := ctx.Value(requestReadsKey{}).(*RequestReads)
	if rr == nil {
		return fetch()
	}
	rr.mu.Lock()
	if r, ok := rr.reads[key]; ok {
		rr.mu.Unlock()
		select {
		case <-r.done:
			return r.body, r.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	r := &requestRead{done: make(chan struct{})}
	rr.reads[key] = r
	rr.mu.Unlock()
	r.body, r.err = fetch()
	if r.err != nil {
		rr.forget(key, r)
	}
	close(r.done)
	return r.body, r.err
}

// forget drops key's read when it is still r.
func (rr *RequestReads) forget(key string, r *requestRead) {
	rr.mu.Lock()
	defer rr.mu.Unlock()
	if rr.reads[key] == r {
		delete(rr.reads, key)
	}
}

// ForgetReads drops every read of ctx's request, for an adapter about to
// write: later reads go to the backend again.
func ForgetReads(ctx context.Context) {
	rr, _ := ctx.Value(requestReadsKey{}).(*RequestReads)
	if rr == nil {
		return
	}
	rr.mu.Lock()
	defer rr.mu.Unlock()
	clear(rr.reads)
}
