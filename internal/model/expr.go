package model

// Expr is an expression. Every expression knows where it is.
type Expr interface{ At() Pos }

// ConstKind is the type of a constant.
type ConstKind int

// Kinds of constants.
const (
	String ConstKind = iota + 1
	Number
	Bool
	Null
	Regexp
)

// Const is a literal.
type Const struct {
	Kind  ConstKind
	Value string
	Pos   Pos
}

// Ref reads a variable, a parameter, or a name from an enclosing scope or an import.
type Ref struct {
	Name string
	Pos  Pos
}

// This is the receiver of a method (this, self).
type This struct{ Pos Pos }

// Member reads a property: Obj.Prop, or Obj[Index] when Prop is "".
type Member struct {
	Obj   Expr
	Prop  string
	Index Expr
	Pos   Pos
}

// Call calls Callee with Args. New is set for constructor calls; Tagged for tagged
// template literals, whose first argument is the list of literal parts.
type Call struct {
	Callee Expr
	Args   []Expr
	New    bool
	Tagged bool
	Pos    Pos
}

// Concat joins strings: `a + b` where strings may be involved, and template literals.
type Concat struct {
	Parts []Expr
	Pos   Pos
}

// Op is any other operator (arithmetic, comparison, logical not, typeof): its result is
// a number or a boolean and carries no text from its operands.
type Op struct {
	Op   string
	Args []Expr
	Pos  Pos
}

// Choice is a value that is one of its alternatives: `a || b`, `a ?? b`, `c ? a : b`.
type Choice struct {
	Alts []Expr
	Pos  Pos
}

// Object is an object literal. A property with Spread set copies every property of
// Value.
type Object struct {
	Props []Prop
	Pos   Pos
}

// Prop is one property of an object literal; Key is "" for computed keys.
type Prop struct {
	Key    string
	Value  Expr
	Spread bool
}

// Array is an array literal.
type Array struct {
	Elems []Expr
	Pos   Pos
}

// Spread expands an iterable into arguments or elements: ...x.
type Spread struct {
	X   Expr
	Pos Pos
}

// Closure is a function expression; its Func is also listed in the module's Funcs.
type Closure struct {
	Func *Func
	Pos  Pos
}

// Unknown stands for syntax the frontend does not lower; it carries no data.
type Unknown struct{ Pos Pos }

// At returns where the expression is.
func (e *Const) At() Pos   { return e.Pos }
func (e *Ref) At() Pos     { return e.Pos }
func (e *This) At() Pos    { return e.Pos }
func (e *Member) At() Pos  { return e.Pos }
func (e *Call) At() Pos    { return e.Pos }
func (e *Concat) At() Pos  { return e.Pos }
func (e *Op) At() Pos      { return e.Pos }
func (e *Choice) At() Pos  { return e.Pos }
func (e *Object) At() Pos  { return e.Pos }
func (e *Array) At() Pos   { return e.Pos }
func (e *Spread) At() Pos  { return e.Pos }
func (e *Closure) At() Pos { return e.Pos }
func (e *Unknown) At() Pos { return e.Pos }
