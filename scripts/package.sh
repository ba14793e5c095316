#!/usr/bin/env bash
# Builds Chartroom's Debian package: scripts/package.sh [BUILD_DIR]
# BUILD_DIR defaults to build-release (configured Release, without tests, when it is new; a
# folder configured already keeps its build type, e.g. CI packages its Debug build-test). Builds
# it (scripts/build.sh), runs cpack -G DEB there and prints the .deb's path as the last line.
# CHARTROOM_DEB_DROP_DEPENDS=PKG leaves PKG out of Depends (to prove the package test catches it).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-release}
bash scripts/install-deps.sh
source scripts/lib-apt.sh
# cpack's dpkg-shlibdeps (dpkg-dev) finds the binaries with file.
ensure_debs dpkg-dev file
bash scripts/build.sh "$build_dir" Release -DCHARTROOM_BUILD_TESTS=OFF
cpack_args=(-G DEB)
if [ -n "${CHARTROOM_DEB_DROP_DEPENDS:-}" ]; then
  depends=$(sed -n 's/^set(CPACK_DEBIAN_PACKAGE_DEPENDS "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
  kept=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//' | grep -v "^$CHARTROOM_DEB_DROP_DEPENDS\( \|$\)" | paste -sd, | sed 's/,/, /g')
  echo "package: Depends without $CHARTROOM_DEB_DROP_DEPENDS: $kept" >&2
  cpack_args+=(-D "CPACK_DEBIAN_PACKAGE_DEPENDS=$kept")
fi
rm -f "$build_dir"/chartroom_*.deb
log="$build_dir/package.log"
(cd "$build_dir" && cpack "${cpack_args[@]}") >"$log" 2>&1 \
  || { tail -40 "$log" >&2; echo "package: cpack failed (log: $log)" >&2; exit 1; }
deb=$(ls "$build_dir"/chartroom_*.deb)
echo "package: $(dpkg-deb -f "$deb" Package Version Architecture Installed-Size | paste -sd' ') kB" >&2
echo "package: Depends: $(dpkg-deb -f "$deb" Depends)" >&2
realpath "$deb"
