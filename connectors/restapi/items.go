package restapi

import (
	"fmt"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// itemsOf returns the array of items at path ("" for the root); null
// is an empty list.
func itemsOf(op string, doc gjson.Result, path string) ([]gjson.Result, error) {
	arr := doc
	if path != "" {
		arr = doc.Get(path)
	}
	if arr.Exists() && arr.Type == gjson.Null {
		// Some CRMs answer null for an empty list.
		return nil, nil
	}
	if !arr.IsArray() {
		return nil, &MappingError{Op: op, Location: path, Problem: "the items are not an array"}
	}
	return arr.Array(), nil
}

// itemOf returns the object at path ("" for the root). Nothing at path
// is connectors.ErrNotFound: search endpoints answer an empty list.
func itemOf(op string, doc gjson.Result, path string) (gjson.Result, error) {
	item := doc
	if path != "" {
		item = doc.Get(path)
	}
	if !item.Exists() || item.Type == gjson.Null {
		return gjson.Result{}, fmt.Errorf("%w: restapi: %s: nothing at %q", connectors.ErrNotFound, op, path)
	}
	if !item.IsObject() {
		return gjson.Result{}, &MappingError{Op: op, Location: path, Problem: "the item is not an object"}
	}
	return item, nil
}

// itemLoc is the location of item i of the array at path.
func itemLoc(path string, i int) string {
	return joinPath(path, fmt.Sprint(i))
}
