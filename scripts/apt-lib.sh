# Shared by the ensure-*.sh scripts (sourced, not run): may this script install Debian packages,
# and install them quietly. The caller defines `say MESSAGE` and `explain_and_fail MESSAGE`.

is_root() { [[ "$(id -u)" -eq 0 ]]; }

is_debian_like() {
  command -v apt-get >/dev/null 2>&1 || return 1
  [[ -r /etc/os-release ]] || return 1
  local id like
  id="$(. /etc/os-release && echo "${ID:-}")"
  like="$(. /etc/os-release && echo "${ID_LIKE:-}")"
  [[ "$id" == debian || "$id" == ubuntu || " $like " == *" debian "* || " $like " == *" ubuntu "* ]]
}

# apt_install PACKAGE...: installs them, printing only the time taken, or the end of apt's output and
# the caller's explanation when it fails.
apt_install() {
  say "installing $* with apt-get"
  local start=$SECONDS log
  log="$(mktemp)"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -q && apt-get install -y -q "$@"; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -f "$log"
    explain_and_fail "apt-get could not install $* (its output is above)."
  fi
  rm -f "$log"
  say "installed $* in $((SECONDS - start)) s"
}
