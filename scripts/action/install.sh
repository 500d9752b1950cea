#!/usr/bin/env bash
# Builds rampart from the action's own source into the runner's temporary directory and
# puts it on the PATH of the later steps. cgo compiles the tree-sitter grammars.
set -euo pipefail

: "${RAMPART_SRC:?the action source directory}"
: "${RUNNER_TEMP:?the runner temporary directory}"
: "${GITHUB_PATH:?the file that extends PATH}"

bin="$RUNNER_TEMP/rampart-bin"
mkdir -p "$bin"
(cd "$RAMPART_SRC" && CGO_ENABLED=1 go build -o "$bin/rampart" ./cmd/rampart)
echo "$bin" >>"$GITHUB_PATH"
"$bin/rampart" version
