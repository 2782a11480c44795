package restapi

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// maxSecretBytes bounds a secret file.
const maxSecretBytes = 64 << 10

// secretSource reads secrets from the environment or files.
type secretSource struct {
	getenv func(string) string
}

// read returns the secret named by env or file (exactly one is set by a
// valid mapping), trimmed of surrounding white space. Errors name where
// the secret was looked for, never its value.
func (s secretSource) read(what, env, file string) (string, error) {
	var v string
	switch {
	case env != "":
		v = strings.TrimSpace(s.getenv(env))
		if v == "" {
			return "", fmt.Errorf("restapi: auth: %s: environment variable %s is empty or unset", what, env)
		}
	case file != "":
		f, err := os.Open(file)
		if err != nil {
			return "", fmt.Errorf("restapi: auth: %s: %w", what, err)
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, maxSecretBytes))
		if err != nil {
			return "", fmt.Errorf("restapi: auth: %s: reading %s: %w", what, file, err)
		}
		v = strings.TrimSpace(string(data))
		if v == "" {
			return "", fmt.Errorf("restapi: auth: %s: file %s is empty", what, file)
		}
	default:
		return "", fmt.Errorf("restapi: auth: %s: no environment variable or file given", what)
	}
	return v, nil
}
