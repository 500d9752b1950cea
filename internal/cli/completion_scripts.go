package cli

import (
	"fmt"
	"strings"
)

// The completion scripts complete the command, its flags, the fixed values of --format and
// --fail-on, paths for the flags that take one and for PATH, and rule ids for explain.

func bashCompletion() string {
	d := gatherCompletion()
	files, free := d.valueFlags()
	var b strings.Builder
	b.WriteString("# bash completion for rampart; load with: source <(rampart completion bash)\n")
	b.WriteString("_rampart() {\n")
	b.WriteString("\tlocal cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
	b.WriteString("\tlocal cmd=\"${COMP_WORDS[1]}\" words=\"\"\n")
	fmt.Fprintf(&b, "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n"+
		"\t\tCOMPREPLY=($(compgen -W %q -- \"$cur\"))\n\t\treturn\n\tfi\n", d.names())
	b.WriteString("\tcase \"$prev\" in\n")
	fmt.Fprintf(&b, "\t--fail-on) words=%q ;;\n", strings.Join(valueWords("", "fail-on"), " "))
	fmt.Fprintf(&b, "\t--format) [ \"$cmd\" = rules ] && words=%q || words=%q ;;\n",
		strings.Join(valueWords("rules", "format"), " "),
		strings.Join(valueWords("", "format"), " "))
	fmt.Fprintf(&b, "\t%s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n",
		strings.Join(files, "|"))
	fmt.Fprintf(&b, "\t%s) return ;;\n", strings.Join(free, "|"))
	b.WriteString("\tesac\n")
	b.WriteString("\tif [ -n \"$words\" ]; then\n" +
		"\t\tCOMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n\t\treturn\n\tfi\n")
	b.WriteString("\tcase \"$cmd\" in\n")
	for _, c := range d.commands {
		switch c.name {
		case "explain":
			fmt.Fprintf(&b, "\texplain) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n",
				strings.Join(d.rules, " "))
		case "completion":
			b.WriteString("\tcompletion) COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\"));" +
				" return ;;\n")
		case "config", "db":
			fmt.Fprintf(&b, "\t%s) [ \"$COMP_CWORD\" -eq 2 ] && "+
				"{ COMPREPLY=($(compgen -W %q -- \"$cur\")); return; }; words=%q ;;\n",
				c.name, strings.Join(subcommands[c.name], " "), d.flagWords(c.name))
		default:
			fmt.Fprintf(&b, "\t%s) words=%q ;;\n", c.name, d.flagWords(c.name))
		}
	}
	b.WriteString("\tesac\n")
	b.WriteString("\tif [[ \"$cur\" == -* ]]; then\n" +
		"\t\tCOMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n" +
		"\telse\n\t\tCOMPREPLY=($(compgen -d -- \"$cur\"))\n\tfi\n")
	b.WriteString("}\ncomplete -o filenames -F _rampart rampart\n")
	return b.String()
}

func zshCompletion() string {
	d := gatherCompletion()
	files, free := d.valueFlags()
	var b strings.Builder
	b.WriteString("#compdef rampart\n")
	b.WriteString("# zsh completion for rampart; load with: source <(rampart completion zsh)\n")
	b.WriteString("_rampart() {\n\tlocal cmd=${words[2]} cur=${words[CURRENT]}\n" +
		"\tlocal -a flags\n")
	fmt.Fprintf(&b, "\tif (( CURRENT == 2 )); then\n\t\tcompadd -- %s\n\t\treturn\n\tfi\n",
		d.names())
	b.WriteString("\tcase ${words[CURRENT-1]} in\n")
	fmt.Fprintf(&b, "\t--fail-on) compadd -- %s; return ;;\n",
		strings.Join(valueWords("", "fail-on"), " "))
	fmt.Fprintf(&b, "\t--format) if [[ $cmd == rules ]]; then compadd -- %s; "+
		"else compadd -- %s; fi; return ;;\n",
		strings.Join(valueWords("rules", "format"), " "),
		strings.Join(valueWords("", "format"), " "))
	fmt.Fprintf(&b, "\t%s) _files; return ;;\n", strings.Join(files, "|"))
	fmt.Fprintf(&b, "\t%s) return ;;\n", strings.Join(free, "|"))
	b.WriteString("\tesac\n\tcase $cmd in\n")
	for _, c := range d.commands {
		switch c.name {
		case "explain":
			fmt.Fprintf(&b, "\texplain) compadd -- %s; return ;;\n", strings.Join(d.rules, " "))
		case "completion":
			b.WriteString("\tcompletion) compadd -- bash zsh fish; return ;;\n")
		case "config", "db":
			fmt.Fprintf(&b, "\t%s) if (( CURRENT == 3 )); then compadd -- %s; return; fi; "+
				"flags=(%s) ;;\n", c.name, strings.Join(subcommands[c.name], " "),
				d.flagWords(c.name))
		default:
			fmt.Fprintf(&b, "\t%s) flags=(%s) ;;\n", c.name, d.flagWords(c.name))
		}
	}
	b.WriteString("\tesac\n")
	b.WriteString("\tif [[ $cur == -* ]]; then compadd -- $flags; else _files -/; fi\n}\n")
	b.WriteString("compdef _rampart rampart\n")
	return b.String()
}

func fishCompletion() string {
	d := gatherCompletion()
	var b strings.Builder
	b.WriteString("# fish completion for rampart; load with: rampart completion fish | source\n")
	b.WriteString("complete -c rampart -f\n")
	for _, c := range d.commands {
		fmt.Fprintf(&b, "complete -c rampart -n __fish_use_subcommand -a %s -d %s\n",
			c.name, fishQuote(c.summary))
	}
	for _, c := range d.commands {
		cond := "'__fish_seen_subcommand_from " + c.name + "'"
		switch c.name {
		case "explain":
			fmt.Fprintf(&b, "complete -c rampart -n %s -a %s\n", cond,
				fishQuote(strings.Join(d.rules, " ")))
		case "completion":
			fmt.Fprintf(&b, "complete -c rampart -n %s -a 'bash zsh fish'\n", cond)
		case "config", "db":
			fmt.Fprintf(&b, "complete -c rampart -n %s -a %s\n", cond,
				fishQuote(strings.Join(subcommands[c.name], " ")))
		}
		for _, f := range d.flags[c.name] {
			fmt.Fprintf(&b, "complete -c rampart -n %s -l %s -d %s%s\n", cond, f.name,
				fishQuote(f.usage), fishValues(c.name, f))
		}
	}
	return b.String()
}

// fishValues returns what a flag's value completes from in fish.
func fishValues(cmd string, f cliFlag) string {
	switch {
	case !f.value:
		return ""
	case valueWords(cmd, f.name) != nil:
		return " -x -a " + fishQuote(strings.Join(valueWords(cmd, f.name), " "))
	case fileFlags[f.name]:
		return " -r -F"
	}
	return " -x"
}

// fishQuote quotes s for fish, where only \ and ' are special inside single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
