package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/sqlstore"
)

// operatorEnv is what the operator commands (link, settings) work with:
// the bridge store and the configured connector, to check contact IDs.
type operatorEnv struct {
	cfg   *config.Config
	store *sqlstore.Store
	conn  connectors.Connector
	log   *slog.Logger
}

// openOperator loads the configuration at path and opens the store and
// the connector. Close releases them.
func openOperator(ctx context.Context, a *app, path string) (*operatorEnv, error) {
	cfg, err := config.Load(path, a.environ)
	if err != nil {
		return nil, err
	}
	if err := cfg.ValidateAuthOptional(); err != nil {
		return nil, err
	}
	log := newLogger(cfg.Log, a.stderr)
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	conn, err := buildConnector(cfg, store)
	if err != nil {
		store.Close()
		return nil, err
	}
	return &operatorEnv{cfg: cfg, store: store, conn: conn, log: log}, nil
}

// Close closes the store.
func (o *operatorEnv) Close() error { return o.store.Close() }

// contact returns the contact with the given ID, or with the given email
// address when ref holds an "@", from the connector.
func (o *operatorEnv) contact(ctx context.Context, ref string) (connectors.Contact, error) {
	find := o.conn.GetContact
	if strings.Contains(ref, "@") {
		find = o.conn.FindContactByEmail
	}
	c, err := find(ctx, ref)
	if err != nil {
		return connectors.Contact{}, fmt.Errorf("contact %q: %w", ref, err)
	}
	return c, nil
}
