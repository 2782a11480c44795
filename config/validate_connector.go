package config

// ValidateConnector checks only the connector section and the log
// settings, for check-config --probe, which talks to the CRM and nothing
// else: no sign-in, no session keys, no database.
func (c *Config) ValidateConnector() error {
	var p Problems
	checkOneOf(&p, "log.level", c.Log.Level, "debug", "info", "warn", "error")
	checkOneOf(&p, "log.format", c.Log.Format, "json", "text")
	c.Connector.validate(&p)
	return p.orNil()
}
