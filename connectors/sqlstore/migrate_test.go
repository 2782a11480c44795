package sqlstore

import (
	"context"
	"sync"
	"testing"
)

// migrationCount returns how many migrations the store recorded.
func migrationCount(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMigrateIdempotent(t *testing.T) {
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			want, err := dialect{name: d.name}.migrations()
			if err != nil || len(want) < 2 {
				t.Fatalf("migrations = %d, %v", len(want), err)
			}
			dsn := d.dsn(t)
			first := openStore(t, dsn, Options{})
			f := loadFixture(t, first)
			second := openStore(t, dsn, Options{})
			if n := migrationCount(t, second); n != len(want) {
				t.Errorf("schema_migrations has %d rows after reopening, want %d", n, len(want))
			}
			if c, err := second.GetContact(context.Background(), f.alice); err != nil || c.FirstName != "Alice" {
				t.Errorf("data after reopening = %+v, %v", c, err)
			}
			if err := second.migrate(context.Background()); err != nil {
				t.Errorf("migrating again: %v", err)
			}
		})
	}
}

func TestMigrateConcurrently(t *testing.T) {
	for _, d := range dialects {
		t.Run(d.name, func(t *testing.T) {
			dsn := d.dsn(t)
			const replicas = 4
			stores := make([]*Store, replicas)
			errs := make([]error, replicas)
			var wg sync.WaitGroup
			for i := range replicas {
				wg.Add(1)
				go func() {
					defer wg.Done()
					stores[i], errs[i] = Open(context.Background(), dsn, Options{})
				}()
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("replica %d: Open: %v", i, err)
				}
				t.Cleanup(func() { stores[i].Close() })
			}
			want, _ := dialect{name: d.name}.migrations()
			if n := migrationCount(t, stores[0]); n != len(want) {
				t.Errorf("schema_migrations has %d rows, want %d", n, len(want))
			}
			if err := stores[replicas-1].Ping(context.Background()); err != nil {
				t.Errorf("Ping: %v", err)
			}
		})
	}
}
