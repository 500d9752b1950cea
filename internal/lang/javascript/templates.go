package javascript

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/taint"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// templateEngines maps a template extension to the patterns of its unescaped output:
// EJS <%- x %>, Handlebars {{{x}}} and {{& x}}, Pug != x and !{x}, Nunjucks {{ x | safe }}.
var templateEngines = map[string][]*regexp.Regexp{
	".ejs":        {regexp.MustCompile(`<%-\s*([A-Za-z_$][\w$]*)`)},
	".hbs":        handlebarsRaw,
	".handlebars": handlebarsRaw,
	".pug":        pugRaw,
	".jade":       pugRaw,
	".njk":        {regexp.MustCompile(`\{\{\s*([A-Za-z_$][\w$]*)[^}]*\|\s*safe\b`)},
}

var (
	handlebarsRaw = []*regexp.Regexp{
		regexp.MustCompile(`\{\{\{\s*([A-Za-z_$][\w$]*)`),
		regexp.MustCompile(`\{\{&\s*([A-Za-z_$][\w$]*)`),
	}
	pugRaw = []*regexp.Regexp{
		regexp.MustCompile(`!=\s*([A-Za-z_$][\w$]*)`),
		regexp.MustCompile(`!\{\s*([A-Za-z_$][\w$]*)`),
	}
)

// TemplateExtensions returns the extensions of the view templates TemplateSinks reads, for
// discovery to collect them.
func TemplateExtensions() []string {
	out := make([]string, 0, len(templateEngines))
	for ext := range templateEngines {
		out = append(out, ext)
	}
	slices.Sort(out)
	return out
}

// TemplateSinks reads view templates and returns, for each one that writes a variable
// without escaping it, a sink: request data passed to res.render for that template under
// that name is cross-site scripting. A template's name is its path below a folder named
// views (or below the root), without the extension, as res.render('users/show') names it.
func TemplateSinks(files []workspace.File) []taint.Sink {
	var sinks []taint.Sink
	for _, f := range files {
		patterns := templateEngines[path.Ext(f.Rel)]
		if patterns == nil {
			continue
		}
		if s, ok := templateSink(f.Rel, f.Content, patterns); ok {
			sinks = append(sinks, s)
		}
	}
	return sinks
}

// templateSink returns a template's sink if it has unescaped variables.
func templateSink(rel string, src []byte, patterns []*regexp.Regexp) (taint.Sink, bool) {
	var vars []string
	for _, re := range patterns {
		for _, m := range re.FindAllSubmatch(src, -1) {
			if v := string(m[1]); !slices.Contains(vars, v) {
				vars = append(vars, v)
			}
		}
	}
	if len(vars) == 0 {
		return taint.Sink{}, false
	}
	slices.Sort(vars)
	return taint.Sink{
		Class:  "xss",
		Callee: responseRoot + ".render",
		Args:   []int{1},
		Keys:   vars,
		When:   &taint.Condition{Arg: 0, Pattern: templateNamePattern(rel)},
	}, true
}

// responseRoot is the catalog's name for the response object.
const responseRoot = "$response"

// templateNamePattern matches the names res.render may use for a template file: its path
// below the views folder, with or without the extension and a leading slash.
func templateNamePattern(rel string) string {
	if i := strings.LastIndex(rel, "views/"); i >= 0 {
		rel = rel[i+len("views/"):]
	}
	ext := path.Ext(rel)
	name := strings.TrimSuffix(rel, ext)
	return "^/?" + regexp.QuoteMeta(name) + "(" + regexp.QuoteMeta(ext) + ")?$"
}
