#!/usr/bin/env bash
# Runs a test binary against a private Secret Service: its own D-Bus session bus
# (dbus-run-session), a temporary HOME, and gnome-keyring-daemon unlocked with a throwaway
# password (an empty one makes it ask a prompter for a new "login" keyring, which fails headless).
# Nothing touches the person's own keychain. When the tools are missing the test still runs,
# with CHARTROOM_KEYRING=missing, and skips its keychain cases saying why.
# Usage: run-with-keyring.sh TEST_BINARY [ARGS...]
set -euo pipefail
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  export CHARTROOM_KEYRING=missing
  exec "$@"
fi
exec dbus-run-session -- bash -c '
  set -e
  home=$(mktemp -d)
  trap "rm -rf \"$home\"" EXIT
  export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config
  if printf %s chartroom-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
    export CHARTROOM_KEYRING=started
  else
    export CHARTROOM_KEYRING=missing
  fi
  "$@"
' run-with-keyring "$@"
