#!/usr/bin/env bash
# Builds Meridian for macOS: the application image (../common/app-image.sh: jlink runtime, jpackage image,
# AOT cache) and a .dmg. Run it on a Mac (Apple silicon or Intel; the JavaFX jars Maven picks match the
# machine) with a JDK 25:
#
#   MERIDIAN_JDK=$(/usr/libexec/java_home -v 25) installers/macos/build.sh
#
# Output: installers/macos/target/image/meridian.app and target/meridian-<version>.dmg. The icon is made here
# from assets/icons/png with the system's iconutil. The image is not signed; for distribution add jpackage's
# --mac-sign options and notarise the .dmg.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/target
export MERIDIAN_JDK=${MERIDIAN_JDK:-$(/usr/libexec/java_home -v 25)}
step() { printf 'build.sh: [%3ds] %s\n' "$SECONDS" "$*" >&2; }

step "icon (iconutil)"
rm -rf "$out/meridian.iconset" "$out"/*.dmg
mkdir -p "$out/meridian.iconset"
png=$root/assets/icons/png
for size in 16 32 128 256; do
  cp "$png/meridian-$size.png" "$out/meridian.iconset/icon_${size}x${size}.png"
  cp "$png/meridian-$((size * 2)).png" "$out/meridian.iconset/icon_${size}x${size}@2x.png"
done
cp "$png/meridian-512.png" "$out/meridian.iconset/icon_512x512.png"
iconutil -c icns "$out/meridian.iconset" -o "$out/meridian.icns"

app=$("$root/installers/common/app-image.sh" "$out" "$out/meridian.icns" "$@" | tail -1)
version=$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$app/Contents/app/meridian.cfg")

step "disk image (jpackage --type dmg)"
"$MERIDIAN_JDK/bin/jpackage" --type dmg --dest "$out" --app-image "$app" --name meridian --app-version "$version" \
  --mac-package-identifier io.meridian.console --mac-package-name Meridian \
  --license-file "$root/installers/linux/resources/copyright"
step "done: $(ls "$out"/*.dmg)"
