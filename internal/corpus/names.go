package corpus

import (
	"math/rand/v2"
	"strings"
)

// nouns are the records the applications manage; an application takes a shuffled run of
// them, and qualified forms ("partnerOrder") once they run out.
var nouns = []string{
	"order", "invoice", "product", "customer", "shipment", "ticket", "payment",
	"subscription", "review", "coupon", "warehouse", "supplier", "employee", "project",
	"task", "comment", "report", "booking", "vehicle", "device", "contract", "lead",
	"campaign", "article", "category", "asset", "vendor", "refund", "claim", "course",
	"lesson", "event", "venue", "member", "team", "playlist", "track", "recipe", "survey",
	"quote", "delivery", "parcel", "route", "store", "basket", "voucher", "listing",
	"document", "folder", "meeting",
}

// qualifiers make further record names once an application has used every noun.
var qualifiers = []string{
	"partner", "archived", "draft", "internal", "legacy", "scheduled", "regional",
	"shared", "bulk", "pending", "external", "recurring",
}

// appNames name the applications of the workspace; a second round gets a number.
var appNames = []string{
	"billing", "catalog", "fulfilment", "support", "scheduling", "reporting", "inventory",
	"payments", "notifications", "loyalty", "logistics", "content", "onboarding",
	"procurement", "analytics", "marketplace",
}

// kindOf is the type of a record field.
type fieldKind int

const (
	textField fieldKind = iota
	intField
	boolField
	dateField
	enumField
)

// field is a column of a record.
type field struct {
	name   string // camelCase, as the API spells it
	column string // snake_case, as the table spells it
	kind   fieldKind
}

// fieldPool holds the fields records are made of; the first text field a record takes
// is the one searched and sorted by.
var fieldPool = []field{
	{"title", "title", textField},
	{"status", "status", enumField},
	{"amountCents", "amount_cents", intField},
	{"quantity", "quantity", intField},
	{"notes", "notes", textField},
	{"dueDate", "due_date", dateField},
	{"reference", "reference", textField},
	{"region", "region", enumField},
	{"priority", "priority", intField},
	{"sku", "sku", textField},
	{"currency", "currency", enumField},
	{"archived", "archived", boolField},
	{"label", "label", textField},
	{"startsAt", "starts_at", dateField},
	{"score", "score", intField},
	{"channel", "channel", enumField},
	{"description", "description", textField},
	{"weightGrams", "weight_grams", intField},
}

// enumValues are the values an enum field takes, by field name.
var enumValues = map[string][]string{
	"status":   {"draft", "open", "closed", "cancelled"},
	"region":   {"emea", "amer", "apac"},
	"currency": {"EUR", "USD", "GBP", "JPY"},
	"channel":  {"web", "email", "phone", "partner"},
}

// resource is one kind of record an application serves, with the files that serve it.
type resource struct {
	name   string // camelCase singular: partnerOrder
	plural string // partnerOrders
	typ    string // PascalCase singular: PartnerOrder
	table  string // snake_case plural: partner_orders
	path   string // kebab-case plural: partner-orders
	fields []field
	key    field     // the text field searched and sorted by
	style  int       // which shape its files take, 0 to styles-1
	peer   *resource // a resource whose service this one calls, or nil
	koa    bool
}

// styles is how many shapes each kind of file comes in.
const styles = 3

// newResource names a resource after words, camelCased.
func newResource(words []string, rng *rand.Rand, koa bool) *resource {
	r := &resource{koa: koa, style: rng.IntN(styles)}
	last := len(words) - 1
	plural := append(append([]string(nil), words[:last]...), pluralOf(words[last]))
	r.name = camel(words)
	r.plural = camel(plural)
	r.typ = pascal(words)
	r.table = strings.Join(plural, "_")
	r.path = strings.Join(plural, "-")
	r.fields, r.key = pickFields(rng)
	return r
}

// pickFields takes four to seven fields in pool order, one of them text.
func pickFields(rng *rand.Rand) ([]field, field) {
	n := 4 + rng.IntN(4)
	perm := rng.Perm(len(fieldPool))[:n]
	keep := make([]bool, len(fieldPool))
	for _, i := range perm {
		keep[i] = true
	}
	keep[0] = keep[0] || !anyText(keep)
	var out []field
	for i, f := range fieldPool {
		if keep[i] {
			out = append(out, f)
		}
	}
	for _, f := range out {
		if f.kind == textField {
			return out, f
		}
	}
	return out, out[0]
}

func anyText(keep []bool) bool {
	for i, k := range keep {
		if k && fieldPool[i].kind == textField {
			return true
		}
	}
	return false
}

// pluralOf spells the plural of an English noun of the vocabulary.
func pluralOf(w string) string {
	switch {
	case strings.HasSuffix(w, "y") && !strings.ContainsAny(w[len(w)-2:len(w)-1], "aeiou"):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"):
		return w + "es"
	}
	return w + "s"
}

func camel(words []string) string {
	p := pascal(words)
	return strings.ToLower(p[:1]) + p[1:]
}

func pascal(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}
