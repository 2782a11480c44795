package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// maxCachedStmts bounds the statement cache. The package's query texts
// are a small fixed set, except for IN lists whose length varies; once
// the cache is full, further texts run unprepared.
const maxCachedStmts = 256

// stmtCache keeps one prepared statement per query text, so that hot
// queries are parsed and planned once per connection instead of on every
// call. *sql.Stmt is safe for concurrent use: database/sql prepares it on
// each pooled connection the first time it runs there. Keys are the texts
// with ? placeholders, so a hit also skips rebinding.
type stmtCache struct {
	db     *sql.DB
	rebind func(string) string
	mu     sync.RWMutex
	stmts  map[string]*sql.Stmt
	closed bool
}

func newStmtCache(db *sql.DB, rebind func(string) string) *stmtCache {
	return &stmtCache{db: db, rebind: rebind, stmts: map[string]*sql.Stmt{}}
}

// lookup returns the cached statement for query, or nil.
func (c *stmtCache) lookup(query string) *sql.Stmt {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.closed {
		return nil
	}
	return c.stmts[query]
}

// prepared returns the statement for query, preparing and caching it on
// first use. It returns nil when the query should run unprepared: the
// cache is closed or full, or preparing failed (running the query
// unprepared then reports the same error as before caching existed).
func (c *stmtCache) prepared(ctx context.Context, query string) *sql.Stmt {
	c.mu.RLock()
	st, closed, full := c.stmts[query], c.closed, len(c.stmts) >= maxCachedStmts
	c.mu.RUnlock()
	if st != nil || closed || full {
		return st
	}
	st, err := c.db.PrepareContext(ctx, c.rebind(query))
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.stmts[query]; old != nil || c.closed || len(c.stmts) >= maxCachedStmts {
		// Another caller won the race, or the cache closed or filled up
		// meanwhile: keep the cache as it is.
		st.Close()
		return old
	}
	c.stmts[query] = st
	return st
}

// close closes every cached statement; later calls run unprepared.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	var errs []error
	for q, st := range c.stmts {
		errs = append(errs, st.Close())
		delete(c.stmts, q)
	}
	return errors.Join(errs...)
}
