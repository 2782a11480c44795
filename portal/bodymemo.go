package portal

import (
	"sync"
	"time"
)

// bodyMemo keeps encoded API answers with the version of the cached data
// they were made from (connectors.ReadReport.Version), so that a request
// that reads the same cache entries answers the same bytes without
// converting and encoding them again. It holds at most maxBytes of bodies;
// past that, entries are dropped in no particular order.
type bodyMemo struct {
	mu       sync.Mutex
	entries  map[string]*memoBody
	bytes    int
	maxBytes int
	ttl      time.Duration
	now      func() time.Time
}

// memoBody is one encoded answer.
type memoBody struct {
	version uint64
	body    []byte
	etag    string
	expires time.Time
}

// Bounds of the memo: bodies above maxMemoBody are not kept.
const (
	defaultMemoBytes = 32 << 20
	maxMemoBody      = 256 << 10
	defaultMemoTTL   = time.Minute
)

// newBodyMemo returns a memo of at most maxBytes whose entries live ttl.
func newBodyMemo(maxBytes int, ttl time.Duration) *bodyMemo {
	return &bodyMemo{entries: map[string]*memoBody{}, maxBytes: maxBytes, ttl: ttl, now: time.Now}
}

// get returns the answer kept under key when it was made from version.
func (m *bodyMemo) get(key string, version uint64) (*memoBody, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.entries[key]
	if !ok || b.version != version || m.now().After(b.expires) {
		return nil, false
	}
	return b, true
}

// put keeps b under key, replacing what was there, and drops other
// entries while the memo holds more than its bound.
func (m *bodyMemo) put(key string, b *memoBody) {
	if len(b.body) > maxMemoBody || len(b.body) > m.maxBytes {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	b.expires = m.now().Add(m.ttl)
	m.drop(key)
	m.entries[key] = b
	m.bytes += len(b.body)
	for k := range m.entries {
		if m.bytes <= m.maxBytes {
			break
		}
		if k != key {
			m.drop(k)
		}
	}
}

// drop removes the entry under key, if any; mu is held.
func (m *bodyMemo) drop(key string) {
	if old, ok := m.entries[key]; ok {
		m.bytes -= len(old.body)
		delete(m.entries, key)
	}
}
