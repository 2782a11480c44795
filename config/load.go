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
	c, probs, err := load(path, environ)
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return c, nil
}

// LoadAndValidate is Load then Validate (ValidateAuthOptional when
// authRequired is false), reporting every problem at once: a syntax error
// in the file (with its line and column), unknown keys and bad values do
// not hide the validation problems of what could be read.
func LoadAndValidate(path string, environ []string, authRequired bool) (*Config, error) {
	c, probs, err := load(path, environ)
	if err != nil {
		return nil, err
	}
	var verr error
	if authRequired {
		verr = c.Validate()
	} else {
		verr = c.ValidateAuthOptional()
	}
	var vprobs Problems
	if errors.As(verr, &vprobs) {
		probs = append(probs, vprobs...)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return c, nil
}

// load returns the configuration with every problem found loading it; the
// configuration is derived and holds whatever could be read.
func load(path string, environ []string) (*Config, Problems, error) {
	c := Default()
	var probs Problems
	if path != "" {
		p, err := loadFile(c, path)
		if err != nil {
			return nil, nil, err
		}
		probs = append(probs, p...)
	}
	probs = append(probs, applyEnv(c, environ)...)
	c.Derive()
	return c, probs, nil
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
		// Reported as a problem, so that the environment and the
		// validation problems are listed with it.
		return Problems{syntaxProblem(path, data, err)}, nil
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
