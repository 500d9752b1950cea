package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// commonJSExport records the exports an assignment makes: `module.exports = v`,
// `module.exports.a = v` and `exports.a = v`. right is the assigned syntax, n the whole
// assignment.
func (l *lowerer) commonJSExport(to model.Target, v model.Expr, right, n *syntax.Node) {
	mt, ok := to.(*model.MemberTarget)
	if !ok || mt.Prop == "" {
		return
	}
	switch {
	case isRef(mt.Obj, "module") && mt.Prop == "exports":
		l.cjsExport(defaultExport, v, right, n)
		if obj, ok := v.(*model.Object); ok {
			l.cjsObject(obj, n)
		}
	case isRef(mt.Obj, "exports"), isModuleExports(mt.Obj):
		l.cjsExport(mt.Prop, v, right, n)
	}
}

// cjsExport records one CommonJS export: a name (Local), a function (Func), a class
// (Local, its name), or a whole required module (`module.exports = require('./impl')`).
// Any other value is exported without a source the engine can follow.
func (l *lowerer) cjsExport(name string, v model.Expr, right, n *syntax.Node) {
	e := model.Export{Pos: l.pos(n)}
	if spec, ok := l.requireSpec(unwrap(right)); ok {
		e.From = &model.Import{Spec: spec}
		l.mod.Exports[name] = e
		return
	}
	switch x := v.(type) {
	case *model.Ref:
		e.Local = x.Name
	case *model.Closure:
		e.Func = x.Func
	}
	if u := unwrap(right); u != nil && u.Kind == "class" {
		e.Local = l.funcName(u)
	}
	l.mod.Exports[name] = e
}

// cjsObject records each named property of `module.exports = { a, b: c, d() {} }` as an
// export of its own, as `require('./m').a` reads it.
func (l *lowerer) cjsObject(obj *model.Object, n *syntax.Node) {
	for _, p := range obj.Props {
		if p.Key != "" && !p.Spread {
			l.cjsExport(p.Key, p.Value, nil, n)
		}
	}
}

// isRef reports whether x reads the variable name.
func isRef(x model.Expr, name string) bool {
	r, ok := x.(*model.Ref)
	return ok && r.Name == name
}

// isModuleExports reports whether x is `module.exports`.
func isModuleExports(x model.Expr) bool {
	m, ok := x.(*model.Member)
	return ok && m.Prop == "exports" && isRef(m.Obj, "module")
}

// isModuleExports reports whether n is the syntax `module.exports`.
func (l *lowerer) isModuleExports(n *syntax.Node) bool {
	obj, prop := n.Child("object"), n.Child("property")
	return n.Kind == "member_expression" && obj != nil && prop != nil &&
		obj.Kind == "identifier" && l.text(obj) == "module" && l.text(prop) == "exports"
}
