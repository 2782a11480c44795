package restapi

import (
	"slices"
	"strings"
)

// validateFields checks a fields mapping against the domain kinds.
// inherited reports whether amounts have a currency without a currency
// field of their own (the mapping's, or the parent record's for lines).
func validateFields(p *problems, where string, fields map[string]*Field, kinds map[string]kind, inherited bool) {
	cur, hasCur := fields[currencyField]
	for _, name := range sortedKeys(fields) {
		f := fields[name]
		at := where + "." + name
		k, ok := kinds[name]
		if name == currencyField {
			k, ok = kindCurrency, true
		}
		if !ok {
			p.add(at, "unknown domain field (known: %s)", strings.Join(sortedKeys(kinds), ", "))
			continue
		}
		if f == nil {
			p.add(at, "is empty")
			continue
		}
		validateField(p, at, k, f)
		if k == kindMoney && !hasCur && !inherited {
			p.add(at, "an amount needs a currency: map a currency field or set the mapping's currency")
		}
	}
	if hasCur && cur != nil && cur.Path == "" && cur.Default == nil {
		p.add(where+".currency", "needs a path or a default")
	}
}

// validateField checks one field's path, conversion, map and default.
func validateField(p *problems, at string, k kind, f *Field) {
	validateExtras(p, at, k, f)
	switch {
	case f.Path == "" && f.Default == nil && f.Expr == "":
		p.add(at+".path", "is required unless a default or an expr is given")
	case f.Path != "":
		if err := checkPath(f.Path); err != nil {
			p.add(at+".path", "bad gjson path %q: %v", f.Path, err)
		}
	}
	formats := formatsOf(k)
	if f.Format != "" && !slices.Contains(formats, f.Format) {
		p.add(at+".format", "unknown conversion %q for this field (known: %s)", f.Format, strings.Join(formats, ", "))
	}
	if (f.Format == FormatLayout) != (f.Layout != "") {
		p.add(at+".layout", "a layout goes with format layout, and only with it")
	}
	if len(f.Map) > 0 && (k == kindMoney || k == kindTime) {
		p.add(at+".map", "amounts and times cannot be mapped")
	}
	if k != kindMoney && k != kindTime && k != kindString {
		for from, to := range f.Map {
			if _, err := fromText(k, &Field{}, to); err != nil {
				p.add(at+".map."+from, "%v", err)
			}
		}
	}
	if f.Default != nil {
		if _, err := fromDefault(k, f, *f.Default, ""); err != nil {
			p.add(at+".default", "%v", err)
		}
	}
	if f.Optional && f.Default != nil {
		p.add(at, "optional and default exclude each other")
	}
}

// validateExtras checks a field's expression, HTML flag and rounding
// rule, compiling the expression once.
func validateExtras(p *problems, at string, k kind, f *Field) {
	f.prog = nil
	if f.Expr != "" {
		prog, err := compileExpr(f.Expr, k)
		if err != nil {
			first, _, _ := strings.Cut(err.Error(), "\n")
			p.add(at+".expr", "does not compile: %s", first)
		}
		f.prog = prog
	}
	if f.HTML && k != kindString {
		p.add(at+".html", "is for text fields only")
	}
	if f.Round != "" && (k != kindMoney || !slices.Contains(roundRules, f.Round)) {
		p.add(at+".round", "is for amounts only, one of %s", strings.Join(roundRules, ", "))
	}
}
