// Package connectors is the contract between the portal and a CRM.
//
// It holds the portal's domain types (contacts, invoices, quotes, …), the
// Connector interface every CRM adapter implements, the capabilities an
// adapter declares and the error sentinels every adapter returns. It imports
// no other clientgate package: adapters (jetpackcrm, restapi, sqlstore), the
// cache decorator and the portal import it.
//
// Every per-contact call takes a Scope naming the signed-in contact. An item
// that belongs to another contact is reported as ErrNotFound, so one client
// can never reach another client's data through any adapter.
package connectors
