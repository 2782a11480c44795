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

// item decodes one item of an operation's answer within sc. ok is false
// for an item that is hidden or owned by someone else; foreign is called
// for the latter.
func (r resource[T]) item(c *Connector, name string, op *Operation, sc scope, raw gjson.Result, loc string, foreign func()) (T, bool, error) {
	var zero T
	owner := ownerOf(raw, op.Owner, sc)
	if owner == ownedByNobody {
		foreign()
		return zero, false, nil
	}
	t, cur, err := decode(c.reader(name), r.schema, op.Fields, raw, loc)
	if err != nil {
		return zero, false, err
	}
	if op.Lines != nil && r.lines != nil {
		lines, err := decodeLines(c.reader(name), op.Lines, raw, loc, cur)
		if err != nil {
			return zero, false, err
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
	sc, err := c.resolve(ctx, s)
	if err != nil {
		return connectors.Page[T]{}, err
	}
	pos := position{Pos: op.Paging.firstPos(), Size: op.Paging.size(p.Size())}
	if p.Cursor != "" {
		if pos, err = decodePosition(p.Cursor, op.Paging); err != nil {
			return connectors.Page[T]{}, err
		}
	}
	return walk(ctx, c, name, op, sc.vars(), pos, p.Size(), func(raw gjson.Result, loc string) (T, bool, error) {
		return r.item(c, name, op, sc, raw, loc, func() { c.notOwned(name, op.Owner, loc) })
	})
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
	sc, err := c.resolve(ctx, s)
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
	t, ok, err := r.item(c, name, op, sc, raw, op.Item, func() {
		c.log.InfoContext(ctx, "restapi: item asked for by a contact it does not belong to", "op", name)
	})
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
