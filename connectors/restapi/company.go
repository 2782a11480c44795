package restapi

import (
	"context"
	"fmt"

	"clientgate/connectors"
)

// GetCompany looks up the contact's company ID, fetches the company and
// checks that the answer is that company. Without a get_company mapping
// it returns connectors.ErrNotFound.
func (c *Connector) GetCompany(ctx context.Context, s connectors.Scope) (connectors.Company, error) {
	op := c.m.Operations.GetCompany
	if op == nil {
		// GetCompany is not an optional operation of the contract: without
		// a mapping no contact has a company the portal can show.
		return connectors.Company{}, fmt.Errorf("%w: restapi: get_company is not mapped", connectors.ErrNotFound)
	}
	companyID, err := c.companyOf(ctx, s.ContactID)
	if err != nil {
		return connectors.Company{}, err
	}
	if companyID == "" {
		return connectors.Company{}, fmt.Errorf("%w: restapi: contact has no company", connectors.ErrNotFound)
	}
	sc := scope{contactID: s.ContactID, companyID: companyID}
	a, err := c.do(ctx, call{name: opGetCompany, op: op, vars: sc.vars()})
	if err != nil {
		return connectors.Company{}, err
	}
	item, err := itemOf(opGetCompany, a.doc, op.Item)
	if err != nil {
		return connectors.Company{}, err
	}
	co, _, err := decode(c.reader(ctx, opGetCompany), companySchema, op.Fields, item, op.Item)
	if err != nil {
		return connectors.Company{}, err
	}
	if co.ID != companyID {
		return connectors.Company{}, &MappingError{Op: opGetCompany, Field: "id", Location: joinPath(op.Item, op.Fields["id"].Path),
			Problem: "the answer is a different company than the contact's"}
	}
	return co, nil
}

// companyOf returns the ID of the contact's company, "" when it has none,
// as GetContact reads it.
func (c *Connector) companyOf(ctx context.Context, contactID string) (string, error) {
	if !safeID(contactID) {
		return "", fmt.Errorf("%w: restapi: bad contact id", connectors.ErrNotFound)
	}
	ct, err := c.GetContact(ctx, contactID)
	if err != nil {
		return "", err
	}
	return ct.CompanyID, nil
}

// fillCompany sets the contact's company from the company lookup
// request, when the mapping has one, and clears a company ID no request
// may carry ("0", unsafe).
func (c *Connector) fillCompany(ctx context.Context, ct *connectors.Contact) error {
	if lk := c.m.Company; lk != nil && lk.Lookup != nil {
		doc, _, err := c.subRequest(ctx, opCompanyLookup, lk.Lookup, map[string]string{"contact_id": ct.ID, "id": ct.ID}, exprEnv{})
		if err != nil {
			return err
		}
		ct.CompanyID, _ = scalarText(doc.Get(lk.ID))
	}
	if ct.CompanyID == "0" || !safeID(ct.CompanyID) {
		ct.CompanyID = ""
	}
	return nil
}
