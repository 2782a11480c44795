package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// Options tunes a Store.
type Options struct {
	// Logger receives the store's log lines; nil discards them.
	Logger *slog.Logger
	// PortalStatuses lists the contact statuses (such as "Customer") that
	// may use the portal, ignoring case. Empty means every contact may use
	// the portal unless its portal_access flag is off.
	PortalStatuses []string
}

// Store is the SQL store. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	stmts    *stmtCache
	d        dialect
	log      *slog.Logger
	statuses map[string]bool
	// dsn is the DSN the store was opened with, for OpenHandle.
	dsn string
	// hook is called inside conversation writes (conversations_hook.go).
	hook atomic.Pointer[ConversationHook]
}

var (
	_ connectors.Connector = (*Store)(nil)
	_ bridge.Store         = (*Store)(nil)
)

// Open connects to the database named by dsn, applies any pending
// migrations and returns the Store. A plain path or a "file:" URI is
// SQLite; "postgres://" and "postgresql://" URLs are PostgreSQL.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	db, d, err := openDB(ctx, dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, stmts: newStmtCache(db, d.rebind), d: d, log: opts.Logger, statuses: map[string]bool{}, dsn: dsn}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	for _, st := range opts.PortalStatuses {
		s.statuses[strings.ToLower(strings.TrimSpace(st))] = true
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the cached prepared statements and the database.
func (s *Store) Close() error {
	if err := errors.Join(s.stmts.close(), s.db.Close()); err != nil {
		return fmt.Errorf("sqlstore: close: %w", err)
	}
	return nil
}

// Driver returns "sqlite" or "postgres".
func (s *Store) Driver() string { return s.d.name }

// Name returns "sqlstore".
func (s *Store) Name() string { return "sqlstore" }

// Capabilities reports that the store supports every operation.
func (s *Store) Capabilities() connectors.Capabilities {
	return connectors.Capabilities{
		Invoices: true, Quotes: true, DecideQuotes: true, Transactions: true,
		Tasks: true, UpdateContact: true, CreateContact: true, CompanyItems: true,
		RecordPayments: true, SettlesInvoices: true,
	}
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	return wrap("ping", s.db.PingContext(ctx))
}
