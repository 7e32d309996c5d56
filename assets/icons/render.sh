#!/usr/bin/env bash
# Renders meridian.svg to the PNG sizes the desktop, the window and the installers use, and a Windows .ico.
# Needs rsvg-convert (Debian: librsvg2-bin) and, for the .ico, ImageMagick; installers/linux/install-build-deps.sh
# installs both. Output is committed: png/meridian-<size>.png, meridian.ico.
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert convert; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing; run installers/linux/install-build-deps.sh" >&2; exit 1; }
done
mkdir -p png
sizes=(16 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  rsvg-convert --width "$size" --height "$size" --format png --output "png/meridian-$size.png" meridian.svg
done
convert png/meridian-16.png png/meridian-24.png png/meridian-32.png png/meridian-48.png png/meridian-64.png \
  png/meridian-128.png png/meridian-256.png meridian.ico
echo "render.sh: wrote png/meridian-{$(IFS=,; echo "${sizes[*]}")}.png and meridian.ico"
