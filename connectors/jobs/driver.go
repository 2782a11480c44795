package jobs

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
)

// newDriver returns River's driver for the dialect. Both work on
// database/sql, so that one client type (*sql.Tx transactions) serves
// both databases and EnqueueTx joins the store's own transactions. On
// PostgreSQL a one-connection pgx pool from ListenDSN receives the
// notifications of new jobs (River's riverpgxv5 listener).
func newDriver(ctx context.Context, o Options) (riverdriver.Driver[*sql.Tx], *pgxpool.Pool, error) {
	switch o.Dialect {
	case SQLite:
		return riversqlite.New(o.DB), nil, nil
	case Postgres:
		if o.ListenDSN == "" {
			return riverdatabasesql.New(o.DB), nil, nil
		}
		cfg, err := pgxpool.ParseConfig(o.ListenDSN)
		if err != nil {
			return nil, nil, fmt.Errorf("jobs: listen dsn: %w", err)
		}
		cfg.MinConns, cfg.MaxConns = 0, 1
		pool, err := pgxpool.NewWithConfig(ctx, cfg)
		if err != nil {
			return nil, nil, fmt.Errorf("jobs: listen pool: %w", err)
		}
		return riverdatabasesql.NewWithPgxListener(o.DB, pool), pool, nil
	}
	return nil, nil, fmt.Errorf("jobs: unknown dialect %q: want %q or %q", o.Dialect, SQLite, Postgres)
}
