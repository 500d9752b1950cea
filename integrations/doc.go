// Package integrations holds the tests of the files that fit rampart into other tools:
// the GitHub Action (action.yml and scripts/action) and the pre-commit hook
// (.pre-commit-hooks.yaml). They run the same commands those tools run, against
// temporary git repositories, with a rampart built from this module.
package integrations
