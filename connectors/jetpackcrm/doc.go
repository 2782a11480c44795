// Package jetpackcrm is the connector for Jetpack CRM (WordPress) through
// its "zbs_api" HTTP API, authenticated with an API key and secret.
//
// The API has no by-ID endpoints and no per-contact filters for invoices,
// quotes or transactions, so every per-contact read goes through the
// contact's own record: customer_search?email= answers with the contact,
// its invoices and its transactions in one call, and customers with the
// string flag "quotes":"true" adds its quotes. An item is found by ID only
// inside the data of the contact named by the scope, so no call can reach
// another contact's items. The CRM's quirks (IDs as strings, money as
// decimal strings, timestamps as numbers or strings, sentinels such as -1
// and false, full-replace writes, the inverted sticky flag) are mapped into
// the portal's types in the map*.go files and nowhere else.
package jetpackcrm
