package syntax

import (
	"errors"
	"sync"
	"time"
	"unsafe"

	sitter "github.com/tree-sitter/go-tree-sitter"
)

// maxErrorLines bounds how many syntax-error lines a parse records: the review names the
// first few, and a binary-like file could otherwise produce one per line.
const maxErrorLines = 20

// Grammar is a tree-sitter language, safe to parse with from many goroutines at once.
type Grammar struct {
	Name   string
	ptr    unsafe.Pointer
	kinds  []string // node kind names by kind id, so building nodes never allocates them
	named  []bool
	fields []string // field names by field id
}

// NewGrammar wraps a tree-sitter language; ptr is what a grammar module's Go binding
// returns, such as tree_sitter_javascript.Language().
func NewGrammar(name string, ptr unsafe.Pointer) *Grammar {
	lang := sitter.NewLanguage(ptr)
	g := &Grammar{Name: name, ptr: ptr}
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

	buf *buffers
}

// ErrNoTree is returned when tree-sitter gives up on a file entirely.
var ErrNoTree = errors.New("parser produced no tree")

// ErrTooLarge is returned for sources past tree-sitter's 4 GiB limit.
var ErrTooLarge = errors.New("file too large to parse")

// ErrTimeBudget is returned when a parse runs past its Limits.Time.
var ErrTimeBudget = errors.New("parse stopped at its time budget")

// ErrNodeBudget is returned when a tree has more nodes than Limits.Nodes allows.
var ErrNodeBudget = errors.New("syntax tree larger than the node budget")

// Limits bound the resources one parse may take; zero fields mean no bound.
type Limits struct {
	// Time is how long tree-sitter may run before the parse is cancelled.
	Time time.Duration
	// Nodes bounds the size of the tree that is copied into Go, and so the memory the
	// file's analysis takes.
	Nodes int
}

// Parse parses src. A file with syntax errors still yields a tree: tree-sitter recovers
// around the error, and the lines are recorded in ErrorLines.
func (g *Grammar) Parse(src []byte) (*File, error) {
	return g.ParseWithin(src, Limits{})
}

// ParseWithin parses src like Parse, but gives up with ErrTimeBudget or ErrNodeBudget
// when the parse goes past lim.
func (g *Grammar) ParseWithin(src []byte, lim Limits) (*File, error) {
	if uint64(len(src)) >= 1<<32 {
		return nil, ErrTooLarge
	}
	buf := pool.Get().(*buffers)
	recs, err := parseFlat(g.ptr, src, lim, buf)
	if err == nil && len(recs) == 0 {
		err = ErrNoTree
	}
	if err != nil {
		pool.Put(buf)
		return nil, err
	}
	b := builder{g: g, buf: buf}
	root := b.build(recs)
	return &File{Source: src, Root: root, ErrorLines: b.errorLines, buf: buf}, nil
}

// Release hands the memory of f's tree to the next parse. Neither f nor any of its nodes
// may be used afterwards. Calling it is optional: a tree that is not released is
// collected like any other value.
func (f *File) Release() {
	if f == nil || f.buf == nil {
		return
	}
	f.Root = nil
	pool.Put(f.buf)
	f.buf = nil
}

// buffers are the slices a parse builds its tree in. A File keeps them until Release, so
// that a scan of thousands of files reuses the same few instead of giving the collector
// a new tree's worth of garbage per file.
type buffers struct {
	recs     []record
	parents  []int32
	counts   []int
	index    []int32
	nodes    []Node
	children []*Node
}

var pool = sync.Pool{New: func() any { return new(buffers) }}

// resize returns s with length n, reusing its array when it is large enough. The
// elements keep what they held; callers overwrite or clear them.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
