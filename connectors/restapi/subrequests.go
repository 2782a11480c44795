package restapi

import (
	"context"
	"errors"
	"fmt"

	"github.com/expr-lang/expr/vm"
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
// the other in the order their needs impose (items run in parallel),
// with {id} the item's ID. A failure other than the caller giving up or
// bad credentials is a *MappingError naming the sub-request, so that the
// item is dropped.
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
	env := exprEnv{Sub: out.values, Now: c.now}
	env.Item, _ = item.Value().(map[string]any)
	order, err := subRequestOrder(op.SubRequests)
	if err != nil {
		return out, &MappingError{Op: name, Item: id, Field: "sub_requests", Location: loc, Problem: err.Error()}
	}
	for _, sub := range order {
		res, sent, err := c.subRequest(ctx, name, op.SubRequests[sub], vars, env)
		if sent {
			c.met.subRequests.WithLabelValues(name, outcome(err)).Inc()
			traceFrom(ctx).subRequest(name)
		}
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

// subRequest sends one sub-request, unless its condition is false, and
// returns the part of its answer the mapping keeps. sent reports whether
// a request went out.
func (c *Connector) subRequest(ctx context.Context, name string, s *SubRequest, vars map[string]string, env exprEnv) (res gjson.Result, sent bool, err error) {
	if !safeID(vars["id"]) {
		return gjson.Result{}, false, errors.New("the item has no usable id")
	}
	if s.whenProg != nil {
		send, err := subCondition(s.whenProg, env)
		if err != nil || !send {
			return gjson.Parse("[]"), false, err
		}
	}
	op := &Operation{Method: s.Method, Path: s.Path, Query: s.Query, Body: s.Body, bodyProgs: s.bodyProgs}
	a, err := c.do(ctx, call{name: name + " sub-request", op: op, vars: vars, env: env})
	if s.EmptyOn404 && errors.Is(err, connectors.ErrNotFound) {
		return gjson.Parse("[]"), true, nil
	}
	if err != nil {
		return gjson.Result{}, true, err
	}
	if s.Items == "" {
		return a.doc, true, nil
	}
	return a.doc.Get(s.Items), true, nil
}

// subCondition evaluates a sub-request's when.
func subCondition(prog *vm.Program, env exprEnv) (bool, error) {
	out, err := runExpr(prog, env)
	if err != nil {
		return false, fmt.Errorf("when: %w", err)
	}
	b, ok := out.(bool)
	if !ok {
		return false, fmt.Errorf("when gave %s, not true or false", describe(out))
	}
	return b, nil
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
