package restapi

import (
	"context"
	"errors"
	"strings"
	"sync"

	"clientgate/connectors"
)

// kept is an item that is shown, with its index in its backend page.
type kept[T any] struct {
	t   T
	idx int
}

// walk collects up to want items for a list from pos on, and looks for
// one more to know whether a following page exists: a page has a next
// cursor only when at least one more item will be shown, so a client
// never follows a "next" link to an empty page. Items that fail to map
// are dropped and logged; when nothing could be shown and an item failed,
// the failure is returned.
func walk[T any](ctx context.Context, c *Connector, name string, op *Operation, sc scope,
	pos position, want int, r resource[T]) (connectors.Page[T], error) {
	out := connectors.Page[T]{Items: []T{}}
	limit := op.Paging.maxPages()
	var firstErr error
	for pos.Pages < limit {
		pf, err := c.fetchPage(ctx, name, op, sc.vars(), pos)
		if err != nil {
			return connectors.Page[T]{}, err
		}
		from := min(pos.Skip, len(pf.items))
		got, itemErr, err := pickItems(ctx, c, r, name, op, sc, pf, from, want+1-len(out.Items))
		if err != nil {
			return connectors.Page[T]{}, err
		}
		if firstErr == nil {
			firstErr = itemErr
		}
		for _, k := range got {
			if len(out.Items) == want {
				out.Next = op.Paging.at(pos, from+k.idx).encode()
				return out, nil
			}
			out.Items = append(out.Items, k.t)
		}
		if pf.next == "" {
			return finish(out, firstErr)
		}
		pos = position{Pos: pf.next, Size: pos.Size, Pages: pos.Pages + 1}
	}
	c.met.truncated.WithLabelValues(name).Inc()
	c.log.WarnContext(ctx, "restapi: listing stopped at max_pages: later items of the CRM's list were not looked at",
		"op", name, "max_pages", limit, "items", len(out.Items))
	return finish(out, firstErr)
}

// finish returns the page, or the first item error when nothing mapped.
func finish[T any](out connectors.Page[T], firstErr error) (connectors.Page[T], error) {
	if len(out.Items) == 0 && firstErr != nil {
		return connectors.Page[T]{}, firstErr
	}
	return out, nil
}

// pickItems returns up to need shown items of a backend page from index
// from on, decoding in batches (sub-requests in parallel). itemErr is the
// first error of a dropped item; err is a failure that ends the listing.
func pickItems[T any](ctx context.Context, c *Connector, r resource[T], name string, op *Operation, sc scope,
	pf pageFetch, from, need int) (got []kept[T], itemErr, err error) {
	var cands []int
	owners := map[int]string{}
	for i := from; i < len(pf.items); i++ {
		if op.ReadEach {
			// Whose the item is shows once it is read.
			cands = append(cands, i)
			continue
		}
		owner := ownerOf(pf.items[i], op, sc)
		if owner == ownedByNobody {
			c.notOwned(ctx, name, op, itemLoc(pf.loc, i))
			continue
		}
		cands = append(cands, i)
		owners[i] = owner
	}
	for len(cands) > 0 && len(got) < need {
		n := min(need-len(got), len(cands))
		batch := cands[:n]
		cands = cands[n:]
		results := decodeBatch(ctx, c, r, name, op, sc, pf, batch, owners)
		for j, res := range results {
			switch {
			case res.err != nil && fatal(ctx, res.err):
				return nil, nil, res.err
			case res.err != nil:
				c.dropped(ctx, name, res.err)
				if itemErr == nil {
					itemErr = res.err
				}
			case res.notOwned != nil:
				c.notOwned(ctx, res.notOwned.name, res.notOwned.op, res.notOwned.loc)
			case res.ok:
				got = append(got, kept[T]{t: res.t, idx: batch[j] - from})
			}
		}
	}
	return got, itemErr, nil
}

type decoded[T any] struct {
	t   T
	ok  bool
	err error
	// notOwned is a read_each item that belongs to someone else.
	notOwned *eachItem
}

// decodeBatch decodes the items at idx, in parallel (bounded) when the
// operation has sub-requests.
func decodeBatch[T any](ctx context.Context, c *Connector, r resource[T], name string, op *Operation, sc scope,
	pf pageFetch, idx []int, owners map[int]string) []decoded[T] {
	out := make([]decoded[T], len(idx))
	one := func(j int) {
		i := idx[j]
		it := eachItem{name: name, op: op, raw: pf.items[i], loc: itemLoc(pf.loc, i), owner: owners[i]}
		if op.ReadEach {
			read, err := c.readEach(ctx, name, op, sc, pf.items[i], it.loc)
			if err != nil || read.owner == ownedByNobody {
				out[j] = decoded[T]{err: err, notOwned: ifNotOwned(read, err)}
				return
			}
			it = read
		}
		t, ok, err := r.item(ctx, c, it.name, it.op, sc, it.raw, it.loc, it.owner)
		out[j] = decoded[T]{t: t, ok: ok, err: err}
	}
	if (len(op.SubRequests) == 0 && !op.ReadEach) || len(idx) == 1 {
		for j := range idx {
			one(j)
		}
		return out
	}
	sem := make(chan struct{}, c.subLimit)
	var wg sync.WaitGroup
	for j := range idx {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			one(j)
		}()
	}
	wg.Wait()
	return out
}

// ifNotOwned returns the item when it was read and belongs to nobody in
// scope.
func ifNotOwned(it eachItem, err error) *eachItem {
	if err != nil {
		return nil
	}
	return &it
}

// fatal reports an error that must end a listing rather than drop one
// item: the caller gave up, or the CRM refused clientgate's credentials.
func fatal(ctx context.Context, err error) bool {
	var me *MappingError
	if errors.As(err, &me) {
		return ctx.Err() != nil
	}
	return ctx.Err() != nil || errors.Is(err, connectors.ErrBackendAuth) || errors.Is(err, connectors.ErrMisconfigured) ||
		errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// dropped logs, counts and traces an item that could not be mapped.
func (c *Connector) dropped(ctx context.Context, name string, err error) {
	reason := "mapping_error"
	var me *MappingError
	if errors.As(err, &me) && strings.HasPrefix(me.Field, "sub_requests.") {
		reason = "sub_request"
	}
	c.met.dropped.WithLabelValues(name, reason).Inc()
	traceFrom(ctx).dropped(name, err)
	c.log.WarnContext(ctx, "restapi: item dropped", "op", name, "error", err.Error())
}
