package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Problems lists everything wrong with a configuration, one entry per
// problem, each starting with the key path or variable it is about, such
// as "connector.jetpackcrm.url: required when connector.type is
// jetpackcrm".
type Problems []string

// Error joins the problems on one line.
func (p Problems) Error() string {
	if len(p) == 1 {
		return "config: " + p[0]
	}
	return "config: " + strconv.Itoa(len(p)) + " problems: " + strings.Join(p, "; ")
}

// add records a problem with the key at path.
func (p *Problems) add(path, format string, args ...any) {
	*p = append(*p, path+": "+fmt.Sprintf(format, args...))
}

// orNil returns p as an error when it holds a problem, else nil.
func (p Problems) orNil() error {
	if len(p) == 0 {
		return nil
	}
	return p
}
