package jetpacktest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

const defaultPerPage = 10

// phpInt is PHP's (int) cast of a string: leading digits, else 0.
func phpInt(s string) int {
	s = strings.TrimSpace(s)
	sign, n := 1, 0
	if strings.HasPrefix(s, "-") {
		sign, s = -1, s[1:]
	}
	for _, r := range s {
		if r < '0' || r > '9' || n > 1e8 {
			break
		}
		n = n*10 + int(r-'0')
	}
	return sign * n
}

// queryPaging reads page and perpage from a GET query: negative values
// fall back to the defaults, perpage 0 (or non-numeric) gives nothing.
func queryPaging(q url.Values) (page, perpage int) {
	page, perpage = phpInt(q.Get("page")), defaultPerPage
	if q.Has("perpage") {
		perpage = phpInt(q.Get("perpage"))
	}
	if perpage < 0 {
		perpage = defaultPerPage
	}
	return max(page, 0), perpage
}

// window returns the slice bounds of a 1-based page (page 0 is page 1).
func window(n, page, perpage int) (lo, hi int) {
	if perpage <= 0 {
		return 0, 0
	}
	lo = min((max(page, 1)-1)*perpage, n)
	return lo, min(lo+perpage, n)
}

// bodyArgs reads a JSON body; an empty or invalid body means defaults.
func bodyArgs(r *http.Request) map[string]any {
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var args map[string]any
	if json.Unmarshal(raw, &args) != nil || args == nil {
		return map[string]any{}
	}
	return args
}

// bodyPaging reads page and perpage from a JSON body: {"perpage":-1,
// "page":-1} removes the limit, another negative perpage gives nothing.
func bodyPaging(args map[string]any) (page, perpage int, all bool) {
	page, perpage = intArg(args, "page", 0), intArg(args, "perpage", defaultPerPage)
	if perpage == -1 && page == -1 {
		return 0, 0, true
	}
	return max(page, 0), perpage, false
}

func intArg(args map[string]any, key string, def int) int {
	switch v := args[key].(type) {
	case float64:
		return int(v)
	case string:
		return phpInt(v)
	}
	return def
}

// stringTrue reports whether a flag is the string "true": JSON true is
// ignored by the plugin.
func stringTrue(args map[string]any, key string) bool { return args[key] == "true" }

// list serves invoices, quotes, transactions and events: ascending by ID,
// but quotes descending. Only the requested page is rendered.
func (s *Server) list(w http.ResponseWriter, r *http.Request, endpoint string) {
	page, perpage := queryPaging(r.URL.Query())
	var render []func() any
	switch endpoint {
	case "invoices":
		for _, inv := range s.invoices {
			render = append(render, func() any { return renderInvoice(inv) })
		}
	case "quotes":
		for _, q := range slices.Backward(s.quotes) {
			render = append(render, func() any { return renderQuote(q, false) })
		}
	case "transactions":
		for _, t := range s.transactions {
			render = append(render, func() any { return renderTransaction(t) })
		}
	case "events":
		for _, e := range s.events {
			render = append(render, func() any { return s.renderEvent(e) })
		}
	}
	lo, hi := window(len(render), page, perpage)
	out := []any{}
	for _, f := range render[lo:hi] {
		out = append(out, f())
	}
	writeJSON(w, http.StatusOK, out)
}

// listCompanies reproduces the endpoint's mis-wired arguments: "search"
// does not filter but attaches invoices, "transactions":"true" attaches
// quotes, and "quotes":"true" prefixes the JSON with an HTML notice.
func (s *Server) listCompanies(w http.ResponseWriter, r *http.Request) {
	args := bodyArgs(r)
	page, perpage, all := bodyPaging(args)
	lo, hi := 0, len(s.companies)
	if !all {
		lo, hi = window(len(s.companies), page, perpage)
	}
	out := []any{}
	for _, co := range s.companies[lo:hi] {
		m := s.renderCompany(co)
		if _, ok := args["search"]; ok {
			m["invoices"] = []any{}
		}
		if stringTrue(args, "transactions") {
			m["quotes"] = []any{}
		}
		out = append(out, m)
	}
	if stringTrue(args, "quotes") {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		_, _ = w.Write([]byte(`<div class="zbs info msg">Use of $argsOverride in zeroBS_getCompanies is no longer relevant (DAL3.0)</div>`))
		_, _ = w.Write(phpJSON(out))
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// criticalError is WordPress's HTML page for a PHP fatal error.
func criticalError(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusInternalServerError)
	_, _ = w.Write([]byte("<!DOCTYPE html>\n<html lang=\"en-US\"><head><title>WordPress &rsaquo; Error</title></head>" +
		"<body id=\"error-page\"><div class=\"wp-die-message\"><p>There has been a critical error on this website.</p></div></body></html>\n"))
}
