package model

// Qualify names an expression by what its root is bound to: "express.Router" for
// Router imported from express, "helmet" for a default import, "app.use" for a local
// variable. It returns "" for expressions that are not a chain of names.
func (m *Module) Qualify(x Expr) string {
	switch x := x.(type) {
	case *Ref:
		if imp, ok := m.Imports[x.Name]; ok && imp.Module == "" {
			if imp.Name == "" || imp.Name == "default" {
				return imp.Spec
			}
			return imp.Spec + "." + imp.Name
		}
		return x.Name
	case *Member:
		if base := m.Qualify(x.Obj); base != "" && x.Prop != "" {
			return base + "." + x.Prop
		}
	case *This:
		return "this"
	}
	return ""
}
