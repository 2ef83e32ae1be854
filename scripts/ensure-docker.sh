#!/usr/bin/env bash
# Makes sure a Docker engine answers and the local task images exist. Never pulls an image.
#
#  1. `docker info` works                         -> nothing to do for the engine.
#  2. else, root on Debian/Ubuntu                 -> apt-get install docker.io busybox-static (if missing),
#                                                    start dockerd in the background (log: $BFTSWARM_DOCKERD_LOG),
#                                                    wait until it answers (deadline $BFTSWARM_DOCKERD_TIMEOUT s).
#  3. else                                        -> exit 1, saying exactly what to install.
# Then images/build.sh builds every image under images/ that is missing (FROM scratch, host files).
# Idempotent: a second run with everything in place only checks.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOCKERD_LOG="${BFTSWARM_DOCKERD_LOG:-/var/log/bftswarm-dockerd.log}"
DOCKERD_TIMEOUT="${BFTSWARM_DOCKERD_TIMEOUT:-60}"
STATIC_BUSYBOX="${BFTSWARM_BUSYBOX:-/bin/busybox}"

say() { echo "ensure-docker: $*" >&2; }
# shellcheck source=apt-lib.sh
source "$ROOT/scripts/apt-lib.sh"

docker_answers() {
  command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1
}

have_static_busybox() {
  [[ -x "$STATIC_BUSYBOX" ]] || return 1
  local linkage
  linkage="$(ldd "$STATIC_BUSYBOX" 2>&1 || true)"   # ldd exits 1 for static binaries
  [[ "$linkage" == *"not a dynamic executable"* || "$linkage" == *"statically linked"* ]]
}

explain_and_fail() {
  cat >&2 <<MSG
ensure-docker: $1
  On Debian or Ubuntu, as root:
      apt-get update && apt-get install -y docker.io busybox-static
      dockerd >/var/log/bftswarm-dockerd.log 2>&1 &     (or: systemctl start docker)
  Elsewhere: install Docker Engine 20.10 or newer and a statically linked busybox at $STATIC_BUSYBOX
  (Debian/Ubuntu package busybox-static), start the engine, and check that \`docker info\` works for
  this user. Then run this command again.
MSG
  exit 1
}

wait_for_engine() {
  local pid="${1:-}" deadline=$((SECONDS + DOCKERD_TIMEOUT))
  printf 'ensure-docker: waiting for the Docker engine' >&2
  until docker_answers; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      printf ' dockerd exited\n' >&2
      tail -n 20 "$DOCKERD_LOG" >&2 || true
      exit 1
    fi
    if (( SECONDS >= deadline )); then
      printf ' no answer after %d s\n' "$DOCKERD_TIMEOUT" >&2
      tail -n 20 "$DOCKERD_LOG" >&2 || true
      exit 1
    fi
    printf '.' >&2
    sleep 0.5
  done
  printf ' ready\n' >&2
}

start_engine() {
  if ! is_root || ! is_debian_like; then
    explain_and_fail "no Docker engine answers (\`docker info\` failed), and I can install and start one only as root on Debian/Ubuntu."
  fi
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  have_static_busybox || missing+=(busybox-static)
  if ((${#missing[@]} > 0)); then
    apt_install "${missing[@]}"
  fi
  command -v docker >/dev/null 2>&1 || explain_and_fail "the docker client is still missing after installing docker.io."
  # A package script or an init system may have started it meanwhile; do not start a second one.
  if pgrep -x dockerd >/dev/null 2>&1; then
    say "dockerd is already running (pid $(pgrep -x dockerd | head -n 1)); waiting for it"
    wait_for_engine
    return
  fi
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  say "starting dockerd (log: $DOCKERD_LOG)"
  local start=$SECONDS
  setsid dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local pid=$!
  wait_for_engine "$pid"
  say "dockerd (pid $pid) ready after $((SECONDS - start)) s"
}

if ! docker_answers; then
  start_engine
fi

# The task images are built from host files; busybox-static provides the static busybox.
if ! bash "$ROOT/images/build.sh" --check >/dev/null 2>&1; then
  if ! have_static_busybox; then
    if is_root && is_debian_like; then
      apt_install busybox-static
    else
      explain_and_fail "a statically linked busybox is needed at $STATIC_BUSYBOX to build the task images."
    fi
  fi
  bash "$ROOT/images/build.sh"
fi
