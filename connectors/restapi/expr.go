package restapi

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// exprEnv is what a field expression sees.
type exprEnv struct {
	// Item is the item as decoded JSON.
	Item map[string]any `expr:"item"`
	// Value is the value at the field's path, or nil.
	Value any `expr:"value"`
	// Sub holds the answers of the operation's sub-requests by name.
	Sub map[string]any `expr:"sub"`
	// Vars holds the request's template variables, such as vars.email
	// in find_contact_by_email or vars.first_name in create_contact.
	Vars map[string]string `expr:"vars"`
	// Now returns the current time in UTC (the connector's clock).
	Now func() time.Time `expr:"now"`
}

// exprOptions are the options every field expression is compiled with.
func exprOptions() []expr.Option {
	opts := []expr.Option{expr.Env(exprEnv{}), expr.DisableBuiltin("now"), expr.Timezone("UTC"), expr.MaxNodes(500)}
	return append(opts, helperFunctions()...)
}

// compileExpr compiles and type-checks a field expression for a field of
// kind k.
func compileExpr(src string, k kind) (*vm.Program, error) {
	prog, err := expr.Compile(src, exprOptions()...)
	if err != nil {
		return nil, err
	}
	if t := prog.Node().Type(); !resultFits(k, t) {
		return nil, fmt.Errorf("the expression gives a %s, which cannot be a %s", t, kindName(k))
	}
	return prog, nil
}

// compileValueExpr compiles an expression that gives a JSON value, such
// as a value of a request body.
func compileValueExpr(src string) (*vm.Program, error) {
	return expr.Compile(src, exprOptions()...)
}

// firstLine is the first line of an error: expr adds the source with a
// caret on further lines.
func firstLine(err error) string {
	first, _, _ := strings.Cut(err.Error(), "\n")
	return first
}

func nowUTC() time.Time { return time.Now().UTC() }

var timeType = reflect.TypeOf(time.Time{})

// resultFits reports whether an expression of static type t can give a
// value of kind k; an interface type is checked when the item is read.
func resultFits(k kind, t reflect.Type) bool {
	if t == nil || t.Kind() == reflect.Interface {
		return true
	}
	number := t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64
	switch k {
	case kindMoney:
		return number || t.Kind() == reflect.String
	case kindTime:
		return t == timeType || number || t.Kind() == reflect.String
	case kindBool:
		return t.Kind() == reflect.Bool || t.Kind() == reflect.String
	case kindString:
		return number || t.Kind() == reflect.String || t.Kind() == reflect.Bool
	}
	return t.Kind() == reflect.String
}

func kindName(k kind) string {
	switch k {
	case kindMoney:
		return "amount"
	case kindTime:
		return "time"
	case kindBool:
		return "flag"
	case kindString:
		return "text"
	}
	return "status or code (text)"
}

// runExpr evaluates a compiled expression, turning a panic inside a
// helper into an error.
func runExpr(prog *vm.Program, env exprEnv) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("expression failed: %v", r)
		}
	}()
	out, err = expr.Run(prog, env)
	if err != nil {
		return nil, errors.New(firstLine(err))
	}
	return out, nil
}
