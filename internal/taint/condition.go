package taint

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
)

// applies reports whether a call is the sink s: its When condition holds and none of its
// Unless conditions do.
func (k *compiled) applies(s *Sink, x *model.Call) bool {
	if s.When != nil && !k.conditions[s.When].holds(x) {
		return false
	}
	for i := range s.Unless {
		if k.conditions[&s.Unless[i]].holds(x) {
			return false
		}
	}
	return true
}

// holds tests the condition on a call: on its arguments, or with Method set on the calls
// of the receiver chain.
func (c *condition) holds(x *model.Call) bool {
	if c == nil {
		return true
	}
	if c.receiver != nil {
		m, ok := x.Callee.(*model.Member)
		return ok && c.receiver.MatchString(m.Obj.At().Text)
	}
	if c.Method == "" {
		return c.holdsOnArgs(x.Args)
	}
	presence := c.Value == "" && c.Pattern == "" && c.Key == ""
	for m, ok := x.Callee.(*model.Member); ok; m, ok = x.Callee.(*model.Member) {
		inner, isCall := m.Obj.(*model.Call)
		if !isCall {
			return false
		}
		if im, ok := inner.Callee.(*model.Member); ok && im.Prop == c.Method &&
			(presence || c.holdsOnArgs(inner.Args)) {
			return true
		}
		x = inner
	}
	return false
}

func (c *condition) holdsOnArgs(args []model.Expr) bool {
	if c.Arg < 0 || c.Arg >= len(args) {
		return false
	}
	arg := args[c.Arg]
	if c.Key != "" {
		obj, ok := arg.(*model.Object)
		if !ok {
			return false
		}
		arg = nil
		for _, p := range obj.Props {
			if p.Key == c.Key {
				arg = p.Value
			}
		}
		if arg != nil && c.Value == "" && c.Pattern == "" {
			return true // the option is there, whatever its value
		}
		if _, isConst := arg.(*model.Const); arg != nil && !isConst && c.re != nil {
			// A named value (yaml.DEFAULT_FULL_SCHEMA) is matched as written.
			return c.re.MatchString(arg.At().Text)
		}
	}
	if concat, ok := arg.(*model.Concat); ok && c.Pattern != "" {
		// Text built in place: the pattern may match any literal part of it.
		for _, part := range concat.Parts {
			if k, ok := part.(*model.Const); ok && c.matches(k.Value) {
				return true
			}
		}
		return false
	}
	k, ok := arg.(*model.Const)
	return ok && c.matches(k.Value)
}

func (c *condition) matches(s string) bool {
	if c.re != nil {
		return c.re.MatchString(s)
	}
	return strings.EqualFold(s, c.Value)
}
