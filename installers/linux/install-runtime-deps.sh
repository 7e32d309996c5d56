#!/usr/bin/env bash
# Installs the system libraries JavaFX needs to open a window on Debian/Ubuntu (GTK 3, OpenGL, XTest).
# The JDK and Maven come with the build (toolchains + Maven Wrapper); these come from the distribution.
set -euo pipefail
packages=(libgtk-3-0 libgl1 libxtst6)
if [ "$(id -u)" -ne 0 ]; then
  echo "install-runtime-deps: run as root (or: sudo $0)" >&2
  exit 1
fi
apt-get update -qq
apt-get install -y -qq "${packages[@]}"
