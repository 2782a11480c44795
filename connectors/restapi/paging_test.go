package restapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/restapi"
)

// taskList is n tasks, every third one another contact's, latest first.
func taskList(n int) []map[string]any {
	var out []map[string]any
	for i := range n {
		who := "c1"
		if i%3 == 2 {
			who = "c2"
		}
		out = append(out, map[string]any{"id": strconv.Itoa(i), "who": who, "title": fmt.Sprint("T", i),
			"start": time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n-i).Unix()})
	}
	return out
}

func taskOps(paging string) string {
	return `
  list_tasks:
    path: /tasks
    items: items
    paging: ` + paging + `
    owner: {contact: who}
    fields: &t {id: id, title: title, start: {path: start, format: unix}}
  get_task:
    path: /tasks/{id}
    owner: {contact: who}
    fields: *t
`
}

// pagedServer serves taskList(n) in the given style.
func pagedServer(t *testing.T, n int, style string) string {
	all := taskList(n)
	var base string
	srv := routes(t, map[string]http.HandlerFunc{"GET /tasks": func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		size, _ := strconv.Atoi(q.Get("size"))
		if size <= 0 {
			size = 4
		}
		if style == "none" {
			size = len(all)
		}
		from := 0
		switch style {
		case "page":
			p, _ := strconv.Atoi(q.Get("page"))
			from = (p - 1) * size
		case "offset", "link":
			from, _ = strconv.Atoi(q.Get("offset"))
		case "cursor":
			from, _ = strconv.Atoi(strings.TrimPrefix(q.Get("after"), "c"))
		}
		end := min(from+size, len(all))
		from = min(max(from, 0), end)
		doc := map[string]any{"items": all[from:end], "total": len(all), "more": end < len(all)}
		if end < len(all) {
			doc["next"] = fmt.Sprint("c", end)
			w.Header().Add("Link", fmt.Sprintf(`<%s/tasks?offset=%d&size=%d>; rel="next"`, base, end, size))
		}
		data, _ := json.Marshal(doc)
		body(200, string(data))(w, r)
	}})
	base = srv.URL
	return srv.URL
}

func walkTasks(t *testing.T, c *restapi.Connector, limit int) []string {
	t.Helper()
	var got []string
	cursor := ""
	for range 100 {
		p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{Limit: limit, Cursor: cursor})
		if err != nil {
			t.Fatalf("ListTasks: %v", err)
		}
		if len(p.Items) > limit {
			t.Fatalf("page of %d for limit %d", len(p.Items), limit)
		}
		for _, it := range p.Items {
			got = append(got, it.ID)
		}
		if cursor = p.Next; cursor == "" {
			return got
		}
	}
	t.Fatal("cursor never ends")
	return nil
}

func TestPagingStyles(t *testing.T) {
	const n = 11
	var want []string
	for _, it := range taskList(n) {
		if it["who"] == "c1" {
			want = append(want, it["id"].(string))
		}
	}
	styles := map[string]string{
		"page":       "{style: page, page_param: page, size_param: size}",
		"page total": "{style: page, page_param: page, size_param: size, total_path: total}",
		"offset":     "{style: offset, offset_param: offset, size_param: size}",
		"cursor":     "{style: cursor, cursor_param: after, cursor_path: next, size_param: size}",
		"has_more":   "{style: offset, offset_param: offset, size_param: size, has_more_path: more}",
		"link":       "{style: link, size_param: size}",
		"none":       "{style: none}",
		"capped":     "{style: offset, offset_param: offset, size_param: size, max_size: 2}",
	}
	for name, paging := range styles {
		style := strings.Fields(name)[0]
		if style == "has_more" || style == "capped" {
			style = "offset"
		}
		t.Run(name, func(t *testing.T) {
			u := pagedServer(t, n, style)
			c := newConnector(t, mappingWith(t, u, "", taskOps(paging)), restapi.Options{})
			for _, limit := range []int{1, 2, 3, 5, 100} {
				if got := walkTasks(t, c, limit); strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("limit %d: walked %v, want %v", limit, got, want)
				}
			}
		})
	}
}

// TestPagingHardBound serves a cursor that never ends and checks that a
// listing stops after max_pages backend pages.
func TestPagingHardBound(t *testing.T) {
	var calls atomic.Int64
	srv := routes(t, map[string]http.HandlerFunc{"GET /tasks": func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		item := fmt.Sprintf(`{"id":"%d","who":"c2","title":"x","start":1736159400}`, n)
		body(200, `{"items":[`+item+`],"next":"again`+strconv.FormatInt(n, 10)+`"}`)(w, r)
	}})
	c := newConnector(t, mappingWith(t, srv.URL, "", taskOps("{style: cursor, cursor_param: after, cursor_path: next, max_pages: 7}")), restapi.Options{})
	p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{})
	if err != nil || len(p.Items) != 0 || p.Next != "" {
		t.Errorf("ListTasks = %+v, %v; want an empty last page", p, err)
	}
	if n := calls.Load(); n != 7 {
		t.Errorf("%d backend pages fetched, want 7", n)
	}
}

// TestLinkToOtherHostRefused checks that a next link pointing elsewhere is
// never followed.
func TestLinkToOtherHostRefused(t *testing.T) {
	srv := routes(t, map[string]http.HandlerFunc{"GET /tasks": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", `<http://evil.example/tasks?offset=1>; rel="next"`)
		body(200, `{"items":[{"id":"1","who":"c1","title":"x","start":1736159400}]}`)(w, r)
	}})
	c := newConnector(t, mappingWith(t, srv.URL, "", taskOps("{style: link}")), restapi.Options{})
	// The listing looks one item ahead, so the foreign link is met while
	// the first page is made, or at the latest on the second.
	p, err := c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{Limit: 1})
	if err == nil {
		_, err = c.ListTasks(context.Background(), connectors.Scope{ContactID: "c1"}, connectors.PageRequest{Limit: 1, Cursor: p.Next})
	}
	var me *restapi.MappingError
	if !errors.As(err, &me) {
		t.Errorf("following a foreign link: %v, want a MappingError", err)
	}
}
