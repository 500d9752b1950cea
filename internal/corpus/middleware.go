package corpus

// writeAuthMiddleware writes src/middleware/auth.js: bearer tokens verified with a pinned
// algorithm and issuer, and a role check.
func writeAuthMiddleware(a *app) *source {
	s := newSource(a.dir+"/src/middleware/auth.js", commonJS)
	s.use("jsonwebtoken", "jwt")
	s.add("const ISSUER = process.env.JWT_ISSUER || 'https://auth.example.com';", "",
		"function bearer(header) {",
		"  const [scheme, token] = String(header || '').split(' ');",
		"  return scheme === 'Bearer' && token ? token : undefined;",
		"}", "",
		"function verify(token) {",
		"  const claims = jwt.verify(token, process.env.JWT_PUBLIC_KEY, {",
		"    algorithms: ['RS256'],",
		"    issuer: ISSUER,",
		"  });",
		"  return { id: claims.sub, roles: Array.isArray(claims.roles) ? claims.roles : [] };",
		"}", "")
	if a.koa {
		koaAuth(s)
	} else {
		expressAuth(s)
	}
	s.add("", "module.exports = { requireAuth, requireRole, verify };")
	return s
}

func expressAuth(s *source) {
	s.add("function requireAuth(req, res, next) {",
		"  const token = bearer(req.get('Authorization'));",
		"  if (!token) {",
		"    return res.status(401).json({ error: 'authentication required' });",
		"  }",
		"  try {",
		"    req.user = verify(token);",
		"  } catch (err) {",
		"    return res.status(401).json({ error: 'invalid token' });",
		"  }",
		"  return next();",
		"}", "",
		"function requireRole(role) {",
		"  return (req, res, next) => {",
		"    if (!req.user || !req.user.roles.includes(role)) {",
		"      return res.status(403).json({ error: 'forbidden' });",
		"    }",
		"    return next();",
		"  };",
		"}")
}

func koaAuth(s *source) {
	s.add("async function requireAuth(ctx, next) {",
		"  const token = bearer(ctx.get('Authorization'));",
		"  if (!token) {",
		"    ctx.throw(401, 'authentication required');",
		"  }",
		"  try {",
		"    ctx.state.user = verify(token);",
		"  } catch (err) {",
		"    ctx.throw(401, 'invalid token');",
		"  }",
		"  await next();",
		"}", "",
		"function requireRole(role) {",
		"  return async (ctx, next) => {",
		"    if (!ctx.state.user || !ctx.state.user.roles.includes(role)) {",
		"      ctx.throw(403, 'forbidden');",
		"    }",
		"    await next();",
		"  };",
		"}")
}

// writeRateLimit writes src/middleware/rateLimit.js: a limit for the API and a stricter
// one for authentication, with the standard headers.
func writeRateLimit(a *app) *source {
	s := newSource(a.dir+"/src/middleware/rateLimit.js", commonJS)
	s.use("../../config/default.json", "config")
	if a.koa {
		s.use("koa-ratelimit", "ratelimit")
		s.add("const api = ratelimit({",
			"  driver: 'memory',",
			"  db: new Map(),",
			"  duration: config.rateLimit.windowMs,",
			"  max: config.rateLimit.max,",
			"  id: (ctx) => ctx.ip,",
			"  headers: {",
			"    remaining: 'RateLimit-Remaining',",
			"    reset: 'RateLimit-Reset',",
			"    total: 'RateLimit-Limit',",
			"  },",
			"});", "",
			"const auth = ratelimit({",
			"  driver: 'memory',",
			"  db: new Map(),",
			"  duration: 15 * 60 * 1000,",
			"  max: 20,",
			"  id: (ctx) => ctx.ip,",
			"});")
	} else {
		s.use("express-rate-limit", "rateLimit")
		s.add("const api = rateLimit({",
			"  windowMs: config.rateLimit.windowMs,",
			"  limit: config.rateLimit.max,",
			"  standardHeaders: 'draft-7',",
			"  legacyHeaders: false,",
			"});", "",
			"const auth = rateLimit({",
			"  windowMs: 15 * 60 * 1000,",
			"  limit: 20,",
			"  standardHeaders: 'draft-7',",
			"  legacyHeaders: false,",
			"  message: { error: 'too many attempts, try again later' },",
			"});")
	}
	s.add("", "module.exports = { api, auth };")
	return s
}

