package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/sqlstore"
)

func cmdDemo(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "demo", demoUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to serve on; not loopback only with --public-url")
	public := fs.String("public-url", "", "the `URL` other devices open, such as http://192.0.2.7:8080 (default http:// + --addr)")
	dir := fs.String("data", "", "`directory` of the demo's SQLite database (default: a temporary directory removed at exit)")
	mock := fs.String("stripe-mock", "", "stripe-mock's `URL` (such as http://127.0.0.1:12111): turn on online payment against it, with a test checkout page")
	smtpURL := fs.String("smtp-url", "", "send the demo's emails to this SMTP `URL`, such as smtp://127.0.0.1:1025?tls=none for a local Mailpit (default: email off)")
	staffTo := fs.String("staff-to", "staff@demo-studio.example", "the staff `address` the demo's emails to staff go to")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if err := checkDemoAddr(*addr, *public); err != nil {
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
	cfg := demoConfig(*addr, *public, *dir)
	demoEmail(cfg, *smtpURL, *staffTo)
	if err := cfg.ValidateAuthOptional(); err != nil {
		return err
	}
	// The development provider is set up after validation, which would
	// refuse its plain-HTTP issuer on an address other than loopback.
	ex, err := newDemoProvider(cfg)
	if err != nil {
		return err
	}
	if *mock != "" {
		if err := useDemoStripe(cfg, *mock, &ex); err != nil {
			return err
		}
	}
	log := newLogger(cfg.Log, a.stderr)
	log.Info("demo", "data_dir", *dir, "public_url", cfg.PublicURL)
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := importDemoData(ctx, store, log); err != nil {
		return err
	}
	if err := importDemoFiles(ctx, cfg, store, log); err != nil {
		return err
	}
	if err := seedDemoConversations(ctx, store, cfg.Auth.Issuer); err != nil {
		return err
	}
	if err := seedDemoAttachments(ctx, cfg, store, log); err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "clientgate demo: open %s%s/ (Ctrl-C to stop)\n", cfg.PublicURL, cfg.Portal.BasePath)
	return serveStore(ctx, cfg, store, log, ex)
}

// demoConfig is the demo's configuration: the defaults with a SQLite store
// in dir and no metrics listener; cmdDemo adds the development sign-in
// provider. The environment is
// deliberately ignored, so the demo never writes to a configured database.
func demoConfig(addr, publicURL, dir string) *config.Config {
	cfg := config.Default()
	cfg.Listen.Addr = addr
	cfg.PublicURL = strings.TrimRight(publicURL, "/")
	cfg.DataDir = dir
	cfg.Database.DSN = filepath.Join(dir, config.DefaultDBFile)
	cfg.Metrics.Addr = ""
	cfg.Portal.Name = "Demo client portal"
	cfg.Business = demoBusiness
	demoStaffConfig(cfg)
	cfg.Derive()
	return cfg
}

// checkDemoAddr refuses an address that is not on a loopback interface
// unless a public URL says how other devices reach it: the demo has
// sample data and a sign-in page where anyone can choose whom to be, so
// serving it beyond this machine must be asked for explicitly, and then
// the sign-in needs that address anyway.
func checkDemoAddr(addr, publicURL string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usagef("demo: --addr %q is not a host:port address", addr)
	}
	if publicURL != "" {
		u, err := url.Parse(publicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Trim(u.Path, "/") != "" {
			return usagef("demo: --public-url %q must be an http(s) origin such as http://192.0.2.7:8080", publicURL)
		}
		return nil
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return usagef("demo: --addr %q is not a loopback address; to serve the demo to other devices, also give --public-url with the address they open (anyone who reaches it can sign in as any demo person)", addr)
	}
	return nil
}

// demoBusiness is the business the demo portal presents.
var demoBusiness = config.BusinessConfig{
	Name: "Demo Studio Ltd", Address: "1 Example Street\nSpringfield 12345",
	Email: "hello@demo-studio.example", Phone: "+1 555 0100", Website: "https://demo-studio.example",
	TaxID: "GB 000 1234 56", Registration: "Company no. 01234567",
	PaymentInstructions: "Bank transfer to Demo Studio Ltd\nIBAN GB33 BUKB 2020 1555 5555 55 · BIC BUKBGB22\nPlease quote the invoice number.",
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
