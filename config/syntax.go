package config

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	goccyparser "github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// yamlV3Line finds the line yaml.v3 names in a syntax error.
var yamlV3Line = regexp.MustCompile(`^yaml: line (\d+): `)

// syntaxProblem describes a YAML syntax error of the file at path as
// "path:LINE:COLUMN: syntax error: MESSAGE". yaml.v3, which decodes the
// file, names only the line; the column comes from a second parser
// (goccy/go-yaml) that reports token positions. When that parser finds no
// error, yaml.v3's own line and message are used.
func syntaxProblem(path string, data []byte, v3err error) string {
	_, err := goccyparser.ParseBytes(data, 0)
	var positioned positionedError
	if errors.As(err, &positioned) && positioned.GetToken() != nil {
		pos := positioned.GetToken().Position
		return fmt.Sprintf("%s:%d:%d: syntax error: %s", path, pos.Line, pos.Column, positioned.GetMessage())
	}
	msg := v3err.Error()
	if m := yamlV3Line.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s:%s: syntax error: %s", path, m[1], strings.TrimPrefix(msg, m[0]))
	}
	return fmt.Sprintf("%s: syntax error: %s", path, strings.TrimPrefix(msg, "yaml: "))
}

// positionedError is a goccy/go-yaml error that knows where it is.
type positionedError interface {
	error
	GetToken() *token.Token
	GetMessage() string
}
