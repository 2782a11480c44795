package restapi

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/expr-lang/expr/vm"
)

// numberVars are the paging variables sent as JSON numbers when they
// stand alone in a body: {size}, {page} and {offset}.
var numberVars = []string{"size", "page", "offset"}

// bodyExpr returns the source of a body value written {expr: "..."}.
func bodyExpr(v any) (string, bool) {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return "", false
	}
	src, ok := m["expr"].(string)
	return src, ok
}

// filler fills a JSON body template.
type filler struct {
	vars map[string]string
	// omit reports lone variables to leave out (update_contact: the
	// fields the client did not change).
	omit func(string) bool
	// dropEmpty (list operations) leaves out a member whose value is a
	// lone variable that is empty, and every list element that uses an
	// empty variable, such as a filter group on {company_id} when the
	// company is not in scope.
	dropEmpty bool
	// progs are the template's compiled expressions by source; env is
	// what they see.
	progs map[string]*vm.Program
	env   exprEnv
}

// fill returns the filled template; keep is false for a value to leave
// out.
func (f filler) fill(tpl any) (out any, keep bool, err error) {
	if src, ok := bodyExpr(tpl); ok {
		return f.compute(src)
	}
	switch t := tpl.(type) {
	case string:
		return f.fillString(t)
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, v := range t {
			x, keep, err := f.fill(v)
			if err != nil {
				return nil, false, err
			}
			if keep {
				// A key may be a variable too, such as an object keyed by
				// {invoice_id}.
				m[expand(k, f.vars, noEscape)] = x
			}
		}
		return m, true, nil
	case []any:
		list := make([]any, 0, len(t))
		for _, v := range t {
			if f.dropEmpty && f.usesEmpty(v) {
				continue
			}
			x, keep, err := f.fill(v)
			if err != nil {
				return nil, false, err
			}
			if keep {
				list = append(list, x)
			}
		}
		return list, true, nil
	}
	return tpl, true, nil
}

func (f filler) fillString(s string) (any, bool, error) {
	name, lone := loneVar(s)
	if !lone {
		return expand(s, f.vars, noEscape), true, nil
	}
	v := f.vars[name]
	switch {
	case f.omit != nil && f.omit(name):
		return nil, false, nil
	case f.dropEmpty && v == "":
		return nil, false, nil
	case slices.Contains(numberVars, name):
		if _, err := strconv.Atoi(v); err == nil {
			return json.Number(v), true, nil
		}
	}
	return v, true, nil
}

func (f filler) compute(src string) (any, bool, error) {
	prog := f.progs[src]
	if prog == nil {
		return nil, false, fmt.Errorf("body expression %q was not compiled", src)
	}
	env := f.env
	env.Vars = f.vars
	if env.Now == nil {
		env.Now = nowUTC
	}
	out, err := runExpr(prog, env)
	if err != nil {
		return nil, false, fmt.Errorf("body expression %q: %w", src, err)
	}
	return out, true, nil
}

// usesEmpty reports whether a template value uses a variable that is
// empty.
func (f filler) usesEmpty(v any) bool {
	for _, name := range bodyVars(v) {
		if f.vars[name] == "" {
			return true
		}
	}
	return false
}

// bodyExprs lists the sources of the expressions in a body template.
func bodyExprs(tpl any) []string {
	if src, ok := bodyExpr(tpl); ok {
		return []string{src}
	}
	var out []string
	switch t := tpl.(type) {
	case map[string]any:
		for _, v := range t {
			out = append(out, bodyExprs(v)...)
		}
	case []any:
		for _, v := range t {
			out = append(out, bodyExprs(v)...)
		}
	}
	return out
}

// compileBody compiles the expressions of a body template, reporting
// each that does not compile.
func compileBody(p *problems, where string, tpl any) map[string]*vm.Program {
	progs := map[string]*vm.Program{}
	for _, src := range bodyExprs(tpl) {
		prog, err := compileValueExpr(src)
		if err != nil {
			p.add(where, "expression %q: %v", src, firstLine(err))
			continue
		}
		progs[src] = prog
	}
	return progs
}
