package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// errHelp reports that a subcommand printed its help on request.
var errHelp = errors.New("help requested")

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "clientgate: a client portal in front of your CRM")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  clientgate %-54s %s\n", c.usage, c.summary)
	}
	fmt.Fprintf(w, "  clientgate %-54s %s\n", "help", "show this help")
	fmt.Fprintln(w, "\nEvery configuration key can be set with a CLIENTGATE_* variable (and its _FILE")
	fmt.Fprintln(w, "variant); see clientgate.example.yaml. \"clientgate COMMAND -h\" shows a command's flags.")
}

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints its help to a's stderr.
func newFlagSet(a *app, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Usage = func() {
		fmt.Fprintf(a.stderr, "Usage: clientgate %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; -h gives errHelp, any other mistake a usage
// error (the flag package has already printed what is wrong).
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelp
		}
		return usagef("%s: %v", fs.Name(), err)
	}
	return nil
}

// parseArgs parses args allowing flags after positional arguments (as in
// "settings set 42 --portal off") and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		rest := fs.Args()
		if len(args) > 0 && len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil // everything after "--" is positional
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
