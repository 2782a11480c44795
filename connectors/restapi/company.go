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
	ct, err := c.GetContact(ctx, s.ContactID)
	if err != nil {
		return connectors.Company{}, err
	}
	if ct.CompanyID == "" || !safeID(ct.CompanyID) {
		return connectors.Company{}, fmt.Errorf("%w: restapi: contact has no company", connectors.ErrNotFound)
	}
	sc := scope{contactID: ct.ID, companyID: ct.CompanyID}
	a, err := c.do(ctx, call{name: opGetCompany, op: op, vars: sc.vars()})
	if err != nil {
		return connectors.Company{}, err
	}
	item, err := itemOf(opGetCompany, a.doc, op.Item)
	if err != nil {
		return connectors.Company{}, err
	}
	co, _, err := decode(c.reader(opGetCompany), companySchema, op.Fields, item, op.Item)
	if err != nil {
		return connectors.Company{}, err
	}
	if co.ID != ct.CompanyID {
		return connectors.Company{}, &MappingError{Op: opGetCompany, Field: "id", Location: joinPath(op.Item, op.Fields["id"].Path),
			Problem: "the answer is a different company than the contact's"}
	}
	return co, nil
}
