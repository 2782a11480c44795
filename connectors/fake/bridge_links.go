package fake

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// LinkFor returns the stored link of an identity.
func (b *Bridge) LinkFor(ctx context.Context, id bridge.Identity) (bridge.Link, error) {
	if err := check(ctx, "link for"); err != nil {
		return bridge.Link{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	r, ok := b.links[id]
	if !ok {
		return bridge.Link{}, fmt.Errorf("fake: bridge link: %w", connectors.ErrNotFound)
	}
	return r.link, nil
}

// SaveLink stores a link, replacing any link of the same identity. A zero
// CreatedAt is set to now. ErrInvalid without issuer, subject or contact.
func (b *Bridge) SaveLink(ctx context.Context, l bridge.Link) error {
	if err := check(ctx, "save link"); err != nil {
		return err
	}
	if l.Issuer == "" || l.Subject == "" || l.ContactID == "" {
		return fmt.Errorf("fake: bridge save link: issuer, subject and contact id are required: %w", connectors.ErrInvalid)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	l.CreatedAt = utc(l.CreatedAt)
	if l.CreatedAt.IsZero() {
		l.CreatedAt = b.now()
	}
	b.seq++
	b.links[l.Identity] = linkRec{link: l, seq: b.seq}
	return nil
}

// DeleteLink removes an identity's link.
func (b *Bridge) DeleteLink(ctx context.Context, id bridge.Identity) error {
	if err := check(ctx, "delete link"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.links[id]; !ok {
		return fmt.Errorf("fake: bridge delete link: %w", connectors.ErrNotFound)
	}
	delete(b.links, id)
	return nil
}

// Links lists every link, oldest first.
func (b *Bridge) Links(ctx context.Context) ([]bridge.Link, error) {
	if err := check(ctx, "links"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	recs := make([]linkRec, 0, len(b.links))
	for _, r := range b.links {
		recs = append(recs, r)
	}
	b.mu.Unlock()
	slices.SortFunc(recs, func(x, y linkRec) int {
		if c := x.link.CreatedAt.Compare(y.link.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(x.seq, y.seq)
	})
	out := make([]bridge.Link, len(recs))
	for i, r := range recs {
		out[i] = r.link
	}
	return out, nil
}

// RecordConflict adds a sighting of an ambiguous email. A new identity
// starts with Count 1 (or c.Count when larger); a known one has its count
// incremented and its email, contacts and last seen time updated.
func (b *Bridge) RecordConflict(ctx context.Context, c bridge.Conflict) error {
	if err := check(ctx, "record conflict"); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	seen := utc(c.LastSeen)
	if seen.IsZero() {
		seen = b.now()
	}
	old, ok := b.conflicts[c.Identity]
	c.ContactIDs = slices.Clone(c.ContactIDs)
	c.LastSeen = seen
	if ok {
		c.FirstSeen, c.Count = old.FirstSeen, old.Count+1
	} else {
		c.FirstSeen, c.Count = utc(c.FirstSeen), max(c.Count, 1)
		if c.FirstSeen.IsZero() {
			c.FirstSeen = seen
		}
	}
	b.conflicts[c.Identity] = c
	return nil
}

// Conflicts lists the recorded conflicts, most recently seen first.
func (b *Bridge) Conflicts(ctx context.Context) ([]bridge.Conflict, error) {
	if err := check(ctx, "conflicts"); err != nil {
		return nil, err
	}
	b.mu.Lock()
	out := make([]bridge.Conflict, 0, len(b.conflicts))
	for _, c := range b.conflicts {
		c.ContactIDs = slices.Clone(c.ContactIDs)
		out = append(out, c)
	}
	b.mu.Unlock()
	slices.SortFunc(out, func(x, y bridge.Conflict) int {
		if c := y.LastSeen.Compare(x.LastSeen); c != 0 {
			return c
		}
		return cmp.Compare(x.Issuer+"\x00"+x.Subject, y.Issuer+"\x00"+y.Subject)
	})
	return out, nil
}
