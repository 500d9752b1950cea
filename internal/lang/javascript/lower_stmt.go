package javascript

import (
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// stmts lowers the statements held by a block, a program or an else clause.
func (l *lowerer) stmts(n *syntax.Node) {
	for _, c := range n.Children {
		if c.Named && c.Kind != "comment" {
			l.stmt(c)
		}
	}
}

// stmt lowers one statement into the current function's body. Syntax it has no form for
// is searched for the calls and functions inside it.
func (l *lowerer) stmt(n *syntax.Node) {
	if !l.knownStmt(n) {
		l.effects(n)
	}
}

// knownStmt lowers n if it is a statement it knows, and reports whether it was.
func (l *lowerer) knownStmt(n *syntax.Node) bool {
	switch n.Kind {
	case "expression_statement":
		l.exprStmt(firstKid(n))
	case "lexical_declaration", "variable_declaration":
		l.declaration(n)
	case "function_declaration", "generator_function_declaration":
		l.function(n)
	case "class_declaration", "abstract_class_declaration":
		l.class(n)
	case "import_statement":
		l.importStmt(n)
	case "export_statement":
		l.exportStmt(n)
	case "return_statement":
		l.returnStmt(n)
	case "throw_statement":
		l.throwStmt(n)
	case "statement_block", "else_clause", "finally_clause":
		l.stmts(n)
	case "labeled_statement", "module", "internal_module":
		l.nested(n.Child("body"))
	default:
		return l.controlStmt(n)
	}
	return true
}

// controlStmt lowers branches, loops and statements that hold no code, and reports
// whether n was one.
func (l *lowerer) controlStmt(n *syntax.Node) bool {
	switch n.Kind {
	case "if_statement":
		l.ifStmt(n)
	case "for_statement":
		l.forStmt(n)
	case "for_in_statement":
		l.forInStmt(n)
	case "while_statement", "do_statement", "with_statement":
		l.loopStmt(n)
	case "switch_statement":
		l.switchStmt(n)
	case "try_statement":
		l.tryStmt(n)
	case "break_statement", "continue_statement", "empty_statement", "debugger_statement",
		"interface_declaration", "type_alias_declaration", "ambient_declaration",
		"function_signature", "import_alias", "hash_bang_line":
		// Nothing to lower: control transfer, or declarations that exist only for types.
	default:
		return false
	}
	return true
}

// nested lowers a statement that may be absent in broken code.
func (l *lowerer) nested(n *syntax.Node) {
	if n != nil {
		l.stmt(n)
	}
}

// exprStmt lowers an expression whose value is unused: `f(x);`, `a = b;`, `a(), b();`.
// An assignment lowers to its Assign alone; anything else to an Eval.
func (l *lowerer) exprStmt(x *syntax.Node) {
	if x == nil {
		return
	}
	switch x.Kind {
	case "assignment_expression":
		l.assign(x)
	case "augmented_assignment_expression":
		l.augmented(x)
	case "parenthesized_expression":
		l.exprStmt(firstKid(x))
	case "sequence_expression":
		for _, c := range sequence(x, nil) {
			l.exprStmt(c)
		}
	case "internal_module":
		l.nested(x.Child("body"))
	default:
		l.emit(&model.Eval{X: l.expr(x)})
	}
}

// returnStmt lowers `return x`; a bare `return` lowers to nothing.
func (l *lowerer) returnStmt(n *syntax.Node) {
	if x := firstKid(n); x != nil {
		l.emit(&model.Return{X: l.expr(x), Pos: l.pos(n)})
	}
}

// throwStmt lowers `throw new Error(msg)` to an Eval of the thrown value.
func (l *lowerer) throwStmt(n *syntax.Node) {
	if x := firstKid(n); x != nil {
		l.emit(&model.Eval{X: l.expr(x)})
	}
}

// effects lowers the statements and expressions found inside syntax that has no form of
// its own (JSX, enums, error recovery), keeping only their effects: statements, nested
// assignments, functions, and an Eval for each expression that calls something.
func (l *lowerer) effects(n *syntax.Node) {
	for _, c := range n.Children {
		switch {
		case !c.Named || c.Kind == "comment":
		case l.knownStmt(c):
		default:
			if x := l.knownExpr(c); x != nil {
				l.evalCalls(x)
			} else {
				l.effects(c)
			}
		}
	}
}

// evalCalls emits an Eval of x when x calls something, so that the call is analysed
// although its value is not used: conditions, loop updates, computed keys.
func (l *lowerer) evalCalls(x model.Expr) {
	if containsCall(x) {
		l.emit(&model.Eval{X: x})
	}
}

// effect lowers an expression kept only for its effects, such as a for-loop update: its
// assignments, and an Eval when it calls something.
func (l *lowerer) effect(n *syntax.Node) {
	switch n.Kind {
	case "assignment_expression":
		l.assign(n)
	case "augmented_assignment_expression":
		l.augmented(n)
	case "sequence_expression":
		for _, c := range sequence(n, nil) {
			l.effect(c)
		}
	default:
		l.evalCalls(l.expr(n))
	}
}
