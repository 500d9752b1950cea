package syntax

import (
	"errors"
	"sync"

	sitter "github.com/tree-sitter/go-tree-sitter"
)

// maxErrorLines bounds how many syntax-error lines a parse records: the review names the
// first few, and a binary-like file could otherwise produce one per line.
const maxErrorLines = 20

// Grammar is a tree-sitter language ready to parse from many goroutines at once.
type Grammar struct {
	Name   string
	lang   *sitter.Language
	kinds  []string // node kind names by kind id, so walking never allocates them
	fields []string // field names by field id
	named  []bool
	pool   sync.Pool
}

// NewGrammar wraps a tree-sitter language. ptr is what a grammar's Go binding returns.
func NewGrammar(name string, lang *sitter.Language) *Grammar {
	g := &Grammar{Name: name, lang: lang}
	n := lang.NodeKindCount()
	g.kinds = make([]string, n)
	g.named = make([]bool, n)
	for id := range n {
		g.kinds[id] = lang.NodeKindForId(uint16(id))
		g.named[id] = lang.NodeKindIsNamed(uint16(id))
	}
	g.fields = make([]string, lang.FieldCount()+1)
	for id := range uint16(len(g.fields)) {
		g.fields[id] = lang.FieldNameForId(id)
	}
	return g
}

// File is a parsed source file.
type File struct {
	Source []byte
	Root   *Node
	// ErrorLines are the first lines holding syntax errors, ascending; empty when the
	// whole file parsed.
	ErrorLines []int
}

// ErrNoTree is returned when tree-sitter gives up on a file entirely.
var ErrNoTree = errors.New("parser produced no tree")

// Parse parses src. A file with syntax errors still yields a tree: tree-sitter recovers
// around the error, and the lines are recorded in ErrorLines.
func (g *Grammar) Parse(src []byte) (*File, error) {
	p, _ := g.pool.Get().(*sitter.Parser)
	if p == nil {
		p = sitter.NewParser()
		if err := p.SetLanguage(g.lang); err != nil {
			p.Close()
			return nil, err
		}
	}
	tree := p.Parse(src, nil)
	g.pool.Put(p)
	if tree == nil {
		return nil, ErrNoTree
	}
	defer tree.Close()

	b := builder{g: g, checkErrors: tree.RootNode().HasError()}
	root := b.copyTree(tree.Walk())
	return &File{Source: src, Root: root, ErrorLines: b.errorLines}, nil
}
