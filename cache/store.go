package cache

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	gocache "github.com/patrickmn/go-cache"
)

// entry is one cached value. Entries are never modified once stored.
type entry struct {
	val any
	// at is when the value was fetched; it is fresh until at+ttl.
	at  time.Time
	ttl time.Duration
	// negative marks a remembered ErrNotFound.
	negative bool
	// owner is the contact whose invalidation drops the entry ("" = none).
	owner string
	// companyScoped marks entries that hold a company's items.
	companyScoped bool
	// version is the entry's own, unique in the process (see newVersion).
	version uint64
}

// versions hands out entry versions.
var versions atomic.Uint64

// newVersion returns a version no other entry of the process has: a
// request that read only entries with the same versions read the same
// values (connectors.ReadReport.Version).
func newVersion() uint64 { return versions.Add(1) }

// store holds the entries in a go-cache and indexes them by contact so that
// a contact's entries can be dropped. Every change happens under mu; the
// go-cache runs without a janitor, so its eviction callback (which keeps the
// index) only ever runs inside store methods, under mu.
type store struct {
	mu            sync.Mutex
	gc            *gocache.Cache
	byOwner       map[string]map[string]struct{}
	companyScoped map[string]struct{}
	maxEntries    int
	maxPerOwner   int // 0: unbounded; see owner_bound.go
	sweepEvery    time.Duration
	lastSweep     time.Time
	// epoch changes on every invalidation; a fetch that started in an
	// older epoch does not store its result.
	epoch   atomic.Uint64
	evicted func(n int)
}

func newStore(maxEntries int, sweepEvery time.Duration, evicted func(int)) *store {
	s := &store{
		gc:            gocache.New(gocache.NoExpiration, 0),
		byOwner:       map[string]map[string]struct{}{},
		companyScoped: map[string]struct{}{},
		maxEntries:    maxEntries,
		sweepEvery:    sweepEvery,
		lastSweep:     time.Now(),
		evicted:       evicted,
	}
	s.gc.OnEvicted(func(k string, v any) { s.unindex(k, v.(*entry)) })
	return s
}

// get returns the entry under k, if it has not expired.
func (s *store) get(k string) (*entry, bool) {
	v, ok := s.gc.Get(k)
	if !ok {
		return nil, false
	}
	return v.(*entry), true
}

// count returns the number of entries held, expired ones not yet swept
// included.
func (s *store) count() int { return s.gc.ItemCount() }

// put stores e under k for keep, unless an invalidation happened since
// epoch.
func (s *store) put(k string, e *entry, keep time.Duration, epoch uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.epoch.Load() != epoch {
		return
	}
	s.gc.Delete(k)
	s.sweep(false)
	if s.gc.ItemCount() >= s.maxEntries {
		s.makeRoom()
	}
	s.boundOwner(e.owner)
	s.gc.Set(k, e, keep)
	s.index(k, e)
}

// sweep drops expired entries when forced or when SweepInterval passed.
func (s *store) sweep(force bool) {
	if !force && time.Since(s.lastSweep) < s.sweepEvery {
		return
	}
	s.lastSweep = time.Now()
	s.gc.DeleteExpired()
}

// makeRoom applies the eviction rule: sweep expired entries, then evict
// the batch of entries closest to expiry.
func (s *store) makeRoom() {
	s.sweep(true)
	if s.gc.ItemCount() < s.maxEntries {
		return
	}
	type victim struct {
		key     string
		expires int64
	}
	items := s.gc.Items()
	victims := make([]victim, 0, len(items))
	for k, it := range items {
		victims = append(victims, victim{k, it.Expiration})
	}
	slices.SortFunc(victims, func(a, b victim) int { return cmp.Compare(a.expires, b.expires) })
	n := min(max(1, s.maxEntries/16), len(victims))
	for _, v := range victims[:n] {
		s.gc.Delete(v.key)
	}
	s.evicted(n)
}

func (s *store) index(k string, e *entry) {
	if e.owner != "" {
		keys := s.byOwner[e.owner]
		if keys == nil {
			keys = map[string]struct{}{}
			s.byOwner[e.owner] = keys
		}
		keys[k] = struct{}{}
	}
	if e.companyScoped {
		s.companyScoped[k] = struct{}{}
	}
}

// unindex runs as the go-cache eviction callback, under mu.
func (s *store) unindex(k string, e *entry) {
	if keys := s.byOwner[e.owner]; keys != nil {
		delete(keys, k)
		if len(keys) == 0 {
			delete(s.byOwner, e.owner)
		}
	}
	delete(s.companyScoped, k)
}

// apply drops the entries an invalidation names.
func (s *store) apply(inv Invalidation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.epoch.Add(1)
	if inv.All {
		s.gc.Flush()
		s.byOwner = map[string]map[string]struct{}{}
		s.companyScoped = map[string]struct{}{}
		return
	}
	if inv.Email != "" {
		k := emailKey(inv.Email)
		if e, ok := s.gc.Get(k); ok && !e.(*entry).negative {
			s.dropOwner(e.(*entry).owner)
		}
		s.gc.Delete(k)
	}
	if inv.ContactID != "" {
		s.dropOwner(inv.ContactID)
	}
	if inv.CompanyScoped {
		for k := range s.companyScoped {
			s.gc.Delete(k)
		}
	}
}

// dropOwner deletes every entry of one contact; each Delete unindexes.
func (s *store) dropOwner(contactID string) {
	for k := range s.byOwner[contactID] {
		s.gc.Delete(k)
	}
}
