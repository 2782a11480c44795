package restapi

import (
	"context"
	"errors"
	"fmt"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// eachPairs names the get operation that reads the items of a list
// operation with read_each.
var eachPairs = map[string]string{
	opListInvoices: opGetInvoice,
	opListQuotes:   opGetQuote,
	opListTasks:    opGetTask,
}

// getOp returns the get operation of the list operation name.
func (m *Mapping) getOp(name string) (string, *Operation) {
	o := &m.Operations
	get := eachPairs[name]
	switch get {
	case opGetInvoice:
		return get, o.GetInvoice
	case opGetQuote:
		return get, o.GetQuote
	case opGetTask:
		return get, o.GetTask
	}
	return "", nil
}

// ownerOp returns the operation whose owner and belongs_to apply to the
// items of the list operation name: the get operation with read_each.
func (c *Connector) ownerOp(name string, op *Operation) *Operation {
	if op.ReadEach {
		if _, get := c.m.getOp(name); get != nil {
			return get
		}
	}
	return op
}

// eachItem is an item of a read_each list as its get operation read it.
type eachItem struct {
	name  string
	op    *Operation
	raw   gjson.Result
	loc   string
	owner string
}

// readEach reads the listed item found with the list's get operation
// and checks whose it is. A failure is a *MappingError naming the item,
// so that only that item is dropped, unless it must end the listing.
func (c *Connector) readEach(ctx context.Context, name string, op *Operation, sc scope, found gjson.Result, loc string) (eachItem, error) {
	getName, get := c.m.getOp(name)
	id, _ := scalarText(found.Get(op.Fields["id"].Path))
	fail := func(problem string) (eachItem, error) {
		return eachItem{}, &MappingError{Op: name, Item: id, Field: "read_each", Location: loc, Problem: problem}
	}
	if !safeID(id) {
		return fail("the listed item has no usable id")
	}
	vars := sc.vars()
	vars["id"] = id
	a, err := c.do(ctx, call{name: getName, op: get, vars: vars})
	c.met.subRequests.WithLabelValues(name, outcome(err)).Inc()
	traceFrom(ctx).subRequest(name)
	switch {
	case err != nil && fatal(ctx, err):
		return eachItem{}, err
	case errors.Is(err, connectors.ErrNotFound):
		return fail("the listed item could not be read with " + getName + ": not found")
	case err != nil:
		return fail(fmt.Sprintf("reading it with %s failed: %v", getName, err))
	}
	raw, err := itemOf(getName, a.doc, get.Item)
	if err != nil {
		return fail(err.Error())
	}
	if got, _ := scalarText(raw.Get(get.Fields["id"].Path)); got != id {
		return fail(getName + " answered a different item than the one listed")
	}
	return eachItem{name: getName, op: get, raw: raw, loc: get.Item, owner: ownerOf(raw, get, sc)}, nil
}
