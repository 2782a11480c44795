package portal

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"

	"github.com/gin-gonic/gin"
)

// openAPIFS holds the OpenAPI 3 description of /api/v1 in parts:
// openapi/base.json is the document (header, security, shared components
// and the core routes); every other openapi/*.json adds the "paths" and
// "components" of one area (payments, tickets, files, ...), so that areas
// are documented side by side. A test keeps the merged document in step
// with the registered routes.
//
//go:embed openapi/*.json
var openAPIFS embed.FS

// openAPIDoc is the merged document, built once at start.
var openAPIDoc = mustMergeOpenAPI(openAPIFS)

// serveOpenAPI answers GET /api/v1/openapi.json.
func serveOpenAPI(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(http.StatusOK, "application/json; charset=utf-8", openAPIDoc)
}

// mustMergeOpenAPI merges the parts; a malformed part or one that defines
// a path or component again is a programming error.
func mustMergeOpenAPI(fsys fs.FS) []byte {
	doc, err := mergeOpenAPI(fsys)
	if err != nil {
		panic(err)
	}
	return doc
}

// mergeOpenAPI reads openapi/base.json and adds every other part's paths
// and components (by section: schemas, parameters, responses, ...).
func mergeOpenAPI(fsys fs.FS) ([]byte, error) {
	base, err := readOpenAPIPart(fsys, "openapi/base.json")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(fsys, "openapi/*.json")
	if err != nil {
		return nil, fmt.Errorf("portal: openapi parts: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "openapi/base.json" {
			continue
		}
		part, err := readOpenAPIPart(fsys, name)
		if err != nil {
			return nil, err
		}
		if err := mergeOpenAPIPart(base, part, name); err != nil {
			return nil, err
		}
	}
	return json.MarshalIndent(base, "", "  ")
}

// readOpenAPIPart decodes one part.
func readOpenAPIPart(fsys fs.FS, name string) (map[string]any, error) {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("portal: openapi part %s: %w", name, err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("portal: openapi part %s: %w", name, err)
	}
	return doc, nil
}

// mergeOpenAPIPart adds part's "paths" and "components" sections to doc;
// any other top-level key, or a name doc already has, is an error.
func mergeOpenAPIPart(doc, part map[string]any, name string) error {
	for key, v := range part {
		section, ok := v.(map[string]any)
		switch {
		case !ok:
			return fmt.Errorf("portal: openapi part %s: %q is not an object", name, key)
		case key == "paths":
			if err := addNew(doc, "paths", section, name); err != nil {
				return err
			}
		case key == "components":
			for kind, entries := range section {
				m, ok := entries.(map[string]any)
				if !ok {
					return fmt.Errorf("portal: openapi part %s: components.%s is not an object", name, kind)
				}
				comps, _ := doc["components"].(map[string]any)
				if comps == nil {
					comps = map[string]any{}
					doc["components"] = comps
				}
				if err := addNew(comps, kind, m, name); err != nil {
					return err
				}
			}
		default:
			return fmt.Errorf("portal: openapi part %s: only paths and components may be added, not %q", name, key)
		}
	}
	return nil
}

// addNew adds entries to parent[key], refusing a name already there.
func addNew(parent map[string]any, key string, entries map[string]any, name string) error {
	dst, _ := parent[key].(map[string]any)
	if dst == nil {
		dst = map[string]any{}
		parent[key] = dst
	}
	for k, v := range entries {
		if _, dup := dst[k]; dup {
			return fmt.Errorf("portal: openapi part %s: %s %q is defined twice", name, key, k)
		}
		dst[k] = v
	}
	return nil
}
