package syntax

// slabSize is how many nodes are allocated at once: one allocation per block of nodes
// instead of one per node keeps the garbage collector out of the hot path.
const slabSize = 512

// errorSymbol is tree-sitter's kind id for an ERROR node.
const errorSymbol = 0xFFFF

type builder struct {
	g          *Grammar
	slab       []Node
	errorLines []int
}

// build turns the flattened preorder records into linked nodes, dropping punctuation.
// stack[d] holds the kept ancestor at depth d, or nil where that ancestor was dropped.
func (b *builder) build(recs []record) *Node {
	stack := make([]*Node, 0, 64)
	var root *Node
	for i := range recs {
		r := &recs[i]
		depth := int(r.depth)
		if depth > len(stack) {
			depth = len(stack) // cannot happen in preorder; keeps a bad record harmless
		}
		stack = stack[:depth]
		n := b.node(r, parentOf(stack))
		if root == nil {
			root = n
		}
		stack = append(stack, n)
	}
	return root
}

// parentOf returns the innermost kept ancestor on the stack.
func parentOf(stack []*Node) *Node {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] != nil {
			return stack[i]
		}
	}
	return nil
}

// node copies one record under parent, or returns nil for punctuation.
func (b *builder) node(r *record, parent *Node) *Node {
	kind, named := b.g.kind(uint16(r.symbol))
	field := b.g.field(uint16(r.field))
	if r.symbol == errorSymbol || r.missing != 0 {
		b.recordError(int(r.start_row) + 1)
	}
	if parent != nil && !named && field == "" && !isWord(kind) {
		return nil
	}

	n := b.alloc()
	*n = Node{
		Kind:      kind,
		Field:     field,
		Named:     named,
		StartByte: uint32(r.start_byte),
		EndByte:   uint32(r.end_byte),
		Start:     Point{Line: int(r.start_row) + 1, Column: int(r.start_col) + 1},
		End:       Point{Line: int(r.end_row) + 1, Column: int(r.end_col) + 1},
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
	if k >= maxErrorLines || (k > 0 && b.errorLines[k-1] >= line) {
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
