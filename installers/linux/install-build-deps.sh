#!/usr/bin/env bash
# Installs what building the Linux package and the icons needs on Debian/Ubuntu: fakeroot and dpkg-deb for
# jpackage --type deb, rsvg-convert and ImageMagick for assets/icons/render.sh. The JDK and Maven come with the build (toolchains + Maven Wrapper).
set -euo pipefail
packages=(fakeroot dpkg librsvg2-bin imagemagick)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-build-deps: missing ${missing[*]}; run as root (or: sudo $0)" >&2
  exit 1
fi
apt-get update -qq
apt-get install -y -qq "${missing[@]}"
