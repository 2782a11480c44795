package cache

import (
	"context"
)

// Invalidation names cached entries to drop. Several fields may be set;
// each is applied.
type Invalidation struct {
	// ContactID drops every entry of that contact.
	ContactID string `json:"contact_id,omitempty"`
	// Email drops the lookup of that email (case ignored) and, when it
	// named a contact, that contact's entries.
	Email string `json:"email,omitempty"`
	// CompanyScoped drops every entry read with Scope.WithCompany.
	CompanyScoped bool `json:"company_scoped,omitempty"`
	// All drops everything.
	All bool `json:"all,omitempty"`
}

// IsZero reports whether the invalidation names nothing.
func (i Invalidation) IsZero() bool { return i == Invalidation{} }

// Invalidator drops cached entries; *Cache implements it.
type Invalidator interface {
	// Invalidate drops every entry of one contact.
	Invalidate(contactID string)
	// InvalidateEmail drops the lookup of an email and the entries of the
	// contact it named.
	InvalidateEmail(email string)
	// InvalidateAll drops every entry.
	InvalidateAll()
}

// Broadcaster carries local invalidations to the other replicas.
type Broadcaster interface {
	// Publish sends one invalidation to the other replicas.
	Publish(ctx context.Context, inv Invalidation) error
}

var _ Invalidator = (*Cache)(nil)

// Invalidate drops every entry of one contact, here and (through the
// Broadcaster) on the other replicas.
func (c *Cache) Invalidate(contactID string) { c.invalidate(Invalidation{ContactID: contactID}) }

// InvalidateEmail drops the lookup of an email, and the entries of the
// contact it named, here and on the other replicas.
func (c *Cache) InvalidateEmail(email string) { c.invalidate(Invalidation{Email: email}) }

// InvalidateAll drops every entry, here and on the other replicas.
func (c *Cache) InvalidateAll() { c.invalidate(Invalidation{All: true}) }

// Apply drops the entries an invalidation names here only, without
// broadcasting: it is how invalidations from other replicas arrive.
func (c *Cache) Apply(inv Invalidation) {
	if inv.IsZero() {
		return
	}
	c.store.apply(inv)
}

// invalidate applies inv locally and broadcasts it.
func (c *Cache) invalidate(inv Invalidation) {
	if inv.IsZero() {
		return
	}
	c.store.apply(inv)
	if c.opts.Broadcaster == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.opts.PublishTimeout)
	defer cancel()
	if err := c.opts.Broadcaster.Publish(ctx, inv); err != nil {
		c.opts.Logger.WarnContext(ctx, "cache: broadcasting an invalidation failed", "err", err)
	}
}
