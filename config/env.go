package config

import (
	"fmt"
	"reflect"
	"strings"
)

// EnvPrefix starts every environment variable that sets a key.
const EnvPrefix = "CLIENTGATE_"

// FileSuffix ends the variant of a variable that names a file holding the
// value, such as CLIENTGATE_AUTH_CLIENT_SECRET_FILE.
const FileSuffix = "_FILE"

// EnvName returns the environment variable of a key path:
// "database.dsn" → "CLIENTGATE_DATABASE_DSN".
func EnvName(path string) string {
	return EnvPrefix + strings.ToUpper(strings.NewReplacer(".", "_", "-", "_").Replace(path))
}

// Keys lists the path of every key that takes a value, in struct order;
// each can be set by EnvName(path) and EnvName(path)+FileSuffix.
func Keys() []string {
	var keys []string
	walkLeaves(reflect.ValueOf(Default()).Elem(), "", func(path string, _ reflect.Value) {
		keys = append(keys, path)
	})
	return keys
}

// UnknownEnv returns the names of CLIENTGATE_* variables in environ that
// set no key, for a warning: Load ignores them (platforms such as
// Kubernetes add variables like CLIENTGATE_PORT on their own).
func UnknownEnv(environ []string) []string {
	known := map[string]bool{}
	for _, k := range Keys() {
		known[EnvName(k)] = true
		known[EnvName(k)+FileSuffix] = true
	}
	var out []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, EnvPrefix) && !known[name] {
			out = append(out, name)
		}
	}
	return out
}

// walkLeaves calls fn for every settable leaf under v (a struct value) with
// its key path. Fields of kinds the environment cannot express (maps,
// lists of structs) are skipped.
func walkLeaves(v reflect.Value, prefix string, fn func(path string, v reflect.Value)) {
	t := v.Type()
	for i := range t.NumField() {
		name := yamlName(t.Field(i))
		if name == "" {
			continue
		}
		fv, path := v.Field(i), join(prefix, name)
		switch {
		case fv.Kind() == reflect.Struct:
			walkLeaves(fv, path, fn)
		case isLeaf(fv.Type()):
			fn(path, fv)
		}
	}
}

func isLeaf(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	case reflect.Slice:
		return t.Elem().Kind() == reflect.String
	}
	return false
}

// applyEnv sets every key whose variable (or *_FILE variant) is in
// environ, and returns a problem per variable it could not use.
func applyEnv(c *Config, environ []string) Problems {
	vars := map[string]string{}
	for _, kv := range environ {
		if name, value, ok := strings.Cut(kv, "="); ok && strings.HasPrefix(name, EnvPrefix) {
			vars[name] = value
		}
	}
	var probs Problems
	walkLeaves(reflect.ValueOf(c).Elem(), "", func(path string, v reflect.Value) {
		if err := applyVar(vars, EnvName(path), v); err != nil {
			probs = append(probs, err.Error())
		}
	})
	return probs
}

// applyVar sets v from the variable name or from the file that name_FILE
// points at.
func applyVar(vars map[string]string, name string, v reflect.Value) error {
	value, direct := vars[name]
	file, fromFile := vars[name+FileSuffix]
	switch {
	case direct && fromFile:
		return fmt.Errorf("%s and %s: set only one of them", name, name+FileSuffix)
	case fromFile:
		data, err := readLimited(file)
		if err != nil {
			return fmt.Errorf("%s: %w", name+FileSuffix, err)
		}
		value, name = strings.TrimRight(string(data), "\r\n"), name+FileSuffix
	case !direct:
		return nil
	}
	if err := setValue(v, value); err != nil {
		if fromFile { // the file may hold a secret: do not echo it
			return fmt.Errorf("%s: the file does not hold a %s", name, typeName(v.Type()))
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
