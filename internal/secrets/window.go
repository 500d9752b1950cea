package secrets

import (
	"regexp"
	"strings"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	"github.com/zricethezav/gitleaks/v8/config"
)

// windowAfter is how many lines after a keyword stay visible to the rules: a rule's
// pattern may reach from its keyword over a line break to the value
// (`password =` then the quoted value on the next line), and none of the default rules
// that do not span whole blocks reaches further.
const windowAfter = 2

// keywordWindows narrows what gitleaks' rules read to the lines near a keyword.
//
// gitleaks runs a rule's regular expression over the whole file as soon as one of the
// rule's keywords appears anywhere in it; in source code that names tokens, keys and
// passwords, that is most files, and those expressions are the costliest part of a
// scan. Every default rule's match holds one of its keywords near its start, so lines
// far from any keyword cannot hold a match: they are blanked (their line breaks kept, so
// that lines and columns do not move) before the rules run. Rules whose matches span
// blocks of lines (private keys, multi-line curl commands) see the whole file whenever
// one of their keywords appears.
type keywordWindows struct {
	trie *ahocorasick.Trie
	// blockKeywords are the keywords of the rules whose matches may span many lines.
	blockKeywords map[string]bool
	// assigned keeps only keywords that an assignment follows, for the generic rule,
	// whose pattern is a keyword, a short name and an operator, then the value.
	assigned bool
}

// spansLines matches the pieces of a rule's expression that cross any number of lines.
var spansLines = regexp.MustCompile(`\\n|\\s\\S|\\S\\s|\(\?s\)`)

func newKeywordWindows(rules map[string]config.Rule, assigned bool) *keywordWindows {
	w := &keywordWindows{blockKeywords: make(map[string]bool), assigned: assigned}
	var all []string
	for _, r := range rules {
		block := r.Regex != nil && spansLines.MatchString(r.Regex.String())
		for _, k := range r.Keywords {
			k = strings.ToLower(k)
			all = append(all, k)
			if block {
				w.blockKeywords[k] = true
			}
		}
	}
	w.trie = ahocorasick.NewTrieBuilder().AddStrings(all).Build()
	return w
}

// narrow returns content with the lines that no rule can match blanked, or content
// itself when a rule may need every line.
func (w *keywordWindows) narrow(content string) string {
	lower := strings.ToLower(content)
	if len(lower) != len(content) {
		// Lower-casing changed byte offsets (some non-ASCII letters do): no shortcut.
		return content
	}
	starts := lineStarts(content)
	keep := make([]bool, len(starts))
	kept := 0
	for _, m := range w.trie.MatchString(lower) {
		if w.blockKeywords[m.MatchString()] {
			return content
		}
		line := lineOf(starts, int(m.Pos()))
		after := windowAfter
		if w.assigned {
			var ok, spills bool
			if ok, spills = assignmentAfter(content, starts, line,
				int(m.Pos())+len(m.Match())); !ok {
				continue
			}
			if !spills {
				after = 0
			}
		}
		for l := line; l <= min(line+after, len(keep)-1); l++ {
			if !keep[l] {
				keep[l] = true
				kept++
			}
		}
	}
	if kept == len(keep) {
		return content
	}

	var b strings.Builder
	b.Grow(len(content))
	for l, start := range starts {
		end := len(content)
		if l+1 < len(starts) {
			end = starts[l+1] - 1 // the line break
		}
		if keep[l] {
			b.WriteString(content[start:end])
		}
		if l+1 < len(starts) {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// assignmentReach is how far past its keyword the generic rule's operator can be: a
// name of up to 20 characters, then up to 3 spaces or quotes.
const assignmentReach = 23

// valueReach is how far past its keyword the generic rule's value can start: the
// operator's reach, an operator of up to 4 characters (:::=), then up to 5 quotes,
// spaces or equals signs.
const valueReach = assignmentReach + 4 + 5

// assignmentAfter reports whether an operator the generic rule accepts (=, >, :, |, ?=
// or ,) can follow the keyword that ends at end, on line: within reach on the same
// line, or on the next lines when the line ends within reach. spills says whether the
// match can go on past the line's end, which only happens when the line ends before
// the value can start.
func assignmentAfter(content string, starts []int, line, end int) (ok, spills bool) {
	lineEnd := len(content)
	if line+1 < len(starts) {
		lineEnd = starts[line+1] - 1
	}
	if lineEnd-end <= valueReach {
		return true, true
	}
	return strings.ContainsAny(content[end:end+assignmentReach+1], "=>:|?,"), false
}

// lineStarts returns the byte offset of each line of s.
func lineStarts(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf returns the 0-based line holding byte offset at.
func lineOf(starts []int, at int) int {
	lo, hi := 0, len(starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if starts[mid] <= at {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
