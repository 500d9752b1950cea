// Package appmodel builds the model of an application from the program model: the
// application and router objects, the middleware registered on them in order, and every
// route with its full path across mounts and files and the middleware chain that runs
// before its handler. Framework knowledge comes from a Catalog; the package reads only
// the language-neutral model.
package appmodel

import (
	"github.com/rampart-sec/rampart/internal/model"
)

// Kind is what a middleware does for security.
type Kind string

// Middleware kinds the checks ask about.
const (
	Auth       Kind = "auth"
	Role       Kind = "role"
	Limiter    Kind = "limiter"
	Validation Kind = "validation"
	Headers    Kind = "headers"
	CORS       Kind = "cors"
	CSRF       Kind = "csrf"
	Body       Kind = "body"
	Session    Kind = "session"
)

// Catalog is the framework knowledge the builder works from; callee names are qualified
// as model.Module.Qualify spells them.
type Catalog struct {
	// Apps and Routers are the callees that create an application or a router.
	Apps    []string `yaml:"apps"`
	Routers []string `yaml:"routers"`
	// RouteMethods are the methods that register a route ("get", "post").
	RouteMethods []string `yaml:"route_methods"`
	// Middleware maps a package, or a package export, to what its middleware does.
	Middleware map[string][]Kind `yaml:"middleware"`
	// AuthNames are words in a function's name that suggest an auth check when its body
	// shows none of the behaviour the builder looks for.
	AuthNames []string `yaml:"auth_names"`
	// AuthCalls verify a credential: a middleware that calls one authenticates.
	AuthCalls []string `yaml:"auth_calls"`
	// Identity are the request fields that hold the authenticated user ("user").
	Identity []string `yaml:"identity"`
	// RoleFields are property names that hold a user's role or permissions.
	RoleFields []string `yaml:"role_fields"`
	// Denials are the status codes of a refused request.
	Denials []string `yaml:"denials"`
	// Nest describes NestJS: decorators instead of registration calls.
	Nest NestCatalog `yaml:"nest"`
	// Named maps middleware names as a project writes them (requireSession) to what
	// they do; a project's configuration fills it.
	Named map[string][]Kind `yaml:"-"`
}

// NestCatalog names the NestJS decorators the model reads.
type NestCatalog struct {
	// App is the callee that creates the application (NestFactory.create).
	App string `yaml:"app"`
	// Controllers are class decorators that make a controller, with its path prefix.
	Controllers []string `yaml:"controllers"`
	// Routes maps method decorators to the HTTP method they route.
	Routes map[string]string `yaml:"routes"`
	// Guards are decorators whose arguments are guards (UseGuards).
	Guards []string `yaml:"guards"`
	// Kinds maps a guard or decorator name to what it does (AuthGuard, Roles, Throttle).
	Kinds map[string][]Kind `yaml:"kinds"`
}

// Model is the applications of a project and their routes.
type Model struct {
	Apps   []*App
	Routes []*Route
	// Modules are every module of the project, linked, for checks that look at code
	// outside handlers and middleware (configuration, services).
	Modules []*model.Module
}

// App is an application object: express(), new Koa(), fastify().
type App struct {
	Kind string
	Var  string
	Pos  model.Pos
	// Middleware is what the app registers for every request, in order.
	Middleware []*Middleware
	// Calls are the app's other method calls: app.disable('x-powered-by'),
	// app.set(...), app.listen(...).
	Calls  []*model.Call
	module *model.Module
}

// Route is a handler for a method and a full path.
type Route struct {
	Method string
	// Path is the full path, mount prefixes included.
	Path string
	Pos  model.Pos
	// Handler is the handler as written; HandlerFunc is its function when known.
	Handler     string
	HandlerFunc *model.Func
	// Chain is the middleware that runs before the handler, in order: the app's, the
	// routers', then the route's own.
	Chain []*Middleware
	App   *App
}

// Middleware is one registered middleware.
type Middleware struct {
	// Name is the middleware as written: "helmet()", "requireAuth".
	Name  string
	Kinds []Kind
	Pos   model.Pos
	// Call is the expression that makes the middleware, when it is a call: its options
	// are what the checks read (helmet({ hsts: false })).
	Call *model.Call
	// Func is the middleware's function when the project defines it.
	Func *model.Func
	// scope is the path a middleware registered on a path applies below.
	scope string
}

// Is reports whether the middleware does k.
func (m *Middleware) Is(k Kind) bool {
	for _, x := range m.Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Has reports whether any middleware of the route's chain does k.
func (r *Route) Has(k Kind) bool {
	for _, m := range r.Chain {
		if m.Is(k) {
			return true
		}
	}
	return false
}
