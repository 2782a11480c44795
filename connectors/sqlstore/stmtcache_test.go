package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// cached returns how many statements s has cached.
func cached(s *Store) int {
	s.stmts.mu.RLock()
	defer s.stmts.mu.RUnlock()
	return len(s.stmts.stmts)
}

func TestStmtCacheReuse(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := bridge.Identity{Issuer: "https://idp.test", Subject: "u1"}
		if err := s.SaveLink(ctx, bridge.Link{Identity: id, ContactID: "c1", Via: bridge.ViaEmail}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.LinkFor(ctx, id); err != nil {
			t.Fatalf("LinkFor: %v", err)
		}
		st, n := s.stmts.lookup(linkForQuery), cached(s)
		if st == nil {
			t.Fatal("LinkFor did not cache its statement")
		}
		for range 3 {
			if l, err := s.LinkFor(ctx, id); err != nil || l.ContactID != "c1" {
				t.Fatalf("LinkFor again = %+v, %v", l, err)
			}
		}
		if s.stmts.lookup(linkForQuery) != st || cached(s) != n {
			t.Errorf("repeated LinkFor prepared again: %d cached, was %d", cached(s), n)
		}
	})
}

// TestStmtCacheInTx checks that a cached statement run in a transaction
// runs on the transaction's connection: it sees the uncommitted row.
func TestStmtCacheInTx(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := bridge.Identity{Issuer: "https://idp.test", Subject: "tx"}
		if _, err := s.LinkFor(ctx, id); !errors.Is(err, connectors.ErrNotFound) {
			t.Fatalf("LinkFor before: %v, want ErrNotFound", err)
		}
		if s.stmts.lookup(linkForQuery) == nil {
			t.Fatal("LinkFor did not cache its statement")
		}
		errRollback := errors.New("roll back")
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			_, err := s.exec(ctx, tx, `INSERT INTO identity_links (`+linkColumns+`) VALUES (?, ?, ?, ?, ?, ?)`,
				id.Issuer, id.Subject, "c9", "", bridge.ViaOperator, s.d.ts(time.Now()))
			if err != nil {
				return err
			}
			l, err := scanLink(s.row(ctx, tx, linkForQuery, id.Issuer, id.Subject))
			if err != nil || l.ContactID != "c9" {
				t.Errorf("cached LinkFor query in tx = %+v, %v; want the uncommitted link", l, err)
			}
			return errRollback
		})
		if !errors.Is(err, errRollback) {
			t.Fatalf("inTx = %v", err)
		}
		if _, err := s.LinkFor(ctx, id); !errors.Is(err, connectors.ErrNotFound) {
			t.Errorf("LinkFor after rollback: %v, want ErrNotFound", err)
		}
	})
}

// TestStmtCacheMemory runs a transaction that reuses a cached statement on
// an in-memory SQLite database, which has a single connection.
func TestStmtCacheMemory(t *testing.T) {
	s := openStore(t, ":memory:", Options{})
	f := loadFixture(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := s.GetContact(ctx, f.alice); err != nil {
		t.Fatalf("GetContact: %v", err)
	}
	c, err := s.UpdateContact(ctx, f.alice, connectors.ContactPatch{connectors.FieldFirstName: "Alicia"})
	if err != nil || c.FirstName != "Alicia" {
		t.Errorf("UpdateContact = %+v, %v", c, err)
	}
}

func TestStmtCacheBounded(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for i := cached(s); i < maxCachedStmts; i++ {
			if s.stmts.prepared(ctx, fmt.Sprintf(`SELECT ? + %d`, i)) == nil {
				t.Fatalf("prepared %d: nil before the cache is full", i)
			}
		}
		if st := s.stmts.prepared(ctx, `SELECT ? + 1000`); st != nil || cached(s) != maxCachedStmts {
			t.Fatalf("full cache: prepared = %v, %d cached; want nil, %d", st, cached(s), maxCachedStmts)
		}
		var n int
		if err := s.row(ctx, s.db, `SELECT ? + 1000`, 1).Scan(&n); err != nil || n != 1001 {
			t.Errorf("uncached query = %d, %v; want 1001", n, err)
		}
	})
}

