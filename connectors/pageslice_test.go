package connectors

import (
	"errors"
	"testing"
)

func TestPageSliceWalksEveryItemOnce(t *testing.T) {
	items := []int{1, 2, 3, 4, 5}
	var got []int
	p := PageRequest{Limit: 2}
	for pages := 0; ; pages++ {
		if pages > len(items) {
			t.Fatal("paging does not end")
		}
		page, err := PageSlice(items, p)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.Items...)
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	if len(got) != len(items) {
		t.Fatalf("walked %v", got)
	}
	for i := range items {
		if got[i] != items[i] {
			t.Fatalf("walked %v", got)
		}
	}
}

func TestPageSliceEmptyAndBadCursors(t *testing.T) {
	page, err := PageSlice([]string(nil), PageRequest{})
	if err != nil || page.Items == nil || len(page.Items) != 0 || page.Next != "" {
		t.Fatalf("empty list: %#v, %v", page, err)
	}
	for _, c := range []string{"garbage", "bzE6LTE", "bzE6MDA", "eDE6Mg", "%%%"} {
		if _, err := PageSlice([]int{1, 2, 3}, PageRequest{Cursor: c}); !errors.Is(err, ErrInvalid) {
			t.Errorf("cursor %q: err = %v, want ErrInvalid", c, err)
		}
	}
}
