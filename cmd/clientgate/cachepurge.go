package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"clientgate/cache"
	"clientgate/config"
)

const cacheUsage = `cache purge (--contact ID | --email EMAIL | --all) [--url URL] [--config FILE]`

// cmdCache drops cached CRM data in a running portal through its signed
// webhook, so that every replica drops it (they broadcast it among
// themselves).
func cmdCache(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 || args[0] != "purge" {
		return usagef("cache needs the subcommand purge")
	}
	fs := newFlagSet(a, "cache purge", cacheUsage)
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are read")
	var inv cache.Invalidation
	fs.StringVar(&inv.ContactID, "contact", "", "drop what is cached for the contact with this `ID`")
	fs.StringVar(&inv.Email, "email", "", "drop what is cached for the contact with this `email`")
	fs.BoolVar(&inv.All, "all", false, "drop everything")
	endpoint := fs.String("url", "", "the webhook `URL` (default: public_url + "+webhookPath+")")
	if err := parseNoArgs(fs, args[1:]); err != nil {
		return err
	}
	if n := countSet(inv.ContactID != "", inv.Email != "", inv.All); n != 1 {
		return usagef("cache purge needs exactly one of --contact, --email or --all")
	}
	cfg, err := config.Load(*path, a.environ)
	if err != nil {
		return err
	}
	if cfg.Webhook.Secret == "" {
		return fmt.Errorf("webhook.secret is not set: the portal refuses unsigned invalidations")
	}
	if *endpoint == "" {
		*endpoint = strings.TrimRight(cfg.PublicURL, "/") + webhookPath
	}
	client := &http.Client{Timeout: 15 * time.Second}
	if err := cache.SendInvalidation(ctx, client, *endpoint, []byte(cfg.Webhook.Secret), inv); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "cache purged (%s)\n", describeInvalidation(inv))
	return nil
}

func countSet(flags ...bool) int {
	n := 0
	for _, f := range flags {
		if f {
			n++
		}
	}
	return n
}

func describeInvalidation(inv cache.Invalidation) string {
	switch {
	case inv.All:
		return "everything"
	case inv.Email != "":
		return "contact " + inv.Email
	}
	return "contact " + inv.ContactID
}
