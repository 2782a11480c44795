package resttest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// hsObj is a HubSpot CRM record as the v3 object APIs answer it: an ID,
// every property a string (or null), creation and update times, and the
// IDs of associated records by object type ("contacts", "companies").
type hsObj struct {
	id      string
	props   map[string]any
	created time.Time
	updated time.Time
	assoc   map[string][]string
	// assocType names the association from this object to each type,
	// such as "invoice_to_contact".
	assocType map[string]string
}

// render writes the object with the properties asked for (all when
// none are named), and its associations of the types asked for that
// exist.
func (o hsObj) render(properties, associations []string) map[string]any {
	props := map[string]any{"hs_object_id": o.id}
	for k, v := range o.props {
		if len(properties) == 0 || slices.Contains(properties, k) || k == "hs_createdate" || k == "hs_lastmodifieddate" {
			props[k] = v
		}
	}
	updated := o.updated
	if updated.IsZero() {
		updated = o.created
	}
	out := map[string]any{"id": o.id, "properties": props, "createdAt": hsTime(o.created),
		"updatedAt": hsTime(updated), "archived": false}
	assoc := map[string]any{}
	for _, kind := range associations {
		var results []any
		for _, id := range o.assoc[kind] {
			results = append(results, map[string]any{"id": id, "type": o.assocType[kind]})
		}
		if results != nil {
			assoc[kind] = map[string]any{"results": results}
		}
	}
	if len(assoc) > 0 {
		out["associations"] = assoc
	}
	return out
}

// hsPlural names the association types the search filters on.
var hsPlural = map[string]string{"contact": "contacts", "company": "companies"}

// csv splits a comma-separated query parameter.
func csv(r *http.Request, name string) []string {
	v := r.URL.Query().Get(name)
	if v == "" {
		return nil
	}
	return strings.Split(v, ",")
}

// hsSearch answers POST /crm/v3/objects/{type}/search over objs: filter
// groups ORed, filters within a group ANDed (EQ on a property or on the
// associations.contact / associations.company pseudo-properties), one
// sort, limit (a JSON number, at most 200) and after (the offset as a
// string), answered as {total, results, paging.next.after}.
func hsSearch(w http.ResponseWriter, r *http.Request, objs []hsObj) {
	body, err := readBody(r)
	req := gjson.ParseBytes(body)
	limit := req.Get("limit")
	after := req.Get("after")
	switch {
	case err != nil || !gjson.ValidBytes(body):
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "Invalid input JSON")
		return
	case limit.Exists() && (limit.Type != gjson.Number || limit.Int() < 1 || limit.Int() > 200):
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "limit must be a number from 1 to 200")
		return
	case after.Exists() && after.Type != gjson.String && after.Type != gjson.Number:
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "after must be an integer")
		return
	}
	found, ok := hsFilter(objs, req.Get("filterGroups"))
	if !ok {
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "this server filters with EQ only")
		return
	}
	hsSort(found, req.Get("sorts.0"))
	size := int(limit.Int())
	if !limit.Exists() {
		size = 10
	}
	from, err := strconv.Atoi(after.String())
	if after.Exists() && (err != nil || from < 0) {
		hsError(w, http.StatusBadRequest, "VALIDATION_ERROR", "after must be an integer")
		return
	}
	var props []string
	for _, p := range req.Get("properties").Array() {
		props = append(props, p.String())
	}
	results := []any{}
	for _, o := range pageOf(found, from, size) {
		results = append(results, o.render(props, nil))
	}
	out := map[string]any{"total": len(found), "results": results}
	if from+size < len(found) {
		out["paging"] = map[string]any{"next": map[string]any{"after": strconv.Itoa(from + size)}}
	}
	writeJSON(w, http.StatusOK, out)
}

// hsFilter keeps the objects matching any filter group; ok is false for
// an operator this server does not know.
func hsFilter(objs []hsObj, groups gjson.Result) ([]hsObj, bool) {
	var out []hsObj
	for _, o := range objs {
		match := !groups.Exists() || len(groups.Array()) == 0
		for _, g := range groups.Array() {
			all := len(g.Get("filters").Array()) > 0
			for _, f := range g.Get("filters").Array() {
				if f.Get("operator").String() != "EQ" {
					return nil, false
				}
				all = all && hsMatches(o, f.Get("propertyName").String(), f.Get("value").String())
			}
			match = match || all
		}
		if match {
			out = append(out, o)
		}
	}
	return out, true
}

func hsMatches(o hsObj, prop, value string) bool {
	if kind, ok := strings.CutPrefix(prop, "associations."); ok {
		return slices.Contains(o.assoc[hsPlural[kind]], value)
	}
	v, _ := o.props[prop].(string)
	return strings.EqualFold(v, value)
}

// hsSort orders objects by one sort rule, {propertyName, direction}.
func hsSort(objs []hsObj, rule gjson.Result) {
	if !rule.Exists() {
		return
	}
	prop, desc := rule.Get("propertyName").String(), rule.Get("direction").String() == "DESCENDING"
	slices.SortStableFunc(objs, func(a, b hsObj) int {
		x, _ := a.props[prop].(string)
		y, _ := b.props[prop].(string)
		if desc {
			return strings.Compare(y, x)
		}
		return strings.Compare(x, y)
	})
}
