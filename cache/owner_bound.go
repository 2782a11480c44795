package cache

// boundOwner makes room for one more entry of owner when it holds
// maxPerOwner already, by dropping its entry closest to expiry. A client
// paging with ever new cursors (or asking for ever new IDs) therefore
// churns through its own share of the cache only. Callers hold mu, and
// put has just deleted the key about to be stored.
func (s *store) boundOwner(owner string) {
	keys := s.byOwner[owner]
	if owner == "" || s.maxPerOwner <= 0 || len(keys) < s.maxPerOwner {
		return
	}
	victim, soonest := "", int64(0)
	for k := range keys {
		_, exp, ok := s.gc.GetWithExpiration(k)
		n := exp.UnixNano()
		if !ok || exp.IsZero() {
			n = 0
		}
		if victim == "" || n < soonest {
			victim, soonest = k, n
		}
	}
	s.gc.Delete(victim)
	s.evicted(1)
}
