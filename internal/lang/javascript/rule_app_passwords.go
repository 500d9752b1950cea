package javascript

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var plaintextPasswordRule = &rule.Rule{
	ID:            "js.plaintext-password",
	Title:         "Password stored or compared in plain text",
	Vulnerability: "Plaintext Storage of a Password",
	CWE:           []string{"CWE-256", "CWE-312"},
	OWASP:         []string{"A02:2021", "A07:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A password from the request is written to a record as it is (a password " +
		"field of an object given to create, insert, update or save), or compared with " +
		"=== instead of a password hash's verify function.",
	Impact: "Whoever reads the database (a backup, an injection, an insider) has every " +
		"user's password, to log in here and wherever it was reused.",
	Fix: "Store only a slow salted hash (bcrypt, argon2id) and check logins with its " +
		"compare/verify function.",
	FixExample: `const passwordHash = await bcrypt.hash(req.body.password, 12);
await User.create({ email: req.body.email, passwordHash });
// login
const ok = await bcrypt.compare(req.body.password, user.passwordHash);`,
	Bad: "app.post('/register', async (req, res) =>\n" +
		"  res.json(await User.create({ email: req.body.email, password: req.body.password })));\n",
	Good: "app.post('/register', async (req, res) =>\n" +
		"  res.json(await User.create({ email: req.body.email,\n" +
		"    password: await bcrypt.hash(req.body.password, 12) })));\n",
}

var passwordPolicyRule = &rule.Rule{
	ID:            "js.weak-password-policy",
	Title:         "Registration without a password policy",
	Vulnerability: "Weak Password Requirements",
	CWE:           []string{"CWE-521"},
	OWASP:         []string{"A07:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A registration or password change route accepts the password with no " +
		"length check and no validation middleware, or checks for a minimum under 8 " +
		"characters.",
	Impact: "Users can choose passwords like 1234 that fall to the first guesses of any " +
		"brute-force or credential-stuffing run.",
	Fix: "Require at least 8 characters (better 12) and reject known-breached passwords, " +
		"with a schema (joi, zod, express-validator) or an explicit check.",
	FixExample: `router.post('/register',
  body('password').isLength({ min: 12 }),
  register);`,
	Bad: "app.post('/register', async (req, res) => {\n" +
		"  const { email, password } = req.body;\n  res.json(await save(email, password));\n});\n",
	Good: "app.post('/register', async (req, res) => {\n" +
		"  const { email, password } = req.body;\n" +
		"  if (password.length < 12) return res.status(400).end();\n" +
		"  res.json(await save(email, password));\n});\n",
}

var resetTokenExposedRule = &rule.Rule{
	ID:            "js.reset-token-in-response",
	Title:         "Password reset token returned in the response",
	Vulnerability: "Weak Password Recovery Mechanism",
	CWE:           []string{"CWE-640"},
	OWASP:         []string{"A07:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A password reset or forgotten-password route sends the reset token or " +
		"code back in its response instead of only by mail or SMS.",
	Impact: "Anyone can reset any account's password: ask for a reset of the victim's " +
		"email address and read the token from the answer.",
	Fix: "Send the token only to the account's verified address, answer the same way " +
		"whether the account exists or not, and expire tokens after minutes.",
	FixExample: `const token = crypto.randomBytes(32).toString('hex');
await saveResetToken(user.id, token, Date.now() + 15 * 60 * 1000);
await mailer.sendReset(user.email, token);
res.status(202).json({ message: 'If the account exists, a mail is on its way.' });`,
	Bad: "app.post('/password/forgot', async (req, res) => {\n" +
		"  const token = await createResetToken(req.body.email);\n  res.json({ token });\n});\n",
	Good: "app.post('/password/forgot', async (req, res) => {\n" +
		"  const token = await createResetToken(req.body.email);\n" +
		"  await sendResetMail(req.body.email, token);\n  res.status(202).end();\n});\n",
}

var resetNoExpiryRule = &rule.Rule{
	ID:            "js.reset-token-no-expiry",
	Title:         "Password reset token stored without an expiry",
	Vulnerability: "Weak Password Recovery Mechanism",
	CWE:           []string{"CWE-640", "CWE-613"},
	OWASP:         []string{"A07:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A password reset route stores the reset token with no expiry time next " +
		"to it.",
	Impact: "A reset link stays valid for ever: one found months later in a mailbox, a " +
		"log or a forwarded mail still takes over the account.",
	Fix: "Store an expiry with the token (minutes, not days), check it when the token is " +
		"used, and delete the token after use.",
	FixExample: `await User.update(
  { resetToken: hash(token), resetTokenExpires: Date.now() + 15 * 60 * 1000 },
  { where: { id: user.id } },
);`,
	Bad: "app.post('/password/forgot', async (req, res) => {\n" +
		"  await User.update({ resetToken: newToken() },\n" +
		"    { where: { email: req.body.email } });\n" +
		"  res.status(202).end();\n});\n",
	Good: "app.post('/password/forgot', async (req, res) => {\n" +
		"  await User.update({ resetToken: newToken(), resetExpires: Date.now() + 900000 },\n" +
		"    { where: { email: req.body.email } });\n  res.status(202).end();\n});\n",
}

var (
	expiryKey   = regexp.MustCompile(`(?i)expir|ttl|valid|until`)
	storeKey    = regexp.MustCompile(`(?i)^(reset_?token|reset_?code|token|code|otp)$`)
	passwordKey = regexp.MustCompile(`(?i)^(password|passwd|pwd|pass|newPassword)$`)
	writeCalls  = regexp.MustCompile(`^(create|insert|insertOne|insertMany|update|updateOne|` +
		`upsert|save|build|findOneAndUpdate|findByIdAndUpdate)$`)
	registerPaths = regexp.MustCompile(`^(register|signup|sign-up|users|accounts|password|` +
		`change-password|set-password)$`)
	resetPaths = regexp.MustCompile(`^(reset|forgot|forgot-password|reset-password|` +
		`password-reset|recover)$`)
	tokenKey = regexp.MustCompile(`(?i)^(token|resetToken|reset_token|code|resetCode|otp)$`)
)

var _ = addAppCheck(
	[]*rule.Rule{plaintextPasswordRule, passwordPolicyRule, resetTokenExposedRule,
		resetNoExpiryRule},
	func(c *appChecks, m *appmodel.Model) {
		for _, r := range m.Routes {
			code := routeCode(r)
			vars := requestVars(code)
			c.checkPlaintextPassword(code, vars)
			c.checkPasswordPolicy(r, code, vars)
			c.checkResetToken(r, code)
			c.checkResetExpiry(r, code)
		}
	})

// checkPlaintextPassword reports a request password written to a record or compared with
// ===.
func (c *appChecks) checkPlaintextPassword(code []*model.Func, vars map[string]bool) {
	walkFuncs(code, func(x model.Expr) bool {
		switch e := x.(type) {
		case *model.Call:
			m, ok := e.Callee.(*model.Member)
			if !ok || !writeCalls.MatchString(m.Prop) {
				return true
			}
			for _, a := range e.Args {
				if p := plainPasswordProp(a, vars); p != nil {
					c.report(plaintextPasswordRule, p.Value.At(), "Password stored in plain text")
				}
			}
		case *model.Op:
			if (e.Op == "===" || e.Op == "==" || e.Op == "!==" || e.Op == "!=") &&
				len(e.Args) == 2 && comparesPassword(e.Args, vars) {
				c.report(plaintextPasswordRule, e.Pos, "Password compared in plain text")
			}
		}
		return true
	})
}

// plainPasswordProp returns the password property of an object literal whose value is the
// request's password as it came.
func plainPasswordProp(x model.Expr, vars map[string]bool) *model.Prop {
	obj, ok := x.(*model.Object)
	if !ok {
		return nil
	}
	for i, p := range obj.Props {
		if passwordKey.MatchString(p.Key) && fromRequest(p.Value, vars) {
			return &obj.Props[i]
		}
	}
	return nil
}

// comparesPassword reports `user.password === req.body.password`: a stored password field
// on one side, the request's on the other.
func comparesPassword(args []model.Expr, vars map[string]bool) bool {
	for i, a := range args {
		m, ok := a.(*model.Member)
		if ok && passwordKey.MatchString(m.Prop) && requestPath(m) == nil &&
			fromRequest(args[1-i], vars) {
			return true
		}
	}
	return false
}

// checkPasswordPolicy reports a registration route that takes a password with no length
// check, or with a minimum under 8.
func (c *appChecks) checkPasswordPolicy(r *appmodel.Route, code []*model.Func,
	vars map[string]bool) {
	if r.Method != "POST" && r.Method != "PUT" || !pathMatches(lastSegments(r.Path, 1),
		registerPaths) {
		return
	}
	min, checked := schemaMinimum(r, code)
	if !checked && (r.Has(appmodel.Validation) || !takesPassword(code, vars)) {
		return
	}
	if !checked {
		min, checked = passwordLengthCheck(code)
	}
	switch {
	case !checked:
		c.report(passwordPolicyRule, r.Pos, "No password policy on "+r.Method+" "+r.Path)
	case min < 8:
		c.report(passwordPolicyRule, r.Pos, "Minimum password length "+strconv.Itoa(min)+
			" on "+r.Method+" "+r.Path)
	}
}

// takesPassword reports a handler that reads a password from the request.
func takesPassword(code []*model.Func, vars map[string]bool) bool {
	for v := range vars {
		if passwordKey.MatchString(v) {
			return true
		}
	}
	found := false
	walkFuncs(code, func(x model.Expr) bool {
		if m, ok := x.(*model.Member); ok && passwordKey.MatchString(m.Prop) && fromRequest(m, nil) {
			found = true
		}
		return !found
	})
	return found
}

// passwordLengthCheck finds `password.length < N` (or a validator call naming a password
// policy) and returns the minimum it enforces.
func passwordLengthCheck(code []*model.Func) (min int, checked bool) {
	walkFuncs(code, func(x model.Expr) bool {
		switch e := x.(type) {
		case *model.Op:
			if n, ok := lengthBound(e); ok {
				min, checked = n, true
			}
		case *model.Call:
			name := strings.ToLower(e.Callee.At().Text)
			if strings.Contains(name, "password") && (strings.Contains(name, "valid") ||
				strings.Contains(name, "strength") || strings.Contains(name, "polic")) {
				min, checked = 8, true
			}
		}
		return true
	})
	return min, checked
}

// lengthBound reads `password.length < N` and `N > password.length` (and <=, >=).
func lengthBound(op *model.Op) (int, bool) {
	if len(op.Args) != 2 || !strings.ContainsAny(op.Op, "<>") {
		return 0, false
	}
	for i, a := range op.Args {
		m, ok := a.(*model.Member)
		if !ok || m.Prop != "length" || !passwordKey.MatchString(endName(m.Obj)) {
			continue
		}
		v, ok := constValue(op.Args[1-i])
		if n, err := strconv.Atoi(v); ok && err == nil {
			return n, true
		}
	}
	return 0, false
}

// endName returns the name a variable or member chain ends with.
func endName(x model.Expr) string {
	switch e := x.(type) {
	case *model.Ref:
		return e.Name
	case *model.Member:
		return e.Prop
	}
	return ""
}

// checkResetToken reports a reset route that puts a token into its response.
func (c *appChecks) checkResetToken(r *appmodel.Route, code []*model.Func) {
	if !pathMatches(lastSegments(r.Path, 2), resetPaths) {
		return
	}
	walkFuncs(code, func(x model.Expr) bool {
		call, ok := x.(*model.Call)
		m, isMember := callMember(call)
		if !ok || !isMember || (m.Prop != "json" && m.Prop != "send") {
			return true
		}
		for _, a := range call.Args {
			if obj, ok := a.(*model.Object); ok {
				for _, p := range obj.Props {
					if tokenKey.MatchString(p.Key) {
						c.report(resetTokenExposedRule, p.Value.At(), "")
					}
				}
			}
		}
		return true
	})
}

func callMember(call *model.Call) (*model.Member, bool) {
	if call == nil {
		return nil, false
	}
	m, ok := call.Callee.(*model.Member)
	return m, ok
}

// checkResetExpiry reports a reset route that writes a token field with no expiry field
// in the same write.
func (c *appChecks) checkResetExpiry(r *appmodel.Route, code []*model.Func) {
	if r.Method == "GET" || !pathMatches(lastSegments(r.Path, 2), resetPaths) {
		return
	}
	walkFuncs(code, func(x model.Expr) bool {
		call, ok := x.(*model.Call)
		m, isMember := callMember(call)
		if !ok || !isMember || !writeCalls.MatchString(m.Prop) {
			return true
		}
		stores, expires := false, false
		for _, a := range call.Args {
			obj, ok := a.(*model.Object)
			if !ok {
				continue
			}
			for _, p := range obj.Props {
				stores = stores || storeKey.MatchString(p.Key)
				expires = expires || expiryKey.MatchString(p.Key)
			}
		}
		if stores && !expires {
			c.report(resetNoExpiryRule, call.Pos, "")
		}
		return true
	})
}

// schemaMinimum finds the minimum a schema sets on the password: express-validator's
// body('password').isLength({ min: 8 }) in the route's chain, or a Joi or zod
// `password: ...min(8)` in the handler's module.
func schemaMinimum(r *appmodel.Route, code []*model.Func) (int, bool) {
	for _, mw := range r.Chain {
		if n, ok := validatorMinimum(mw.Call); ok {
			return n, true
		}
	}
	min, found := 0, false
	walkExprs(code, usedSchemas(code), func(x model.Expr) bool {
		obj, ok := x.(*model.Object)
		if !ok {
			return !found
		}
		for _, p := range obj.Props {
			if passwordKey.MatchString(p.Key) {
				if n, ok := chainMinimum(p.Value); ok {
					min, found = n, true
				}
			}
		}
		return !found
	})
	return min, found
}

// usedSchemas returns the module-level values the handler refers to by name, such as a
// Joi or zod schema declared once above the routes.
func usedSchemas(code []*model.Func) []model.Expr {
	if len(code) == 0 {
		return nil
	}
	used := make(map[string]bool)
	walkFuncs(code, func(x model.Expr) bool {
		if ref, ok := x.(*model.Ref); ok {
			used[ref.Name] = true
		}
		return true
	})
	var out []model.Expr
	for _, st := range code[0].Module.Init.Body {
		if a, ok := st.(*model.Assign); ok {
			if v, ok := a.To.(*model.VarTarget); ok && used[v.Name] {
				out = append(out, a.Value)
			}
		}
	}
	return out
}

// walkExprs walks the functions' bodies and then the extra expressions.
func walkExprs(code []*model.Func, extra []model.Expr, visit func(model.Expr) bool) {
	walkFuncs(code, visit)
	for _, x := range extra {
		model.WalkExpr(x, visit)
	}
}

// validatorMinimum reads body('password').isLength({ min: N }).
func validatorMinimum(call *model.Call) (int, bool) {
	if call == nil || !validatesPassword(call) {
		return 0, false
	}
	return chainMinimum(call)
}

// validatesPassword reports a validator chain whose first call names a password field.
func validatesPassword(call *model.Call) bool {
	for {
		m, ok := call.Callee.(*model.Member)
		if !ok {
			break
		}
		inner, ok := m.Obj.(*model.Call)
		if !ok {
			break
		}
		call = inner
	}
	if len(call.Args) == 0 {
		return false
	}
	v, ok := constValue(call.Args[0])
	return ok && passwordKey.MatchString(v)
}

// chainMinimum finds .min(N) or .isLength({ min: N }) on a call chain.
func chainMinimum(x model.Expr) (int, bool) {
	for {
		call, ok := x.(*model.Call)
		if !ok {
			return 0, false
		}
		m, ok := call.Callee.(*model.Member)
		if !ok {
			return 0, false
		}
		if n, ok := minimumArg(m.Prop, call.Args); ok {
			return n, true
		}
		x = m.Obj
	}
}

func minimumArg(method string, args []model.Expr) (int, bool) {
	if len(args) == 0 {
		return 0, false
	}
	switch method {
	case "min":
		v, ok := constValue(args[0])
		n, err := strconv.Atoi(v)
		return n, ok && err == nil
	case "isLength":
		for _, p := range optionProps(&model.Call{Args: args}) {
			if v, ok := constValue(p.Value); ok && p.Key == "min" {
				n, err := strconv.Atoi(v)
				return n, err == nil
			}
		}
	}
	return 0, false
}
