#!/usr/bin/env bash
# The whole test suite: a Docker engine and the local task images first (scripts/ensure-docker.sh), a
# headless Chromium for the browser tests (scripts/ensure-chromium.sh),
# then `mvn -B verify` at the repository root with its output streaming. Exits with Maven's code.
# Extra arguments are passed on to Maven (e.g. `-pl deploy`). Used by `./bftswarm test`.
# `--fast` (anywhere among the arguments): the fast lane — unit, property and simulation tests only; tests tagged
# `docker` (a real engine), `browser` or `processes` (real node or JVM processes) are left out, and
# neither Docker nor Chromium is prepared.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fast=false
maven_args=()
for arg in "$@"; do
  if [[ "$arg" == "--fast" ]]; then fast=true; else maven_args+=("$arg"); fi
done
set -- "${maven_args[@]+"${maven_args[@]}"}"

lane=()
if $fast; then
  lane=(-DexcludedGroups=docker,processes,browser)
else
  bash "$ROOT/scripts/ensure-docker.sh"
  bash "$ROOT/scripts/ensure-chromium.sh"
fi

# Testcontainers, if a test uses it, must not try to pull its helper images: there is no registry.
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-localhost}"

cd "$ROOT"
echo "bftswarm test: mvn -B verify ${lane[*]} $*" >&2
start=$SECONDS
status=0
mvn -B -Dstyle.color=never verify "${lane[@]}" "$@" || status=$?
echo "bftswarm test: mvn exited with $status after $((SECONDS - start)) s" >&2
exit "$status"
