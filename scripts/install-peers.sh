#!/usr/bin/env bash
# Installs what the peer tests (tests/peers) need: Node.js and npm, and the npm packages pinned by
# each peer's committed package-lock.json (the official Luzmo Node SDK, Luzmo's item JSON Schemas),
# Debian's python3-socketio for the Socket.IO peer, and dbus + gnome-keyring for the keychain tests.
# Idempotent: does nothing (quickly) when node_modules is already up to date with the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# The Socket.IO peer (tests/peers/socketio) runs on Debian's python-socketio, under /usr/bin/python3.
# The keychain tests (tests/app/accounts/run-with-keyring.sh) need a private Secret Service.
for p in python3-socketio python3-aiohttp dbus libsecret-1-0 gnome-keyring; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-peers: missing packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  echo "install-peers: installing ${missing[*]}..."
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "${0##*/}: apt-get failed" >&2
    exit 1
  fi
  rm -f "$log"
fi

for dir in tests/peers/*/; do
  dir=${dir%/}
  [ -f "$dir/package-lock.json" ] || continue
  # npm ci writes node_modules/.package-lock.json: older than the lockfile means out of date.
  stamp=$dir/node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ] || [ "$dir/package.json" -nt "$stamp" ]; then
    echo "install-peers: npm ci in $dir..."
    if ! (cd "$dir" && npm ci --no-audit --no-fund --silent); then
      echo "install-peers: npm ci failed in $dir" >&2
      exit 1
    fi
    touch "$stamp"
  fi
done
