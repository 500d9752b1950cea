package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// complete runs the bash completion for a command line whose last word is being typed
// and returns the candidates.
func complete(t *testing.T, script string, words ...string) []string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "rampart.bash")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = "'" + w + "'"
	}
	prog := "source " + path + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\n" +
		"COMP_CWORD=" + strconv.Itoa(len(words)-1) + "\n_rampart\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
	cmd := exec.Command("bash", "--noprofile", "--norc", "-c", prog)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	return strings.Fields(string(out))
}

func TestBashCompletion(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	code, script, stderr := run(t, "completion", "bash")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, tc := range []struct {
		words []string
		want  string
	}{
		{[]string{"rampart", "ex"}, "explain"},
		{[]string{"rampart", "scan", "--for"}, "--format"},
		{[]string{"rampart", "scan", "--format", "sa"}, "sarif"},
		{[]string{"rampart", "rules", "--format", "m"}, "markdown"},
		{[]string{"rampart", "review", "--fail-on", "cr"}, "critical"},
		{[]string{"rampart", "explain", "js.sql"}, "js.sql-injection"},
		{[]string{"rampart", "config", "i"}, "init"},
		{[]string{"rampart", "completion", "fi"}, "fish"},
	} {
		got := complete(t, script, tc.words...)
		if !strings.Contains(" "+strings.Join(got, " ")+" ", " "+tc.want+" ") {
			t.Errorf("%v: got %v, want %s", tc.words, got, tc.want)
		}
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, tc := range []struct{ shell, want, check string }{
		{"zsh", "compdef _rampart rampart", "zsh"},
		{"fish", "-l format -d", "fish"},
	} {
		code, script, stderr := run(t, "completion", tc.shell)
		if code != exitOK || !strings.Contains(script, tc.want) {
			t.Errorf("%s: exit %d %s, script lacks %q", tc.shell, code, stderr, tc.want)
		}
		for _, c := range commands() {
			if !strings.Contains(script, c.name) {
				t.Errorf("%s completion lacks the %s command", tc.shell, c.name)
			}
		}
		// Check the syntax with the shell itself where it is installed.
		if _, err := exec.LookPath(tc.check); err == nil {
			cmd := exec.Command(tc.check, "-n")
			cmd.Stdin = strings.NewReader(script)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s -n: %v\n%s", tc.check, err, out)
			}
		}
	}
	if code, _, stderr := run(t, "completion", "tcsh"); code != exitError ||
		!strings.Contains(stderr, "want bash, zsh or fish") {
		t.Errorf("tcsh: exit %d, %q", code, stderr)
	}
}
