package restapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"gopkg.in/yaml.v3"
)

// maxMappingBytes bounds a mapping file.
const maxMappingBytes = 1 << 20

// LoadMapping reads, parses and validates the mapping file at path.
func LoadMapping(path string) (*Mapping, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("restapi: mapping: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxMappingBytes+1))
	if err != nil {
		return nil, fmt.Errorf("restapi: mapping %s: %w", path, err)
	}
	m, err := ParseMapping(data)
	if err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, path)
	}
	return m, nil
}

// ParseMapping parses a mapping written in YAML, rejecting unknown keys,
// and validates it. The error lists every problem found.
func ParseMapping(data []byte) (*Mapping, error) {
	m, err := decodeMapping(data)
	if err != nil {
		return nil, err
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, nil
}

func decodeMapping(data []byte) (*Mapping, error) {
	if len(data) > maxMappingBytes {
		return nil, fmt.Errorf("restapi: mapping larger than %d bytes", maxMappingBytes)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var m Mapping
	if err := dec.Decode(&m); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("restapi: mapping is empty")
		}
		return nil, fmt.Errorf("restapi: mapping: %w", err)
	}
	return &m, nil
}
