package main

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/config"
	"clientgate/connectors/restapi"
)

// probeFlag is check-config's --probe: a switch (--probe --email E) that
// also takes the email as its value (--probe=E) or as the one argument
// after it (--probe E), as it did before --email existed.
type probeFlag struct {
	on    bool
	email string
}

func (p *probeFlag) String() string {
	if p == nil || !p.on {
		return ""
	}
	return p.email
}

// Set takes true/false or an email.
func (p *probeFlag) Set(s string) error {
	if b, err := strconv.ParseBool(s); err == nil {
		p.on = b
		return nil
	}
	p.on, p.email = true, s
	return nil
}

// IsBoolFlag lets --probe stand alone.
func (p *probeFlag) IsBoolFlag() bool { return true }

// probeEmail works out the email of check-config --probe from --email,
// --probe=E or the lone argument after --probe.
func probeEmail(p *probeFlag, email string, args []string) (string, error) {
	if email != "" && !p.on {
		return "", usagef("--email goes with --probe")
	}
	if email == "" {
		email = p.email
	}
	if email == "" && len(args) == 1 {
		email, args = args[0], nil
	}
	if len(args) > 0 {
		return "", usagef("check-config takes no arguments, got %q", args)
	}
	if p.on && !strings.Contains(email, "@") {
		return "", usagef("--probe needs --email with the email of a contact in the CRM")
	}
	return email, nil
}

// runProbe is check-config --probe: it reads only the connector section
// (no sign-in, session keys or database; it creates no file), pings the
// CRM and prints what the REST mapping makes of one contact's data.
func runProbe(ctx context.Context, a *app, path, email string) error {
	cfg, err := config.Load(path, a.environ)
	if err != nil {
		return err
	}
	if err := cfg.ValidateConnector(); err != nil {
		return err
	}
	if cfg.Connector.Type != config.TypeRestAPI {
		return usagef("--probe works with connector.type %s, not %s", config.TypeRestAPI, cfg.Connector.Type)
	}
	conn, err := buildAdapter(cfg, nil, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		return err
	}
	rest := conn.(*restapi.Connector)
	ctx, cancel := context.WithTimeout(ctx, connectorCheckTimeout)
	defer cancel()
	if err := rest.Ping(ctx); err != nil {
		return fmt.Errorf("connector.restapi: %w", err)
	}
	fmt.Fprintf(a.stdout, "connector answered its ping (%s)\n", rest.Name())
	if err := restapi.Probe(ctx, rest, email, a.stdout); err != nil {
		return fmt.Errorf("connector.restapi probe: %w", err)
	}
	fmt.Fprintf(a.stdout, "probe OK (connector %s)\n", cfg.Connector.Type)
	return nil
}

// restapiMetrics registers the REST adapter's metrics on the first
// registerer given, or makes unregistered ones.
func restapiMetrics(reg []prometheus.Registerer) (*restapi.Metrics, error) {
	var r prometheus.Registerer
	if len(reg) > 0 {
		r = reg[0]
	}
	return restapi.NewMetrics(r)
}
