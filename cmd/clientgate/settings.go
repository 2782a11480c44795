package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"clientgate/config"
	"clientgate/connectors/bridge"
)

const settingsUsage = `settings show [--config FILE] CONTACT_ID|EMAIL
       clientgate settings set [--config FILE] [--portal on|off] [--module NAME=on|off|default ...] [--company-items on|off|default] CONTACT_ID|EMAIL`

// moduleFlags collects repeated --module NAME=on|off|default flags.
type moduleFlags map[string]string

func (m moduleFlags) String() string { return fmt.Sprint(map[string]string(m)) }

// Set records one NAME=VALUE.
func (m moduleFlags) Set(v string) error {
	name, value, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("want NAME=on|off|default, got %q", v)
	}
	if _, known := (config.ModulesConfig{}).Map()[name]; !known {
		return fmt.Errorf("unknown module %q: want one of %s", name, strings.Join(moduleNames(), ", "))
	}
	if _, err := parseSwitch(value, true); err != nil {
		return err
	}
	m[name] = value
	return nil
}

func moduleNames() []string {
	var names []string
	for n := range (config.ModulesConfig{}).Map() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// parseSwitch parses on/off (and "default" when allowed, as nil).
func parseSwitch(s string, allowDefault bool) (*bool, error) {
	on, off := true, false
	switch strings.ToLower(s) {
	case "on", "true", "yes":
		return &on, nil
	case "off", "false", "no":
		return &off, nil
	case "default":
		if allowDefault {
			return nil, nil
		}
	}
	if allowDefault {
		return nil, fmt.Errorf("want on, off or default, got %q", s)
	}
	return nil, fmt.Errorf("want on or off, got %q", s)
}

func cmdSettings(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 || (args[0] != "show" && args[0] != "set") {
		return usagef("settings needs a subcommand: show or set")
	}
	sub := args[0]
	fs := newFlagSet(a, "settings "+sub, settingsUsage)
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are read")
	modules := moduleFlags{}
	var portalFlag, companyFlag string
	if sub == "set" {
		fs.StringVar(&portalFlag, "portal", "", "turn the portal on or off for the contact (`on|off`)")
		fs.Var(modules, "module", "switch one module for the contact (`NAME=on|off|default`); repeat for several")
		fs.StringVar(&companyFlag, "company-items", "", "whether the contact sees their company's invoices and quotes (`on|off|default`: portal.company_items_default)")
	}
	rest, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("settings %s needs exactly one CONTACT_ID or email", sub)
	}
	op, err := openOperator(ctx, a, *path)
	if err != nil {
		return err
	}
	defer op.Close()
	c, err := op.contact(ctx, rest[0])
	if err != nil {
		return err
	}
	s, err := op.store.ContactSettings(ctx, c.ID)
	if err != nil {
		return err
	}
	if sub == "set" {
		if s, err = applySettings(s, portalFlag, companyFlag, modules); err != nil {
			return err
		}
		if err := op.store.SaveContactSettings(ctx, s); err != nil {
			return err
		}
		if s.PortalDisabled {
			n, err := revokeSessions(ctx, op.cfg, op.store, bridge.SessionFilter{ContactID: c.ID}, newLogger(op.cfg.Log, a.stderr))
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "ended %d session(s)\n", n)
		}
	}
	printSettings(a, s, c.Email)
	return nil
}

// applySettings returns s changed by the set flags.
func applySettings(s bridge.ContactSettings, portalFlag, companyFlag string, modules moduleFlags) (bridge.ContactSettings, error) {
	if portalFlag != "" {
		on, err := parseSwitch(portalFlag, false)
		if err != nil {
			return s, usagef("--portal: %v", err)
		}
		s.PortalDisabled = !*on
	}
	if companyFlag != "" {
		on, err := parseSwitch(companyFlag, true)
		if err != nil {
			return s, usagef("--company-items: %v", err)
		}
		s.SeeCompanyItems = on != nil && *on
		s.HideCompanyItems = on != nil && !*on
	}
	next := map[string]bool{}
	for name, on := range s.Modules {
		next[name] = on
	}
	for name, value := range modules {
		on, _ := parseSwitch(value, true)
		if on == nil {
			delete(next, name)
		} else {
			next[name] = *on
		}
	}
	s.Modules = next
	return s, nil
}

func printSettings(a *app, s bridge.ContactSettings, email string) {
	fmt.Fprintf(a.stdout, "contact        %s (%s)\n", s.ContactID, cell(email))
	fmt.Fprintf(a.stdout, "portal         %s\n", onOff(!s.PortalDisabled))
	company := "default"
	switch {
	case s.HideCompanyItems:
		company = "off"
	case s.SeeCompanyItems:
		company = "on"
	}
	fmt.Fprintf(a.stdout, "company items  %s\n", company)
	for _, name := range moduleNames() {
		value := "default"
		if on, set := s.Modules[name]; set {
			value = onOff(on)
		}
		fmt.Fprintf(a.stdout, "module %-13s %s\n", name, value)
	}
}

func onOff(on bool) string {
	return map[bool]string{true: "on", false: "off"}[on]
}
