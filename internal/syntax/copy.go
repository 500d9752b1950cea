package syntax

import (
	sitter "github.com/tree-sitter/go-tree-sitter"
)

// slabSize is how many nodes are allocated at once: one allocation per block of nodes
// instead of one per node keeps the garbage collector out of the hot path.
const slabSize = 512

type builder struct {
	g           *Grammar
	slab        []Node
	checkErrors bool
	errorLines  []int
}

// copyTree walks the tree with a cursor, the cheapest way through cgo, and copies the
// nodes worth keeping. Dropped nodes are tokens, which have no children, so the walk never
// needs to descend below one.
func (b *builder) copyTree(c *sitter.TreeCursor) *Node {
	defer c.Close()

	root := b.node(c, nil)
	var parent *Node // the copy of the cursor node's parent
	cur := root
	for {
		if cur != nil && c.GotoFirstChild() {
			parent = cur
			cur = b.node(c, parent)
			continue
		}
		for !c.GotoNextSibling() {
			if parent == nil || !c.GotoParent() {
				return root
			}
			parent = parent.Parent
		}
		cur = b.node(c, parent)
	}
}

// node copies the cursor's node under parent, or returns nil for punctuation.
func (b *builder) node(c *sitter.TreeCursor, parent *Node) *Node {
	tn := c.Node()
	kind, named := b.g.kind(tn.KindId())
	field := b.g.field(c.FieldId())
	if b.checkErrors && (kind == "ERROR" || tn.IsMissing()) {
		b.recordError(int(tn.StartPosition().Row) + 1)
	}
	if !named && field == "" && !isWord(kind) {
		return nil
	}

	n := b.alloc()
	start, end := tn.StartPosition(), tn.EndPosition()
	*n = Node{
		Kind:      kind,
		Field:     field,
		Named:     named,
		StartByte: uint32(tn.StartByte()),
		EndByte:   uint32(tn.EndByte()),
		Start:     Point{Line: int(start.Row) + 1, Column: int(start.Column) + 1},
		End:       Point{Line: int(end.Row) + 1, Column: int(end.Column) + 1},
		Parent:    parent,
	}
	if parent != nil {
		parent.Children = append(parent.Children, n)
	}
	return n
}

func (b *builder) alloc() *Node {
	if len(b.slab) == 0 {
		b.slab = make([]Node, slabSize)
	}
	n := &b.slab[0]
	b.slab = b.slab[1:]
	return n
}

func (b *builder) recordError(line int) {
	k := len(b.errorLines)
	if k >= maxErrorLines || (k > 0 && b.errorLines[k-1] == line) {
		return
	}
	b.errorLines = append(b.errorLines, line)
}

// kind returns the name of a kind id; ids past the table are tree-sitter's error symbol.
func (g *Grammar) kind(id uint16) (string, bool) {
	if int(id) >= len(g.kinds) {
		return "ERROR", true
	}
	return g.kinds[id], g.named[id]
}

func (g *Grammar) field(id uint16) string {
	if int(id) >= len(g.fields) {
		return ""
	}
	return g.fields[id]
}

// isWord reports whether an anonymous token is a keyword such as const, new or async,
// which the analyses need, rather than punctuation.
func isWord(kind string) bool {
	if kind == "" {
		return false
	}
	c := kind[0]
	return c == '_' || c == '$' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}
