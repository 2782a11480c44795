package restapi

import (
	"context"
	"fmt"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// resource describes how the connector handles one item type.
type resource[T any] struct {
	schema schema[T]
	// hidden reports items never shown to clients (drafts).
	hidden func(*T) bool
	// company marks an item as the company's; nil for types without.
	company func(*T, string)
	// lines stores line items; nil for types without.
	lines func(*T, []connectors.LineItem)
	// id returns the item's ID.
	id func(*T) string
}

// item decodes one item that passed the ownership check, fetching its
// sub-requests first. ok is false for a hidden item.
func (r resource[T]) item(ctx context.Context, c *Connector, name string, op *Operation, sc scope, raw gjson.Result, loc, owner string) (T, bool, error) {
	var zero T
	rd := c.reader(ctx, name)
	subs, err := c.subRequests(ctx, name, op, sc, raw, loc)
	if err != nil {
		return zero, false, err
	}
	rd.subs = subs.values
	t, cur, err := decode(rd, r.schema, op.Fields, raw, loc)
	if err != nil {
		return zero, false, withItem(err, op, raw)
	}
	if op.Lines != nil && r.lines != nil {
		lines, err := decodeLines(rd, op.Lines, subs.base(op.Lines.From, raw), linesLoc(op.Lines, loc), cur)
		if err != nil {
			return zero, false, withItem(err, op, raw)
		}
		r.lines(&t, lines)
	}
	if owner == ownedByCompany && r.company != nil {
		r.company(&t, sc.companyID)
	}
	if r.hidden != nil && r.hidden(&t) {
		return zero, false, nil
	}
	return t, true, nil
}

// list returns one portal page of a list operation.
func list[T any](ctx context.Context, c *Connector, r resource[T], name string, op *Operation, s connectors.Scope, p connectors.PageRequest) (connectors.Page[T], error) {
	if op == nil {
		return connectors.Page[T]{}, unsupported(name)
	}
	owners := c.ownerOp(name, op)
	sc, err := c.resolve(ctx, s, owners)
	if err != nil {
		return connectors.Page[T]{}, err
	}
	pos := position{Pos: op.Paging.firstPos(), Size: op.Paging.size(p.Size() + 1)}
	if p.Cursor != "" {
		if pos, err = decodePosition(p.Cursor, op.Paging); err != nil {
			return connectors.Page[T]{}, err
		}
	}
	if owners.belongsTo() == BelongsToCompany && sc.companyID == "" {
		// Only the company's items are listed here, and this scope
		// does not include them.
		return connectors.Page[T]{Items: []T{}}, nil
	}
	return walk(ctx, c, name, op, sc, pos, p.Size(), r)
}

// get returns one item of a get operation within the scope.
func get[T any](ctx context.Context, c *Connector, r resource[T], name string, op *Operation, s connectors.Scope, id string) (T, error) {
	var zero T
	if op == nil {
		return zero, unsupported(name)
	}
	if !safeID(id) {
		return zero, fmt.Errorf("%w: restapi: bad id", connectors.ErrNotFound)
	}
	sc, err := c.resolve(ctx, s, op)
	if err != nil {
		return zero, err
	}
	vars := sc.vars()
	vars["id"] = id
	a, err := c.do(ctx, call{name: name, op: op, vars: vars})
	if err != nil {
		return zero, err
	}
	raw, err := itemOf(name, a.doc, op.Item)
	if err != nil {
		return zero, err
	}
	owner := ownerOf(raw, op, sc)
	if owner == ownedByNobody {
		c.log.InfoContext(ctx, "restapi: item asked for by a contact it does not belong to", "op", name)
		return zero, fmt.Errorf("%w: restapi: %s %s", connectors.ErrNotFound, name, id)
	}
	t, ok, err := r.item(ctx, c, name, op, sc, raw, op.Item, owner)
	switch {
	case err != nil:
		return zero, err
	case !ok:
		return zero, fmt.Errorf("%w: restapi: %s %s", connectors.ErrNotFound, name, id)
	case r.id(&t) != id:
		return zero, &MappingError{Op: name, Field: "id", Location: joinPath(op.Item, op.Fields["id"].Path),
			Problem: "the answer is a different item than the one asked for"}
	}
	return t, nil
}

// withItem adds the item's ID, when readable, to a mapping error.
func withItem(err error, op *Operation, raw gjson.Result) error {
	me, ok := err.(*MappingError)
	if !ok || me.Item != "" {
		return err
	}
	if f := op.Fields["id"]; f != nil && f.Path != "" {
		if id, e := scalarText(raw.Get(f.Path)); e == nil {
			cp := *me
			cp.Item = id
			return &cp
		}
	}
	return err
}
