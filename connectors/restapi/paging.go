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
	cl := call{name: name, op: op, vars: pagingVars(pg, vars, pos), extra: url.Values{}, list: true}
	style := pg.style()
	if style != PagingNone && pg.SizeParam != "" {
		cl.extra.Set(pg.SizeParam, strconv.Itoa(pos.Size))
	}
	switch {
	case style == PagingPage && pg.PageParam != "":
		cl.extra.Set(pg.PageParam, pos.Pos)
	case style == PagingOffset && pg.OffsetParam != "":
		cl.extra.Set(pg.OffsetParam, pos.Pos)
	case style == PagingCursor && pos.Pos != "" && pg.CursorParam != "":
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
	traceFrom(ctx).rawItems(name, len(items))
	next, err := nextPos(name, pg, a, pos, len(items))
	return pageFetch{items: items, loc: op.Items, next: next}, err
}

// pagingVars adds the position of the page to fetch to vars, for
// mappings that send it in the body or in a query template: {size}, and
// {page}, {offset} or {cursor} by paging style ({cursor} is empty for
// the first page).
func pagingVars(pg *Paging, vars map[string]string, pos position) map[string]string {
	out := make(map[string]string, len(vars)+2)
	for k, v := range vars {
		out[k] = v
	}
	style := pg.style()
	if style == PagingNone {
		return out
	}
	out["size"] = strconv.Itoa(pos.Size)
	switch style {
	case PagingPage:
		out["page"] = pos.Pos
	case PagingOffset:
		out["offset"] = pos.Pos
	case PagingCursor:
		out["cursor"] = pos.Pos
	}
	return out
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
