package javascript

import (
	"regexp"
	"slices"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var adminNoAuthRule = &rule.Rule{
	ID:            "js.admin-route-without-auth",
	Title:         "Administrative route without authorization",
	Vulnerability: "Missing Authorization",
	CWE:           []string{"CWE-862", "CWE-285"},
	OWASP:         []string{"A01:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A route under an administrative path (admin, internal, backoffice, " +
		"manage), or whose handler changes users' roles, has no authentication " +
		"middleware, or authentication without any role or permission check.",
	Impact: "Anyone, or any signed-in user, can call administrative functions: change " +
		"roles, delete users, read every account, run maintenance tasks.",
	Fix: "Put an authentication middleware and a role check before every administrative " +
		"route, best on the router that holds them all.",
	FixExample: `function requireAdmin(req, res, next) {
  if (req.user?.role !== 'admin') return res.status(403).end();
  next();
}
app.use('/admin', requireAuth, requireAdmin, adminRouter);`,
	Bad: "const express = require('express');\nconst app = express();\n" +
		"app.delete('/admin/users/:id', (req, res) => res.end());\n",
	Good: "const express = require('express');\nconst app = express();\n" +
		"function requireAdmin(req, res, next) {\n" +
		"  if (req.user.role !== 'admin') return res.status(403).end();\n  next();\n}\n" +
		"app.delete('/admin/users/:id', requireAdmin, (req, res) => res.end());\n",
}

var idorRule = &rule.Rule{
	ID:            "js.idor",
	Title:         "Record loaded by id without an ownership check",
	Vulnerability: "Insecure Direct Object Reference (IDOR)",
	CWE:           []string{"CWE-639", "CWE-284"},
	OWASP:         []string{"A01:2021"},
	Severity:      rule.High,
	Confidence:    rule.LowConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "An authenticated route reads, updates or deletes a record by an id from " +
		"the URL, and its handler never refers to the authenticated user: no comparison " +
		"with req.user and no owner filter in the query.",
	Impact: "Any signed-in user can change the id in the URL and read, change or delete " +
		"other users' records (horizontal privilege escalation).",
	Fix: "Scope the query to the caller (WHERE id = $1 AND user_id = $2), or load the " +
		"record and answer 404 unless it belongs to req.user.",
	FixExample: `const order = await Order.findOne({
  where: { id: req.params.id, userId: req.user.id },
});
if (!order) return res.status(404).end();`,
	Bad: "const express = require('express');\nconst app = express();\n" +
		"function requireAuth(req, res, next) {\n" +
		"  if (!req.user) return res.status(401).end();\n  next();\n}\n" +
		"app.get('/orders/:id', requireAuth, async (req, res) =>\n" +
		"  res.json(await Order.findByPk(req.params.id)));\n",
	Good: "const express = require('express');\nconst app = express();\n" +
		"function requireAuth(req, res, next) {\n" +
		"  if (!req.user) return res.status(401).end();\n  next();\n}\n" +
		"app.get('/orders/:id', requireAuth, async (req, res) =>\n" +
		"  res.json(await Order.findOne({ where: { id: req.params.id, userId: req.user.id } })));\n",
}

var roleFromRequestRule = &rule.Rule{
	ID:            "js.role-from-request",
	Title:         "Role or admin flag taken from the request",
	Vulnerability: "Privilege Escalation through User-Controlled Role",
	CWE:           []string{"CWE-269", "CWE-915"},
	OWASP:         []string{"A01:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description:   "A role, isAdmin or permissions field of a record is set from request data.",
	Impact: "A user gives themselves the administrator role by sending it in the body, " +
		"and with it every privilege of the application.",
	Fix: "Set roles on the server: a fixed default at registration, and changes only " +
		"through an administrator's action that is itself authorised.",
	FixExample: `const user = await User.create({ email, passwordHash, role: 'user' });`,
	Bad: "app.post('/register', async (req, res) =>\n" +
		"  res.json(await User.create({ email: req.body.email, role: req.body.role })));\n",
	Good: "app.post('/register', async (req, res) =>\n" +
		"  res.json(await User.create({ email: req.body.email, role: 'user' })));\n",
}

// adminPaths are path segments of administrative functions.
var adminPaths = regexp.MustCompile(`^(admin|administrator|administration|internal|` +
	`backoffice|back-office|manage|management|superuser|staff)$`)

// roleFields are record fields that grant privileges.
var roleFields = []string{"role", "roles", "isAdmin", "admin", "permissions", "isStaff",
	"isSuperuser", "superuser", "scope", "scopes"}

// dataAccess are methods that read or change a record by its id.
var dataAccess = []string{"findById", "findByPk", "findOne", "findUnique", "findFirst",
	"query", "execute", "update", "updateOne", "deleteOne", "destroy", "delete", "remove",
	"findOneAndUpdate", "findByIdAndUpdate", "findByIdAndDelete", "findOneAndDelete"}

var _ = addAppCheck([]*rule.Rule{adminNoAuthRule, idorRule, roleFromRequestRule},
	func(c *appChecks, m *appmodel.Model) {
		for _, r := range m.Routes {
			c.checkAdmin(r)
			c.checkIDOR(r)
			c.checkRoleFromRequest(r)
		}
	})

// checkAdmin reports administrative routes without auth or without a role check.
func (c *appChecks) checkAdmin(r *appmodel.Route) {
	if !pathMatches(r.Path, adminPaths) && !setsRole(r) {
		return
	}
	switch {
	case !r.Has(appmodel.Auth) && !r.Has(appmodel.Role):
		c.report(adminNoAuthRule, r.Pos, "No authorization on "+r.Method+" "+r.Path)
	case !r.Has(appmodel.Role):
		fd := c.report(adminNoAuthRule, r.Pos, "No role check on "+r.Method+" "+r.Path)
		fd.Severity = rule.Medium
		fd.Impact = "Every signed-in user, not only administrators, can call this " +
			"administrative function."
	default:
		c.positive("Role check on "+r.Method+" "+r.Path, r.Pos)
	}
}

// setsRole reports a handler that does what only administrators should: write a role
// field, or delete a user record chosen by the URL.
func setsRole(r *appmodel.Route) bool {
	found := false
	for _, fn := range routeCode(r) {
		for _, s := range fn.Body {
			if a, ok := s.(*model.Assign); ok {
				if t, ok := a.To.(*model.MemberTarget); ok && slices.Contains(roleFields, t.Prop) {
					found = true
				}
			}
		}
		walkFuncs([]*model.Func{fn}, func(x model.Expr) bool {
			found = found || deletesUser(fn.Module, x)
			return !found
		})
	}
	return found
}

// userDeletes are the calls that delete records.
var userDeletes = regexp.MustCompile(`^(destroy|deleteOne|deleteMany|delete|remove|` +
	`findByIdAndDelete|findOneAndDelete|findByIdAndRemove)$`)

// deletesUser reports User.destroy(...) and the like with an id from the URL: deleting
// another user's account.
func deletesUser(mod *model.Module, x model.Expr) bool {
	call, ok := x.(*model.Call)
	m, isMember := callMember(call)
	if !ok || !isMember || !userDeletes.MatchString(m.Prop) ||
		!userModels.MatchString(mod.Qualify(m.Obj)+".") {
		return false
	}
	usesParam := false
	for _, a := range call.Args {
		model.WalkExpr(a, func(e model.Expr) bool {
			if p := requestPath(e); len(p) >= 1 && p[0] == "params" {
				usesParam = true
			}
			return !usesParam
		})
	}
	return usesParam
}

// checkIDOR reports an authenticated route that loads a record by a URL id and never
// refers to the caller.
func (c *appChecks) checkIDOR(r *appmodel.Route) {
	if !r.Has(appmodel.Auth) || r.Has(appmodel.Role) || r.HandlerFunc == nil {
		return
	}
	usesParam, accesses, identity := false, false, false
	walkFuncs(routeCode(r), func(x model.Expr) bool {
		switch e := x.(type) {
		case *model.Member:
			p := requestPath(e)
			usesParam = usesParam || len(p) >= 1 && p[0] == "params"
			identity = identity || len(p) >= 1 && (p[0] == "user" || p[0] == "auth" ||
				len(p) >= 2 && p[0] == "session" && p[1] == "user")
		case *model.Call:
			if m, ok := e.Callee.(*model.Member); ok && slices.Contains(dataAccess, m.Prop) {
				accesses = true
			}
		}
		return true
	})
	if usesParam && accesses && !identity {
		c.report(idorRule, r.Pos, "No ownership check on "+r.Method+" "+r.Path)
	}
}

// checkRoleFromRequest reports a role field set from request data, in an object literal
// or an assignment.
func (c *appChecks) checkRoleFromRequest(r *appmodel.Route) {
	code := routeCode(r)
	vars := requestVars(code)
	for _, fn := range code {
		for _, s := range fn.Body {
			if a, ok := s.(*model.Assign); ok {
				t, ok := a.To.(*model.MemberTarget)
				if ok && slices.Contains(roleFields, t.Prop) && fromRequest(a.Value, vars) {
					c.report(roleFromRequestRule, a.Pos, "")
				}
			}
			model.WalkStmt(s, func(x model.Expr) bool {
				if obj, ok := x.(*model.Object); ok {
					c.roleProps(obj, vars)
				}
				return true
			})
		}
	}
}

func (c *appChecks) roleProps(obj *model.Object, vars map[string]bool) {
	for _, p := range obj.Props {
		if slices.Contains(roleFields, p.Key) && fromRequest(p.Value, vars) {
			c.report(roleFromRequestRule, p.Value.At(), "")
		}
	}
}

// fromRequest reports an expression that reads the request body, query or params, or a
// variable taken from them.
func fromRequest(x model.Expr, vars map[string]bool) bool {
	if ref, ok := x.(*model.Ref); ok {
		return vars[ref.Name]
	}
	p := requestPath(x)
	return len(p) >= 1 && (p[0] == "body" || p[0] == "query" || p[0] == "params")
}

// requestVars returns the variables a handler takes straight from the request:
// `const role = req.body.role` and `const { email, role } = req.body`.
func requestVars(fns []*model.Func) map[string]bool {
	vars := make(map[string]bool)
	for _, fn := range fns {
		for _, s := range fn.Body {
			a, ok := s.(*model.Assign)
			if !ok || !fromRequest(a.Value, nil) {
				continue
			}
			switch t := a.To.(type) {
			case *model.VarTarget:
				vars[t.Name] = true
			case *model.PatternTarget:
				for _, f := range t.Fields {
					if v, ok := f.Target.(*model.VarTarget); ok {
						vars[v.Name] = true
					}
				}
			}
		}
	}
	return vars
}
