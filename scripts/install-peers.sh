#!/usr/bin/env bash
# Installs what the peer tests (tests/peers) need: Node.js and npm, and the npm packages pinned by
# each peer's committed package-lock.json (the official Luzmo Node SDK, Luzmo's item JSON Schemas),
# Debian's python3-socketio for the Socket.IO peer, and dbus + gnome-keyring for the keychain tests.
# Idempotent: does nothing (quickly) when node_modules is already up to date with the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/lib-apt.sh
# Node.js runs the official Luzmo Node SDK; the Socket.IO peer (tests/peers/socketio) runs on
# Debian's python-socketio under /usr/bin/python3; the keychain tests
# (tests/app/accounts/run-with-keyring.sh) need a private Secret Service.
debs=(python3-socketio python3-aiohttp dbus libsecret-1-0 gnome-keyring)
command -v node >/dev/null 2>&1 || debs+=(nodejs)
command -v npm >/dev/null 2>&1 || debs+=(npm)
ensure_debs "${debs[@]}"

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
