package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/syntax"
)

// scanTopLevelChecks records the module's top-level consts that guards test against
// (`const ALLOWED = ['asc', 'desc']`), before the walk, because functions declared above
// such a const are lowered before the walk reaches it. Only the top level is read, so the
// cost stays linear; consts inside functions are recorded when the walk reaches them,
// which is before any use that runs.
func (l *lowerer) scanTopLevelChecks(root *syntax.Node) {
	for _, c := range root.Children {
		if c.Kind == "export_statement" {
			c = c.Child("declaration")
		}
		if c != nil && c.Kind == "lexical_declaration" {
			for _, d := range c.Children {
				if d.Kind == "variable_declarator" {
					l.noteCheck(d)
				}
			}
		}
	}
}

// noteCheck records what a declarator binds for guards: a const bound to a constant list
// or an anchored regex can be tested against. A name bound more than once, differently,
// is never trusted.
func (l *lowerer) noteCheck(declarator *syntax.Node) {
	name := declarator.Child("name")
	if name == nil || name.Kind != "identifier" {
		return
	}
	kind := ""
	if isConstDecl(declarator) {
		kind = l.checkKind(declarator.Child("value"))
	}

	key := l.text(name)
	if prev, seen := l.checks[key]; seen && prev != kind {
		kind = ""
	}
	l.checks[key] = kind
}

// anchored reports whether a regex pattern must match its whole input: it starts with ^,
// ends with an unescaped $, and has no alternative outside a group, since `^a|b$` anchors
// each alternative at one end only.
func anchored(p string) bool {
	if !strings.HasPrefix(p, "^") || !strings.HasSuffix(p, "$") || escapedAt(p, len(p)-1) {
		return false
	}
	depth, inClass := 0, false
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case inClass:
			inClass = c != ']'
		case c == '[':
			inClass = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			return false
		}
	}
	return true
}

// escapedAt reports whether the byte at i is escaped by an odd run of backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}
