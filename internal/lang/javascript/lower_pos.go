package javascript

import (
	"strings"
	"unicode/utf8"

	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// maxPosText is the longest Pos.Text in bytes, ellipsis included: enough to recognise a
// construct in a trace without copying whole functions into the model.
const maxPosText = 80

// maxPosScan bounds the source bytes read for one Pos.Text, so that a large node costs no
// more than a small one even when it opens with a long run of blank lines.
const maxPosScan = 8 * maxPosText

const ellipsis = "…"

// pos locates a node.
func (l *lowerer) pos(n *syntax.Node) model.Pos { return l.span(n, n) }

// span locates the source from the start of a to the end of b.
func (l *lowerer) span(a, b *syntax.Node) model.Pos {
	return model.Pos{
		File:      l.rel,
		Line:      int32(a.Start.Line),
		Column:    int32(a.Start.Column),
		EndLine:   int32(b.End.Line),
		EndColumn: int32(b.End.Column),
		Text:      l.snippet(a.StartByte, b.EndByte),
	}
}

// snippet returns the source from start to end as snippet does. Most spans are short
// and already on one line; those are cut from the file's text, which the model then
// shares, instead of being copied: copies were the largest part of a model's memory.
func (l *lowerer) snippet(start, end uint32) string {
	if end < start || int(end) > len(l.source) || end-start > maxPosText {
		return snippet(l.src, start, end)
	}
	s := l.source[start:end]
	if strings.ContainsAny(s, "\t\n\r\f\v") || strings.Contains(s, "  ") ||
		strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || !utf8.ValidString(s) {
		return snippet(l.src, start, end)
	}
	return s
}

// snippet returns src[start:end] on one line, every run of white space collapsed to a
// single space, cut to maxPosText bytes of valid UTF-8.
func snippet(src []byte, start, end uint32) string {
	if int(end) > len(src) || start > end {
		return ""
	}
	limit := min(end, start+maxPosScan)
	var buf [maxPosText + 1]byte // one byte past the limit tells that the text is longer
	b := buf[:0]
	space := false
	i := start
	for ; i < limit && len(b) <= maxPosText; i++ {
		switch c := src[i]; c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			space = len(b) > 0
		default:
			if space && len(b) < maxPosText {
				b = append(b, ' ')
			}
			space = false
			b = append(b, c)
		}
	}

	s := strings.ToValidUTF8(string(b), "\uFFFD")
	if i == end && len(s) <= maxPosText {
		return s
	}
	return cutRunes(s, maxPosText-len(ellipsis)) + ellipsis
}

// cutRunes returns the longest prefix of s of at most n bytes that ends on a rune boundary.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimRight(s[:n], " ")
}
