package corpus

import "fmt"

// web spells request handling in an application's framework: Express handlers take
// (req, res), Koa's a context.
type web struct {
	koa bool
}

// query is a query-string parameter of the request.
func (w web) query(name string) string {
	if w.koa {
		return "ctx.query." + name
	}
	return "req.query." + name
}

// param is a path parameter of the request.
func (w web) param(name string) string {
	if w.koa {
		return "ctx.params." + name
	}
	return "req.params." + name
}

// field is a field of the parsed request body.
func (w web) field(name string) string {
	return w.body() + "." + name
}

// body is the parsed request body.
func (w web) body() string {
	if w.koa {
		return "ctx.request.body"
	}
	return "req.body"
}

// user is the id of the authenticated caller.
func (w web) user() string {
	if w.koa {
		return "ctx.state.user.id"
	}
	return "req.user.id"
}

// send answers with a JSON body.
func (w web) send(expr string) string {
	if w.koa {
		return "ctx.body = " + expr + ";"
	}
	return "res.json(" + expr + ");"
}

// created answers 201 with a JSON body.
func (w web) created(expr string) []string {
	if w.koa {
		return []string{"ctx.status = 201;", "ctx.body = " + expr + ";"}
	}
	return []string{"res.status(201).json(" + expr + ");"}
}

// fail answers with an error status and message and leaves the handler.
func (w web) fail(status int, msg string) string {
	if w.koa {
		return fmt.Sprintf("ctx.throw(%d, '%s');", status, msg)
	}
	return fmt.Sprintf("return res.status(%d).json({ error: '%s' });", status, msg)
}

// noContent answers 204.
func (w web) noContent() string {
	if w.koa {
		return "ctx.status = 204;"
	}
	return "res.status(204).end();"
}

// redirect sends the client to a location.
func (w web) redirect(expr string) string {
	if w.koa {
		return "ctx.redirect(" + expr + ");"
	}
	return "res.redirect(" + expr + ");"
}

// html answers with an HTML document.
func (w web) html(expr string) []string {
	if w.koa {
		return []string{"ctx.type = 'html';", "ctx.body = " + expr + ";"}
	}
	return []string{"res.type('html').send(" + expr + ");"}
}

// download answers with bytes to save under a name.
func (w web) download(name, expr string) []string {
	if w.koa {
		return []string{
			"ctx.attachment(" + name + ");",
			"ctx.type = 'application/octet-stream';",
			"ctx.body = " + expr + ";",
		}
	}
	return []string{
		"res.attachment(" + name + ");",
		"res.type('application/octet-stream').send(" + expr + ");",
	}
}
