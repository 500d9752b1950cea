// Package taint follows untrusted data through the program model, from the places it
// enters (request fields, handler parameters) to the operations it must not reach
// unchecked (a query, a shell, a file path), across functions and modules. It knows no
// language syntax: sources, sinks and sanitizers come from a Catalog, which frontends
// fill from their framework data.
package taint

import (
	"fmt"
	"regexp"
	"strings"
)

// Class names a vulnerability class: "sql", "command", "xss" and so on.
type Class string

// Catalog is the framework knowledge the engine works from. Names in it are access paths:
// "child_process.exec" for an export of a package, "*.query" for a method of any
// object, "$request.query" for a field of the request object, "$response.send" for a
// method of the response object.
type Catalog struct {
	// RequestNames are variable names that hold the incoming request; parameters
	// annotated "request" hold it whatever their name.
	RequestNames []string `yaml:"request_names"`
	// ResponseNames are variable names that hold the response; parameters annotated
	// "response" hold it whatever their name.
	ResponseNames []string `yaml:"response_names"`
	// Sources are access paths under the request whose values the client controls,
	// such as "$request.query" or "$request.get()".
	Sources []string `yaml:"sources"`
	// ParamSources maps a parameter annotation to what it injects: a request path
	// ("$request.body") or "$request" for the whole request object.
	ParamSources map[string]string `yaml:"param_sources"`
	// SourceCalls are functions whose result is client-controlled data, such as a
	// project's own wrapper around the request; Classes lists what the result is already
	// safe for (express-validator's matchedData has the schema's shape).
	SourceCalls []Sanitizer `yaml:"source_calls"`
	// ValidatedSafe lists what request data is safe for once it was bound to a class
	// whose fields carry validation constraints (a NestJS DTO with class-validator).
	ValidatedSafe []Class     `yaml:"validated_safe"`
	Sinks         []Sink      `yaml:"sinks"`
	Sanitizers    []Sanitizer `yaml:"sanitizers"`
	// Opaque are callees whose result carries none of their inputs' data, such as a
	// database query's rows.
	Opaque []string `yaml:"opaque"`
}

// Sink is an operation that untrusted data of Class must not reach.
type Sink struct {
	Class Class `yaml:"class"`
	// Callee is the access path of the function or method, or of the property for an
	// assignment sink.
	Callee string `yaml:"callee"`
	// Args lists the dangerous argument positions; empty means every argument.
	Args []int `yaml:"args"`
	// Keys, when set, restricts an object argument to these properties ({ text, sql }).
	Keys []string `yaml:"keys"`
	// New matches constructor calls (new RegExp(x)) instead of plain calls.
	New bool `yaml:"new"`
	// Assign matches an assignment to the property (ctx.body = x) instead of a call.
	Assign bool `yaml:"assign"`
	// When, if set, must hold for the call to be a sink (spawn with shell: true).
	When *Condition `yaml:"when"`
	// Unless lists conditions any of which makes the call safe (sendFile with a root
	// option, a response typed text/plain).
	Unless []Condition `yaml:"unless"`
	// Shallow counts only an argument's own data, not that of its properties: a logger
	// that serialises objects escapes what is inside them.
	Shallow bool `yaml:"shallow"`
	// Whole counts only data that is a whole request object (req.body), not one of its
	// fields: what mass assignment is about.
	Whole bool `yaml:"whole"`
	// From, when set, counts only data from these sources: route parameters are always
	// strings, so they cannot carry a query operator.
	From []string `yaml:"from"`
}

// Condition tests a constant argument of a call. With Key set, the argument must be an
// object literal whose Key property is the constant. With Method set, the test applies to
// a call of that method on the receiver chain instead (res.type('text/plain').send).
// The constant must equal Value, or match the regular expression Pattern.
type Condition struct {
	Arg     int    `yaml:"arg"`
	Key     string `yaml:"key"`
	Method  string `yaml:"method"`
	Value   string `yaml:"value"`
	Pattern string `yaml:"pattern"`
	// Receiver, when set, is a regular expression the receiver of a method call must
	// match as written, the whole test then: `UserSchema.parse(x)` for zod schemas.
	Receiver string `yaml:"receiver"`
}

// Sanitizer is a callee whose result is safe for Classes (every class when empty), or a
// guard kind ("allowlist") that makes the checked variable safe.
type Sanitizer struct {
	Callee  string  `yaml:"callee"`
	Guard   string  `yaml:"guard"`
	Classes []Class `yaml:"classes"`
	// When, if set, must hold for the call to sanitise (.replace(/[\r\n]/g, '')).
	When *Condition `yaml:"when"`
}

// mask is a set of classes, one bit each, in the order the catalog first names them.
type mask uint64

