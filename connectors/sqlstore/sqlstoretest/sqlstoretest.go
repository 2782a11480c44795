// Package sqlstoretest gives other packages' tests fresh databases for
// sqlstore.Open: an SQLite file in the test's temporary directory, or a
// PostgreSQL schema of its own.
//
// PostgreSQL tests read the server's DSN from CLIENTGATE_TEST_POSTGRES.
// When it is set, an unreachable server fails the test; when it is unset,
// the local default postgres://postgres@127.0.0.1:5432/test is tried and
// the test is skipped when nothing answers there.
package sqlstoretest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// EnvPostgres names the environment variable holding the test server's
// DSN.
const EnvPostgres = "CLIENTGATE_TEST_POSTGRES"

// DefaultPostgres is tried when EnvPostgres is unset.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// SQLiteDSN returns the path of a fresh SQLite file in t.TempDir().
func SQLiteDSN(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "clientgate.db")
}

// PostgresDSN creates a schema with a random name, drops it again in
// t.Cleanup, and returns a DSN whose search_path is that schema. It skips
// the test when no server is configured and the default one is not
// reachable, and fails it when the configured one is not.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base, explicit := os.LookupEnv(EnvPostgres)
	if !explicit || base == "" {
		base, explicit = DefaultPostgres, false
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("sqlstoretest: %s: %v", EnvPostgres, err)
	}
	t.Cleanup(func() { db.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		if explicit {
			t.Fatalf("sqlstoretest: PostgreSQL from %s not reachable: %v", EnvPostgres, err)
		}
		t.Skip("PostgreSQL not reachable; set CLIENTGATE_TEST_POSTGRES=postgres://... to run")
	}
	schema := "cgtest_" + randomHex()
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		t.Fatalf("sqlstoretest: create schema: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, `DROP SCHEMA `+schema+` CASCADE`); err != nil {
			t.Errorf("sqlstoretest: drop schema %s: %v", schema, err)
		}
	})
	return withSearchPath(t, base, schema)
}

// withSearchPath sets the search_path runtime parameter of a URL DSN.
func withSearchPath(t testing.TB, dsn, schema string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("sqlstoretest: %s is not a URL: %v", EnvPostgres, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func randomHex() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}
