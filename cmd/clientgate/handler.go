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
// metrics, online payment (pay may be nil) and, with the cache on, the
// signed invalidation webhook.
func buildHandler(ctx context.Context, cfg *config.Config, st *stack, store *sqlstore.Store, bg *background, reg *prometheus.Registry, log *slog.Logger, ex serveExtras, pay *paymentsWiring) (http.Handler, error) {
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
	opts.Files = ex.files.lib
	conversationOptions(cfg, &opts, store, bg)
	opts.Middleware = append(opts.Middleware, httpm.Middleware())
	opts.RateLimits.OnLimited = signIns.rateLimited
	opts.Payments, opts.FormActionOrigins = pay.portalOptions(), pay.formOrigins()
	if opts.Documents, err = buildDocuments(cfg.Documents); err != nil {
		return nil, err
	}
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
	opts.ReadyChecks = append(readyChecks(cfg, store, authSvc, crm),
		portal.ReadyCheck{Name: "files", Informational: true, Check: ex.files.check})
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
