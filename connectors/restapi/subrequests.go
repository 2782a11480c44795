package restapi

import (
	"context"
	"errors"
	"fmt"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// subAnswers are the sub-request answers of one item.
type subAnswers struct {
	values map[string]any          // for expressions
	raw    map[string]gjson.Result // for lines
}

// base returns the answer of sub-request name, or the item itself when
// name is "".
func (s subAnswers) base(name string, item gjson.Result) gjson.Result {
	if name == "" {
		return item
	}
	return s.raw[name]
}

// linesLoc is where an operation's lines are, for errors.
func linesLoc(l *Lines, loc string) string {
	if l.From != "" {
		return "sub_requests." + l.From
	}
	return loc
}

// subRequests sends the operation's sub-requests for one item, one after
// the other (items run in parallel), with {id} the item's ID. A failure
// other than the caller giving up or bad credentials is a *MappingError
// naming the sub-request, so that the item is dropped.
func (c *Connector) subRequests(ctx context.Context, name string, op *Operation, sc scope, item gjson.Result, loc string) (subAnswers, error) {
	out := subAnswers{values: map[string]any{}, raw: map[string]gjson.Result{}}
	if len(op.SubRequests) == 0 {
		return out, nil
	}
	id := ""
	if f := op.Fields["id"]; f != nil && f.Path != "" {
		id, _ = scalarText(item.Get(f.Path))
	}
	vars := sc.vars()
	vars["id"] = id
	for _, sub := range sortedKeys(op.SubRequests) {
		res, err := c.subRequest(ctx, name, op.SubRequests[sub], vars)
		c.met.subRequests.WithLabelValues(name, outcome(err)).Inc()
		traceFrom(ctx).subRequest(name)
		if err != nil {
			if fatal(ctx, err) {
				return out, err
			}
			return out, &MappingError{Op: name, Item: id, Field: "sub_requests." + sub, Location: loc,
				Problem: fmt.Sprintf("the sub-request failed: %v", err)}
		}
		out.raw[sub] = res
		out.values[sub] = res.Value()
	}
	return out, nil
}

// subRequest sends one sub-request and returns the part of its answer
// the mapping keeps.
func (c *Connector) subRequest(ctx context.Context, name string, s *SubRequest, vars map[string]string) (gjson.Result, error) {
	if !safeID(vars["id"]) {
		return gjson.Result{}, errors.New("the item has no usable id")
	}
	op := &Operation{Path: s.Path, Query: s.Query}
	a, err := c.do(ctx, call{name: name + " sub-request", op: op, vars: vars})
	if s.EmptyOn404 && errors.Is(err, connectors.ErrNotFound) {
		return gjson.Parse("[]"), nil
	}
	if err != nil {
		return gjson.Result{}, err
	}
	if s.Items == "" {
		return a.doc, nil
	}
	return a.doc.Get(s.Items), nil
}

// outcome names an error for the sub-request metric.
func outcome(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, connectors.ErrNotFound):
		return "not_found"
	case errors.Is(err, connectors.ErrBackendAuth):
		return "backend_auth"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "canceled"
	}
	return "error"
}
