#!/usr/bin/env bash
# Makes sure a headless Chromium and its WebDriver are installed, for the browser tests (tests module,
# tag `browser`). Never downloads a browser from anywhere but the system's package manager.
#
#  1. `chromium` and `chromedriver` on PATH (or $BFTSWARM_CHROMIUM / $BFTSWARM_CHROMEDRIVER) -> nothing to do.
#  2. else, root on Debian/Ubuntu -> apt-get install chromium chromium-driver.
#  3. else                        -> exit 1, saying exactly what to install.
# Idempotent: a second run with both in place only checks.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHROMIUM="${BFTSWARM_CHROMIUM:-chromium}"
CHROMEDRIVER="${BFTSWARM_CHROMEDRIVER:-chromedriver}"

say() { echo "ensure-chromium: $*" >&2; }

explain_and_fail() {
  cat >&2 <<MSG
ensure-chromium: $1
  On Debian or Ubuntu, as root:
      apt-get update && apt-get install -y chromium chromium-driver
  Elsewhere: install Chromium and the matching chromedriver, and point BFTSWARM_CHROMIUM and
  BFTSWARM_CHROMEDRIVER at them. Then run this command again.
MSG
  exit 1
}

# shellcheck source=apt-lib.sh
source "$ROOT/scripts/apt-lib.sh"

have_both() { command -v "$CHROMIUM" >/dev/null 2>&1 && command -v "$CHROMEDRIVER" >/dev/null 2>&1; }

if ! have_both; then
  if ! is_root || ! is_debian_like; then
    explain_and_fail "no $CHROMIUM and $CHROMEDRIVER found, and I can install them only as root on Debian/Ubuntu."
  fi
  apt_install chromium chromium-driver
  have_both || explain_and_fail "$CHROMIUM or $CHROMEDRIVER is still missing after installing the packages."
fi
