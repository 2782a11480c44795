package sqlstoretest

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

func TestSQLiteDSN(t *testing.T) {
	a, b := SQLiteDSN(t), SQLiteDSN(t)
	if a == b || !filepath.IsAbs(a) {
		t.Errorf("SQLiteDSN = %q, %q; want two distinct absolute paths", a, b)
	}
}

func TestPostgresDSNSchemaLifecycle(t *testing.T) {
	var schema, base string
	t.Run("inner", func(t *testing.T) {
		dsn := PostgresDSN(t)
		u, err := url.Parse(dsn)
		if err != nil {
			t.Fatal(err)
		}
		schema = u.Query().Get("search_path")
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var current string
		if err := db.QueryRowContext(context.Background(), `SELECT current_schema()`).Scan(&current); err != nil {
			t.Fatal(err)
		}
		if current != schema || !strings.HasPrefix(schema, "cgtest_") {
			t.Errorf("current_schema = %q, search_path = %q", current, schema)
		}
		q := u.Query()
		q.Del("search_path")
		u.RawQuery = q.Encode()
		base = u.String()
	})
	if schema == "" {
		t.Skip("PostgreSQL not reachable")
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	err = db.QueryRow(`SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = $1`, schema).Scan(&n)
	if err != nil || n != 0 {
		t.Errorf("schema %s still exists after cleanup (%d, %v)", schema, n, err)
	}
}
