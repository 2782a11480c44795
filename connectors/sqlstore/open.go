package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// connectTimeout bounds how long Open waits for PostgreSQL to answer.
const connectTimeout = 5 * time.Second

// sqliteParams are added to every SQLite DSN: WAL journal, foreign keys,
// a busy timeout, and BEGIN IMMEDIATE for transactions so that writers
// queue instead of failing on lock upgrades.
const sqliteParams = "_journal_mode=WAL&_foreign_keys=1&_busy_timeout=10000&_txlock=immediate"

// openDB opens and pings the database named by dsn.
func openDB(ctx context.Context, dsn string) (*sql.DB, dialect, error) {
	lower := strings.ToLower(dsn)
	switch {
	case strings.HasPrefix(lower, "postgres://"), strings.HasPrefix(lower, "postgresql://"):
		db, err := openPostgres(ctx, dsn)
		return db, postgresDialect, err
	case strings.TrimSpace(dsn) == "":
		return nil, dialect{}, errors.New("sqlstore: empty dsn: want a file path, a file: URI or a postgres:// URL")
	case strings.HasPrefix(lower, "file:"), !strings.Contains(dsn, "://"):
		db, err := openSQLite(ctx, dsn)
		return db, sqliteDialect, err
	}
	scheme, _, _ := strings.Cut(dsn, "://")
	return nil, dialect{}, fmt.Errorf("sqlstore: unsupported dsn scheme %q: want a file path, a file: URI or a postgres:// URL", scheme)
}

// sqliteDSN turns a path or file: URI into a modernc.org/sqlite DSN with
// the store's parameters.
func sqliteDSN(dsn string) string {
	if !strings.HasPrefix(strings.ToLower(dsn), "file:") {
		r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
		dsn = "file:" + r.Replace(dsn)
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	return dsn + sep + sqliteParams
}

// sqliteMaxConns is the SQLite pool size: two connections per usable CPU,
// at least eight, so that readers run in parallel under WAL while a few
// writers wait for the write lock (busy timeout), each on a connection.
func sqliteMaxConns() int { return max(8, 2*runtime.GOMAXPROCS(0)) }

func openSQLite(ctx context.Context, dsn string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", sqliteDSN(dsn))
	if err != nil {
		return nil, fmt.Errorf("sqlstore: open sqlite: %w", err)
	}
	if isMemory(dsn) {
		// Every connection would get its own empty in-memory database.
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
	} else {
		// Keep every connection open when idle: readers run in parallel
		// under WAL, and a reopened connection would repeat the PRAGMAs
		// and lose its prepared statements.
		n := sqliteMaxConns()
		db.SetMaxOpenConns(n)
		db.SetMaxIdleConns(n)
	}
	if err := pingSQLite(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlstore: open sqlite %q: %w", dsn, err)
	}
	return db, nil
}

// isMemory reports whether an SQLite DSN names an in-memory database.
func isMemory(dsn string) bool {
	return strings.Contains(dsn, ":memory:") || strings.Contains(dsn, "mode=memory")
}

func openPostgres(ctx context.Context, dsn string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlstore: bad postgres dsn: %w", err)
	}
	if cfg.ConnectTimeout <= 0 || cfg.ConnectTimeout > connectTimeout {
		cfg.ConnectTimeout = connectTimeout
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, connectTimeout+time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		host := net.JoinHostPort(cfg.Host, fmt.Sprint(cfg.Port))
		return nil, fmt.Errorf("sqlstore: cannot reach postgres at %s: %s", host, rootCause(err))
	}
	return db, nil
}

// rootCause returns the innermost message of err on one line, following
// the last error of joined ones (pgx joins its fallback attempts).
func rootCause(err error) string {
	for {
		var next error
		switch e := err.(type) {
		case interface{ Unwrap() []error }:
			if errs := e.Unwrap(); len(errs) > 0 {
				next = errs[len(errs)-1]
			}
		case interface{ Unwrap() error }:
			next = e.Unwrap()
		}
		if next == nil {
			break
		}
		err = next
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}
