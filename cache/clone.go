package cache

import (
	"slices"

	"clientgate/connectors"
)

// Cached values are shared by every caller; slices inside them are copied
// on the way out so that no caller can change what the cache, or another
// caller, holds.

func cloneInvoice(i connectors.Invoice) connectors.Invoice {
	i.Lines = slices.Clone(i.Lines)
	return i
}

func cloneQuote(q connectors.Quote) connectors.Quote {
	q.Lines = slices.Clone(q.Lines)
	return q
}

// clonePage returns a function copying a page's items, each through each
// when it is not nil.
func clonePage[T any](each func(T) T) func(connectors.Page[T]) connectors.Page[T] {
	return func(p connectors.Page[T]) connectors.Page[T] {
		if p.Items == nil {
			return p
		}
		items := make([]T, len(p.Items))
		for i, it := range p.Items {
			if each != nil {
				it = each(it)
			}
			items[i] = it
		}
		p.Items = items
		return p
	}
}
