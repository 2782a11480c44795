package main

import (
	"fmt"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/config"
	"clientgate/connectors"
	"clientgate/connectors/httpclient"
	"clientgate/connectors/jetpackcrm"
	"clientgate/connectors/restapi"
	"clientgate/connectors/sqlstore"
)

// buildConnector returns the CRM adapter that connector.type names, for
// the operator commands (no metrics).
func buildConnector(cfg *config.Config, store *sqlstore.Store) (connectors.Connector, error) {
	return buildAdapter(cfg, store, slog.New(slog.DiscardHandler), nil)
}

// buildAdapter returns the CRM adapter that connector.type names; onRetry
// (may be nil) counts the HTTP adapters' retries, and the REST adapter's
// own metrics are registered on reg when one is given (serve). The
// built-in store is the bridge store whatever the type.
func buildAdapter(cfg *config.Config, store *sqlstore.Store, log *slog.Logger, onRetry func(string), reg ...prometheus.Registerer) (connectors.Connector, error) {
	c := cfg.Connector
	switch c.Type {
	case config.TypeSQLStore:
		return store, nil
	case config.TypeJetpackCRM:
		conn, err := jetpackcrm.New(jetpackOptions(c.JetpackCRM, log, onRetry))
		if err != nil {
			return nil, fmt.Errorf("connector.jetpackcrm: %w", err)
		}
		return conn, nil
	case config.TypeRestAPI:
		m, err := restapi.LoadMapping(c.RestAPI.MappingFile)
		if err != nil {
			return nil, fmt.Errorf("connector.restapi.mapping_file: %w", err)
		}
		met, err := restapiMetrics(reg)
		if err != nil {
			return nil, err
		}
		conn, err := restapi.New(m, restapi.Options{Logger: log, HTTP: httpclient.Options{Logger: log, OnRetry: onRetry}, Metrics: met})
		if err != nil {
			return nil, fmt.Errorf("connector.restapi: %w", err)
		}
		return conn, nil
	}
	return nil, fmt.Errorf("connector.type %q is not one of %v", c.Type, config.ConnectorTypes)
}

// jetpackOptions copies connector.jetpackcrm into the adapter's options.
func jetpackOptions(c config.JetpackCRMConfig, log *slog.Logger, onRetry func(string)) jetpackcrm.Options {
	return jetpackcrm.Options{
		URL:             c.URL,
		APIKey:          c.APIKey,
		APISecret:       c.APISecret,
		Timeout:         c.Timeout,
		Retries:         c.Retries,
		PageSize:        c.PageSize,
		MaxPages:        c.MaxPages,
		PortalStatuses:  c.PortalStatuses,
		ProvisionStatus: c.ProvisionStatus,
		Currency:        c.Currency,
		Logger:          log,
		HTTP:            httpclient.Options{Logger: log, OnRetry: onRetry},
	}
}
