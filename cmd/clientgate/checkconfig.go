package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"clientgate/config"
	"clientgate/connectors"
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
		fmt.Fprintln(a.stdout, "FAIL config: the configuration has problems (listed below)")
		return err
	}
	for _, name := range config.UnknownEnv(a.environ) {
		fmt.Fprintf(a.stdout, "warning: %s sets no configuration key and is ignored\n", name)
	}
	fmt.Fprintf(a.stdout, "PASS config: loaded and valid (connector %s)\n", cfg.Connector.Type)
	if err := runChecks(ctx, a.stdout, configChecks(cfg)); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "configuration OK (connector %s): clientgate would start and become ready\n", cfg.Connector.Type)
	return nil
}

// configChecks are check-config's checks after the configuration itself,
// in order: the database (every connector type keeps the bridge's tables
// there), the OpenID provider, the redirect URL, the CRM and file storage. The REST
// mapping probe is check-config --probe (runProbe), which needs only the
// connector section.
func configChecks(cfg *config.Config) []check {
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
		}}, filesCheck(cfg))
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
