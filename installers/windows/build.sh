#!/usr/bin/env bash
# Builds Meridian for Windows: the application image (../common/app-image.sh: jlink runtime, jpackage image,
# AOT cache) and an .msi. Run it in Git Bash on Windows 10/11 x64 with a JDK 25 and the WiX Toolset on the
# PATH (jpackage needs WiX 3.14, or WiX 4/5 with its UI extension), from a folder whose path has no spaces:
#
#   MERIDIAN_JDK="/c/Program Files/Eclipse Adoptium/jdk-25" installers/windows/build.sh
#
# Two launchers share the image: meridian.exe, a console program, so that `meridian --version`, `meridian backend`
# and `meridian verify-bundle` print in a terminal; and "Meridian Console.exe" (meridian-console.properties), the
# same console without a terminal window, for the Start menu and the desktop shortcut.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$here/target
: "${MERIDIAN_JDK:?set MERIDIAN_JDK to a JDK 25, e.g. /c/Program Files/Eclipse Adoptium/jdk-25}"
step() { printf 'build.sh: [%3ds] %s\n' "$SECONDS" "$*" >&2; }
rm -f "$out"/*.msi

app=$("$root/installers/common/app-image.sh" "$out" "$root/assets/icons/meridian.ico" "$@" | tail -1)
version=$(sed -n 's/^java-options=-Djpackage.app-version=//p' "$app/app/meridian.cfg")

step "installer (jpackage --type msi)"
"$MERIDIAN_JDK/bin/jpackage" --type msi --dest "$out" --app-image "$app" --name meridian --app-version "$version" \
  --vendor "Meridian" --description "Meridian operations console" \
  --win-upgrade-uuid 6f1d3c2e-8a4b-4d0e-9c57-2b8e0f5a7d41 --win-dir-chooser --win-per-user-install \
  --license-file "$root/installers/linux/resources/copyright"
step "done: $(ls "$out"/*.msi)"
