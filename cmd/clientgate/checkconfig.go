package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"clientgate/config"
	"clientgate/connectors/restapi"
)

func cmdCheckConfig(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "check-config", "check-config [--config FILE] [--probe --email EMAIL]")
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are checked")
	probe := &probeFlag{}
	fs.Var(probe, "probe", "with connector.type restapi: check only the connector section, read everything of the contact named by --email and print what the mapping made of it")
	emailFlag := fs.String("email", "", "the `email` of the contact --probe reads")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	email, err := probeEmail(probe, *emailFlag, fs.Args())
	if err != nil {
		return err
	}
	if probe.on {
		return runProbe(ctx, a, *path, email)
	}
	cfg, err := loadConfig(*path, a.environ)
	if err != nil {
		return err
	}
	for _, name := range config.UnknownEnv(a.environ) {
		fmt.Fprintf(a.stdout, "warning: %s sets no configuration key and is ignored\n", name)
	}
	// Every connector type keeps the bridge's tables in the database.
	if err := checkDatabase(ctx, cfg); err != nil {
		return err
	}
	if err := checkConnector(ctx, a, cfg, ""); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "configuration OK (connector %s)\n", cfg.Connector.Type)
	return nil
}

// connectorCheckTimeout bounds check-config's calls to the CRM.
const connectorCheckTimeout = 30 * time.Second

// checkConnector pings a CRM connector, proving its URL and credentials,
// and runs the REST mapping probe when asked. The built-in store was
// checked with the database.
func checkConnector(ctx context.Context, a *app, cfg *config.Config, probeEmail string) error {
	if probeEmail != "" && cfg.Connector.Type != config.TypeRestAPI {
		return usagef("--probe works with connector.type %s, not %s", config.TypeRestAPI, cfg.Connector.Type)
	}
	if cfg.Connector.Type == config.TypeSQLStore {
		return nil
	}
	conn, err := buildAdapter(cfg, nil, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, connectorCheckTimeout)
	defer cancel()
	if err := conn.Ping(ctx); err != nil {
		return fmt.Errorf("connector.%s: %w", cfg.Connector.Type, err)
	}
	fmt.Fprintf(a.stdout, "connector answered its ping (%s)\n", conn.Name())
	if rest, ok := conn.(*restapi.Connector); ok && probeEmail != "" {
		if err := restapi.Probe(ctx, rest, probeEmail, a.stdout); err != nil {
			return fmt.Errorf("connector.restapi probe: %w", err)
		}
	}
	return nil
}

// checkDatabase opens (and so migrates) the store's database and pings it.
func checkDatabase(ctx context.Context, cfg *config.Config) error {
	store, err := openStore(ctx, cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		return fmt.Errorf("database.dsn: %w", err)
	}
	defer store.Close()
	if err := store.Ping(ctx); err != nil {
		return fmt.Errorf("database.dsn: %w", err)
	}
	return nil
}
