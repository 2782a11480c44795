package main

import (
	"context"
	"fmt"

	"clientgate/auth"
	"clientgate/config"
	"clientgate/connectors/sqlstore"
	"clientgate/portal"
)

// readyChecks are the checks of /readyz: what this replica itself needs
// to serve (its store, which also holds the bridge's tables; its session
// keys; its configuration; the OpenID provider's discovery), and the CRM
// as information only: with the CRM down a replica still serves cached
// pages, so it stays in its load balancer.
func readyChecks(cfg *config.Config, store *sqlstore.Store, authSvc *auth.Service, crm *crmHealth) []portal.ReadyCheck {
	checks := []portal.ReadyCheck{
		{Name: "store", Check: func(ctx context.Context) (string, error) {
			return store.Driver(), store.Ping(ctx)
		}},
		{Name: "config", Check: func(context.Context) (string, error) {
			return "loaded and valid at start, connector " + cfg.Connector.Type, nil
		}},
	}
	if authSvc != nil {
		checks = append(checks,
			portal.ReadyCheck{Name: "session_keys", Check: func(context.Context) (string, error) {
				keys, err := cfg.Auth.DecodeSessionKeys()
				if err == nil && len(keys) == 0 {
					err = fmt.Errorf("auth.session_keys: none")
				}
				return fmt.Sprintf("%d key(s)", len(keys)), err
			}},
			portal.ReadyCheck{Name: "provider", Check: func(ctx context.Context) (string, error) {
				if err := authSvc.Ready(ctx); err != nil {
					return "discovery has not succeeded yet", err
				}
				return "discovered", nil
			}})
	}
	return append(checks, portal.ReadyCheck{Name: "crm", Informational: true, Check: crm.check})
}
