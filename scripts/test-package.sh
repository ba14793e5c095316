#!/usr/bin/env bash
# Installs the Debian package into a clean Debian 12 root and uses both binaries there:
#   scripts/test-package.sh [DEB]      (default: the newest build-*/chartroom_*.deb)
# The clean root is made once with debootstrap --variant=minbase from the archive apt already
# uses and kept in /var/cache/chartroom-package-test; every run installs into a fresh copy of it
# (apt-get install --no-install-recommends ./DEB, so Depends alone must be enough), then asks
# chartroom-cli a question (a real answer: figures and a chart, exit 0), exports that chart as
# PNG, and runs the GUI offscreen with --ask and --screenshot (QT_DEBUG_PLUGINS=1: the plugins
# it loads are listed). The screenshot and the logs are copied out next to the .deb
# (package-test/). Fails on a missing dependency: the app cannot open its store, draw or start.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
deb=${1:-$(ls -t build-*/chartroom_*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "test-package: no .deb (run scripts/package.sh first)" >&2; exit 2; }
deb=$(realpath "$deb")
out=$(dirname "$deb")/package-test
rm -rf "$out" && mkdir -p "$out"
[ "$(id -u)" -eq 0 ] || { echo "test-package: needs root (debootstrap, chroot)" >&2; exit 2; }
source scripts/lib-apt.sh
ensure_debs debootstrap

# The Debian archive apt uses here: a deb822 stanza or a one-line entry for bookworm.
mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '
  /^URIs:/ { uri = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") ok = 1 }
  /^$/ { if (ok && uri) { print uri; exit } ok = 0; uri = "" }
  END { if (ok && uri) print uri }' | head -1)
[ -n "$mirror" ] || mirror=$(grep -hE '^deb +[^ ]+ +bookworm ' /etc/apt/sources.list \
  /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{ print $2; exit }')
[ -n "$mirror" ] || { echo "test-package: no bookworm archive in apt's sources" >&2; exit 1; }

cache=/var/cache/chartroom-package-test
clean=$cache/bookworm-minbase
if [ ! -f "$clean/.complete" ]; then
  echo "test-package: debootstrap --variant=minbase bookworm from $mirror (once)..."
  t=$SECONDS
  rm -rf "$clean" "$clean.tmp" && mkdir -p "$cache"
  debootstrap --variant=minbase bookworm "$clean.tmp" "$mirror" >"$out/debootstrap.log" 2>&1 \
    || { tail -20 "$out/debootstrap.log" >&2; echo "test-package: debootstrap failed" >&2; exit 1; }
  chroot "$clean.tmp" apt-get clean
  touch "$clean.tmp/.complete" && mv "$clean.tmp" "$clean"
  echo "test-package: clean root made in $((SECONDS - t)) s"
fi

root=$(mktemp -d /tmp/chartroom-package-test.XXXXXX)
xvfb=""
cleanup() {
  [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null || true
  for m in tmp/.X11-unix dev/pts dev proc; do
    mountpoint -q "$root/$m" && umount -l "$root/$m"
  done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
t=$SECONDS
cp -a "$clean/." "$root/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
fail() { echo "test-package: FAILED: $*" >&2; exit 1; }
echo "test-package: installing $(basename "$deb") into a fresh copy of the clean root..."
{ in_root apt-get update && in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
    --no-install-recommends "/tmp/$(basename "$deb")"; } >"$out/install.log" 2>&1 \
  || { tail -20 "$out/install.log" >&2; fail "apt-get install ./$(basename "$deb")"; }
echo "test-package: copied and installed in $((SECONDS - t)) s ($(grep -c '^Setting up' "$out/install.log") packages)"

# The CLI: a real answer from the built-in analyst (figures and a chart item), stored.
question="Show monthly revenue as a line chart"
rc=0
in_root chartroom-cli ask "$question" >"$out/ask.txt" 2>"$out/ask.err" || rc=$?
[ "$rc" -eq 0 ] || { cat "$out/ask.err" >&2; fail "chartroom-cli ask exited $rc"; }
grep -Eq '\$[0-9]{1,3}(,[0-9]{3})+' "$out/ask.txt" || { cat "$out/ask.txt" >&2; fail "no figures in the answer"; }
grep -Eq '^\[asset [0-9]+: item\]' "$out/ask.txt" || { cat "$out/ask.txt" >&2; fail "no chart in the answer"; }
echo "test-package: chartroom-cli ask: $(grep -m1 -o 'Total: [^(]*' "$out/ask.txt")"
asset=$(grep -Eo '^\[asset [0-9]+: item\]' "$out/ask.txt" | grep -Eo '[0-9]+' | head -1)
in_root env QT_QPA_PLATFORM=offscreen chartroom-cli export "$asset" --format png --out /tmp/chart.png \
  >"$out/export.log" 2>&1 || { cat "$out/export.log" >&2; fail "chartroom-cli export"; }
cp "$root/tmp/chart.png" "$out/chart.png"

# The GUI, offscreen: asks the same question in the window and saves a picture of it.
in_root env QT_QPA_PLATFORM=offscreen QT_DEBUG_PLUGINS=1 timeout 120 chartroom \
  --data-dir /tmp/gui --ask "$question" --screenshot /tmp/screenshot.png >"$out/gui.log" 2>&1 \
  || { grep -v '^qt\.core\|^ \|^[{}]' "$out/gui.log" | tail -20 >&2; fail "chartroom --screenshot"; }
[ -s "$root/tmp/screenshot.png" ] || fail "no screenshot"
cp "$root/tmp/screenshot.png" "$out/screenshot.png"
echo "test-package: plugins the window loaded: $(grep 'loaded library' "$out/gui.log" \
  | grep -o 'plugins/[^"]*' | sed 's#plugins/##' | sort -u | paste -sd' ')"
# The same window on X11 (the xcb plugin and its libraries), on an Xvfb of this machine.
if command -v Xvfb >/dev/null; then
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$out/xvfb.display" 2>"$out/xvfb.log" &
  xvfb=$!
  for _ in $(seq 50); do [ -s "$out/xvfb.display" ] && break; sleep 0.1; done
  [ -s "$out/xvfb.display" ] || fail "Xvfb did not start"
  mkdir -p "$root/tmp/.X11-unix" && mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
  in_root env DISPLAY=":$(cat "$out/xvfb.display")" QT_DEBUG_PLUGINS=1 timeout 120 chartroom \
    --data-dir /tmp/gui-x11 --screenshot /tmp/screenshot-x11.png >"$out/gui-x11.log" 2>&1 \
    || { grep -v '^qt\.core\|^ \|^[{}]' "$out/gui-x11.log" | tail -20 >&2; fail "chartroom on X11"; }
  [ -s "$root/tmp/screenshot-x11.png" ] || fail "no X11 screenshot"
  cp "$root/tmp/screenshot-x11.png" "$out/screenshot-x11.png"
  echo "test-package: on X11 the window loaded: $(grep 'loaded library' "$out/gui-x11.log" \
    | grep -o 'plugins/[^"]*' | sed 's#plugins/##' | sort -u | paste -sd' ')"
fi
echo "test-package: ok in $((SECONDS - start)) s; screenshot: $out/screenshot.png"
