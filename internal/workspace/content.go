package workspace

import "bytes"

const (
	// binaryHeadSize is how far a NUL byte is looked for, as git and grep do.
	binaryHeadSize = 8 << 10
	// generatedHeadSize is where generators put their marker: the first comment.
	generatedHeadSize = 1 << 10
	// minifiedMinSize keeps short one-line modules (a re-export, a config) from counting.
	minifiedMinSize = 2 << 10
	// minifiedLineLength is far past any formatter's width; written code averages under 40.
	minifiedLineLength = 250
)

var generatedMarkers = [][]byte{
	[]byte("@generated"), []byte("Code generated"), []byte("DO NOT EDIT"),
	[]byte("auto-generated"), []byte("Auto-generated"), []byte("AUTO-GENERATED"),
}

// commentStarts begin a comment line in the supported languages, Python docstrings included.
var commentStarts = [][]byte{
	[]byte("//"), []byte("/*"), []byte("*"), []byte("#"), []byte(`"""`), []byte("'''"),
}

func isBinary(content []byte) bool {
	return bytes.IndexByte(content[:min(len(content), binaryHeadSize)], 0) >= 0
}

// isGenerated looks for a generator's marker in a comment near the top. A marker outside a
// comment does not count: a code generator holds it in a string literal, and its own source
// must still be reviewed.
func isGenerated(content []byte) bool {
	head := content[:min(len(content), generatedHeadSize)]
	for _, marker := range generatedMarkers {
		for off := 0; ; {
			i := bytes.Index(head[off:], marker)
			if i < 0 {
				break
			}
			if startsComment(head, off+i) {
				return true
			}
			off += i + len(marker)
		}
	}
	return false
}

// startsComment reports whether the line holding offset i begins with a comment.
func startsComment(src []byte, i int) bool {
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	line := bytes.TrimLeft(src[start:i], " \t")
	for _, p := range commentStarts {
		if bytes.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// isMinified catches bundles whose names do not say so, by their average line length.
func isMinified(content []byte) bool {
	if len(content) < minifiedMinSize {
		return false
	}
	lines := bytes.Count(content, []byte{'\n'}) + 1
	return len(content)/lines > minifiedLineLength
}
