package appmodel

import (
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/model"
)

// traits are what a function's code shows about it.
type traits struct {
	verifies bool // calls a credential check (jwt.verify, passport.authenticate)
	identity bool // reads the authenticated user (req.user, req.session.user)
	role     bool // reads a role or permission
	denies   bool // answers 401 or 403, throws an Unauthorized/Forbidden error, next(err)
	headers  bool // sets a security header
}

// behaviour tells what a project middleware does by what its code does, whatever its
// name: a function that verifies a token or reads the user, and refuses the request
// otherwise, is an auth check; one that also reads a role is an authorization check. A
// middleware that verifies a token when there is one but lets every request through
// (optional authentication) enforces nothing.
func (c *classifier) behaviour(fn *model.Func) []Kind {
	if kinds, ok := c.seen[fn]; ok {
		return kinds
	}
	c.seen[fn] = nil // a middleware calling itself is no evidence
	var t traits
	for _, f := range fn.WithNested() {
		c.inspect(f, &t)
	}
	var kinds []Kind
	if (t.verifies || t.identity) && t.denies {
		kinds = append(kinds, Auth)
	}
	if t.role && t.denies {
		kinds = append(kinds, Role)
	}
	if t.headers {
		kinds = append(kinds, Headers)
	}
	c.seen[fn] = kinds
	return kinds
}

func (c *classifier) inspect(fn *model.Func, t *traits) {
	cat, m := c.b.cat, fn.Module
	visit := func(x model.Expr) bool {
		switch x := x.(type) {
		case *model.Call:
			name := m.Qualify(x.Callee)
			t.verifies = t.verifies || slices.Contains(cat.AuthCalls, name)
			t.denies = t.denies || c.deniesWith(x)
			t.headers = t.headers || setsSecurityHeader(x)
		case *model.Member:
			t.identity = t.identity || slices.Contains(cat.Identity, x.Prop) && isRequest(x.Obj)
			t.role = t.role || slices.Contains(cat.RoleFields, x.Prop)
		}
		return true
	}
	for _, s := range fn.Body {
		model.WalkStmt(s, visit)
	}
}

// deniesWith reports res.status(401), res.sendStatus(403) and new UnauthorizedError(...).
func (c *classifier) deniesWith(call *model.Call) bool {
	if member, ok := call.Callee.(*model.Member); ok &&
		(member.Prop == "status" || member.Prop == "sendStatus") && len(call.Args) > 0 {
		k, ok := call.Args[0].(*model.Const)
		return ok && slices.Contains(c.b.cat.Denials, k.Value)
	}
	ref, ok := call.Callee.(*model.Ref)
	switch {
	case ok && call.New:
		return slices.Contains(deniedErrors, ref.Name)
	case ok && ref.Name == "next" && len(call.Args) > 0:
		return true // next(err) hands the refusal to the error handler
	}
	return false
}

// securityHeaders are the response headers that helmet sets, lower-cased.
var securityHeaders = []string{
	"content-security-policy", "strict-transport-security", "x-frame-options",
	"x-content-type-options",
}

// setsSecurityHeader reports res.setHeader('X-Frame-Options', ...) and its set/header
// spellings.
func setsSecurityHeader(call *model.Call) bool {
	member, ok := call.Callee.(*model.Member)
	if !ok || len(call.Args) == 0 {
		return false
	}
	if member.Prop != "setHeader" && member.Prop != "set" && member.Prop != "header" {
		return false
	}
	k, ok := call.Args[0].(*model.Const)
	return ok && slices.Contains(securityHeaders, strings.ToLower(k.Value))
}

// deniedErrors are the error classes that answer 401 or 403 in common frameworks.
var deniedErrors = []string{
	"UnauthorizedError", "ForbiddenError", "UnauthorizedException", "ForbiddenException",
	"AuthenticationError", "AuthorizationError",
}

// isRequest reports whether an expression reads from the request object or its session.
func isRequest(x model.Expr) bool {
	switch x := x.(type) {
	case *model.Ref:
		return x.Name == "req" || x.Name == "request" || x.Name == "ctx"
	case *model.Member:
		return isRequest(x.Obj)
	}
	return false
}
