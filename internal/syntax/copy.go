package syntax

// errorSymbol is tree-sitter's kind id for an ERROR node.
const errorSymbol = 0xFFFF

type builder struct {
	g          *Grammar
	errorLines []int
	buf        *buffers
}

// build turns the flattened preorder records into linked nodes, dropping punctuation. It
// works in two passes so that every node and every child list comes from two allocations
// per file: the garbage collector then has little to do however large the file is.
func (b *builder) build(recs []record) *Node {
	parents, counts, kept := b.plan(recs)
	b.buf.nodes = resize(b.buf.nodes, kept)
	b.buf.children = resize(b.buf.children, kept)
	nodes, children := b.buf.nodes, b.buf.children

	next := 0
	b.buf.index = resize(b.buf.index, len(recs)) // record → node index, -1 when dropped
	index := b.buf.index
	for i := range recs {
		index[i] = -1
		if parents[i] == dropped {
			continue
		}
		n := &nodes[next]
		index[i] = int32(next)
		next++
		b.fill(n, &recs[i])
		n.Children = children[:0:counts[i]]
		children = children[counts[i]:]
		if p := parents[i]; p >= 0 {
			n.Parent = &nodes[index[p]]
			n.Parent.Children = append(n.Parent.Children, n)
		}
	}
	if kept == 0 {
		return nil
	}
	return &nodes[0]
}

// dropped marks a record that becomes no node; noParent marks the root.
const (
	dropped  = -2
	noParent = -1
)

// plan decides which records become nodes, finds each one's kept parent and counts each
// node's kept children.
func (b *builder) plan(recs []record) (parents []int32, counts []int, kept int) {
	b.buf.parents = resize(b.buf.parents, len(recs))
	b.buf.counts = resize(b.buf.counts, len(recs))
	clear(b.buf.counts)
	parents, counts = b.buf.parents, b.buf.counts
	stack := make([]int32, 0, 64) // record index of the kept ancestor at each depth
	for i := range recs {
		r := &recs[i]
		depth := min(int(r.depth), len(stack))
		stack = stack[:depth]
		parent := int32(noParent)
		for j := depth - 1; j >= 0; j-- {
			if stack[j] >= 0 {
				parent = stack[j]
				break
			}
		}
		if !b.keep(r, i == 0) {
			parents[i] = dropped
			stack = append(stack, -1)
			continue
		}
		parents[i] = parent
		if parent >= 0 {
			counts[parent]++
		}
		kept++
		stack = append(stack, int32(i))
	}
	return parents, counts, kept
}

// keep reports whether a record becomes a node, and notes syntax errors on the way.
func (b *builder) keep(r *record, root bool) bool {
	kind, named := b.g.kind(uint16(r.symbol))
	if r.symbol == errorSymbol || r.missing != 0 {
		b.recordError(int(r.start_row) + 1)
	}
	return root || named || b.g.field(uint16(r.field)) != "" || isWord(kind)
}

// fill copies a record into a node.
func (b *builder) fill(n *Node, r *record) {
	kind, named := b.g.kind(uint16(r.symbol))
	*n = Node{
		Kind:      kind,
		Field:     b.g.field(uint16(r.field)),
		Named:     named,
		StartByte: uint32(r.start_byte),
		EndByte:   uint32(r.end_byte),
		Start:     Point{Line: int(r.start_row) + 1, Column: int(r.start_col) + 1},
		End:       Point{Line: int(r.end_row) + 1, Column: int(r.end_col) + 1},
	}
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
