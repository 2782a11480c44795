package restapi

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/expr-lang/expr"
)

// helperFunctions are the functions field expressions may call besides
// expr's built-ins (date, duration, len, sum, filter, upper, trim, ...):
//
//	coalesce(a, b, ...)  the first argument that is not empty
//	empty(x)             nil, blank text, "0000-00-00…", an empty list or map, a zero time
//	num(x)               a number from a JSON number or a numeric string
//	unix(x)              a time from seconds since 1970 (number or string)
//	text(x)              a string, number or flag as text (numbers as written)
//	plain(x)             HTML text as plain text
func helperFunctions() []expr.Option {
	return []expr.Option{
		expr.Function("coalesce", func(args ...any) (any, error) {
			for _, a := range args {
				if !isEmpty(a) {
					return a, nil
				}
			}
			return nil, nil
		}),
		expr.Function("empty", func(args ...any) (any, error) { return isEmpty(args[0]), nil },
			new(func(any) bool)),
		expr.Function("num", func(args ...any) (any, error) { return toNumber(args[0]) },
			new(func(any) float64)),
		expr.Function("unix", func(args ...any) (any, error) { return fromUnix(args[0]) },
			new(func(any) time.Time)),
		expr.Function("text", func(args ...any) (any, error) { return toText(args[0]), nil },
			new(func(any) string)),
		expr.Function("plain", func(args ...any) (any, error) { return plainText(toText(args[0])), nil },
			new(func(any) string)),
	}
}

// isEmpty reports whether a decoded JSON value holds nothing.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		s := strings.TrimSpace(x)
		return s == "" || zeroDate(s)
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	case time.Time:
		return x.IsZero()
	}
	return false
}

func toNumber(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		if err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f, nil
		}
	}
	return 0, fmt.Errorf("num: %s is not a number", describe(v))
}

func fromUnix(v any) (time.Time, error) {
	n, err := toNumber(v)
	if err != nil || n != math.Trunc(n) || math.Abs(n) > maxUnixSeconds {
		return time.Time{}, fmt.Errorf("unix: %s is not a whole number of seconds", describe(v))
	}
	if n == 0 {
		return time.Time{}, nil
	}
	return time.Unix(int64(n), 0).UTC(), nil
}

func toText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// describe names a value in an error without quoting much of it.
func describe(v any) string {
	if v == nil {
		return "nothing"
	}
	return clip(fmt.Sprintf("%q", toText(v)))
}
