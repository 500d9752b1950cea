// Package workspace decides which files of a reviewed tree rampart reads, and records why it
// passed over the others, so that a review can say what it did not look at.
//
// Discover walks the root in lexical order. It never follows a symbolic link, never opens
// anything but a regular file, and reads each file it keeps exactly once: later stages use
// File.Content and never reopen the file. A file is source when DetectLanguage knows its
// language, by extension or, for a file without one, by its shebang line. Source is
// reviewed unless a rule passes it over; the first rule that applies gives the skip reason:
//
//   - directories, by name: dependency, build output, cache, coverage and version-control
//     directories; then anything ignored by a .gitignore (at the root or below) or by
//     .git/info/exclude; then test directories (test, tests, __tests__, ...) unless
//     Options.IncludeTests. A skipped directory is one Skip, however much it holds.
//   - files, by path: ignored by a .gitignore; symbolic links and special files; a language
//     outside Options.Languages; type declarations (x.d.ts); minified names (x.min.js,
//     x.bundle.js); test files (x.test.js, x_test.go, test_x.py, ...); JavaScript and
//     TypeScript under a browser directory (public, static, client, ...).
//   - files, by size and content: larger than the size limit; binary; generated (a marker
//     in a comment in the first KiB); minified JavaScript or TypeScript (long average
//     lines); browser code (see BrowserReason).
//
// Only files that would otherwise be source are listed as skipped: a README, an image or a
// lock file is neither reviewed nor mentioned. An extensionless file that a .gitignore
// covers is not mentioned either, since telling whether it is a script means opening it.
package workspace
