package jetpackcrm

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"

	"clientgate/connectors"
)

// lookupByID finds a contact by ID through the customers list, the only
// way with an API key: there is no by-ID endpoint.
//
// The list is ordered by ascending ID and IDs only grow, so the contact
// with ID t sits at position t - d, where d is how many contacts with a
// lower ID were deleted. A page whose first contact has ID f at position
// p tells that f - p were deleted before f: a lower bound on d when f < t,
// an upper bound when f > t. The first call asks for the page holding
// position t, which with no deletions holds the contact: one call. Each
// later page is chosen from the bounds learnt (halving towards the start
// when a page is past the end of the list), so a lookup costs a few calls
// and never more than MaxPages. If the order does not hold, the list is
// scanned from page 1.
func (c *Connector) lookupByID(ctx context.Context, contactID string) (object, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	target, err := strconv.ParseInt(contactID, 10, 64)
	notFound := fmt.Errorf("%w: jetpackcrm: contact %q", connectors.ErrNotFound, contactID)
	if err != nil || target <= 0 || strconv.FormatInt(target, 10) != contactID {
		return nil, notFound
	}
	size := int64(c.opts.PageSize)
	// lo is the last page seen to end before the target, hi the first page
	// seen past the end of the list, deleted a lower bound on d.
	lo, hi, deleted := int64(0), int64(math.MaxInt64), int64(0)
	for calls := 0; calls < c.opts.MaxPages; calls++ {
		n := ceilDiv(target-deleted, size)
		if n >= hi {
			n = lo + (hi-lo)/2
		}
		if n <= lo {
			return nil, notFound
		}
		page, err := c.customersPage(ctx, n)
		if err != nil {
			return nil, err
		}
		if o := findID(page, target); o != nil {
			return o, nil
		}
		first, last, sorted := idRange(page)
		switch {
		case len(page) == 0:
			hi = n
		case !sorted:
			return c.scanCustomers(ctx, 1, math.MaxInt64, target, notFound)
		case first > target:
			// Before this page, at or after position target - (first - p).
			from := ceilDiv(max(1, target-(first-((n-1)*size+1))), size)
			return c.scanCustomers(ctx, from, n-1, target, notFound)
		case last > target || len(page) < c.opts.PageSize:
			return nil, notFound
		default:
			lo, deleted = n, first-((n-1)*size+1)
		}
	}
	return nil, c.gaveUp(contactID)
}

// gaveUp is the error of a lookup cut short by MaxPages: the contact may
// exist further on.
func (c *Connector) gaveUp(contactID string) error {
	return fmt.Errorf("%w: jetpackcrm: contact %q not found within max_pages (%d) pages of customers; raise max_pages",
		connectors.ErrUnavailable, contactID, c.opts.MaxPages)
}

// tooManyPages is the error of a paging loop cut short by MaxPages: the
// answer would be incomplete.
func (c *Connector) tooManyPages(endpoint string) error {
	return fmt.Errorf("%w: jetpackcrm: %s has more than max_pages (%d) pages of %d; raise max_pages or page_size",
		connectors.ErrUnavailable, endpoint, c.opts.MaxPages, c.opts.PageSize)
}

func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }

// scanCustomers reads customers pages from..to (at most MaxPages of them)
// until the contact is found or cannot be further on.
func (c *Connector) scanCustomers(ctx context.Context, from, to, target int64, notFound error) (object, error) {
	last := min(to, from+int64(c.opts.MaxPages)-1)
	for n := from; n <= last; n++ {
		page, err := c.customersPage(ctx, n)
		if err != nil {
			return nil, err
		}
		if o := findID(page, target); o != nil {
			return o, nil
		}
		first, _, sorted := idRange(page)
		if len(page) < c.opts.PageSize || (sorted && first > target) {
			return nil, notFound
		}
	}
	if last < to {
		return nil, c.gaveUp(strconv.FormatInt(target, 10))
	}
	return nil, notFound
}

// customersPage reads one page of the customers list, without attached
// items. customers takes its arguments from a JSON body only.
func (c *Connector) customersPage(ctx context.Context, page int64) ([]object, error) {
	body, err := c.post(ctx, "customers", map[string]any{"perpage": c.opts.PageSize, "page": page})
	if err != nil {
		return nil, err
	}
	items, err := decodeList("customers", body)
	for _, o := range items {
		c.emails.put(o.id(), o.text("email"))
	}
	return items, err
}

func findID(page []object, target int64) object {
	for _, o := range page {
		if n, ok := o.num("id"); ok && n == target {
			return o
		}
	}
	return nil
}

// idRange returns the first and last ID of a page and whether the IDs
// strictly ascend.
func idRange(page []object) (first, last int64, sorted bool) {
	sorted = true
	for i, o := range page {
		n, ok := o.num("id")
		if !ok || (i > 0 && n <= last) {
			sorted = false
		}
		if i == 0 {
			first = n
		}
		last = n
	}
	return first, last, sorted
}

func isNotFound(err error) bool { return errors.Is(err, connectors.ErrNotFound) }