// writeValidate writes src/middleware/validate.js, which checks a body against a model's
// schema and keeps only the fields it names.
func writeValidate(a *app) *source {
	s := newSource(a.dir+"/src/middleware/validate.js", commonJS)
	s.add("const DATE = /^\\d{4}-\\d{2}-\\d{2}(T[\\d:.]+Z)?$/;", "",
		"function checkField(name, rule, value) {",
		"  switch (rule.type) {",
		"    case 'string':",
		"      if (typeof value !== 'string') return `${name} must be a string`;",
		"      if (rule.maxLength && value.length > rule.maxLength) return `${name} is too long`;",
		"      if (rule.enum && !rule.enum.includes(value)) return `${name} is not allowed`;",
		"      return undefined;",
		"    case 'integer':",
		"      if (!Number.isInteger(value)) return `${name} must be an integer`;",
		"      if (rule.min !== undefined && value < rule.min) return `${name} is too small`;",
		"      return undefined;",
		"    case 'boolean':",
		"      return typeof value === 'boolean' ? undefined : `${name} must be true or false`;",
		"    case 'date':",
		"      if (typeof value !== 'string' || !DATE.test(value)) return `${name} is not a date`;",
		"      return undefined;",
		"    default:",
		"      return `${name} has an unknown type`;",
		"  }",
		"}", "",
		"function check(schema, body, partial) {",
		"  const errors = [];",
		"  const clean = {};",
		"  for (const [name, rule] of Object.entries(schema)) {",
		"    const value = body[name];",
		"    if (value === undefined) {",
		"      if (rule.required && !partial) errors.push(`${name} is required`);",
		"      continue;",
		"    }",
		"    const problem = checkField(name, rule, value);",
		"    if (problem) errors.push(problem);",
		"    else clean[name] = value;",
		"  }",
		"  return { errors, clean };",
		"}", "")
	if a.koa {
		s.add("function validate(schema, { partial = false } = {}) {",
			"  return async (ctx, next) => {",
			"    const { errors, clean } = check(schema, ctx.request.body || {}, partial);",
			"    if (errors.length > 0) {",
			"      ctx.status = 422;",
			"      ctx.body = { errors };",
			"      return;",
			"    }",
			"    ctx.request.body = clean;",
			"    await next();",
			"  };",
			"}")
	} else {
		s.add("function validate(schema, { partial = false } = {}) {",
			"  return (req, res, next) => {",
			"    const { errors, clean } = check(schema, req.body || {}, partial);",
			"    if (errors.length > 0) {",
			"      return res.status(422).json({ errors });",
			"    }",
			"    req.body = clean;",
			"    return next();",
			"  };",
			"}")
	}
	s.add("", "module.exports = { validate, check };")
	return s
}

// writeErrors writes src/middleware/errors.js: errors are logged in full and answered
// with their status and a generic message.
func writeErrors(a *app) *source {
	s := newSource(a.dir+"/src/middleware/errors.js", commonJS)
	s.add("const MESSAGES = {",
		"  400: 'bad request',",
		"  401: 'authentication required',",
		"  403: 'forbidden',",
		"  404: 'not found',",
		"  409: 'conflict',",
		"  422: 'invalid input',",
		"};", "",
		"function statusOf(err) {",
		"  const status = Number(err.status || err.statusCode);",
		"  return status >= 400 && status < 600 ? status : 500;",
		"}", "")
	if a.koa {
		s.add("function errorHandler(logger) {",
			"  return async (ctx, next) => {",
			"    try {",
			"      await next();",
			"    } catch (err) {",
			"      const status = statusOf(err);",
			"      logger.error({ err, path: ctx.path }, 'request failed');",
			"      ctx.status = status;",
			"      ctx.body = { error: MESSAGES[status] || 'internal error' };",
			"    }",
			"  };",
			"}", "",
			"module.exports = { errorHandler };")
		return s
	}
	s.add("function asyncHandler(fn) {",
		"  return (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);",
		"}", "",
		"function notFound(req, res) {",
		"  res.status(404).json({ error: 'not found' });",
		"}", "",
		"function errorHandler(logger) {",
		"  // Express knows an error handler by its four parameters.",
		"  // eslint-disable-next-line no-unused-vars",
		"  return (err, req, res, next) => {",
		"    const status = statusOf(err);",
		"    logger.error({ err, path: req.path }, 'request failed');",
		"    res.status(status).json({ error: MESSAGES[status] || 'internal error' });",
		"  };",
		"}", "",
		"module.exports = { asyncHandler, notFound, errorHandler };")
	return s
}
