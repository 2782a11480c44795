// Package cache is a connectors.Connector decorator that caches reads and
// keeps the portal answering while the CRM fails.
//
// Wrap builds the cache: every entry is keyed by the operation, the contact
// (and the scope's WithCompany flag) and the item or page asked for, so no
// entry is ever shared between contacts. Concurrent identical reads are
// coalesced into one upstream call. Errors are never cached, except a short
// negative entry for "no contact with this email". When the backend answers
// ErrUnavailable, the last good value is served for a bounded stale window
// and recorded with connectors.ReportFrom(ctx).Stale. Writes drop the
// entries of the contact they change.
//
// Memory is bounded by Options.MaxEntries. The eviction rule: when a new
// entry would exceed the bound, expired entries are swept first; if the
// cache is still full, the entries closest to their expiry (which are the
// least fresh ones) are evicted in a batch of MaxEntries/16 (at least one),
// so the cost of the scan is shared by the following inserts.
//
// Breaker adds a circuit breaker below the cache (portal → cache → breaker
// → adapter); WebhookHandler takes signed invalidations from outside; the
// pgbus subpackage broadcasts invalidations between replicas.
package cache
