package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"clientgate/auth"
	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// newAuth builds the sign-in service from the auth section; it does not
// wait for the provider (discovery is retried in the background).
// tweak, when not nil, adjusts the options (the demo's provider client).
func newAuth(ctx context.Context, cfg *config.Config, conn connectors.Connector, b bridge.Store, log *slog.Logger, m *signInMetrics, bc auth.SessionBroadcaster, tweak func(*auth.Options)) (*auth.Service, error) {
	a := cfg.Auth
	keys, err := a.DecodeSessionKeys()
	if err != nil {
		return nil, fmt.Errorf("auth.session_keys: %w", err)
	}
	opts := auth.Options{
		Issuer:                    a.Issuer,
		ClientID:                  a.ClientID,
		ClientSecret:              a.ClientSecret,
		RedirectURL:               a.RedirectURL,
		Scopes:                    a.Scopes,
		SessionKeys:               keys,
		SessionLifetime:           a.SessionLifetime,
		IdleTimeout:               a.IdleTimeout,
		ClockSkew:                 a.ClockSkew,
		RecheckInterval:           recheckInterval(a.RecheckInterval),
		AllowUnverifiedEmail:      a.AllowUnverifiedEmail,
		AutoProvision:             a.AutoProvision,
		SessionCacheTTL:           noneIfZero(a.SessionCacheTTL),
		Broadcaster:               bc,
		APIAudience:               a.APIAudience,
		APIClients:                a.APIClients,
		Introspection:             a.Introspection,
		IntrospectionClientID:     a.IntrospectionClientID,
		IntrospectionClientSecret: a.IntrospectionClientSecret,
		PublicURL:                 cfg.PublicURL,
		BasePath:                  cfg.Portal.BasePath,
		PostLogoutRedirectURL:     a.PostLogoutRedirectURL,
		Connector:                 conn,
		Bridge:                    b,
		Logger:                    log,
		OnSignIn:                  m.record,
		OnAuthEvent:               m.authEvent,
	}
	if tweak != nil {
		tweak(&opts)
	}
	svc, err := auth.New(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("auth: %w", err)
	}
	return svc, nil
}

// noneIfZero maps a config duration where 0 means "never keep it" onto
// auth.Options, where 0 means the default and negative means none.
func noneIfZero(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}

// recheckInterval maps auth.recheck_interval (0: every request) onto
// auth.Options (negative: every request; 0: the default).
func recheckInterval(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}
