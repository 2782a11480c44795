package restapi

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"

	"clientgate/connectors"
)

// maxCursorBytes bounds a portal cursor.
const maxCursorBytes = 4096

// position is where a listing stands in the backend's paging, carried in
// the portal's opaque cursor.
type position struct {
	// Pos is the backend page: a page number, an offset, a backend cursor
	// or a next-page URL; "" for the first page.
	Pos string `json:"p,omitempty"`
	// Skip counts the items of that page already returned.
	Skip int `json:"k,omitempty"`
	// Size is the page size asked of the backend.
	Size int `json:"s"`
	// Pages counts backend pages walked, for the hard bound.
	Pages int `json:"n,omitempty"`
}

func (p position) encode() string {
	data, _ := json.Marshal(p)
	return base64.RawURLEncoding.EncodeToString(data)
}

// decodePosition reads a portal cursor, rejecting anything that is not
// one this paging style made.
func decodePosition(cursor string, pg *Paging) (position, error) {
	bad := func(why string) (position, error) {
		return position{}, fmt.Errorf("%w: restapi: bad cursor: %s", connectors.ErrInvalid, why)
	}
	if len(cursor) > maxCursorBytes {
		return bad("too long")
	}
	data, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return bad("not base64")
	}
	var p position
	if err := json.Unmarshal(data, &p); err != nil {
		return bad("not a cursor")
	}
	if p.Skip < 0 || p.Size < 1 || p.Size > connectors.MaxLimit+1 || p.Pages < 0 || p.Pages > pg.maxPages() {
		return bad("out of range")
	}
	switch pg.style() {
	case PagingPage, PagingOffset:
		if n, err := strconv.Atoi(p.Pos); err != nil || n < 0 {
			return bad("not a page")
		}
	case PagingNone:
		if p.Pos != "" {
			return bad("not a page")
		}
	}
	return p, nil
}

// style returns the paging style, none when unset.
func (pg *Paging) style() string {
	if pg == nil || pg.Style == "" {
		return PagingNone
	}
	return pg.Style
}

func (pg *Paging) maxPages() int {
	if pg == nil || pg.MaxPages == 0 {
		return DefaultMaxPages
	}
	return pg.MaxPages
}

// firstPos is the position of the first backend page.
func (pg *Paging) firstPos() string {
	switch pg.style() {
	case PagingPage:
		if pg.FirstPage != nil {
			return strconv.Itoa(*pg.FirstPage)
		}
		return "1"
	case PagingOffset:
		return "0"
	}
	return ""
}

// size is the page size to ask the backend for.
func (pg *Paging) size(want int) int {
	if pg != nil && pg.MaxSize > 0 && want > pg.MaxSize {
		return pg.MaxSize
	}
	return want
}

// at is the position of item idx of the backend page at pos: for offset
// paging the exact offset of that item, so that the next request starts
// there; for other styles that page with idx items skipped.
func (pg *Paging) at(pos position, idx int) position {
	if pg.style() == PagingOffset {
		off, _ := strconv.Atoi(pos.Pos)
		return position{Pos: strconv.Itoa(off + idx), Size: pos.Size, Pages: pos.Pages}
	}
	return position{Pos: pos.Pos, Skip: idx, Size: pos.Size, Pages: pos.Pages}
}
