package restapi

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
)

func TestExpandEscapes(t *testing.T) {
	vars := map[string]string{"id": "a/../b c?d#e", "email": "x+y@example.com"}
	got := expand("/items/{id}/by/{email}", vars, url.PathEscape)
	if want := "/items/a%2F..%2Fb%20c%3Fd%23e/by/x+y@example.com"; got != want {
		t.Errorf("expand = %q, want %q", got, want)
	}
}

func TestExpandBodyOmitsUnpatched(t *testing.T) {
	tpl := map[string]any{"data": map[string]any{
		"first": "{first_name}", "last": "{last_name}", "note": "by {first_name}", "n": 3,
		"list": []any{"{first_name}", "{last_name}"},
	}}
	vars := map[string]string{"first_name": `Zoë "Z"`}
	out, _ := expandBody(tpl, vars, func(name string) bool { _, ok := vars[name]; return !ok })
	data, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"data":{"first":"Zoë \"Z\"","list":["Zoë \"Z\""],"n":3,"note":"by Zoë \"Z\""}}`
	if string(data) != want {
		t.Errorf("body = %s, want %s", data, want)
	}
}

func TestSafeID(t *testing.T) {
	for id, want := range map[string]bool{"42": true, "ct_1": true, "": false, ".": false, "..": false,
		"a\x00": false, string(make([]byte, 300)): false, "../1": true} {
		if safeID(id) != want {
			t.Errorf("safeID(%q) = %v", id, !want)
		}
	}
}

func TestNextLink(t *testing.T) {
	tests := map[string]string{
		`<https://x/a?page=2>; rel="next", <https://x/a?page=9>; rel="last"`: "https://x/a?page=2",
		`<https://x/a?page=1>; rel="prev", <https://x/a?page=3>; rel="next"`: "https://x/a?page=3",
		`<https://x/a?p=2>; rel="next last"`:                                 "https://x/a?p=2",
		`<https://x/a?p=2>; REL=next`:                                        "https://x/a?p=2",
		`<https://x/a?p=2>; rel="last"`:                                      "",
		`garbage`:                                                            "",
		`<unclosed; rel="next"`:                                              "",
	}
	for header, want := range tests {
		h := http.Header{"Link": {header}}
		if got := nextLink(h); got != want {
			t.Errorf("nextLink(%q) = %q, want %q", header, got, want)
		}
	}
}

func TestDecodePositionRejectsForgeries(t *testing.T) {
	page := &Paging{Style: PagingPage, PageParam: "p", SizeParam: "n"}
	good := position{Pos: "3", Skip: 1, Size: 20, Pages: 2}
	if got, err := decodePosition(good.encode(), page); err != nil || got != good {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	for _, p := range []position{{Pos: "x", Size: 5}, {Pos: "1", Size: 0}, {Pos: "1", Size: 102},
		{Pos: "1", Size: 5, Skip: -1}, {Pos: "1", Size: 5, Pages: 1000}, {Pos: "-2", Size: 5}} {
		if _, err := decodePosition(p.encode(), page); err == nil {
			t.Errorf("decodePosition accepted %+v", p)
		}
	}
	for _, c := range []string{"!!", "e30", "bm90IGpzb24", string(make([]byte, 5000))} {
		if _, err := decodePosition(c, page); err == nil {
			t.Errorf("decodePosition accepted %q", c)
		}
	}
}
