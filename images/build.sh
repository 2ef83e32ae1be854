#!/usr/bin/env bash
# Builds the local task images: every images/<name>/Dockerfile becomes bftswarm/<name>:latest.
# The build context is a fresh temporary directory with the image's files, filled further by
# images/<name>/context.sh <dir> when present (e.g. to copy binaries from this host).
# Never pulls (all images are FROM scratch) and skips images that already exist.
#   images/build.sh            build the missing images
#   images/build.sh --force    rebuild all images
#   images/build.sh --check    exit 0 if every image exists, 1 otherwise (builds nothing)
set -euo pipefail

IMAGES_DIR="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mode="${1:-missing}"
case "$mode" in
  missing|--force|--check) ;;
  *) echo "usage: images/build.sh [--force|--check]" >&2; exit 2 ;;
esac

status=0
for dockerfile in "$IMAGES_DIR"/*/Dockerfile; do
  dir="$(dirname "$dockerfile")"
  name="bftswarm/$(basename "$dir"):latest"
  if [[ "$mode" != "--force" ]] && docker image inspect "$name" >/dev/null 2>&1; then
    continue
  fi
  if [[ "$mode" == "--check" ]]; then
    echo "missing image $name" >&2
    status=1
    continue
  fi
  start=$SECONDS
  context="$(mktemp -d)"
  trap 'rm -rf "$context"' EXIT
  cp -a "$dir"/. "$context"/
  if [[ -f "$dir/context.sh" ]]; then
    bash "$dir/context.sh" "$context"
  fi
  # The legacy builder: it needs no buildx plugin and, FROM scratch, nothing from any registry.
  if ! output="$(DOCKER_BUILDKIT=0 docker build --pull=false -q -t "$name" "$context" 2>&1)"; then
    echo "$output" >&2
    echo "images/build.sh: building $name failed" >&2
    exit 1
  fi
  rm -rf "$context"
  trap - EXIT
  echo "images/build.sh: built $name in $((SECONDS - start)) s" >&2
done
exit "$status"
