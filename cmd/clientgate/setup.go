package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"clientgate/config"
	"clientgate/connectors/sqlstore"
	"clientgate/portal/reqid"
)

// loadConfig loads the file at path (none when "") with the environment
// overrides and validates it; demo relaxes the auth checks.
func loadConfig(path string, environ []string) (*config.Config, error) {
	return config.LoadAndValidate(path, environ, true)
}

// newLogger returns the JSON (or text) slog logger on w at the configured
// level. Every line logged with a request's context carries its request ID
// (see package reqid).
func newLogger(c config.LogConfig, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "text" {
		return slog.New(reqid.Handler(slog.NewTextHandler(w, opts)))
	}
	return slog.New(reqid.Handler(slog.NewJSONHandler(w, opts)))
}

// warnUnknownEnv logs the names (never the values) of CLIENTGATE_*
// variables that set no key, which are most often typing mistakes.
func warnUnknownEnv(log *slog.Logger, environ []string) {
	for _, name := range config.UnknownEnv(environ) {
		log.Warn("environment variable sets no configuration key; ignored", "name", name)
	}
}

// openStore opens the built-in SQL store named by database.dsn, creating
// data_dir first when the database is SQLite. The store also keeps the
// bridge's tables (links, settings, audit log) for every connector type.
func openStore(ctx context.Context, cfg *config.Config, log *slog.Logger) (*sqlstore.Store, error) {
	if !cfg.Database.IsPostgres() {
		if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
			return nil, fmt.Errorf("data_dir: %w", err)
		}
	}
	return sqlstore.Open(ctx, cfg.Database.DSN, sqlstore.Options{Logger: log})
}

// openStoreFrom loads the configuration at path and opens its store, for
// the operator commands (import, link, settings). Their logs go to stderr.
func openStoreFrom(ctx context.Context, a *app, path string) (*sqlstore.Store, error) {
	cfg, err := config.LoadAndValidate(path, a.environ, false)
	if err != nil {
		return nil, err
	}
	return openStore(ctx, cfg, newLogger(cfg.Log, a.stderr))
}
