package importfile

import (
	"sort"
	"strconv"
	"strings"

	"clientgate/connectors"
)

// Problem is one thing wrong with an import file.
type Problem struct {
	// Path names the field, such as "invoices[3].total".
	Path string
	// Line is the 1-based line of the file, or 0 when unknown.
	Line int
	// Message says what is wrong, such as `"12.3.4" is not a decimal
	// amount`.
	Message string
}

// String formats the problem as `invoices[3].total (line 41): message`.
func (p Problem) String() string {
	s := p.Path
	if p.Line > 0 {
		s += " (line " + strconv.Itoa(p.Line) + ")"
	}
	if s == "" {
		return p.Message
	}
	return s + ": " + p.Message
}

// Error lists every problem found in an import file. It matches
// connectors.ErrInvalid with errors.Is.
type Error struct {
	Problems []Problem
}

// Error reports the number of problems and each one on its own line.
func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	noun := "problems"
	if len(lines) == 1 {
		noun = "problem"
	}
	return "importfile: " + strconv.Itoa(len(lines)) + " " + noun + " in the import file:\n  " + strings.Join(lines, "\n  ")
}

// Unwrap makes errors.Is(err, connectors.ErrInvalid) true.
func (e *Error) Unwrap() error { return connectors.ErrInvalid }

// problems collects Problems.
type problems struct{ list []Problem }

func (ps *problems) add(path string, line int, msg string) {
	ps.list = append(ps.list, Problem{Path: path, Line: line, Message: msg})
}

// err returns an *Error when there are problems, else nil.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	sort.SliceStable(ps.list, func(i, j int) bool { return ps.list[i].Line < ps.list[j].Line })
	return &Error{Problems: ps.list}
}
