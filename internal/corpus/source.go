package corpus

import (
	"fmt"
	"slices"
	"strings"
)

// source is a file being written. Its imports are asked for while the body is written
// and rendered above it when the file is done, so that code needing a module can say so
// where it is written; planted lines are counted in the body and moved down by the
// import block then.
type source struct {
	rel     string
	module  moduleStyle
	body    strings.Builder
	lines   int
	planted []Planted
	imports []importSpec
}

// moduleStyle is how a file imports: CommonJS require or ES module import.
type moduleStyle int

const (
	commonJS moduleStyle = iota
	esModule
	plainText // no imports: JSON, dotenv, ignore files
)

// importSpec is one imported module: its default binding, or the names taken from it.
type importSpec struct {
	spec    string
	binding string
	names   []string
}

func newSource(rel string, module moduleStyle) *source {
	return &source{rel: rel, module: module}
}

// add writes lines; each may hold several, separated by newlines.
func (s *source) add(lines ...string) {
	for _, l := range lines {
		s.body.WriteString(l)
		s.body.WriteByte('\n')
		s.lines += strings.Count(l, "\n") + 1
	}
}

// addf writes one formatted line.
func (s *source) addf(format string, args ...any) {
	s.add(fmt.Sprintf(format, args...))
}

// plant writes the one line of a vulnerability and records it under rule.
func (s *source) plant(rule, line string) {
	if strings.Contains(line, "\n") {
		panic("corpus: a planted vulnerability must be one line: " + line)
	}
	s.add(line)
	s.planted = append(s.planted, Planted{Rule: rule, File: s.rel, Line: s.lines})
}

// sink writes the line of a vulnerability, planted under rule, or its safe twin.
func (s *source) sink(rule string, vulnerable bool, bad, good string) {
	if vulnerable {
		s.plant(rule, bad)
		return
	}
	s.add(good)
}

// use asks for the default export of spec under binding.
func (s *source) use(spec, binding string) {
	for _, im := range s.imports {
		if im.spec == spec && im.binding == binding {
			return
		}
	}
	s.imports = append(s.imports, importSpec{spec: spec, binding: binding})
}

// need asks for named exports of spec.
func (s *source) need(spec string, names ...string) {
	for i, im := range s.imports {
		if im.spec == spec && im.binding == "" {
			for _, n := range names {
				if !slices.Contains(im.names, n) {
					s.imports[i].names = append(s.imports[i].names, n)
				}
			}
			return
		}
	}
	s.imports = append(s.imports, importSpec{spec: spec, names: slices.Clone(names)})
}

// text returns the finished file, imports first, and its planted lines, moved to where
// they end up.
func (s *source) text() (string, []Planted) {
	header := s.header()
	shift := strings.Count(header, "\n")
	planted := slices.Clone(s.planted)
	for i := range planted {
		planted[i].Line += shift
	}
	return header + s.body.String(), planted
}

// header renders the imports, packages before the project's own files, and a blank line
// after them.
func (s *source) header() string {
	if len(s.imports) == 0 {
		return ""
	}
	var pkgs, local []string
	for _, im := range s.imports {
		line := s.importLine(im)
		if strings.HasPrefix(im.spec, ".") {
			local = append(local, line)
		} else {
			pkgs = append(pkgs, line)
		}
	}
	return strings.Join(append(pkgs, local...), "") + "\n"
}

func (s *source) importLine(im importSpec) string {
	names := strings.Join(im.names, ", ")
	switch {
	case s.module == esModule && im.binding != "":
		return fmt.Sprintf("import %s from '%s';\n", im.binding, im.spec)
	case s.module == esModule:
		return fmt.Sprintf("import { %s } from '%s';\n", names, im.spec)
	case im.binding != "":
		return fmt.Sprintf("const %s = require('%s');\n", im.binding, im.spec)
	}
	return fmt.Sprintf("const { %s } = require('%s');\n", names, im.spec)
}

// block writes the body of a function or handler at an indentation.
type block struct {
	s      *source
	indent string
}

// add writes lines at the block's indentation; an empty line stays empty.
func (b block) add(lines ...string) {
	for _, l := range lines {
		if l == "" {
			b.s.add("")
			continue
		}
		b.s.add(b.indent + l)
	}
}

// addf writes one formatted line at the block's indentation.
func (b block) addf(format string, args ...any) {
	b.add(fmt.Sprintf(format, args...))
}

// sink writes a vulnerable line, planted under rule, or its safe twin, indented.
func (b block) sink(rule string, vulnerable bool, bad, good string) {
	b.s.sink(rule, vulnerable, b.indent+bad, b.indent+good)
}

// in returns the block one level deeper.
func (b block) in() block {
	return block{s: b.s, indent: b.indent + "  "}
}

// plant writes the one line of a vulnerability, indented, and records it under rule.
func (b block) plant(rule, line string) {
	b.s.plant(rule, b.indent+line)
}
