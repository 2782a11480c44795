package config

import (
	"errors"
	"fmt"
	"io"
	"os"

	"gopkg.in/yaml.v3"
)

// maxFileSize bounds the config file and every *_FILE secret file.
const maxFileSize = 1 << 20

// Load returns the configuration: the defaults, then the YAML file at path
// (skipped when path is ""), then the CLIENTGATE_* variables of environ
// (as from os.Environ), then the derived keys (see Derive). Unknown keys,
// malformed values and unreadable files are errors; a Problems error lists
// them all. Load does not call Validate.
func Load(path string, environ []string) (*Config, error) {
	c := Default()
	var probs Problems
	if path != "" {
		p, err := loadFile(c, path)
		if err != nil {
			return nil, err
		}
		probs = append(probs, p...)
	}
	probs = append(probs, applyEnv(c, environ)...)
	if len(probs) > 0 {
		return nil, probs
	}
	c.Derive()
	return c, nil
}

// loadFile decodes the YAML file at path over c. A file that cannot be read
// or parsed is an error; unknown keys and values of the wrong type are
// returned as problems.
func loadFile(c *Config, path string) (Problems, error) {
	data, err := readLimited(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("config: %s: %w", path, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil // an empty file keeps the defaults
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("config: %s: line %d: the top level must be a mapping of keys", path, root.Line)
	}
	w := &keyWalker{file: path, paths: map[int][]string{}}
	w.walk(root, configType, "")
	probs := w.unknown
	if err := root.Decode(c); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			return nil, fmt.Errorf("config: %s: %w", path, err)
		}
		for _, msg := range te.Errors {
			probs = append(probs, w.typeProblem(msg))
		}
	}
	return probs, nil
}

// readLimited reads a whole file of at most maxFileSize bytes.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", path, maxFileSize)
	}
	return data, nil
}
