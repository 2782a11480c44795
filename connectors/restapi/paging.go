package restapi

import (
	"context"
	"errors"
	"net/url"
	"strconv"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// pageFetch is one backend page.
type pageFetch struct {
	items []gjson.Result
	loc   string // location of the items array
	next  string // position of the following page, "" when none
}

// fetchPage fetches the backend page at pos and works out the next one.
func (c *Connector) fetchPage(ctx context.Context, name string, op *Operation, vars map[string]string, pos position) (pageFetch, error) {
	pg := op.Paging
	cl := call{name: name, op: op, vars: vars, extra: url.Values{}}
	style := pg.style()
	if style != PagingNone && pg.SizeParam != "" {
		cl.extra.Set(pg.SizeParam, strconv.Itoa(pos.Size))
	}
	switch {
	case style == PagingPage:
		cl.extra.Set(pg.PageParam, pos.Pos)
	case style == PagingOffset:
		cl.extra.Set(pg.OffsetParam, pos.Pos)
	case style == PagingCursor && pos.Pos != "":
		cl.extra.Set(pg.CursorParam, pos.Pos)
	case style == PagingLink && pos.Pos != "":
		next, err := c.sameEndpoint(name, cl, pos.Pos)
		if err != nil {
			return pageFetch{}, err
		}
		cl.next = next
	}
	a, err := c.do(ctx, cl)
	if op.EmptyOn404 && errors.Is(err, connectors.ErrNotFound) {
		return pageFetch{items: nil, loc: op.Items}, nil
	}
	if err != nil {
		return pageFetch{}, err
	}
	items, err := itemsOf(name, a.doc, op.Items)
	if err != nil {
		return pageFetch{}, err
	}
	next, err := nextPos(name, pg, a, pos, len(items))
	return pageFetch{items: items, loc: op.Items, next: next}, err
}

// nextPos applies the style's stop rules and returns the position of the
// following page, or "" when this one is the last.
func nextPos(name string, pg *Paging, a answer, pos position, n int) (string, error) {
	style := pg.style()
	if style == PagingNone || n == 0 {
		return "", nil
	}
	if pg.HasMorePath != "" && !a.doc.Get(pg.HasMorePath).Bool() {
		return "", nil
	}
	switch style {
	case PagingPage, PagingOffset:
		at, _ := strconv.Atoi(pos.Pos)
		seen := at + n
		if style == PagingPage {
			seen = (at - pg.firstPage() + 1) * pos.Size
		}
		if pg.TotalPath != "" {
			if total := a.doc.Get(pg.TotalPath); total.Exists() && int(total.Int()) <= seen {
				return "", nil
			}
		}
		if n < pos.Size && pg.HasMorePath == "" {
			return "", nil
		}
		if style == PagingPage {
			return strconv.Itoa(at + 1), nil
		}
		return strconv.Itoa(seen), nil
	case PagingCursor:
		next := a.doc.Get(pg.CursorPath)
		text, _ := scalarText(next)
		if text == "" || text == pos.Pos {
			return "", nil
		}
		if len(text) > maxCursorBytes/2 {
			return "", &MappingError{Op: name, Location: pg.CursorPath, Problem: "the next cursor is too long"}
		}
		return text, nil
	}
	next := nextLink(a.header)
	if len(next) > maxCursorBytes/2 {
		return "", &MappingError{Op: name, Location: "Link header", Problem: "the next page link is too long"}
	}
	return next, nil
}

func (pg *Paging) firstPage() int {
	if pg.FirstPage != nil {
		return *pg.FirstPage
	}
	return 1
}

// sameEndpoint parses a next-page URL and checks that it points at the
// same host and path as the operation itself, so that neither a CRM nor a
// forged cursor can send clientgate's credentials elsewhere.
func (c *Connector) sameEndpoint(name string, cl call, raw string) (*url.URL, error) {
	want, err := c.target(call{name: name, op: cl.op, vars: cl.vars})
	if err != nil {
		return nil, err
	}
	next, err := want.Parse(raw)
	if err != nil || next.Scheme != want.Scheme || next.Host != want.Host || next.Path != want.Path {
		return nil, &MappingError{Op: name, Location: "Link header", Problem: "the next page link points at another endpoint"}
	}
	return next, nil
}

// walk collects up to want items for a list, fetching backend pages from
// pos on. keep decodes and filters one item (false drops it).
func walk[T any](ctx context.Context, c *Connector, name string, op *Operation, vars map[string]string,
	pos position, want int, keep func(gjson.Result, string) (T, bool, error)) (connectors.Page[T], error) {
	out := connectors.Page[T]{Items: []T{}}
	limit := op.Paging.maxPages()
	for pos.Pages < limit {
		pf, err := c.fetchPage(ctx, name, op, vars, pos)
		if err != nil {
			return connectors.Page[T]{}, err
		}
		i := pos.Skip
		for ; i < len(pf.items) && len(out.Items) < want; i++ {
			t, ok, err := keep(pf.items[i], itemLoc(pf.loc, i))
			if err != nil {
				return connectors.Page[T]{}, err
			}
			if ok {
				out.Items = append(out.Items, t)
			}
		}
		if i < len(pf.items) {
			pos.Skip = i
			out.Next = pos.encode()
			return out, nil
		}
		pos = position{Pos: pf.next, Size: pos.Size, Pages: pos.Pages + 1}
		if pf.next == "" {
			return out, nil
		}
		if len(out.Items) >= want {
			if pos.Pages < limit {
				out.Next = pos.encode()
			}
			return out, nil
		}
	}
	c.log.WarnContext(ctx, "restapi: listing stopped at the page limit", "op", name, "max_pages", limit)
	return out, nil
}
