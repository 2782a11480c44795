package restapi

import (
	"context"
	"fmt"

	"github.com/tidwall/gjson"

	"clientgate/connectors"
)

// Whose items an operation lists.
const (
	BelongsToContact          = "contact"
	BelongsToCompany          = "company"
	BelongsToContactOrCompany = "contact_or_company"
)

// belongsTo is the operation's belongs_to; without one, items are the
// contact's, or the contact's or the company's when owner.company is set.
func (op *Operation) belongsTo() string {
	switch {
	case op.BelongsTo != "":
		return op.BelongsTo
	case op.Owner != nil && op.Owner.Company != "":
		return BelongsToContactOrCompany
	}
	return BelongsToContact
}

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
// asked for, supported and listed by op, looks up the contact's company.
func (c *Connector) resolve(ctx context.Context, s connectors.Scope, op *Operation) (scope, error) {
	if !safeID(s.ContactID) {
		return scope{}, fmt.Errorf("%w: restapi: bad contact id", connectors.ErrNotFound)
	}
	sc := scope{contactID: s.ContactID}
	if s.WithCompany && c.caps.CompanyItems && op.belongsTo() != BelongsToContact {
		id, err := c.companyOf(ctx, s.ContactID)
		if err != nil {
			return scope{}, err
		}
		sc.companyID = id
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
// contact's company's, or nobody's. An item that names a contact is that
// contact's alone; a company item is one that names the company and no
// contact, and only when sc includes the company.
func ownerOf(item gjson.Result, op *Operation, sc scope) string {
	o, belongs := op.Owner, op.belongsTo()
	if o == nil {
		return ownedByNobody
	}
	if belongs != BelongsToCompany && holds(item.Get(o.Contact), sc.contactID) {
		return ownedByContact
	}
	if belongs != BelongsToContact && sc.companyID != "" && o.Company != "" &&
		holds(item.Get(o.Company), sc.companyID) && (o.Contact == "" || namesNobody(item.Get(o.Contact))) {
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

// namesNobody reports an owner value that names no one: missing, null,
// "", "0" or an empty array.
func namesNobody(r gjson.Result) bool {
	for _, v := range r.Array() {
		if s, err := scalarText(v); err == nil && s != "" && s != "0" {
			return false
		}
	}
	return true
}

// notOwned logs and counts an item that failed the ownership check.
func (c *Connector) notOwned(ctx context.Context, op string, o *Operation, loc string) {
	path := ""
	if o.Owner != nil {
		path = o.Owner.Contact
	}
	err := &MappingError{Op: op, Field: "owner", Location: joinPath(loc, path),
		Problem: "item does not belong to the signed-in contact: dropped"}
	c.met.dropped.WithLabelValues(op, "not_owned").Inc()
	c.log.WarnContext(ctx, "restapi: mapping error", "op", op, "error", err.Error())
}
