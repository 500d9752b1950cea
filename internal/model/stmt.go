package model

// Stmt is a statement of a function body: Assign, Eval or Return.
type Stmt interface{ stmtNode() }

// Assign stores Value into To: a variable, a member, or a destructuring pattern.
type Assign struct {
	To    Target
	Value Expr
	Pos   Pos
}

// Eval evaluates an expression for its effects: a call statement.
type Eval struct {
	X Expr
}

// Return returns a value from the function.
type Return struct {
	X   Expr
	Pos Pos
}

// Guard records that a condition checks a variable before use, such as an allow-list
// test. Kind names the check for the sanitizer catalog ("allowlist").
type Guard struct {
	Var  string
	Kind string
	Pos  Pos
}

func (*Assign) stmtNode() {}
func (*Eval) stmtNode()   {}
func (*Return) stmtNode() {}
func (*Guard) stmtNode()  {}

// Target is where an assignment stores: VarTarget, MemberTarget or PatternTarget.
type Target interface{ targetNode() }

// VarTarget is a variable.
type VarTarget struct{ Name string }

// MemberTarget is a property of an object: obj.prop, or obj[index] with Prop "".
type MemberTarget struct {
	Obj  Expr
	Prop string
}

// PatternTarget destructures a value: each field takes the value's property Key (or
// element Index, when Key is ""); Rest takes what is left.
type PatternTarget struct {
	Fields []PatternField
	Rest   Target
}

// PatternField is one binding of a destructuring pattern.
type PatternField struct {
	Key    string
	Index  int
	Target Target
	// Default is the value used when the property is missing, or nil.
	Default Expr
}

func (*VarTarget) targetNode()     {}
func (*MemberTarget) targetNode()  {}
func (*PatternTarget) targetNode() {}
