package javascript

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// Guard kinds, as the sanitizer catalog names them.
const (
	guardAllowlist = "allowlist"
	guardPattern   = "pattern"
	guardPrefix    = "prefix"
)

// guards emits the Guard statements a condition establishes. With holds set, the tests
// that hold when the condition is true: `ALLOWED.includes(x) && /^\d+$/.test(y)`. Without
// it, the tests that hold when it is false: `!ALLOWED.includes(x) || !RE.test(y)`.
func (l *lowerer) guards(cond *syntax.Node, holds bool) {
	cond = unwrap(cond)
	if cond == nil {
		return
	}
	switch op := operator(cond); {
	case cond.Kind == "binary_expression" && op == "&&" && holds,
		cond.Kind == "binary_expression" && op == "||" && !holds:
		l.guards(cond.Child("left"), holds)
		l.guards(cond.Child("right"), holds)
	case cond.Kind == "unary_expression" && op == "!":
		l.guards(cond.Child("argument"), !holds)
	case cond.Kind == "binary_expression" && (op == "!==" || op == "!="):
		if g := l.typeGuard(cond); g != nil && !holds {
			l.emit(g)
		}
	case cond.Kind == "binary_expression" && (op == "===" || op == "=="):
		if g := l.typeGuard(cond); g != nil && holds {
			l.emit(g)
		}
	case holds:
		if g := l.guardOf(cond); g != nil {
			l.emit(g)
		}
	}
}

// operator returns the operator token of a unary, binary or assignment expression.
func operator(n *syntax.Node) string {
	if op := n.Child("operator"); op != nil {
		return op.Kind
	}
	return ""
}

// guardOf returns the guard a test makes, or nil: `LIST.includes(x)` and `SET.has(x)`
// against constants, `/^[a-z]+$/.test(x)` with an anchored pattern, and
// `full.startsWith(root)` on a normalised path.
func (l *lowerer) guardOf(call *syntax.Node) *model.Guard {
	if call.Kind != "call_expression" {
		return nil
	}
	callee, a := unwrap(call.Child("function")), args(call)
	if callee == nil || callee.Kind != "member_expression" || len(a) != 1 {
		return nil
	}
	if l.text(callee.Child("property")) == "startsWith" {
		return l.prefixGuard(call, callee.Child("object"))
	}
	arg := unwrap(a[0])
	if arg == nil || arg.Kind != "identifier" {
		return nil
	}
	if method := l.text(callee.Child("property")); l.text(callee.Child("object")) == "validator" &&
		strings.HasPrefix(method, "is") {
		// validator.isInt(x): the catalog says what each check proves.
		return &model.Guard{Var: l.text(arg), Kind: "validator." + method, Pos: l.pos(call)}
	}

	kind := l.checkKind(callee.Child("object"))
	switch l.text(callee.Child("property")) {
	case "includes", "has":
		if kind != guardAllowlist {
			return nil
		}
	case "test":
		if kind != guardPattern {
			return nil
		}
	default:
		return nil
	}
	return &model.Guard{Var: l.text(arg), Kind: kind, Pos: l.pos(call)}
}

// checkKind returns the guard kind a value makes when tested against: "allowlist" for a
// list or set of constants, "pattern" for an anchored regex, written in place or bound to
// a const; "" otherwise.
func (l *lowerer) checkKind(n *syntax.Node) string {
	n = unwrap(n)
	if n == nil {
		return ""
	}
	switch n.Kind {
	case "identifier":
		return l.checks[l.text(n)]
	case "regex":
		if anchored(l.text(n.Child("pattern"))) {
			return guardPattern
		}
	case "array":
		if l.constantList(n) {
			return guardAllowlist
		}
	case "new_expression":
		a, ctor := args(n), n.Child("constructor")
		if ctor != nil && ctor.Kind == "identifier" && l.text(ctor) == "Set" && len(a) == 1 &&
			l.checkKind(a[0]) == guardAllowlist {
			return guardAllowlist
		}
	}
	return ""
}

// constantList reports whether an array literal holds only constants.
func (l *lowerer) constantList(n *syntax.Node) bool {
	for _, c := range kids(n) {
		if !isConstant(unwrap(c)) {
			return false
		}
	}
	return true
}

// isConstant reports whether a node is a literal whose value the source fixes.
func isConstant(n *syntax.Node) bool {
	switch {
	case n == nil:
		return false
	case n.Kind == "unary_expression" && (operator(n) == "-" || operator(n) == "+"):
		a := n.Child("argument")
		return a != nil && a.Kind == "number"
	case n.Kind == "template_string":
		return !n.HasChild("template_substitution")
	}
	switch n.Kind {
	case "string", "number", "true", "false", "null", "undefined":
		return true
	}
	return false
}

// normalizers resolve "..", so that a prefix test on their result confines a path.
var normalizers = map[string]bool{
	"path.resolve": true, "path.join": true, "path.normalize": true,
}

// prefixGuard returns the guard of `full.startsWith(ROOT)` when full was assigned, earlier
// in the same function, the result of path.resolve, path.join or path.normalize: the
// check that confines a normalised path to a directory. A prefix test on a path that was
// never normalised proves nothing, since "uploads/../etc" starts with "uploads".
func (l *lowerer) prefixGuard(call, subject *syntax.Node) *model.Guard {
	subject = unwrap(subject)
	if subject == nil || subject.Kind != "identifier" {
		return nil
	}
	name := l.text(subject)
	for _, st := range l.fn.Body {
		a, ok := st.(*model.Assign)
		if !ok {
			continue
		}
		if v, ok := a.To.(*model.VarTarget); !ok || v.Name != name {
			continue
		}
		if c, ok := a.Value.(*model.Call); ok && normalizers[calleeName(c.Callee)] {
			return &model.Guard{Var: name, Kind: guardPrefix, Pos: l.pos(call)}
		}
	}
	return nil
}

// calleeName spells a callee made of names and properties: "path.resolve".
func calleeName(x model.Expr) string {
	switch x := x.(type) {
	case *model.Ref:
		return x.Name
	case *model.Member:
		if base := calleeName(x.Obj); base != "" && x.Prop != "" {
			return base + "." + x.Prop
		}
	}
	return ""
}

// typeGuard returns the guard of `typeof x === 'number'`, whose kind is "typeof-" and
// the type: a number or boolean carries no injection, a string at least no operator.
func (l *lowerer) typeGuard(cond *syntax.Node) *model.Guard {
	left, right := unwrap(cond.Child("left")), unwrap(cond.Child("right"))
	if left == nil || left.Kind != "unary_expression" || operator(left) != "typeof" {
		left, right = right, left
	}
	if left == nil || left.Kind != "unary_expression" || operator(left) != "typeof" {
		return nil
	}
	subject := unwrap(left.Child("argument"))
	typ, ok := l.literal(right)
	if subject == nil || subject.Kind != "identifier" || !ok {
		return nil
	}
	return &model.Guard{Var: l.text(subject), Kind: "typeof-" + typ, Pos: l.pos(cond)}
}
