// Command clientgate puts a client portal in front of a CRM. Its
// subcommands serve the portal, run a self-contained demo, check a
// configuration, import data into the built-in store and manage identity
// links and per-contact settings. Run "clientgate help" for the list.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	_ "time/tzdata" // clients' time zones on hosts (and images) without a tz database

	"github.com/gin-gonic/gin"

	"clientgate/config"
)

func main() {
	gin.SetMode(gin.ReleaseMode) // no debug banner on stdout
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Environ())
	stop()
	os.Exit(code)
}

// app is what every subcommand gets: where to write and the environment.
type app struct {
	stdout, stderr io.Writer
	environ        []string
}

// command is one subcommand.
type command struct {
	name, usage, summary string
	run                  func(ctx context.Context, a *app, args []string) error
}

// commands lists the subcommands in help order; help is added by run.
var commands = []command{
	{"serve", "serve [--config FILE]", "serve the portal (config from FILE and CLIENTGATE_* variables)", cmdServe},
	{"demo", demoUsage, "serve a demo portal with sample data on a local SQLite store (with online payment against stripe-mock)", cmdDemo},
	{"check-config", "check-config [--config FILE]", "check a configuration and list every problem", cmdCheckConfig},
	{"import", "import [--config FILE] DATA.json", "import contacts, invoices, quotes, ... into the built-in store", cmdImport},
	{"link", "link list|add|remove|conflicts [--config FILE] ...", "manage links from sign-in identities to contacts", cmdLink},
	{"settings", "settings show|set [--config FILE] [flags] CONTACT", "show or change a contact's portal settings", cmdSettings},
	{"files", "files add|list|remove [--config FILE] [--contact ID | --company ID] ...", "place files in a contact's or company's library, list or remove them", cmdFiles},
	{"sessions", "sessions list|revoke [--config FILE] [--contact ID | --email EMAIL | --all]", "list or end sign-in sessions (every replica)", cmdSessions},
	{"invite", inviteUsage, "email a contact that their portal is ready (the running portal sends it)", cmdInvite},
	{"cache", cacheUsage, "drop cached CRM data in the running portal (every replica)", cmdCache},
	{"version", "version", "print the version", cmdVersion},
}

// run executes the subcommand named by args[0] and returns the exit code:
// 0 on success, 2 for a usage error, 1 for any other failure.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, environ []string) int {
	a := &app{stdout: stdout, stderr: stderr, environ: environ}
	if len(args) == 0 {
		printHelp(stderr)
		return 2
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		printHelp(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == name {
			return exitCode(stderr, c.run(ctx, a, rest))
		}
	}
	fmt.Fprintf(stderr, "clientgate: unknown command %q (run \"clientgate help\")\n", name)
	return 2
}

// usageError is a mistake in the command line; its exit code is 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// usagef returns a usageError.
func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// exitCode prints err (one line; a list of problems gets one line each)
// and returns the exit code for it.
func exitCode(stderr io.Writer, err error) int {
	var probs config.Problems
	var usage usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errHelp):
		return 0
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "clientgate: %s\n", oneLine(usage.msg))
		return 2
	case errors.As(err, &probs) && len(probs) == 1:
		fmt.Fprintf(stderr, "clientgate: %s\n", oneLine(probs[0]))
		return 1
	case errors.As(err, &probs):
		fmt.Fprintf(stderr, "clientgate: the configuration has %d problem(s):\n", len(probs))
		for _, p := range probs {
			fmt.Fprintf(stderr, "  %s\n", oneLine(p))
		}
		return 1
	}
	lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
	fmt.Fprintf(stderr, "clientgate: %s\n", oneLine(lines[0]))
	for _, l := range lines[1:] {
		if l = oneLine(l); l != "" {
			fmt.Fprintf(stderr, "  %s\n", l)
		}
	}
	return 1
}

// oneLine folds white space, including line breaks, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
