package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/rampart-sec/rampart/internal/scan"
)

// cliFlag is a flag as completion offers it.
type cliFlag struct {
	name, usage string
	// value is set for a flag that takes a value.
	value bool
}

// fileFlags take a path, completed from the file system.
var fileFlags = map[string]bool{
	"config": true, "baseline": true, "diff": true, "out": true, "output-dir": true,
	"db-dir": true,
}

// subcommands are the words a command takes before its flags.
var subcommands = map[string][]string{"config": {"init"}, "db": {"update", "status"}}

// valueWords are the fixed values a flag takes, per command ("" for every command).
func valueWords(cmd, flag string) []string {
	switch {
	case flag == "fail-on":
		return []string{"critical", "high", "medium", "low", "none"}
	case flag == "format" && cmd == "rules":
		return []string{"text", "markdown"}
	case flag == "format":
		return formatNames
	}
	return nil
}

var helpFlag = regexp.MustCompile(`^  -(\S+)( \S+)?$`)

// flagsOf lists a command's flags by reading its own help, so that completion can never
// drift from what the command accepts.
func flagsOf(c command) []cliFlag {
	var help bytes.Buffer
	e := &env{stdout: io.Discard, stderr: &help, stdin: strings.NewReader("")}
	if subs := subcommands[c.name]; subs != nil {
		for _, sub := range subs {
			_ = c.run(e, []string{sub, "-h"})
		}
	} else {
		_ = c.run(e, []string{"-h"})
	}

	var flags []cliFlag
	sc := bufio.NewScanner(&help)
	for sc.Scan() {
		m := helpFlag.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		f := cliFlag{name: m[1], value: m[2] != ""}
		if sc.Scan() {
			f.usage = strings.TrimSpace(sc.Text())
		}
		if !slices.ContainsFunc(flags, func(g cliFlag) bool { return g.name == f.name }) {
			flags = append(flags, f)
		}
	}
	return flags
}

func runCompletion(e *env, args []string) error {
	fs := newFlagSet("completion", "bash|zsh|fish", e.stderr)
	shells, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(shells) != 1 {
		return fmt.Errorf("completion takes one shell: bash, zsh or fish")
	}
	var script string
	switch shells[0] {
	case "bash":
		script = bashCompletion()
	case "zsh":
		script = zshCompletion()
	case "fish":
		script = fishCompletion()
	default:
		return fmt.Errorf("no completion for %q: want bash, zsh or fish", shells[0])
	}
	_, err = io.WriteString(e.stdout, script)
	return err
}

// completionData is what every shell's script is built from.
type completionData struct {
	commands []command
	flags    map[string][]cliFlag
	rules    []string
}

func gatherCompletion() completionData {
	d := completionData{commands: commands(), flags: map[string][]cliFlag{}}
	for _, c := range d.commands {
		if c.name != "completion" {
			d.flags[c.name] = flagsOf(c)
		}
	}
	for _, r := range scan.Catalog().All() {
		d.rules = append(d.rules, r.ID)
	}
	return d
}

func (d completionData) names() string {
	names := make([]string, len(d.commands))
	for i, c := range d.commands {
		names[i] = c.name
	}
	return strings.Join(names, " ")
}

// flagWords returns a command's flags as "--name" words.
func (d completionData) flagWords(cmd string) string {
	var words []string
	for _, f := range d.flags[cmd] {
		words = append(words, "--"+f.name)
	}
	return strings.Join(words, " ")
}

// valueFlags returns the flags of every command that take a value, by kind: files, fixed
// words, or free text, as shell case patterns.
func (d completionData) valueFlags() (files, free []string) {
	seen := map[string]bool{}
	for _, flags := range d.flags {
		for _, f := range flags {
			if !f.value || seen[f.name] || valueWords("", f.name) != nil {
				continue
			}
			seen[f.name] = true
			if fileFlags[f.name] {
				files = append(files, "--"+f.name)
			} else {
				free = append(free, "--"+f.name)
			}
		}
	}
	sort.Strings(files)
	sort.Strings(free)
	return files, free
}
