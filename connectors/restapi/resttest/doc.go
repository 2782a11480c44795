// Package resttest runs CRM test servers for the restapi connector: two
// differently shaped REST APIs over one in-memory store loaded from a
// connectortest.Seed. Modern answers nested JSON with cursor paging, OAuth2
// client credentials, RFC 3339 times and integer cents; Legacy answers flat
// JSON with page numbers, numbers as strings, unix times and an API key in
// the query string. Both listen on 127.0.0.1 only.
package resttest
