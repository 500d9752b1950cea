package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/syntax"
)

// maxResolveDepth bounds how many variable hops a value is followed through, so that
// `a = b; b = a` style cycles and very long chains stay cheap.
const maxResolveDepth = 6

// unwrap looks through parentheses and TypeScript-only wrappers (`x as T`, `x!`), which
// change nothing about the value.
func unwrap(n *syntax.Node) *syntax.Node {
	for n != nil {
		switch n.Kind {
		case "parenthesized_expression", "as_expression", "non_null_expression",
			"satisfies_expression":
			n = n.NamedChild(0)
		case "type_assertion":
			// <T>x: the type arguments come first, the value last.
			n = n.NamedChild(1)
		default:
			return n
		}
	}
	return nil
}

// stringValue returns the value of a string literal or of a template literal without
// substitutions.
func (f *file) stringValue(n *syntax.Node) (string, bool) {
	n = unwrap(n)
	if n == nil {
		return "", false
	}
	switch n.Kind {
	case "string":
		s := f.text(n)
		if len(s) >= 2 {
			return s[1 : len(s)-1], true
		}
	case "template_string":
		if n.HasChild("template_substitution") {
			return "", false
		}
		if s := f.text(n); len(s) >= 2 {
			return s[1 : len(s)-1], true
		}
	}
	return "", false
}

// isConstant reports whether n's value is fixed in the source: literals, templates and
// concatenations of constants, and variables declared const with a constant value.
func (f *file) isConstant(n *syntax.Node, depth int) bool {
	n = unwrap(n)
	if n == nil || depth > maxResolveDepth {
		return false
	}
	switch n.Kind {
	case "string", "number", "true", "false", "null", "undefined", "regex":
		return true
	case "template_string":
		for _, c := range n.Children {
			if c.Kind == "template_substitution" && !f.isConstant(c.NamedChild(0), depth+1) {
				return false
			}
		}
		return true
	case "binary_expression":
		return f.isConstant(n.Child("left"), depth+1) && f.isConstant(n.Child("right"), depth+1)
	case "identifier", "shorthand_property_identifier":
		d := f.declarator(n)
		return d != nil && isConstDecl(d) &&
			f.isConstant(d.Child("value"), depth+1)
	}
	return false
}

// isConstDecl reports whether a declarator belongs to a `const` declaration.
func isConstDecl(declarator *syntax.Node) bool {
	decl := declarator.Parent
	return decl != nil && decl.Kind == "lexical_declaration" && decl.Child("kind") != nil &&
		decl.Child("kind").Kind == "const"
}

// declarator returns the declaration that an identifier use most likely refers to: among
// the declarations of that name whose scope encloses the use, the innermost one, and of
// those the last one before the use.
func (f *file) declarator(id *syntax.Node) *syntax.Node {
	var best *syntax.Node
	bestDepth := -1
	for _, d := range f.decls[f.text(id)] {
		scope := enclosingScope(d)
		if !encloses(scope, id) {
			continue
		}
		depth := nodeDepth(scope)
		if depth > bestDepth || (depth == bestDepth && d.StartByte < id.StartByte) {
			best, bestDepth = d, depth
		}
	}
	return best
}

// valueOf returns the initializer of the variable an identifier names, or nil.
func (f *file) valueOf(id *syntax.Node) *syntax.Node {
	if !isName(id) {
		return nil
	}
	if d := f.declarator(id); d != nil {
		return d.Child("value")
	}
	return nil
}

// isName reports whether n is a plain reference to a variable, including the shorthand
// `{ secret }` that stands for `{ secret: secret }`.
func isName(n *syntax.Node) bool {
	return n != nil && (n.Kind == "identifier" || n.Kind == "shorthand_property_identifier")
}

// appendsTo returns the right-hand sides of the `+=` assignments to the variable that
// declarator d declares, leaving out same-named variables of other scopes.
func (f *file) appendsTo(d *syntax.Node, name string) []*syntax.Node {
	var out []*syntax.Node
	for _, a := range f.appends[name] {
		if f.declarator(a.Child("left")) == d {
			out = append(out, a.Child("right"))
		}
	}
	return out
}

// enclosingScope returns the block, function body or program a declaration belongs to.
func enclosingScope(n *syntax.Node) *syntax.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.Kind {
		case "statement_block", "program", "for_statement", "for_in_statement",
			"class_body", "switch_case":
			return p
		}
	}
	return nil
}

func encloses(outer, inner *syntax.Node) bool {
	return outer != nil && outer.StartByte <= inner.StartByte && inner.EndByte <= outer.EndByte
}

func nodeDepth(n *syntax.Node) int {
	d := 0
	for ; n != nil; n = n.Parent {
		d++
	}
	return d
}

// qualify names a callee the way the rules match it: imported bindings become their
// module path ("child_process.exec"), other names are kept as written ("db.query").
func (f *file) qualify(n *syntax.Node) string {
	n = unwrap(n)
	if n == nil {
		return ""
	}
	switch n.Kind {
	case "identifier":
		if m, ok := f.imports[f.text(n)]; ok {
			return m
		}
		return f.text(n)
	case "member_expression":
		return f.qualify(n.Child("object")) + "." + f.text(n.Child("property"))
	case "call_expression":
		if m := f.requiredModule(n); m != "" {
			return m
		}
	case "this":
		return "this"
	}
	return ""
}

// propertyName returns the final property of a member expression, or an identifier's name.
func (f *file) propertyName(n *syntax.Node) string {
	n = unwrap(n)
	switch {
	case n == nil:
		return ""
	case n.Kind == "member_expression":
		return f.text(n.Child("property"))
	case n.Kind == "identifier":
		return f.text(n)
	}
	return ""
}

// args returns the argument nodes of a call or new expression; nil for a tagged template.
func args(call *syntax.Node) []*syntax.Node {
	a := call.Child("arguments")
	if a == nil || a.Kind != "arguments" {
		return nil
	}
	var out []*syntax.Node
	for _, c := range a.Children {
		if c.Named && c.Kind != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// objectProperty returns the value of key in an object literal, or nil.
func (f *file) objectProperty(obj *syntax.Node, key string) *syntax.Node {
	obj = unwrap(obj)
	if obj == nil || obj.Kind != "object" {
		return nil
	}
	for _, c := range obj.Children {
		if c.Kind == "pair" && f.keyName(c.Child("key")) == key {
			return c.Child("value")
		}
		if c.Kind == "shorthand_property_identifier" && f.text(c) == key {
			return c
		}
	}
	return nil
}

// keyName returns an object key without quotes.
func (f *file) keyName(key *syntax.Node) string {
	if s, ok := f.stringValue(key); ok {
		return s
	}
	return strings.TrimSpace(f.text(key))
}
