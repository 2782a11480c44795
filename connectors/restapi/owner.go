package restapi

import (
	"context"
	"fmt"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// scope is a per-contact scope with the company resolved.
type scope struct {
	contactID string
	// companyID is set only when the company's items are included.
	companyID string
}

func (sc scope) vars() map[string]string {
	return map[string]string{"contact_id": sc.contactID, "company_id": sc.companyID}
}

// resolve checks the scope's contact ID and, when the company's items are
// asked for and supported, looks up the contact's company.
func (c *Connector) resolve(ctx context.Context, s connectors.Scope) (scope, error) {
	if !safeID(s.ContactID) {
		return scope{}, fmt.Errorf("%w: restapi: bad contact id", connectors.ErrNotFound)
	}
	sc := scope{contactID: s.ContactID}
	if s.WithCompany && c.caps.CompanyItems {
		ct, err := c.GetContact(ctx, s.ContactID)
		if err != nil {
			return scope{}, err
		}
		sc.companyID = ct.CompanyID
	}
	return sc, nil
}

// Owners of an item.
const (
	ownedByNobody  = ""
	ownedByContact = "contact"
	ownedByCompany = "company"
)

// ownerOf reports whose an item is within sc: the contact's, the
// contact's company's (only when sc includes the company), or nobody's.
func ownerOf(item gjson.Result, o *Owner, sc scope) string {
	if holds(item.Get(o.Contact), sc.contactID) {
		return ownedByContact
	}
	if sc.companyID != "" && o.Company != "" && holds(item.Get(o.Company), sc.companyID) {
		return ownedByCompany
	}
	return ownedByNobody
}

// holds reports whether r is id, or an array holding id.
func holds(r gjson.Result, id string) bool {
	if id == "" || !r.Exists() {
		return false
	}
	for _, v := range r.Array() {
		if s, err := scalarText(v); err == nil && s == id {
			return true
		}
	}
	return false
}

// notOwned logs an item that failed the ownership check.
func (c *Connector) notOwned(op string, o *Owner, loc string) {
	err := &MappingError{Op: op, Field: "owner", Location: joinPath(loc, o.Contact),
		Problem: "item does not belong to the signed-in contact: dropped"}
	c.log.Warn("restapi: mapping error", "op", op, "error", err.Error())
}
