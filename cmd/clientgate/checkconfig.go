package main

import (
	"context"
	"fmt"
	"log/slog"

	"clientgate/config"
)

func cmdCheckConfig(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "check-config", "check-config [--config FILE]")
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are checked")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("check-config takes no arguments, got %q", fs.Args())
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
	fmt.Fprintf(a.stdout, "configuration OK (connector %s)\n", cfg.Connector.Type)
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
