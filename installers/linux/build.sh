#!/usr/bin/env bash
# Builds Meridian for Linux workstations: the application image (../common/app-image.sh: jlink runtime, jpackage
# image, AOT cache) and a .deb made from it, whose launcher is launcher.sh.
#
#   installers/linux/build.sh            # image + .deb under installers/linux/target
#   installers/linux/build.sh --no-cds   # the same without the AOT cache (for measuring what it gives)
#
# MERIDIAN_DEB_COMPRESSION=gzip packs faster than the default xz (the CI check uses it). Needs JDK 25
# (MERIDIAN_JDK), fakeroot and dpkg-deb (install-build-deps.sh installs them).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/target
jdk=${MERIDIAN_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (for the .deb); run $here/install-build-deps.sh" >&2; exit 1; }
done
icon=$root/assets/icons/png/meridian-256.png
app=$("$root/installers/common/app-image.sh" "$out" "$icon" "$@" | tail -1)
install -m 0644 "$root/assets/icons/meridian.svg" "$app/lib/meridian.svg"
step() { printf 'build.sh: [%3ds] %s\n' "$SECONDS" "$*" >&2; }

step "Debian package (jpackage --type deb)"
# Resources jpackage takes by name: meridian.desktop (the desktop entry), meridian.png (its icon), copyright.
# The package's dependencies (GTK 3, OpenGL, ...) jpackage finds itself from the runtime's native libraries.
rm -rf "$out/deb-resources" "$out/jpackage-deb" "$out/deb-root" "$out"/*.deb
cp -r "$here/resources" "$out/deb-resources"
cp "$icon" "$out/deb-resources/meridian.png"
package_version=$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$app/lib/app/meridian.cfg")
# The package jpackage writes is unpacked again below: it need not be compressed (dpkg-deb reads this variable).
DPKG_DEB_COMPRESSOR_TYPE=none "$jdk/bin/jpackage" --type deb --dest "$out/jpackage-deb" --app-image "$app" \
  --name meridian --app-version "$package_version" --vendor "Meridian" \
  --description "Meridian operations console (with a simulated backend)" \
  --resource-dir "$out/deb-resources" --linux-package-name meridian --linux-app-category utils \
  --linux-menu-group "Network;Monitor;" --linux-shortcut --icon "$icon" \
  --license-file "$here/resources/copyright"
deb=$(basename "$out"/jpackage-deb/*.deb)
# jpackage copies the image without its file times, and the AOT cache only accepts the jars it was made from
# (same size and modification time): put the image's files back with their times, add the link on the path, and
# pack again.
dpkg-deb -R "$out/jpackage-deb/$deb" "$out/deb-root"
cp -a --preserve=timestamps "$app/." "$out/deb-root/opt/meridian/"
# The installed launcher is launcher.sh, which reads the configuration jpackage wrote: jpackage's native launcher
# asks rpm and dpkg which package owns it before every start (launcher.sh says more).
install -m 0755 "$here/launcher.sh" "$out/deb-root/opt/meridian/bin/meridian"
rm "$out/deb-root/opt/meridian/lib/libapplauncher.so"
# meridian on the path, as on a source checkout (the launcher finds its image through the link).
mkdir -p "$out/deb-root/usr/bin"
ln -s ../../opt/meridian/bin/meridian "$out/deb-root/usr/bin/meridian"
dpkg-deb --root-owner-group -Z"${MERIDIAN_DEB_COMPRESSION:-xz}" --build "$out/deb-root" "$out/$deb" > /dev/null
step "done: $app and $out/$deb"
