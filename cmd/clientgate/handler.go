package main

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"clientgate/auth"
	"clientgate/cache"
	"clientgate/config"
	"clientgate/connectors/sqlstore"
	"clientgate/portal"
	"clientgate/portal/httpmetrics"
)

// buildHandler assembles the HTTP handler: the portal with sign-in, HTTP
// metrics and, with the cache on, the signed invalidation webhook.
func buildHandler(ctx context.Context, cfg *config.Config, st *stack, store *sqlstore.Store, bg *background, reg *prometheus.Registry, log *slog.Logger, ex serveExtras) (http.Handler, error) {
	signIns, err := newSignInMetrics(reg)
	if err != nil {
		return nil, err
	}
	if err := registerBuildInfo(reg); err != nil {
		return nil, err
	}
	httpm, err := httpmetrics.New(reg)
	if err != nil {
		return nil, err
	}
	opts := portalOptions(cfg, st.conn, store, log)
	conversationOptions(cfg, &opts, store, bg)
	opts.Middleware = append(opts.Middleware, httpm.Middleware())
	opts.RateLimits.OnLimited = signIns.rateLimited
	var authSvc *auth.Service
	if cfg.Auth.Issuer != "" {
		if authSvc, err = newAuth(ctx, cfg, st.conn, store, log, signIns, sessionBroadcaster(st), staffAuthOptions(cfg, bg, log, ex.authOptions)); err != nil {
			return nil, err
		}
		if st.bus != nil {
			st.bus.HandleSessionsEnded(authSvc.ForgetSessions)
		}
		opts.Auth = authSvc
		if opts.CursorKeys, err = cursorKeys(cfg.Auth); err != nil {
			return nil, err
		}
	}
	crm, err := newCRMHealth(st, reg, log)
	if err != nil {
		return nil, err
	}
	crm.run(ctx)
	opts.ReadyChecks = readyChecks(cfg, store, authSvc, crm)
	engine, err := portal.New(opts)
	if err != nil {
		return nil, err
	}
	if st.cache != nil {
		hook := cache.WebhookHandler([]byte(cfg.Webhook.Secret), cfg.Webhook.MaxAge, st.cache, cache.WithWebhookRegisterer(reg))
		engine.POST(webhookPath, func(c *gin.Context) {
			hook.ServeHTTP(c.Writer, c.Request.WithContext(cache.WithClientAddr(c.Request.Context(), c.ClientIP())))
		})
	}
	return ex.wrap(engine), nil
}

// webhookPath is where the signed cache invalidation webhook is served.
const webhookPath = "/hooks/invalidate"
