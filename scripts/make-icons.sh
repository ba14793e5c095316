#!/usr/bin/env bash
# Makes the hicolor PNGs of the app icon from its SVG (committed; run again after editing the
# SVG): packaging/icons/hicolor/NxN/apps/io.chartroom.Chartroom.png for every size below.
# Needs rsvg-convert (librsvg2-bin, which scripts/install-deps.sh installs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib-apt.sh
ensure_debs librsvg2-bin
icons=packaging/icons/hicolor
svg=$icons/scalable/apps/io.chartroom.Chartroom.svg
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "$icons/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" -o "$icons/${size}x${size}/apps/io.chartroom.Chartroom.png" "$svg"
done
echo "make-icons: $(ls "$icons"/*/apps/*.png | wc -l) PNGs in $icons"