// compiled is a catalog indexed for lookups.
type compiled struct {
	*Catalog
	bits       map[Class]mask
	request    map[string]bool
	response   map[string]bool
	sources    map[string]bool
	sinks      map[string][]*Sink
	sanitizers map[string][]sanitizer
	guards     map[string]mask
	opaque     map[string]bool
	conditions map[*Condition]*condition
	// sourceCalls maps a callee to the classes its client-controlled result is safe for.
	sourceCalls map[string]mask
	validated   mask
}

// maxClasses bounds the classes one catalog may name: a mask has 64 bits.
const maxClasses = 64

func compile(c *Catalog) (*compiled, error) {
	k := &compiled{
		Catalog:    c,
		bits:       make(map[Class]mask),
		request:    setOf(c.RequestNames),
		response:   setOf(c.ResponseNames),
		sources:    setOf(c.Sources),
		sinks:      make(map[string][]*Sink),
		sanitizers: make(map[string][]sanitizer),
		guards:     make(map[string]mask),
		opaque:     setOf(c.Opaque),
	}
	for i := range c.Sinks {
		s := &c.Sinks[i]
		if _, err := k.bit(s.Class); err != nil {
			return nil, err
		}
		k.sinks[s.Callee] = append(k.sinks[s.Callee], s)
	}
	if len(c.ValidatedSafe) > 0 {
		m, err := k.maskOf(c.ValidatedSafe)
		if err != nil {
			return nil, err
		}
		k.validated = m
	}
	k.sourceCalls = make(map[string]mask, len(c.SourceCalls))
	for _, s := range c.SourceCalls {
		var m mask
		if len(s.Classes) > 0 {
			var err error
			if m, err = k.maskOf(s.Classes); err != nil {
				return nil, err
			}
		}
		k.sourceCalls[s.Callee] |= m
	}
	for _, s := range c.Sanitizers {
		m, err := k.maskOf(s.Classes)
		if err != nil {
			return nil, err
		}
		if s.Guard != "" {
			k.guards[s.Guard] |= m
			continue
		}
		when, err := compileCondition(s.When)
		if err != nil {
			return nil, fmt.Errorf("sanitizer %s: %w", s.Callee, err)
		}
		k.sanitizers[s.Callee] = append(k.sanitizers[s.Callee], sanitizer{m, when})
	}
	return k, k.compileSinkConditions()
}

// sanitizer is a compiled Sanitizer: the classes it protects and its condition.
type sanitizer struct {
	classes mask
	when    *condition
}

// condition is a compiled Condition.
type condition struct {
	Condition
	re       *regexp.Regexp
	receiver *regexp.Regexp
}

func compileCondition(c *Condition) (*condition, error) {
	if c == nil {
		return nil, nil
	}
	out := &condition{Condition: *c}
	for _, p := range []struct {
		src string
		dst **regexp.Regexp
	}{{c.Pattern, &out.re}, {c.Receiver, &out.receiver}} {
		if p.src == "" {
			continue
		}
		re, err := regexp.Compile(p.src)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %w", p.src, err)
		}
		*p.dst = re
	}
	return out, nil
}

// compileSinkConditions checks every sink's conditions once, so that a bad pattern in a
// catalog is an error at load time rather than a silent miss.
func (k *compiled) compileSinkConditions() error {
	k.conditions = make(map[*Condition]*condition)
	for i := range k.Sinks {
		s := &k.Sinks[i]
		conds := []*Condition{s.When}
		for j := range s.Unless {
			conds = append(conds, &s.Unless[j])
		}
		for _, c := range conds {
			cc, err := compileCondition(c)
			if err != nil {
				return fmt.Errorf("sink %s: %w", s.Callee, err)
			}
			if c != nil {
				k.conditions[c] = cc
			}
		}
	}
	return nil
}

func (k *compiled) bit(c Class) (mask, error) {
	if b, ok := k.bits[c]; ok {
		return b, nil
	}
	if len(k.bits) == maxClasses {
		return 0, fmt.Errorf("catalog names more than %d classes", maxClasses)
	}
	b := mask(1) << len(k.bits)
	k.bits[c] = b
	return b, nil
}

// maskOf returns the bits of classes; no classes means all of them.
func (k *compiled) maskOf(classes []Class) (mask, error) {
	if len(classes) == 0 {
		return ^mask(0), nil
	}
	var m mask
	for _, c := range classes {
		b, err := k.bit(c)
		if err != nil {
			return 0, err
		}
		m |= b
	}
	return m, nil
}

// sourceOf returns the catalogued source that a request path, such as
// "$request.query.id", starts with, or "".
func (k *compiled) sourceOf(path string) string {
	for p := path; p != ""; {
		if k.sources[p] {
			return p
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
	return ""
}

func setOf(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
