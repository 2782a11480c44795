package portal

import "sync"

// layoutText is the layout's fixed wording in one language, translated
// once rather than on every page.
type layoutText struct {
	Skip, Menu, SignOut, NavLabel, Language string
	// Contact labels the footer's contact section; Email and Phone its
	// lines.
	Contact, Email, Phone string
	// overview and modules are the navigation's labels, modules' by
	// module.
	overview string
	modules  map[string]string
}

// layoutTexts keeps a layoutText per localizer (nil for a formatter
// without translations); the business name in Contact is the server's,
// fixed. It is safe for concurrent use.
type layoutTexts struct {
	byLocalizer sync.Map // *i18n.Localizer → *layoutText
}

// of returns the layout's wording in f's language, bizName naming the
// business.
func (lt *layoutTexts) of(f formatter, bizName string) *layoutText {
	if t, ok := lt.byLocalizer.Load(f.tr); ok {
		return t.(*layoutText)
	}
	t, _ := lt.byLocalizer.LoadOrStore(f.tr, newLayoutText(f, bizName))
	return t.(*layoutText)
}

// newLayoutText translates the layout's wording for f.
func newLayoutText(f formatter, bizName string) *layoutText {
	t := &layoutText{
		Skip: f.T("layout.skip"), Menu: f.T("layout.menu"), SignOut: f.T("layout.sign_out"),
		NavLabel: f.T("layout.nav_label"), Language: f.T("layout.language"),
		Contact: f.T("contact.label", "Name", bizName), Email: f.T("contact.email"), Phone: f.T("contact.phone"),
		overview: f.T("nav.overview"), modules: make(map[string]string, len(moduleLabels)),
	}
	for m, id := range moduleLabels {
		t.modules[m] = f.T(id)
	}
	return t
}
