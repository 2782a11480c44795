package config

import "os"

// RestAPIConfig configures the generic REST connector, which is driven by
// a declarative mapping file.
type RestAPIConfig struct {
	// MappingFile is the path of the YAML file that maps the CRM's REST
	// API onto clientgate's domain.
	MappingFile string `yaml:"mapping_file"`
}

// validate checks the restapi section; it runs when connector.type is
// restapi.
func (r RestAPIConfig) validate(p *Problems) {
	const path = "connector.restapi.mapping_file"
	if r.MappingFile == "" {
		p.add(path, "required when connector.type is restapi")
		return
	}
	if info, err := os.Stat(r.MappingFile); err != nil {
		p.add(path, "cannot be read: %v", err)
	} else if info.IsDir() {
		p.add(path, "%s is a directory", r.MappingFile)
	}
}
