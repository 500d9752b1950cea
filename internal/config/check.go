package config

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rampart-sec/rampart/internal/taint"
)

// check validates what decoding cannot: required keys, known classes, argument positions
// and patterns. doc is the parsed file, read for the line of the key at fault.
func (d *Dataflow) check(doc *yaml.Node, classes []taint.Class) error {
	for i, s := range d.Sources {
		if (s.Call == "") == (s.Request == "") {
			return at(doc, "dataflow.sources", i, "", "set exactly one of call and request")
		}
	}
	for i := range d.Sinks {
		if err := checkSink(doc, i, &d.Sinks[i], classes); err != nil {
			return err
		}
	}
	for i, s := range d.Sanitizers {
		if s.Callee == "" {
			return at(doc, "dataflow.sanitizers", i, "", "callee is required")
		}
		for _, c := range s.Classes {
			if !slices.Contains(classes, c) {
				return at(doc, "dataflow.sanitizers", i, "classes",
					fmt.Sprintf("unknown class %q (want one of %s)", c, list(classes)))
			}
		}
		if msg := badCondition(s.When); msg != "" {
			return at(doc, "dataflow.sanitizers", i, "when", msg)
		}
	}
	return nil
}

// checkSink validates sink i. A negative argument position must be refused here: the
// analysis would index the call's arguments with it.
func checkSink(doc *yaml.Node, i int, s *taint.Sink, classes []taint.Class) error {
	const key = "dataflow.sinks"
	switch {
	case s.Callee == "":
		return at(doc, key, i, "", "callee is required")
	case !slices.Contains(classes, s.Class):
		return at(doc, key, i, "class",
			fmt.Sprintf("unknown class %q (want one of %s)", s.Class, list(classes)))
	case slices.ContainsFunc(s.Args, func(a int) bool { return a < 0 }):
		return at(doc, key, i, "args", fmt.Sprintf("%v: argument positions count from 0",
			s.Args))
	}

	if msg := badCondition(s.When); msg != "" {
		return at(doc, key, i, "when", msg)
	}
	for j := range s.Unless {
		if msg := badCondition(&s.Unless[j]); msg != "" {
			return at(doc, key, i, "unless", fmt.Sprintf("item %d: %s", j, msg))
		}
	}
	return nil
}

// badCondition says what is wrong with a condition of a sink or sanitizer, or "".
func badCondition(c *taint.Condition) string {
	if c == nil {
		return ""
	}
	if c.Arg < 0 {
		return fmt.Sprintf("arg %d: argument positions count from 0", c.Arg)
	}
	for _, p := range []string{c.Pattern, c.Receiver} {
		if _, err := regexp.Compile(p); err != nil {
			return fmt.Sprintf("pattern %q: %v", p, err)
		}
	}
	return ""
}

func list(classes []taint.Class) string {
	names := make([]string, len(classes))
	for i, c := range classes {
		names[i] = string(c)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// severities are the values a severity override may take, and fail_on too.
var severities = []string{"critical", "high", "medium", "low"}

// check validates the keys outside dataflow.
func (c *Config) check(doc *yaml.Node, known Known) error {
	for i, id := range c.Rules.Disable {
		if !slices.Contains(known.Rules, id) {
			return at(doc, "rules.disable", i, "", fmt.Sprintf("unknown rule %q (rampart "+
				"rules lists them)", id))
		}
	}
	for id, sev := range c.Rules.Severity {
		if !slices.Contains(known.Rules, id) {
			return keyError(doc, []string{"rules", "severity", id}, fmt.Sprintf(
				"unknown rule %q (rampart rules lists them)", id))
		}
		if !slices.Contains(severities, sev) {
			return keyError(doc, []string{"rules", "severity", id}, fmt.Sprintf(
				"severity %q: want critical, high, medium or low", sev))
		}
	}
	if c.Advisories.MaxAgeDays < 0 {
		return keyError(doc, []string{"advisories", "max_age_days"}, fmt.Sprintf(
			"%d: want a number of days, 1 or more", c.Advisories.MaxAgeDays))
	}
	if c.FailOn != "" && c.FailOn != "none" && !slices.Contains(severities, c.FailOn) {
		return keyError(doc, []string{"fail_on"}, fmt.Sprintf(
			"%q: want critical, high, medium, low or none", c.FailOn))
	}
	if c.Output != "" && !validOutput(c.Output) {
		return keyError(doc, []string{"output"}, fmt.Sprintf("%q: want a relative path "+
			"inside the reviewed root, with {id} for the review ID", c.Output))
	}
	return nil
}

// validOutput reports a relative output path that stays inside the root.
func validOutput(p string) bool {
	clean := path.Clean(strings.ReplaceAll(p, "{id}", "ID"))
	return !path.IsAbs(clean) && clean != ".." && !strings.HasPrefix(clean, "../") &&
		!strings.HasPrefix(p, "/") && !strings.Contains(p, "\\")
}

// keyError formats an error for a key at path, with its line.
func keyError(doc *yaml.Node, keys []string, msg string) error {
	name := strings.Join(keys, ".")
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	for _, k := range keys {
		key, value := childPair(n, k)
		if key == nil {
			break
		}
		line, n = key.Line, value
	}
	if line > 0 {
		return fmt.Errorf("line %d: %s: %s", line, name, msg)
	}
	return fmt.Errorf("%s: %s", name, msg)
}

// childPair returns the key and value nodes of key in a mapping node.
func childPair(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == key {
			return n.Content[j], n.Content[j+1]
		}
	}
	return nil, nil
}

// at formats an error for item i of the list at path, pointing at key within the item
// (or the item itself) with its line.
func at(doc *yaml.Node, path string, i int, key, msg string) error {
	name := fmt.Sprintf("%s[%d]", path, i)
	if key != "" {
		name += "." + key
	}
	if line := lineOf(doc, strings.Split(path, "."), i, key); line > 0 {
		return fmt.Errorf("line %d: %s: %s", line, name, msg)
	}
	return fmt.Errorf("%s: %s", name, msg)
}

// lineOf finds the line of a list item, or of one of its keys, in a parsed document.
func lineOf(doc *yaml.Node, path []string, i int, key string) int {
	n := doc
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, p := range path {
		if n = child(n, p); n == nil {
			return 0
		}
	}
	if n.Kind != yaml.SequenceNode || i >= len(n.Content) {
		return 0
	}
	item := n.Content[i]
	if v := child(item, key); key != "" && v != nil {
		return v.Line
	}
	return item.Line
}

// child returns the value of key in a mapping node.
func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for j := 0; j+1 < len(n.Content); j += 2 {
		if n.Content[j].Value == key {
			return n.Content[j+1]
		}
	}
	return nil
}
