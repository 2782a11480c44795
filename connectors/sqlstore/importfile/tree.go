package importfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// node is one JSON value with the line it ends on.
type node struct {
	kind  kind
	text  string // string value, or the number's text
	b     bool
	keys  []string // object keys in file order
	vals  []*node  // object values, parallel to keys
	elems []*node  // array elements
	line  int
}

// kind is a JSON value's type.
type kind int

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kObject
	kArray
)

// String names the kind for problem messages.
func (k kind) String() string {
	return [...]string{"null", "true or false", "a number", "a string", "an object", "an array"}[k]
}

// field returns the value of an object's key, or nil.
func (n *node) field(key string) *node {
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int64

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, int64(i+1))
		}
	}
	return idx
}

// line returns the line holding byte offset off.
func (li lineIndex) line(off int64) int {
	return sort.Search(len(li), func(i int) bool { return li[i] > off })
}

// treeBuilder reads a document token by token.
type treeBuilder struct {
	dec   *json.Decoder
	lines lineIndex
	ps    *problems
	depth int
}

// maxDepth bounds nesting; the format needs four levels.
const maxDepth = 16

// buildTree parses src into a tree, reporting duplicate keys to ps. A
// syntax error ends parsing and is returned with its line.
func buildTree(src []byte, ps *problems) (*node, error) {
	b := &treeBuilder{dec: json.NewDecoder(bytes.NewReader(src)), lines: newLineIndex(src), ps: ps}
	b.dec.UseNumber()
	root, err := b.value("")
	if err != nil {
		return nil, b.syntax(err)
	}
	if _, err := b.dec.Token(); err != io.EOF {
		return nil, &Error{Problems: []Problem{{Line: b.here(), Message: "unexpected data after the top-level object"}}}
	}
	return root, nil
}

// here is the line of the last byte read.
func (b *treeBuilder) here() int { return b.lines.line(max(b.dec.InputOffset()-1, 0)) }

func (b *treeBuilder) syntax(err error) error {
	var se *json.SyntaxError
	line, msg := b.here(), err.Error()
	switch {
	case errors.As(err, &se):
		line = b.lines.line(max(se.Offset-1, 0))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		msg = "unexpected end of file"
	}
	return &Error{Problems: []Problem{{Line: line, Message: "not valid JSON: " + msg}}}
}

// value reads the next value; path names it for duplicate-key problems.
func (b *treeBuilder) value(path string) (*node, error) {
	tok, err := b.dec.Token()
	if err != nil {
		return nil, err
	}
	n := &node{line: b.here()}
	switch v := tok.(type) {
	case json.Delim:
		if b.depth++; b.depth > maxDepth {
			return nil, errors.New("nested too deeply")
		}
		defer func() { b.depth-- }()
		if v == '{' {
			return n, b.object(n, path)
		}
		if v == '[' {
			return n, b.array(n, path)
		}
		return nil, fmt.Errorf("unexpected %q", rune(v))
	case string:
		n.kind, n.text = kString, v
	case json.Number:
		n.kind, n.text = kNumber, string(v)
	case bool:
		n.kind, n.b = kBool, v
	case nil:
		n.kind = kNull
	}
	return n, nil
}

func (b *treeBuilder) object(n *node, path string) error {
	n.kind = kObject
	for b.dec.More() {
		tok, err := b.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		child, err := b.value(join(path, key))
		if err != nil {
			return err
		}
		if n.field(key) != nil {
			b.ps.add(join(path, key), child.line, "appears twice")
			continue
		}
		n.keys, n.vals = append(n.keys, key), append(n.vals, child)
	}
	_, err := b.dec.Token()
	return err
}

func (b *treeBuilder) array(n *node, path string) error {
	n.kind = kArray
	for b.dec.More() {
		child, err := b.value(fmt.Sprintf("%s[%d]", path, len(n.elems)))
		if err != nil {
			return err
		}
		n.elems = append(n.elems, child)
	}
	_, err := b.dec.Token()
	return err
}

// join appends a key to a path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
