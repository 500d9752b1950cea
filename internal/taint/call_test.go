package taint

import (
	"slices"
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
)

// TestArgumentPositionsOutOfRangeAreIgnored guards the engine against catalogs whose
// argument positions no call has, negative ones included.
func TestArgumentPositionsOutOfRangeAreIgnored(t *testing.T) {
	if got := sinkArgs(&Sink{Args: []int{-1, 0, 2, 5}}, 3); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("sinkArgs = %v, want [0 2]", got)
	}
	args := []model.Expr{&model.Const{Kind: model.String, Value: "x"}}
	for _, arg := range []int{-1, 1} {
		if (&condition{Condition: Condition{Arg: arg}}).holdsOnArgs(args) {
			t.Errorf("a condition on argument %d held", arg)
		}
	}
}
