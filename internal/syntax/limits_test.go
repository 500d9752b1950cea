package syntax_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rampart-sec/rampart/internal/syntax"
)

func TestParseStopsAtTheTimeBudget(t *testing.T) {
	src := []byte(strings.Repeat("const a = f(b, [c, d], { e: g + 1 });\n", 50000))

	_, err := grammar.ParseWithin(src, syntax.Limits{Time: time.Microsecond})
	if !errors.Is(err, syntax.ErrTimeBudget) {
		t.Fatalf("a 2 MB parse with a 1 µs budget: err = %v, want ErrTimeBudget", err)
	}

	f, err := grammar.ParseWithin(src[:1000], syntax.Limits{Time: time.Minute})
	if err != nil || f.Root == nil {
		t.Fatalf("a small parse within its budget: %v", err)
	}
}

func TestParseStopsAtTheNodeBudget(t *testing.T) {
	src := []byte("const a = [1, 2, 3, 4, 5, 6, 7, 8, 9];\n")

	if _, err := grammar.ParseWithin(src, syntax.Limits{Nodes: 10}); !errors.Is(err,
		syntax.ErrNodeBudget) {
		t.Fatalf("err = %v, want ErrNodeBudget", err)
	}
	if _, err := grammar.ParseWithin(src, syntax.Limits{Nodes: 1000}); err != nil {
		t.Fatalf("within the node budget: %v", err)
	}
}

func TestParseOfDeepNesting(t *testing.T) {
	const depth = 10000
	src := []byte("x = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + ";\n" +
		strings.Repeat("f(", depth) + strings.Repeat(")", depth) + ";\n")

	f, err := grammar.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	deepest := 0
	var walk func(n *syntax.Node, d int)
	walk = func(n *syntax.Node, d int) {
		deepest = max(deepest, d)
		for _, c := range n.Children {
			walk(c, d+1)
		}
	}
	walk(f.Root, 0)
	if deepest < depth {
		t.Errorf("tree depth %d, want at least %d", deepest, depth)
	}
}
