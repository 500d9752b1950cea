package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// constructorName is the method name of a class's constructor.
const constructorName = "constructor"

// class lowers `class A extends B { ... }`, abstract classes and class expressions, and
// registers the class under its name. Instance fields are assigned at the start of the
// constructor, which is created when the class has fields but no constructor; static
// fields and static blocks run where the class is defined.
func (l *lowerer) class(n *syntax.Node) *model.Class {
	cls := &model.Class{Name: l.funcName(n), Module: l.mod, Methods: make(map[string]*model.Func)}
	l.mod.Classes[cls.Name] = cls
	cls.Super = l.superclass(n)
	members := kids(n.Child("body"))

	ctorNode := l.constructorOf(members)
	var ctor *model.Func
	if ctorNode != nil || hasInstanceFields(members) {
		ctor = l.constructor(cls, n, ctorNode)
	}
	cls.Annotations = l.classDecorators(n)
	var pending []model.Annotation
	for _, m := range members {
		if m.Kind == "decorator" {
			pending = append(pending, l.decorator(m))
			continue
		}
		if fn := l.classMember(cls, ctor, m); fn != nil {
			fn.Annotations = pending
		}
		pending = nil
	}
	if ctorNode != nil {
		l.inFunc(ctor, func() { l.body(ctorNode.Child("body")) })
	}
	return cls
}

// superclass lowers the expression a class extends, or returns nil.
func (l *lowerer) superclass(n *syntax.Node) model.Expr {
	for _, c := range n.Children {
		if c.Kind != "class_heritage" {
			continue
		}
		for _, h := range kids(c) {
			switch h.Kind {
			case "extends_clause":
				return l.exprOf(h, "value")
			case "implements_clause":
			default:
				return l.expr(h)
			}
		}
	}
	return nil
}

// constructor creates the class's constructor, with its parameters lowered and its body
// left for after the instance fields; node is nil for a class without one.
func (l *lowerer) constructor(cls *model.Class, class, node *syntax.Node) *model.Func {
	at := class
	if node != nil {
		at = node
	}
	ctor := l.newFunc(at, constructorName)
	ctor.Class = cls
	cls.Methods[constructorName] = ctor
	if node != nil {
		l.inFunc(ctor, func() { l.params(ctor, node) })
	}
	return ctor
}

// classDecorators returns a class's decorators, which an export statement holds when the
// class is exported: `@Controller('orders') export class OrdersController`.
func (l *lowerer) classDecorators(n *syntax.Node) []model.Annotation {
	out := l.decorators(n)
	if p := n.Parent; p != nil && p.Kind == "export_statement" {
		out = append(l.decorators(p), out...)
	}
	return out
}

// classMember lowers one member of a class body other than the constructor's body, and
// returns the method it defines, if any.
func (l *lowerer) classMember(cls *model.Class, ctor *model.Func, m *syntax.Node) *model.Func {
	switch m.Kind {
	case "method_definition":
		if !l.isConstructor(m) {
			fn := l.function(m)
			fn.Class = cls
			cls.Methods[fn.Name] = fn
			return fn
		}
		return ctor
	case "field_definition", "public_field_definition":
		cls.Validated = cls.Validated || l.hasValidation(m)
		l.classField(cls, ctor, m)
	case "class_static_block":
		l.nested(m.Child("body"))
	}
	return nil
}

// classField lowers `x = expr;` to this.x = expr in the constructor, and `static x = expr;`
// to C.x = expr where the class is defined. A field without a value lowers to nothing.
func (l *lowerer) classField(cls *model.Class, ctor *model.Func, m *syntax.Node) {
	name, value := m.Child("name"), m.Child("value")
	if name == nil {
		name = m.Child("property")
	}
	if name == nil || value == nil {
		return
	}
	at := l.pos(m)
	if m.HasChild("static") {
		obj := &model.Ref{Name: cls.Name, Pos: at}
		to := &model.MemberTarget{Obj: obj, Prop: l.memberName(name)}
		l.emit(&model.Assign{To: to, Value: l.expr(value), Pos: at})
		return
	}
	l.inFunc(ctor, func() {
		to := &model.MemberTarget{Obj: &model.This{Pos: at}, Prop: l.memberName(name)}
		l.emit(&model.Assign{To: to, Value: l.expr(value), Pos: at})
	})
}

// constructorOf returns the constructor among a class's members, or nil.
func (l *lowerer) constructorOf(members []*syntax.Node) *syntax.Node {
	for _, m := range members {
		if m.Kind == "method_definition" && l.isConstructor(m) {
			return m
		}
	}
	return nil
}

func (l *lowerer) isConstructor(m *syntax.Node) bool {
	name := m.Child("name")
	return name != nil && name.Kind == "property_identifier" && !m.HasChild("static") &&
		l.text(name) == constructorName
}

func hasInstanceFields(members []*syntax.Node) bool {
	for _, m := range members {
		isField := m.Kind == "field_definition" || m.Kind == "public_field_definition"
		if isField && !m.HasChild("static") && m.Child("value") != nil {
			return true
		}
	}
	return false
}

// hasValidation reports whether a class field carries a class-validator decorator:
// `@IsEmail() email: string`.
func (l *lowerer) hasValidation(field *syntax.Node) bool {
	for _, d := range l.decorators(field) {
		if imp, ok := l.mod.Imports[d.Name]; ok && imp.Spec == "class-validator" {
			return true
		}
	}
	return false
}
