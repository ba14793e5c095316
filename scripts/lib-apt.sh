#!/usr/bin/env bash
# Sourced by the install scripts: ensure_debs PKG... installs the Debian packages that are
# missing, quietly (the apt log is shown only when apt fails). Needs root when something is missing.
ensure_debs() {
  local missing=() p log
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "${0##*/}: missing packages: ${missing[*]} (run as root to install them)" >&2
    return 1
  fi
  echo "${0##*/}: installing ${missing[*]}..."
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "${0##*/}: apt-get failed" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
