package restapi

import (
	"fmt"
	"strconv"
	"time"

	"github.com/tidwall/gjson"
)

// compute evaluates a field's expression on item and converts its result
// to kind k. found is false when the result is empty (nil, "", a zero
// time), so that the field's default or optional applies.
func (rd reader) compute(k kind, f *Field, item, r gjson.Result, cur string) (value, bool, error) {
	env := exprEnv{Sub: rd.subs, Now: rd.now, Vars: rd.vars}
	if m, ok := item.Value().(map[string]any); ok {
		env.Item = m
	}
	if r.Exists() {
		env.Value = r.Value()
	}
	if env.Now == nil {
		env.Now = func() time.Time { return time.Now().UTC() }
	}
	out, err := runExpr(f.prog, env)
	if err != nil {
		return value{}, false, err
	}
	if isEmpty(out) {
		return value{}, false, nil
	}
	v, err := fromResult(k, f, out, cur)
	return v, err == nil, err
}

// fromResult converts an expression's result into a value of kind k.
func fromResult(k kind, f *Field, out any, cur string) (value, error) {
	switch k {
	case kindMoney:
		text, ok := numberText(out)
		if !ok {
			return value{}, fmt.Errorf("the expression gave %s, not an amount", describe(out))
		}
		m, rounded, err := roundMoney(text, cur, f.Round)
		v := value{money: m}
		if rounded {
			v.note = fmt.Sprintf("rounded %s to %s (%s)", text, m.Decimal(), roundName(f.Round))
		}
		return v, err
	case kindTime:
		if t, ok := out.(time.Time); ok {
			return value{time: t.UTC()}, nil
		}
		text, ok := numberText(out)
		if !ok {
			return value{}, fmt.Errorf("the expression gave %s, not a time", describe(out))
		}
		raw := gjson.Parse(strconv.Quote(text))
		t, err := toTime(f.Format, f.Layout, raw)
		return value{time: t}, err
	case kindBool:
		if b, ok := out.(bool); ok {
			return value{flag: b}, nil
		}
	}
	text, ok := numberText(out)
	if b, isBool := out.(bool); isBool {
		text, ok = strconv.FormatBool(b), true
	}
	if !ok {
		return value{}, fmt.Errorf("the expression gave %s, not text", describe(out))
	}
	if f.HTML && k == kindString {
		return fromHTML(f, text)
	}
	return fromText(k, f, text)
}

// numberText returns a string or a number as text; floats are written
// in the shortest form that reads back as the same float.
func numberText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case int:
		return strconv.Itoa(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	}
	return "", false
}
