package main

import (
	"context"
	"log/slog"
	"time"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/sqlstore"
	"clientgate/portal"
	"clientgate/portal/logbuf"
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
	logs := logbuf.New(a.stderr, logBufferBytes, logFlushEvery)
	defer logs.Close()
	log := newLogger(cfg.Log, logs)
	warnUnknownEnv(log, a.environ)
	return serveConfig(ctx, cfg, log, serveExtras{logs: logs})
}

// The log's buffer (see package logbuf): requests never wait for stderr;
// lines reach it within logFlushEvery, and past logBufferBytes waiting
// they are dropped and counted (clientgate_log_records_dropped_total).
const (
	logBufferBytes = 8 << 20
	logFlushEvery  = 100 * time.Millisecond
)

// serveConfig opens the store, then serves as serveStore does.
func serveConfig(ctx context.Context, cfg *config.Config, log *slog.Logger, ex serveExtras) error {
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close()
	return serveStore(ctx, cfg, store, log, ex)
}

// serveStore builds the connector stack, sign-in and the portal, and
// serves until ctx ends.
func serveStore(ctx context.Context, cfg *config.Config, store *sqlstore.Store, log *slog.Logger, ex serveExtras) error {
	reg := newRegistry()
	if err := registerLogDrops(reg, ex.logs); err != nil {
		return err
	}
	st, err := buildStack(cfg, store, reg, log)
	if err != nil {
		return err
	}
	defer st.close()
	bg, err := buildBackground(ctx, cfg, store, reg, log)
	if err != nil {
		return err
	}
	defer bg.close()
	fs, err := openFiles(ctx, cfg, store, reg, log)
	if err != nil {
		return err
	}
	defer fs.close()
	if err := bg.addNotifier(cfg, st.conn, store, fs.lib, log); err != nil {
		return err
	}
	pay, err := buildPayments(cfg, st.conn, store, bg.queue, reg, log, ex.stripeClient, bg.notifier)
	if err != nil {
		return err
	}
	ex.files = fs
	handler, err := buildHandler(ctx, cfg, st, store, bg, reg, log, ex, pay)
	if err != nil {
		return err
	}
	st.run(ctx)
	go fs.sweep(ctx, log)
	if err := bg.start(ctx); err != nil {
		return err
	}
	pay.run(ctx)
	log.Info("starting", "version", versionString(), "connector", st.adapter.Name(), "database", store.Driver(),
		"cache", st.cache != nil, "replica_bus", st.bus != nil, "email", bg.outbox != nil, "payments", cfg.Payments.Provider)
	return runServers(ctx, cfg, handler, reg, log)
}

// portalOptions copies the portal's configuration into portal.Options.
func portalOptions(cfg *config.Config, conn connectors.Connector, b bridge.Store, log *slog.Logger) portal.Options {
	p := cfg.Portal
	return portal.Options{
		Connector:           conn,
		Bridge:              b,
		BasePath:            p.BasePath,
		Enabled:             p.Enabled,
		Branding:            portal.Branding{Name: p.Name, LogoURL: p.LogoURL, AccentColor: p.AccentColor},
		Modules:             p.Modules.Map(),
		EditableFields:      config.ExpandFields(p.EditableFields),
		HiddenFields:        config.ExpandFields(p.HiddenFields),
		CompanyItemsDefault: p.CompanyItemsDefault,
		Languages:           p.Languages,
		DefaultLanguage:     p.DefaultLanguage,
		DefaultTimeZone:     p.DefaultTimeZone,
		Business:            portal.Business(cfg.Business),
		PublicURL:           cfg.PublicURL,
		TrustedProxies:      cfg.Listen.TrustedProxies,
		HSTSMaxAge:          p.HSTSMaxAge,
		RateLimits:          rateLimits(cfg.RateLimit),
		AccessLogProbes:     cfg.Log.AccessProbes,
		ReadBudget:          cfg.Cache.ReadBudget,
		PreferencesTTL:      cfg.Auth.RecheckInterval,
		Logger:              log,
	}
}
