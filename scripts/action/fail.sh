#!/usr/bin/env bash
# Fails the job after the SARIF upload when the review found problems at fail-on or above.
set -euo pipefail
echo "rampart found problems at ${INPUT_FAIL_ON:-high} severity or above; see the job summary" >&2
exit 1
