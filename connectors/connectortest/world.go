package connectortest

import (
	"context"
	"fmt"

	"clientgate/connectors"
)

// world is a seed as loaded into a connector: the backend's contacts and
// the backend IDs of every visible item, found through the connector.
type world struct {
	c        connectors.Connector
	caps     connectors.Capabilities
	seed     Seed
	contacts map[string]connectors.Contact // seed key → as the backend has it
	ids      map[string]string             // kind name + "/" + item key → backend ID
}

// discover finds the seed's contacts by email and the IDs of their items
// by listing every scope.
func discover(ctx context.Context, c connectors.Connector, seed Seed) (*world, error) {
	w := &world{c: c, caps: c.Capabilities(), seed: seed,
		contacts: map[string]connectors.Contact{}, ids: map[string]string{}}
	for _, sc := range seed.Contacts {
		got, err := c.FindContactByEmail(ctx, sc.Contact.Email)
		if err != nil {
			return nil, fmt.Errorf("find seeded contact %s: %w", sc.Contact.Email, err)
		}
		w.contacts[sc.Contact.ID] = got
	}
	for _, k := range allKinds() {
		if !k.Supported(w.caps) {
			continue
		}
		for key := range w.contacts {
			items, err := w.listAll(ctx, k, w.scope(key, true), connectors.MaxLimit)
			if err != nil {
				return nil, fmt.Errorf("list %s of %s: %w", k.Name(), key, err)
			}
			for _, e := range items {
				w.ids[k.Name()+"/"+e.Key] = e.ID
			}
		}
	}
	return w, nil
}

// scope is the Scope of a seeded contact.
func (w *world) scope(key string, withCompany bool) connectors.Scope {
	return connectors.Scope{ContactID: w.contacts[key].ID, WithCompany: withCompany}
}

// id returns the backend ID of a seeded item, or "" when it was never
// listed.
func (w *world) id(k kindOps, key string) string { return w.ids[k.Name()+"/"+key] }

// listAll walks every page of a list, stopping with an error when the
// connector returns more pages than it could possibly hold.
func (w *world) listAll(ctx context.Context, k kindOps, s connectors.Scope, limit int) ([]entry, error) {
	var all []entry
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 200 {
			return all, fmt.Errorf("more than 200 pages: the cursor never ends")
		}
		items, next, err := k.List(ctx, w.c, s, connectors.PageRequest{Limit: limit, Cursor: cursor})
		if err != nil {
			return all, err
		}
		if len(items) > (connectors.PageRequest{Limit: limit}).Size() {
			return all, fmt.Errorf("page of %d items for limit %d", len(items), limit)
		}
		all = append(all, items...)
		if next == "" {
			return all, nil
		}
		if next == cursor {
			return all, fmt.Errorf("next cursor repeats the current one")
		}
		cursor = next
	}
}

// contactKeys lists the seeded contacts' keys in seed order.
func (w *world) contactKeys() []string {
	keys := make([]string, len(w.seed.Contacts))
	for i, sc := range w.seed.Contacts {
		keys[i] = sc.Contact.ID
	}
	return keys
}

// open runs discover and reports failure; nil means the check must stop.
func open(r Reporter, c connectors.Connector, seed Seed) *world {
	r.Helper()
	w, err := discover(context.Background(), c, seed)
	if err != nil {
		r.Errorf("loading the seed back through the connector: %v", err)
		return nil
	}
	return w
}
