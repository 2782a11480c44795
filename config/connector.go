package config

import (
	"slices"
	"strings"

	"clientgate/connectors"
)

func (c ConnectorConfig) validate(p *Problems) {
	switch c.Type {
	case TypeSQLStore:
	case TypeJetpackCRM:
		c.JetpackCRM.validate(p)
	case TypeRestAPI:
		c.RestAPI.validate(p)
	default:
		p.add("connector.type", "%q is not one of %s", c.Type, strings.Join(ConnectorTypes, ", "))
	}
}

func (j JetpackCRMConfig) validate(p *Problems) {
	const pre = "connector.jetpackcrm."
	const when = "required when connector.type is jetpackcrm"
	if j.URL == "" {
		p.add(pre+"url", when)
	} else {
		checkURL(p, pre+"url", j.URL, true)
	}
	if j.APIKey == "" {
		p.add(pre+"api_key", when)
	}
	if j.APISecret == "" {
		p.add(pre+"api_secret", when)
	}
	checkPositive(p, pre+"timeout", j.Timeout)
	if j.Retries < 0 || j.Retries > 10 {
		p.add(pre+"retries", "must be between 0 and 10")
	}
	if j.PageSize < 1 || j.PageSize > 500 {
		p.add(pre+"page_size", "must be between 1 and 500")
	}
	checkMin(p, pre+"max_pages", j.MaxPages, 1)
	if len(j.PortalStatuses) == 0 || slices.Contains(j.PortalStatuses, "") {
		p.add(pre+"portal_statuses", "must list at least one status, none empty")
	}
	if strings.TrimSpace(j.ProvisionStatus) == "" {
		p.add(pre+"provision_status", "required")
	}
	if _, err := connectors.ParseMoney("0", j.Currency); err != nil || j.Currency == "" {
		p.add(pre+"currency", "%q is not an ISO 4217 currency code", j.Currency)
	}
}
