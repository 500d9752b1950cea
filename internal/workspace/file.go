package workspace

import (
	"io/fs"
	"path"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// shebangHeadSize is how much of an oversized extensionless file is read to tell whether
// it is a script; longer shebang lines do not occur in practice.
const shebangHeadSize = 256

// visitFile decides about one entry that is not a directory. Only names that may be source
// are looked at further, so a README or an image costs no system call.
func (w *walker) visitFile(abs string, parts []string, e fs.DirEntry, ignored gitignore.Matcher) {
	rel := strings.Join(parts, "/")
	lang := DetectLanguage(rel, nil)
	if lang == "" && w.others[path.Ext(e.Name())] {
		w.collectOther(abs, rel, parts, e, ignored)
		return
	}
	if lang == "" && w.opt.Manifests != nil && w.opt.Manifests(e.Name()) {
		w.collectManifest(abs, rel, parts, e, ignored)
		return
	}
	if lang == "" && w.opt.Config != nil && w.opt.Config(e.Name()) {
		w.collectConfig(abs, rel, parts, e, ignored)
		return
	}
	if lang == "" && path.Ext(e.Name()) != "" {
		return
	}
	if ignored.Match(parts, false) {
		if lang != "" {
			w.skip(rel, reasonIgnored)
		}
		return
	}
	if matches(w.exclude, parts, false) {
		if lang != "" {
			w.skip(rel, reasonExcluded)
		}
		return
	}

	info, err := e.Info()
	if err != nil {
		w.skip(rel, unreadable(err))
		return
	}
	if reason := modeReason(info.Mode()); reason != "" {
		w.skip(rel, reason)
		return
	}
	if err := w.reviewFile(abs, rel, info.Size()); err != nil {
		w.skip(rel, unreadable(err))
	}
}

// modeReason refuses symbolic links, so loops and links out of the root cannot happen, and
// special files, since opening a FIFO blocks until a writer appears.
func modeReason(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeSymlink != 0:
		return "symbolic link"
	case !mode.IsRegular():
		return "not a regular file"
	}
	return ""
}

// reviewFile reads the regular file at abs, of the given Lstat size, and keeps or skips it.
// It returns only read errors, which the caller reports.
func (w *walker) reviewFile(abs, rel string, size int64) error {
	lang := DetectLanguage(rel, nil)
	switch {
	case lang == "" && path.Ext(rel) == "":
		return w.reviewScript(abs, rel, size)
	case lang == "":
		return nil // a root that is a README, say
	}
	if reason := w.reasonBeforeRead(rel, lang, size); reason != "" {
		w.skip(rel, reason)
		return nil
	}

	content, err := readFile(abs, size, w.limit)
	if err != nil {
		return err
	}
	w.keep(abs, rel, lang, content)
	return nil
}

// reviewScript handles a file without an extension, which is source only when its shebang
// says so; the path rules can therefore apply only after reading it.
func (w *walker) reviewScript(abs, rel string, size int64) error {
	var content []byte
	var err error
	if size > w.limit {
		content, err = readHead(abs, shebangHeadSize)
	} else {
		content, err = readFile(abs, size, w.limit)
	}
	if err != nil {
		return err
	}

	lang := shebangLanguage(content)
	if lang == "" {
		return nil
	}
	if reason := w.reasonBeforeRead(rel, lang, size); reason != "" {
		w.skip(rel, reason)
		return nil
	}
	w.keep(abs, rel, lang, content)
	return nil
}

// keep applies the content rules and records the file as reviewed when none applies.
func (w *walker) keep(abs, rel, lang string, content []byte) {
	if reason := w.reasonAfterRead(rel, lang, content); reason != "" {
		w.skip(rel, reason)
		return
	}
	w.res.Files = append(w.res.Files, File{Abs: abs, Rel: rel, Language: lang, Content: content})
}

// collectConfig reads a configuration file for the secrets in it. A file git ignores is
// not committed, so it is passed over, as are excluded, special, binary and oversized
// files.
func (w *walker) collectConfig(abs, rel string, parts []string, e fs.DirEntry,
	ignored gitignore.Matcher) {
	if ignored.Match(parts, false) || matches(w.exclude, parts, false) {
		return
	}
	info, err := e.Info()
	if err != nil || modeReason(info.Mode()) != "" || info.Size() > w.limit {
		return
	}
	content, err := readFile(abs, info.Size(), w.limit)
	if err != nil || isBinary(content) {
		return
	}
	w.res.Config = append(w.res.Config, File{Abs: abs, Rel: rel, Content: content})
}

// collectManifest reads a lockfile or manifest. Files git ignores and excluded paths are
// passed over like source; one that cannot be read whole is listed as skipped, so that
// the review says which dependencies went unchecked.
func (w *walker) collectManifest(abs, rel string, parts []string, e fs.DirEntry,
	ignored gitignore.Matcher) {
	if ignored.Match(parts, false) || matches(w.exclude, parts, false) {
		return
	}
	info, err := e.Info()
	if err != nil {
		w.skip(rel, unreadable(err))
		return
	}
	if reason := modeReason(info.Mode()); reason != "" {
		w.skip(rel, reason)
		return
	}
	if info.Size() > MaxManifestSize {
		w.skip(rel, "larger than "+formatSize(MaxManifestSize))
		return
	}
	content, err := readFile(abs, info.Size(), MaxManifestSize)
	switch {
	case err != nil:
		w.skip(rel, unreadable(err))
	case int64(len(content)) > MaxManifestSize:
		w.skip(rel, "larger than "+formatSize(MaxManifestSize))
	case isBinary(content):
		w.skip(rel, "binary")
	default:
		w.res.Manifests = append(w.res.Manifests, File{Abs: abs, Rel: rel, Content: content})
	}
}

// collectOther reads a file that is not source but that an analysis needs, such as a view
// template, under the same ignore rules and limits; it is never listed as skipped.
func (w *walker) collectOther(abs, rel string, parts []string, e fs.DirEntry,
	ignored gitignore.Matcher) {
	if ignored.Match(parts, false) {
		return
	}
	info, err := e.Info()
	if err != nil || modeReason(info.Mode()) != "" || info.Size() > w.limit {
		return
	}
	content, err := readFile(abs, info.Size(), w.limit)
	if err != nil {
		return
	}
	w.res.Others = append(w.res.Others, File{Abs: abs, Rel: rel, Content: content})
}
