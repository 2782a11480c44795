package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/sqlstore"
)

func cmdDemo(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "demo", "demo [--addr 127.0.0.1:8080] [--data DIR]")
	addr := fs.String("addr", "127.0.0.1:8080", "loopback `host:port` to serve on")
	dir := fs.String("data", "", "`directory` of the demo's SQLite database (default: a temporary directory removed at exit)")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if err := checkLoopback(*addr); err != nil {
		return err
	}
	resolved, err := resolvePort(*addr)
	if err != nil {
		return err
	}
	*addr = resolved
	if *dir == "" {
		tmp, err := os.MkdirTemp("", "clientgate-demo-")
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	cfg := demoConfig(*addr, *dir)
	if err := cfg.ValidateAuthOptional(); err != nil {
		return err
	}
	log := newLogger(cfg.Log, a.stderr)
	log.Info("demo", "data_dir", *dir)
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := importDemoData(ctx, store, log); err != nil {
		return err
	}
	op, err := startDemoProvider(ctx, cfg)
	if err != nil {
		return err
	}
	defer op.Close()
	fmt.Fprintf(a.stderr, "clientgate demo: serving on http://%s%s (Ctrl-C to stop)\n", *addr, cfg.Portal.BasePath)
	return serveStore(ctx, cfg, store, log)
}

// demoConfig is the demo's configuration: the defaults with a SQLite store
// in dir and no metrics listener; cmdDemo adds the development sign-in
// provider. The environment is
// deliberately ignored, so the demo never writes to a configured database.
func demoConfig(addr, dir string) *config.Config {
	cfg := config.Default()
	cfg.Listen.Addr = addr
	cfg.DataDir = dir
	cfg.Database.DSN = filepath.Join(dir, config.DefaultDBFile)
	cfg.Metrics.Addr = ""
	cfg.Portal.Name = "Demo client portal"
	cfg.Derive()
	return cfg
}

// checkLoopback refuses an address that is not on a loopback interface:
// the demo has sample data and no real sign-in.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usagef("demo: --addr %q is not a host:port address", addr)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return usagef("demo: --addr %q is not a loopback address; the demo only serves on 127.0.0.1, ::1 or localhost", addr)
	}
	return nil
}

// demoMarker is a contact of the demo data: when the store has it, the
// data was imported by an earlier run with the same --data directory and
// is kept as it is (importing again on a later day would add the tasks a
// second time, since a task is matched by its start).
const demoMarker = "zoe@northwind.example"

// importDemoData imports the demo data into a store that does not hold it
// yet.
func importDemoData(ctx context.Context, store *sqlstore.Store, log *slog.Logger) error {
	_, err := store.FindContactByEmail(ctx, demoMarker)
	if err == nil {
		log.Info("demo data already present; not importing again")
		return nil
	}
	if !errors.Is(err, connectors.ErrNotFound) {
		return fmt.Errorf("demo: %w", err)
	}
	data, err := demoData(today())
	if err != nil {
		return err
	}
	sum, err := store.Import(ctx, data)
	if err != nil {
		return fmt.Errorf("demo: import: %w", err)
	}
	log.Info("demo data imported", "summary", sum.String())
	return nil
}
