package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"clientgate/cache/pgbus"
	"clientgate/config"
	"clientgate/connectors/bridge"
)

const sessionsUsage = `sessions list [--config FILE] [--contact ID | --email EMAIL]
       clientgate sessions revoke [--config FILE] (--contact ID | --email EMAIL | --all)`

// cmdSessions lists or ends sign-in sessions. The list shows when each
// began and was last used and from which browser, never a secret.
func cmdSessions(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 || (args[0] != "list" && args[0] != "revoke") {
		return usagef("sessions needs a subcommand: list or revoke")
	}
	sub := args[0]
	fs := newFlagSet(a, "sessions "+sub, sessionsUsage)
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are read")
	var f bridge.SessionFilter
	fs.StringVar(&f.ContactID, "contact", "", "the sessions of the contact with this `ID`")
	fs.StringVar(&f.Email, "email", "", "the sessions of the person signed in with this `email` (any case)")
	fs.BoolVar(&f.All, "all", false, "every session")
	if err := parseNoArgs(fs, args[1:]); err != nil {
		return err
	}
	n := countSet(f.ContactID != "", f.Email != "", f.All)
	switch {
	case sub == "revoke" && n != 1:
		return usagef("sessions revoke needs exactly one of --contact, --email or --all")
	case n > 1:
		return usagef("sessions list takes at most one of --contact, --email or --all")
	case n == 0:
		f.All = true
	}
	cfg, err := config.Load(*path, a.environ)
	if err != nil {
		return err
	}
	if err := cfg.ValidateAuthOptional(); err != nil {
		return err
	}
	log := newLogger(cfg.Log, a.stderr)
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer store.Close()
	if sub == "list" {
		return sessionsList(ctx, a, store, f)
	}
	return sessionsRevoke(ctx, a, cfg, store, f, log)
}

func sessionsList(ctx context.Context, a *app, store bridge.SessionStore, f bridge.SessionFilter) error {
	list, err := store.Sessions(ctx, f)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "SESSION\tCONTACT\tEMAIL\tIDENTITY\tCREATED\tLAST SEEN\tUSER AGENT")
	for _, s := range list {
		contact := s.ContactID
		if s.Staff { // a staff sign-in, with or without a contact
			contact = strings.TrimSpace(contact + " +staff")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.ID[:min(12, len(s.ID))], cell(contact), cell(s.Email),
			cell(s.Issuer+"|"+s.Subject), s.Created.UTC().Format(time.RFC3339), s.LastSeen.UTC().Format(time.RFC3339), cell(s.UserAgent))
	}
	return w.Flush()
}

func sessionsRevoke(ctx context.Context, a *app, cfg *config.Config, store bridge.SessionStore, f bridge.SessionFilter, log *slog.Logger) error {
	n, err := revokeSessions(ctx, cfg, store, f, log)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "ended %d session(s)\n", n)
	if n > 0 && !cfg.Database.IsPostgres() {
		fmt.Fprintf(a.stdout, "a running portal forgets them within auth.session_cache_ttl (%s)\n", cfg.Auth.SessionCacheTTL)
	}
	return nil
}

// revokeSessions deletes the selected sessions and, on PostgreSQL, tells
// the running replicas to forget them at once; it returns how many ended.
func revokeSessions(ctx context.Context, cfg *config.Config, store bridge.SessionStore, f bridge.SessionFilter, log *slog.Logger) (int, error) {
	ids, err := store.DeleteSessions(ctx, f)
	if err != nil || len(ids) == 0 || !cfg.Database.IsPostgres() {
		return len(ids), err
	}
	bus, err := pgbus.New(cfg.Database.DSN, pgbus.Options{Logger: log})
	if err != nil {
		return len(ids), err
	}
	defer bus.Close()
	n := len(ids)
	if f.All || n > 64 {
		ids = nil
	}
	if err := bus.PublishSessionsEnded(ctx, ids); err != nil {
		return n, fmt.Errorf("the sessions ended, but telling the running replicas failed (they forget them within auth.session_cache_ttl): %w", err)
	}
	return n, nil
}
