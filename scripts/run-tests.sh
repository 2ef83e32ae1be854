#!/usr/bin/env bash
# The whole test suite: a Docker engine and the local task images first (scripts/ensure-docker.sh),
# then `mvn -B verify` at the repository root with its output streaming. Exits with Maven's code.
# Extra arguments are passed on to Maven (e.g. `-pl deploy`). Used by `./bftswarm test`.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$ROOT/scripts/ensure-docker.sh"

# Testcontainers, if a test uses it, must not try to pull its helper images: there is no registry.
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"

cd "$ROOT"
echo "bftswarm test: mvn -B verify $*" >&2
start=$SECONDS
status=0
mvn -B -Dstyle.color=never verify "$@" || status=$?
echo "bftswarm test: mvn exited with $status after $((SECONDS - start)) s" >&2
exit "$status"
