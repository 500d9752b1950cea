// Package syntax parses source files with tree-sitter and copies each syntax tree into plain
// Go values, so that later stages walk it without cgo calls and the C tree is freed at once.
package syntax

// Point is a 1-based position; Column counts bytes.
type Point struct {
	Line   int
	Column int
}

// Node is one node of a parsed file. Punctuation is dropped; named nodes, keywords and
// operators that carry a field name (the "+" of a binary expression) are kept.
type Node struct {
	Kind  string
	Field string // the field this node fills in its parent, or ""
	Named bool
	// StartByte and EndByte delimit the node's text in the file's source.
	StartByte, EndByte uint32
	Start, End         Point
	Parent             *Node
	Children           []*Node
}

// Child returns the first child filling the named field, or nil.
func (n *Node) Child(field string) *Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Field == field {
			return c
		}
	}
	return nil
}

// NamedChild returns the i-th named child, or nil.
func (n *Node) NamedChild(i int) *Node {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if !c.Named {
			continue
		}
		if i == 0 {
			return c
		}
		i--
	}
	return nil
}

// HasChild reports whether n has a direct child of the given kind, named or not.
func (n *Node) HasChild(kind string) bool {
	if n == nil {
		return false
	}
	for _, c := range n.Children {
		if c.Kind == kind {
			return true
		}
	}
	return false
}

// Text returns the node's source text.
func (n *Node) Text(src []byte) string {
	if n == nil || int(n.EndByte) > len(src) {
		return ""
	}
	return string(src[n.StartByte:n.EndByte])
}

// Walk calls visit for n and every node below it, parents before children, in source order.
// It stops descending below a node for which visit returns false.
func Walk(n *Node, visit func(*Node) bool) {
	if n == nil || !visit(n) {
		return
	}
	for _, c := range n.Children {
		Walk(c, visit)
	}
}