func TestStmtCacheBadQuery(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		before := cached(s)
		var v int
		if err := s.row(ctx, s.db, `SELECT nope FROM nowhere WHERE x = ?`, 1).Scan(&v); err == nil {
			t.Error("query on a missing table: no error")
		}
		if _, err := s.exec(ctx, s.db, `DELETE FROM nowhere WHERE x = ?`, 1); err == nil {
			t.Error("exec on a missing table: no error")
		}
		if cached(s) != before {
			t.Errorf("failed statements were cached: %d, was %d", cached(s), before)
		}
	})
}

func TestStmtCacheClose(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		id := bridge.Identity{Issuer: "https://idp.test", Subject: "u1"}
		if _, err := s.ContactSettings(ctx, "c1"); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		if cached(s) != 0 {
			t.Errorf("Close left %d statements cached", cached(s))
		}
		if _, err := s.LinkFor(ctx, id); !errors.Is(err, connectors.ErrUnavailable) {
			t.Errorf("LinkFor after Close: %v, want ErrUnavailable", err)
		}
		if _, err := s.ContactSettings(ctx, "c1"); !errors.Is(err, connectors.ErrUnavailable) {
			t.Errorf("ContactSettings after Close: %v, want ErrUnavailable", err)
		}
	})
}

// TestHotReadsConcurrently starts many readers on a cold cache, so that
// they race to prepare the same statements.
func TestHotReadsConcurrently(t *testing.T) {
	eachDialect(t, func(t *testing.T, s *Store) {
		f := loadFixture(t, s)
		ctx := context.Background()
		id := bridge.Identity{Issuer: "https://idp.test", Subject: "alice"}
		if err := s.SaveLink(ctx, bridge.Link{Identity: id, ContactID: f.alice, Via: bridge.ViaEmail}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveContactSettings(ctx, bridge.ContactSettings{ContactID: f.alice, SeeCompanyItems: true}); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 16)
		for range 16 {
			wg.Go(func() {
				for range 20 {
					if err := hotReads(ctx, s, id, f.alice); err != nil {
						errs <- err
						return
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
	})
}

// hotReads runs what a signed-in request reads and checks the answers.
func hotReads(ctx context.Context, s *Store, id bridge.Identity, contactID string) error {
	l, err := s.LinkFor(ctx, id)
	if err != nil || l.ContactID != contactID {
		return fmt.Errorf("LinkFor = %+v, %v", l, err)
	}
	cs, err := s.ContactSettings(ctx, contactID)
	if err != nil || !cs.SeeCompanyItems {
		return fmt.Errorf("ContactSettings = %+v, %v", cs, err)
	}
	c, err := s.GetContact(ctx, contactID)
	if err != nil || c.ID != contactID {
		return fmt.Errorf("GetContact = %+v, %v", c, err)
	}
	page, err := s.ListInvoices(ctx, scopeOf(contactID, true), pageOf(20, ""))
	if err != nil || len(page.Items) == 0 {
		return fmt.Errorf("ListInvoices = %d items, %v", len(page.Items), err)
	}
	return nil
}

// TestSQLitePool checks the SQLite connection settings: a bounded pool
// that keeps its connections when idle, each with the store's PRAGMAs.
func TestSQLitePool(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "pool.db"), Options{})
	f := loadFixture(t, s)
	ctx := context.Background()
	id := bridge.Identity{Issuer: "https://idp.test", Subject: "alice"}
	if err := s.SaveLink(ctx, bridge.Link{Identity: id, ContactID: f.alice, Via: bridge.ViaEmail}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveContactSettings(ctx, bridge.ContactSettings{ContactID: f.alice, SeeCompanyItems: true}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 * sqliteMaxConns() {
		wg.Go(func() {
			for range 10 {
				if err := hotReads(ctx, s, id, f.alice); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	st := s.db.Stats()
	if st.MaxOpenConnections != sqliteMaxConns() || st.OpenConnections > sqliteMaxConns() || st.MaxIdleClosed != 0 {
		t.Errorf("pool stats %+v: want at most %d connections, none closed for being idle", st, sqliteMaxConns())
	}
	conns := make([]*sql.Conn, 0, 3)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var busy, fk int
		var mode string
		if err := c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if busy != 10000 || fk != 1 || mode != "wal" {
			t.Errorf("connection PRAGMAs: busy_timeout %d, foreign_keys %d, journal_mode %s", busy, fk, mode)
		}
	}
}
