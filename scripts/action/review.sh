#!/usr/bin/env bash
# Reviews the change of a pull request: writes the Markdown review and the SARIF into the
# runner's temporary directory, appends the review to the job summary, and records in the
# step outputs whether findings reached the fail-on severity. The job is failed by a later
# step, so that the SARIF is uploaded first.
set -euo pipefail

: "${RUNNER_TEMP:?the runner temporary directory}"
: "${GITHUB_OUTPUT:?the step output file}"
path="${INPUT_PATH:-.}"
fail_on="${INPUT_FAIL_ON:-high}"

id="${INPUT_ID:-}"
if [ -z "$id" ]; then
	if [ -n "${PR_NUMBER:-}" ]; then
		id="PR-$PR_NUMBER"
	else
		id="RUN-${RUN_NUMBER:-0}"
	fi
fi

scope=(--all)
base="${INPUT_BASE:-}"
if [ -z "$base" ] && [ -n "${PR_BASE_REF:-}" ]; then
	base="origin/$PR_BASE_REF"
	# A pull request checkout is often shallow: fetch the base so a merge base exists.
	git -C "$path" fetch --no-tags --quiet origin \
		"+refs/heads/$PR_BASE_REF:refs/remotes/origin/$PR_BASE_REF" || true
	if [ "$(git -C "$path" rev-parse --is-shallow-repository)" = true ]; then
		git -C "$path" fetch --no-tags --quiet --unshallow origin || true
	fi
fi
if [ -n "$base" ]; then
	scope=(--base "$base")
fi

# The advisories the lockfiles are checked against. A failed download is a warning: the
# review still runs, and its preamble says that dependencies were not checked.
advisories="${INPUT_ADVISORIES:-npm}"
if [ "$advisories" != none ]; then
	export RAMPART_DB_DIR="${RAMPART_DB_DIR:-$RUNNER_TEMP/rampart-osv}"
	read -r -a ecosystems <<<"$advisories"
	if ! rampart db update "${ecosystems[@]}"; then
		echo "::warning::rampart could not download the OSV advisories;" \
			"dependencies are not checked" >&2
	fi
fi

review="$RUNNER_TEMP/${id}_backend_security.md"
sarif="$RUNNER_TEMP/rampart.sarif"
set +e
rampart review "$path" "${scope[@]}" --id "$id" --fail-on "$fail_on" \
	--out "$review" --output "sarif=$sarif"
code=$?
set -e

case "$code" in
0) found=false ;;
1) found=true ;;
*)
	echo "rampart failed (exit $code)" >&2
	exit "$code"
	;;
esac

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
	cat "$review" >>"$GITHUB_STEP_SUMMARY"
fi
{
	echo "sarif-file=$sarif"
	echo "review-file=$review"
	echo "findings=$found"
} >>"$GITHUB_OUTPUT"
