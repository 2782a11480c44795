package auth

import (
	"sync"
	"time"
)

// memoSize bounds each memo; when full, a memo starts afresh.
const memoSize = 10000

// memo is a small, bounded map whose entries may expire, shared by the
// request path's two memos: decoded session cookies and recent access
// checks. It only ever saves work: a missing entry is recomputed.
type memo[K comparable, V any] struct {
	ttl     time.Duration // 0: entries do not expire
	now     func() time.Time
	mu      sync.Mutex
	entries map[K]memoEntry[V]
}

type memoEntry[V any] struct {
	v     V
	until time.Time
}

func newMemo[K comparable, V any](ttl time.Duration, now func() time.Time) *memo[K, V] {
	return &memo[K, V]{ttl: ttl, now: now, entries: map[K]memoEntry[V]{}}
}

// get returns the value kept for k while it is fresh; a nil memo keeps
// nothing.
func (m *memo[K, V]) get(k K) (V, bool) {
	if m == nil {
		var zero V
		return zero, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[k]
	if !ok || (m.ttl > 0 && !m.now().Before(e.until)) {
		var zero V
		return zero, false
	}
	return e.v, true
}

// put keeps v for k; a nil memo keeps nothing.
func (m *memo[K, V]) put(k K, v V) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.entries) >= memoSize {
		clear(m.entries)
	}
	m.entries[k] = memoEntry[V]{v: v, until: m.now().Add(m.ttl)}
}

// del forgets k; a nil memo keeps nothing.
func (m *memo[K, V]) del(k K) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.entries, k)
}

// clearAll forgets everything; a nil memo keeps nothing.
func (m *memo[K, V]) clearAll() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.entries)
}

// checkKey names a session's identity and contact.
type checkKey struct{ issuer, subject, contactID string }
