package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/restapi"
)

func cmdCheckConfig(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "check-config", "check-config [--config FILE] [--probe EMAIL]")
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are checked")
	probe := fs.String("probe", "", "with connector.type restapi: read everything of the contact with this `email` and print what the mapping made of it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("check-config takes no arguments, got %q", fs.Args())
	}
	cfg, err := loadConfig(*path, a.environ)
	if err != nil {
		fmt.Fprintln(a.stdout, "FAIL config: the configuration has problems (listed below)")
		return err
	}
	if *probe != "" && cfg.Connector.Type != config.TypeRestAPI {
		return usagef("--probe works with connector.type %s, not %s", config.TypeRestAPI, cfg.Connector.Type)
	}
	for _, name := range config.UnknownEnv(a.environ) {
		fmt.Fprintf(a.stdout, "warning: %s sets no configuration key and is ignored\n", name)
	}
	fmt.Fprintf(a.stdout, "PASS config: loaded and valid (connector %s)\n", cfg.Connector.Type)
	if err := runChecks(ctx, a.stdout, configChecks(cfg, a, *probe)); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "configuration OK (connector %s): clientgate would start and become ready\n", cfg.Connector.Type)
	return nil
}

// configChecks are check-config's checks after the configuration itself,
// in order: the database (every connector type keeps the bridge's tables
// there), the OpenID provider, the redirect URL, the CRM, and the REST
// mapping probe when asked.
func configChecks(cfg *config.Config, a *app, probeEmail string) []check {
	var conn connectors.Connector
	checks := []check{
		{name: "database", stopsStart: true, run: func(ctx context.Context) (string, error) {
			return "opened, migrated and answering", checkDatabase(ctx, cfg)
		}},
		{name: "connector", stopsStart: true, run: func(context.Context) (string, error) {
			var err error
			conn, err = buildAdapter(cfg, nil, slog.New(slog.DiscardHandler), nil)
			return "built (" + cfg.Connector.Type + ")", err
		}},
	}
	checks = append(checks, oidcChecks(cfg)...)
	checks = append(checks, redirectCheck(cfg),
		check{name: "crm", run: func(ctx context.Context) (string, error) {
			return checkConnector(ctx, cfg, conn)
		}},
		check{name: "probe", run: func(ctx context.Context) (string, error) {
			rest, ok := conn.(*restapi.Connector)
			if !ok || probeEmail == "" {
				return "", skipped("no --probe EMAIL")
			}
			ctx, cancel := context.WithTimeout(ctx, connectorCheckTimeout)
			defer cancel()
			if err := restapi.Probe(ctx, rest, probeEmail, a.stdout); err != nil {
				return "", fmt.Errorf("connector.restapi probe: %w", err)
			}
			return "read " + probeEmail + "'s data through the mapping", nil
		}})
	return checks
}

// connectorCheckTimeout bounds check-config's calls to the CRM.
const connectorCheckTimeout = 30 * time.Second

// checkConnector pings a CRM connector, proving its URL and credentials.
// The built-in store was checked with the database.
func checkConnector(ctx context.Context, cfg *config.Config, conn connectors.Connector) (string, error) {
	if cfg.Connector.Type == config.TypeSQLStore {
		return "", skipped("the built-in store is the database checked above")
	}
	ctx, cancel := context.WithTimeout(ctx, connectorCheckTimeout)
	defer cancel()
	if err := conn.Ping(ctx); err != nil {
		return "", fmt.Errorf("connector.%s: %w", cfg.Connector.Type, err)
	}
	return fmt.Sprintf("connector answered its ping (%s)", conn.Name()), nil
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
