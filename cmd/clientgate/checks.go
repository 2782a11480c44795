package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// check is one named check of check-config.
type check struct {
	name string
	// run returns a short detail when the check passes, an error saying
	// why when it fails, or errSkipped wrapped with the reason.
	run func(ctx context.Context) (string, error)
	// stopsStart marks a check whose failure stops serve from starting;
	// the others leave it unready (sign-in) or degraded (the CRM).
	stopsStart bool
}

// errSkipped marks a check that does not apply to this configuration.
var errSkipped = errors.New("skipped")

// skipped returns an errSkipped carrying the reason.
func skipped(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errSkipped, fmt.Sprintf(format, args...))
}

// checkFailed is check-config's error when a check failed: the verdict,
// then each failure on lines of its own.
type checkFailed struct {
	verdict  string
	failures []string
}

func (e checkFailed) Error() string {
	return e.verdict + "\n" + strings.Join(e.failures, "\n")
}

// runChecks runs the checks in order, printing "PASS name: detail",
// "FAIL name: reason" or "SKIP name: reason" for each, then the verdict.
// A check whose failure stops serve from starting ends the run (the later
// checks rely on it). It returns nil when every check passed.
func runChecks(ctx context.Context, w io.Writer, checks []check) error {
	var stop, unready, failures []string
	for _, c := range checks {
		detail, err := c.run(ctx)
		switch {
		case errors.Is(err, errSkipped):
			fmt.Fprintf(w, "SKIP %s: %s\n", c.name, strings.TrimPrefix(err.Error(), errSkipped.Error()+": "))
		case err != nil:
			fmt.Fprintf(w, "FAIL %s: %s\n", c.name, oneLine(err.Error()))
			failures = append(failures, c.name+": "+err.Error())
			if c.stopsStart {
				stop = append(stop, c.name)
			} else {
				unready = append(unready, c.name)
			}
		default:
			fmt.Fprintf(w, "PASS %s: %s\n", c.name, detail)
		}
		if len(stop) > 0 {
			break
		}
	}
	switch {
	case len(stop) > 0:
		return checkFailed{"clientgate would not start: " + strings.Join(stop, ", ") + " failed", failures}
	case len(unready) > 0:
		return checkFailed{"clientgate would start but not work fully: " + strings.Join(unready, ", ") + " failed", failures}
	}
	return nil
}
