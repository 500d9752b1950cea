package corpus

// appFiles writes the files that make a's resources an application: the app and server,
// database pool, middleware, logger, authentication, configuration and package.
func (g *gen) appFiles(a *app) {
	g.add(writeApp(a))
	g.add(writeServer(a))
	g.add(writeDB(a))
	g.add(writeLogger(a))
	g.add(writeAuthMiddleware(a))
	g.add(writeRateLimit(a))
	g.add(writeValidate(a))
	g.add(writeErrors(a))
	g.add(writeAuthRoutes(a))
	g.add(writeUsersService(a))
	g.add(writeTestHelpers(a))
	g.add(writeAuthTest(a))
	for _, s := range configFiles(a) {
		g.add(s)
	}
	g.add(writeAppPackage(a))
}

// writeApp writes src/app.js: the security middleware, then every router.
func writeApp(a *app) *source {
	s := newSource(a.dir+"/src/app.js", commonJS)
	if a.koa {
		koaApp(s, a)
	} else {
		expressApp(s, a)
	}
	s.add("", "module.exports = app;")
	return s
}

func expressApp(s *source, a *app) {
	s.use("express", "express")
	s.use("helmet", "helmet")
	s.use("cors", "cors")
	s.use("pino-http", "pinoHttp")
	s.use("../config/default.json", "config")
	s.use("./lib/logger", "logger")
	s.use("./middleware/rateLimit", "limits")
	s.need("./middleware/errors", "notFound", "errorHandler")
	s.use("./routes/auth", "auth")
	for _, r := range a.resources {
		s.use("./routes/"+r.path, r.name+"Routes")
	}
	s.add("const app = express();", "",
		"app.disable('x-powered-by');",
		"app.set('trust proxy', config.trustProxy);",
		"app.use(helmet());",
		"app.use(cors({ origin: config.cors.origins, credentials: true }));",
		"app.use(express.json({ limit: '100kb' }));",
		"app.use(pinoHttp({ logger }));",
		"app.use('/api', limits.api);", "",
		"app.get('/healthz', (req, res) => res.json({ status: 'ok' }));",
		"app.use('/api/auth', limits.auth, auth);")
	for _, r := range a.resources {
		s.addf("app.use('/api/%s', %sRoutes);", r.path, r.name)
	}
	s.add("", "app.use(notFound);", "app.use(errorHandler(logger));")
}

func koaApp(s *source, a *app) {
	s.use("koa", "Koa")
	s.use("koa-helmet", "helmet")
	s.use("@koa/cors", "cors")
	s.use("koa-bodyparser", "bodyParser")
	s.use("../config/default.json", "config")
	s.use("./lib/logger", "logger")
	s.use("./middleware/rateLimit", "limits")
	s.need("./middleware/errors", "errorHandler")
	s.use("./routes/auth", "auth")
	for _, r := range a.resources {
		s.use("./routes/"+r.path, r.name+"Routes")
	}
	s.add("const app = new Koa();", "",
		"app.proxy = config.trustProxy > 0;",
		"app.use(errorHandler(logger));",
		"app.use(helmet());",
		"app.use(cors({ origin: (ctx) => allowedOrigin(ctx.get('Origin')), credentials: true }));",
		"app.use(bodyParser({ jsonLimit: '100kb' }));",
		"app.use(limits.api);", "",
		"function allowedOrigin(origin) {",
		"  return config.cors.origins.includes(origin) ? origin : config.cors.origins[0];",
		"}", "",
		"app.use(auth.routes());")
	for _, r := range a.resources {
		s.addf("app.use(%sRoutes.routes()).use(%sRoutes.allowedMethods());", r.name, r.name)
	}
}

// writeServer writes src/server.js, which listens and shuts down cleanly.
func writeServer(a *app) *source {
	s := newSource(a.dir+"/src/server.js", commonJS)
	s.use("../config/default.json", "config")
	s.use("./app", "app")
	s.use("./lib/logger", "logger")
	s.need("./db", "pool")
	s.add("const port = Number(process.env.PORT || config.port);")
	if a.koa {
		s.add("const server = app.listen(port, () => logger.info({ port }, 'listening'));")
	} else {
		s.add("const server = app.listen(port, () => {",
			"  logger.info({ port }, 'listening');", "});")
	}
	s.add("", "function shutdown(signal) {",
		"  logger.info({ signal }, 'shutting down');",
		"  server.close(() => {",
		"    pool.end().finally(() => process.exit(0));",
		"  });",
		"  setTimeout(() => process.exit(1), 10000).unref();",
		"}", "",
		"process.on('SIGTERM', shutdown);",
		"process.on('SIGINT', shutdown);")
	return s
}

// writeDB writes src/db.js: the pool, a transaction helper and a retrying query whose
// jitter is the one use of Math.random that needs no secrecy.
func writeDB(a *app) *source {
	s := newSource(a.dir+"/src/db.js", commonJS)
	s.need("pg", "Pool")
	s.use("../config/default.json", "config")
	s.add("const pool = new Pool({",
		"  host: process.env.PGHOST || config.database.host,",
		"  port: Number(process.env.PGPORT || config.database.port),",
		"  database: process.env.PGDATABASE || config.database.name,",
		"  user: process.env.PGUSER,",
		"  password: process.env.PGPASSWORD,",
		"  max: config.database.poolSize,",
		"  ssl: process.env.PGSSLROOTCERT ? { ca: process.env.PGSSLROOTCERT } : undefined,",
		"});", "",
		"async function withTransaction(work) {",
		"  const client = await pool.connect();",
		"  try {",
		"    await client.query('BEGIN');",
		"    const result = await work(client);",
		"    await client.query('COMMIT');",
		"    return result;",
		"  } catch (err) {",
		"    await client.query('ROLLBACK');",
		"    throw err;",
		"  } finally {",
		"    client.release();",
		"  }",
		"}", "",
		"function retryDelay(attempt) {",
		"  const jitter = Math.floor(Math.random() * 250);",
		"  return Math.min(100 * 2 ** attempt, 5000) + jitter;",
		"}", "",
		"async function queryWithRetry(text, values, attempts = 3) {",
		"  for (let attempt = 0; ; attempt++) {",
		"    try {",
		"      return await pool.query(text, values);",
		"    } catch (err) {",
		"      if (attempt + 1 >= attempts || err.code !== '40001') {",
		"        throw err;",
		"      }",
		"      await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt)));",
		"    }",
		"  }",
		"}", "",
		"module.exports = { pool, withTransaction, queryWithRetry };")
	return s
}

// writeLogger writes src/lib/logger.js, which keeps credentials out of the logs.
func writeLogger(a *app) *source {
	s := newSource(a.dir+"/src/lib/logger.js", commonJS)
	s.use("pino", "pino")
	s.add("module.exports = pino({",
		"  level: process.env.LOG_LEVEL || 'info',",
		"  redact: ['req.headers.authorization', 'req.headers.cookie', '*.password'],",
		"});")
	return s
}
