package jetpacktest

import (
	"strconv"
	"strings"
)

// Contact is a contact as the CRM stores it. Fields holds the string
// columns under their API keys (status, email, prefix, fname, lname,
// addr1, …, secaddr_addr1, …, hometel, worktel, mobtel) and custom-field
// values under their slugs.
type Contact struct {
	ID      int
	Owner   int
	Fields  map[string]string
	Tags    []string
	Created int64
	Updated int64
}

// Line is an invoice or quote line item; amounts are decimal strings.
type Line struct {
	Title, Desc, Quantity, Price, Total string
}

// Invoice is an invoice linked to one contact (ContactID).
type Invoice struct {
	ID, ContactID int
	// Ref is id_override, the custom reference ("" when unused).
	Ref string
	// Status is Draft, Unpaid, Paid, Overdue or Deleted.
	Status                           string
	Currency                         string
	Date, Due, Paid                  int64
	Net, Discount, DiscountType, Tax string
	Total                            string
	Lines                            []Line
}

// Quote is a quote linked to one contact. Accepted is the acceptance
// time (0 when not accepted); Template > 0 means published.
type Quote struct {
	ID, ContactID        int
	Ref, Title, Currency string
	Value                string
	Date, Accepted       int64
	Template             int
	Content, Notes       string
	Lines                []Line
}

// Transaction is a payment linked to one contact.
type Transaction struct {
	ID, ContactID                      int
	Ref, Status, Type, Title, Currency string
	Total                              string
	Date                               int64
}

// Event is a task or appointment linked to contacts.
type Event struct {
	ID                     int
	ContactIDs             []int
	Title, Desc            string
	Start, End             int64
	Complete, ShowOnPortal bool
}

// Company is a company with its contacts.
type Company struct {
	ID                                            int
	Name, Email, Status, Tel                      string
	Addr1, Addr2, City, County, PostCode, Country string
	ContactIDs                                    []int
}

// contactKeys are the standard string columns create_customer writes, in
// the order the API answers with them.
var contactKeys = []string{
	"status", "email", "prefix", "fname", "lname", "addr1", "addr2", "city", "county", "country", "postcode",
	"secaddr_addr1", "secaddr_addr2", "secaddr_city", "secaddr_county", "secaddr_country", "secaddr_postcode",
	"hometel", "worktel", "mobtel",
}

func (c *Contact) get(key string) string { return c.Fields[key] }

func (c *Contact) fullName() string {
	name := c.get("fname") + " " + c.get("lname")
	if p := c.get("prefix"); p != "" {
		name = p + " " + name
	}
	return name
}

// matches is the CRM's search: a case-insensitive substring of the names,
// email, addresses or phones (phones with separators stripped).
func (c *Contact) matches(term string) bool {
	term = strings.ToLower(term)
	if term == "" {
		return true
	}
	hay := []string{c.fullName()}
	for _, k := range contactKeys[1:] {
		hay = append(hay, c.get(k))
	}
	for _, h := range hay {
		if strings.Contains(strings.ToLower(h), term) || strings.Contains(strings.ToLower(stripPhone(h)), term) {
			return true
		}
	}
	return false
}

// phoneSeparators are what the CRM's search strips from phone numbers.
var phoneSeparators = strings.NewReplacer(" ", "", ".", "", "-", "", "(", "", ")", "")

func stripPhone(s string) string { return phoneSeparators.Replace(s) }

func itoa(n int) string { return strconv.Itoa(n) }
