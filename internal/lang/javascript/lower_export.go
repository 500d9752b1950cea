package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// defaultExport is the name of a module's default export, and of the top-level variable
// that holds a default-exported expression.
const defaultExport = "default"

// exportStmt lowers the ES export forms. Exported declarations are lowered as well, so
// that their code is analysed; type-only exports are skipped.
func (l *lowerer) exportStmt(n *syntax.Node) {
	if n.HasChild("type") {
		return
	}
	if decl := n.Child("declaration"); decl != nil {
		l.exportDecl(n, decl)
		return
	}
	if v := n.Child("value"); v != nil {
		l.exportDefault(n, v)
		return
	}
	if src := n.Child("source"); src != nil {
		l.reExport(n, src)
		return
	}
	for _, c := range kids(n) {
		switch c.Kind {
		case "export_clause":
			l.exportClause(c, nil)
		case "decorator":
		default:
			l.exportDefault(n, c) // TypeScript's `export = x`
		}
	}
}

// exportDecl lowers `export function f() {}`, `export class C {}`, `export const x = 1`
// and `export default function f() {}`.
func (l *lowerer) exportDecl(n, decl *syntax.Node) {
	exported := func(own string) string {
		if n.HasChild("default") {
			return defaultExport
		}
		return own
	}
	at := l.pos(n)
	switch decl.Kind {
	case "function_declaration", "generator_function_declaration":
		fn := l.function(decl)
		l.mod.Exports[exported(fn.Name)] = model.Export{Func: fn, Local: fn.Name, Pos: at}
	case "class_declaration", "abstract_class_declaration":
		c := l.class(decl)
		l.mod.Exports[exported(c.Name)] = model.Export{Local: c.Name, Pos: at}
	case "lexical_declaration", "variable_declaration":
		for _, b := range l.declaration(decl) {
			e := model.Export{Local: b.name, Pos: at}
			if c, ok := b.value.(*model.Closure); ok {
				e.Func = c.Func
			}
			l.mod.Exports[b.name] = e
		}
	default:
		l.stmt(decl)
	}
}

// exportDefault lowers `export default x`, `export default () => {}`, `export default
// class {}` and `export default expr`; the last is stored in a top-level variable named
// "default", which the export names.
func (l *lowerer) exportDefault(n, v *syntax.Node) {
	e := model.Export{Pos: l.pos(n)}
	switch u := unwrap(v); {
	case u == nil:
		return
	case u.Kind == "identifier":
		e.Local = l.text(u)
	case u.Kind == "class":
		e.Local = l.class(u).Name
	default:
		x := l.expr(v)
		if c, ok := x.(*model.Closure); ok {
			e.Func = c.Func
			break
		}
		e.Local = defaultExport
		l.emit(&model.Assign{To: &model.VarTarget{Name: defaultExport}, Value: x, Pos: e.Pos})
	}
	l.mod.Exports[defaultExport] = e
}

// reExport lowers `export { a, b as c } from './x'`, `export * as ns from './x'` and
// `export * from './x'`.
func (l *lowerer) reExport(n, src *syntax.Node) {
	spec, _ := l.literal(src)
	spec = normalizeModule(spec)
	for _, c := range kids(n) {
		switch c.Kind {
		case "export_clause":
			l.exportClause(c, &spec)
			return
		case "namespace_export":
			if id := firstKid(c); id != nil {
				from := &model.Import{Spec: spec}
				l.mod.Exports[l.memberName(id)] = model.Export{From: from, Pos: l.pos(n)}
			}
			return
		}
	}
	l.mod.ReExports = append(l.mod.ReExports, model.Import{Spec: spec})
}

// exportClause lowers the names of `{ a, b as c }`: local names, or the exports of the
// module spec when it is set.
func (l *lowerer) exportClause(clause *syntax.Node, spec *string) {
	for _, s := range kids(clause) {
		name := s.Child("name")
		if s.Kind != "export_specifier" || s.HasChild("type") || name == nil {
			continue
		}
		exported := name
		if alias := s.Child("alias"); alias != nil {
			exported = alias
		}
		e := model.Export{Pos: l.pos(s)}
		if spec != nil {
			e.From = &model.Import{Spec: *spec, Name: l.memberName(name)}
		} else {
			e.Local = l.text(name)
		}
		l.mod.Exports[l.memberName(exported)] = e
	}
}
