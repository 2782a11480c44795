package portal

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gin-gonic/gin"
)

// openAPIOps returns "METHOD /path" of every operation in the document.
func openAPIOps(t *testing.T) map[string]bool {
	t.Helper()
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Servers []struct{ URL string }                `json:"servers"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || len(doc.Servers) != 1 || doc.Servers[0].URL != "/api/v1" {
		t.Fatalf("openapi.json header: %s %+v", doc.OpenAPI, doc.Servers)
	}
	ops := map[string]bool{}
	for path, item := range doc.Paths {
		// A path served outside /api/v1 (a provider's webhook) names its
		// own server.
		prefix := "/api/v1"
		var servers []struct{ URL string }
		if raw, ok := item["servers"]; ok && json.Unmarshal(raw, &servers) == nil && len(servers) == 1 {
			prefix = strings.TrimSuffix(servers[0].URL, "/")
		}
		for method := range item {
			if method == "parameters" || method == "servers" {
				continue
			}
			ops[strings.ToUpper(method)+" "+prefix+path] = true
		}
	}
	return ops
}

// pdfItems are the API's item routes that also serve the item's PDF
// at their path plus ".pdf" (see pdfOr).
var pdfItems = map[string]bool{"/invoices/:id": true, "/quotes/:id": true}

// ginParam matches a Gin path parameter such as ":id".
var ginParam = regexp.MustCompile(`:([A-Za-z_]+)`)

func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t, withPayments(&stubFlow{}))
	documented := openAPIOps(t)
	registered := map[string]bool{}
	for _, r := range e.h.(*gin.Engine).Routes() {
		if !strings.HasPrefix(r.Path, "/api/v1/") && !strings.HasPrefix(r.Path, webhookPathPrefix) {
			continue
		}
		op := r.Method + " " + ginParam.ReplaceAllString(r.Path, "{$1}")
		registered[op] = true
		if r.Method == "GET" && pdfItems[strings.TrimPrefix(r.Path, "/api/v1")] {
			// Gin routes …/{id}.pdf to …/{id}, whose handler serves the PDF.
			registered[op+pdfSuffix] = true
		}
	}
	if len(registered) < 13 {
		t.Fatalf("only %d API routes registered", len(registered))
	}
	var missing, extra []string
	for op := range registered {
		if !documented[op] {
			missing = append(missing, op)
		}
	}
	for op := range documented {
		if !registered[op] {
			extra = append(extra, op)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("routes missing from openapi.json: %v", missing)
	}
	if len(extra) > 0 {
		t.Errorf("openapi.json documents routes that do not exist: %v", extra)
	}
}

func TestOpenAPIRefsResolve(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatal(err)
	}
	refs := regexp.MustCompile(`"\$ref":\s*"#/([^"]+)"`).FindAllStringSubmatch(string(openAPIDoc), -1)
	if len(refs) == 0 {
		t.Fatal("no refs found")
	}
	for _, m := range refs {
		var node any = doc
		for _, part := range strings.Split(m[1], "/") {
			obj, ok := node.(map[string]any)
			if !ok || obj[part] == nil {
				t.Errorf("unresolved $ref #/%s", m[1])
				break
			}
			node = obj[part]
		}
	}
}

func TestOpenAPIPartsMerge(t *testing.T) {
	base := `{"openapi":"3.1.0","paths":{"/a":{"get":{}}},"components":{"schemas":{"A":{}}}}`
	tests := []struct {
		name, part, wantErr string
	}{
		{"adds paths and schemas", `{"paths":{"/b":{"get":{}}},"components":{"schemas":{"B":{}},"responses":{"R":{}}}}`, ""},
		{"path defined twice", `{"paths":{"/a":{"post":{}}}}`, `paths "/a" is defined twice`},
		{"schema defined twice", `{"components":{"schemas":{"A":{}}}}`, `schemas "A" is defined twice`},
		{"other top-level key", `{"info":{}}`, `only paths and components`},
		{"malformed", `{"paths":`, `openapi part openapi/x.json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"openapi/base.json": {Data: []byte(base)},
				"openapi/x.json":    {Data: []byte(tt.part)},
			}
			doc, err := mergeOpenAPI(fsys)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Paths      map[string]any            `json:"paths"`
				Components map[string]map[string]any `json:"components"`
			}
			if err := json.Unmarshal(doc, &got); err != nil {
				t.Fatal(err)
			}
			if got.Paths["/a"] == nil || got.Paths["/b"] == nil || got.Components["schemas"]["B"] == nil ||
				got.Components["responses"]["R"] == nil || got.Components["schemas"]["A"] == nil {
				t.Errorf("merged document %s", doc)
			}
		})
	}
}
