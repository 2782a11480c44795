package main

import (
	"context"
	"fmt"
	"log/slog"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/sqlstore"
	"clientgate/portal"
)

func cmdServe(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "serve", "serve [--config FILE]")
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are read")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve takes no arguments, got %q", fs.Args())
	}
	cfg, err := loadConfig(*path, a.environ)
	if err != nil {
		return err
	}
	log := newLogger(cfg.Log, a.stderr)
	warnUnknownEnv(log, a.environ)
	return serveConfig(ctx, cfg, log)
}

// serveConfig opens the store, then serves as serveStore does.
func serveConfig(ctx context.Context, cfg *config.Config, log *slog.Logger) error {
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close()
	return serveStore(ctx, cfg, store, log)
}

// serveStore builds the connector and the portal and serves until ctx
// ends.
func serveStore(ctx context.Context, cfg *config.Config, store *sqlstore.Store, log *slog.Logger) error {
	reg := newRegistry() // served on metrics.addr
	conn, err := buildConnector(cfg, store)
	if err != nil {
		return err
	}
	handler, err := portal.New(portalOptions(cfg, conn, store, log))
	if err != nil {
		return err
	}
	log.Info("starting", "version", versionString(), "connector", conn.Name(), "database", store.Driver())
	return runServers(ctx, cfg, handler, reg, log)
}

// buildConnector returns the CRM connector that connector.type names.
// Each connector type gets its own case here; the built-in store is the
// bridge store whatever the type.
func buildConnector(cfg *config.Config, store *sqlstore.Store) (connectors.Connector, error) {
	switch cfg.Connector.Type {
	case config.TypeSQLStore:
		return store, nil
	default:
		return nil, fmt.Errorf("connector.type %q is not supported by serve", cfg.Connector.Type)
	}
}

// portalOptions copies the portal's configuration into portal.Options.
func portalOptions(cfg *config.Config, conn connectors.Connector, b bridge.Store, log *slog.Logger) portal.Options {
	p := cfg.Portal
	return portal.Options{
		Connector:           conn,
		Bridge:              b,
		Ready:               conn.Ping,
		BasePath:            p.BasePath,
		Enabled:             p.Enabled,
		Branding:            portal.Branding{Name: p.Name, LogoURL: p.LogoURL, AccentColor: p.AccentColor},
		Modules:             p.Modules.Map(),
		EditableFields:      config.ExpandFields(p.EditableFields),
		HiddenFields:        config.ExpandFields(p.HiddenFields),
		CompanyItemsDefault: p.CompanyItemsDefault,
		PublicURL:           cfg.PublicURL,
		TrustedProxies:      cfg.Listen.TrustedProxies,
		Logger:              log,
	}
}
