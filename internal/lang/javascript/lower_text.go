package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/syntax"
)

// literal returns the value of a string literal, or of a template without substitutions,
// as written between its delimiters. Error recovery can leave a literal without its
// closing delimiter, or empty, so neither is assumed.
func (l *lowerer) literal(n *syntax.Node) (string, bool) {
	n = unwrap(n)
	if n == nil || n.Kind != "string" && n.Kind != "template_string" ||
		n.HasChild("template_substitution") {
		return "", false
	}
	s := l.text(n)
	if s == "" {
		return "", true
	}
	quote := s[:1]
	s = s[1:]
	return strings.TrimSuffix(s, quote), true
}

// memberName returns the name of a property, method or field as written: `m`, `#m`, `1`,
// `'m'` without its quotes, and `[Symbol.iterator]` cut like a Pos.Text, since a computed
// name can hold a whole function.
func (l *lowerer) memberName(n *syntax.Node) string {
	if s, ok := l.literal(n); ok {
		return s
	}
	if n.Kind == "computed_property_name" {
		return l.snippet(n.StartByte, n.EndByte)
	}
	return l.text(n)
}

// lastName returns the name an identifier or a member chain ends with: `Body` for both
// `Body` and `common.Body`.
func (l *lowerer) lastName(n *syntax.Node) string {
	n = unwrap(n)
	switch {
	case n == nil:
		return ""
	case n.Kind == "member_expression":
		return l.text(n.Child("property"))
	case n.Kind == "identifier":
		return l.text(n)
	}
	return ""
}

// chainedPath returns the path of `router.route('/users')` at the start of a chain such
// as `router.route('/users').get(a).post(b)`.
func (l *lowerer) chainedPath(obj *syntax.Node) (string, bool) {
	for obj = unwrap(obj); obj != nil && obj.Kind == "call_expression"; {
		callee := unwrap(obj.Child("function"))
		if callee == nil || callee.Kind != "member_expression" {
			return "", false
		}
		if l.text(callee.Child("property")) == "route" {
			return l.literal(firstKid(obj.Child("arguments")))
		}
		obj = unwrap(callee.Child("object"))
	}
	return "", false
}
