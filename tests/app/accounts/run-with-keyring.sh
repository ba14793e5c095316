#!/usr/bin/env bash
# Runs a test binary against a private Secret Service: its own D-Bus session bus
# (dbus-run-session), a temporary HOME, and gnome-keyring-daemon unlocked with a throwaway
# password (an empty one makes it ask a prompter for a new "login" keyring, which fails headless).
# Nothing touches the person's own keychain: when the tools are missing, or the keyring cannot be
# unlocked, the test is skipped (exit 77, CTest's SKIP_RETURN_CODE for these tests) instead of
# running against whatever session bus the person has.
# Usage: run-with-keyring.sh TEST_BINARY [ARGS...]
set -euo pipefail
skip=77
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "run-with-keyring: skipped: needs dbus-run-session and gnome-keyring-daemon" \
    "(apt-get install dbus gnome-keyring libsecret-1-0)" >&2
  exit $skip
fi
exec dbus-run-session -- bash -c '
  set -e
  home=$(mktemp -d)
  trap "rm -rf \"$home\"" EXIT
  export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_CONFIG_HOME=$home/.config
  if ! printf %s chartroom-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
    echo "run-with-keyring: skipped: gnome-keyring-daemon could not be started and unlocked" >&2
    exit '"$skip"'
  fi
  export CHARTROOM_KEYRING=started
  "$@"
' run-with-keyring "$@"
