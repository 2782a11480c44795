// Package restapi is a connector for any CRM with a JSON REST API, driven by
// a declarative mapping written in YAML instead of Go code.
//
// A Mapping names, for every operation of the connectors.Connector contract
// that the CRM can serve, the HTTP request to send (method, path template,
// query parameters, JSON body template), where the items are in the answer,
// how each domain field is read (a github.com/tidwall/gjson path plus a
// conversion), how lists are paged, and which field says who owns an item.
// The connector checks that owner field on every item it returns, so a
// mapping that points at the wrong endpoint cannot show one client another
// client's data. Operations that are not mapped return
// connectors.ErrUnsupported and are left out of Capabilities.
//
// A response that does not match the mapping is reported as a *MappingError
// naming the operation, the field and where in the response the value was;
// it wraps connectors.ErrUnavailable.
package restapi
