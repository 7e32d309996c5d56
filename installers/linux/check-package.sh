#!/usr/bin/env bash
# The package check run by .ci/run: builds the image and the .deb (build.sh), unpacks the .deb into a scratch root
# (dpkg-deb -x, as dpkg would install it, without touching the machine), and runs the installed launcher:
# --version, --help, backend --version/--help, verify-bundle on the shipped example bundles (one sound, one
# tampered), a standalone backend on a free port, and the console on the headless JavaFX platform until its first
# topology frame. User files go to a scratch XDG home.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/install-build-deps.sh"
MERIDIAN_DEB_COMPRESSION=${MERIDIAN_DEB_COMPRESSION:-gzip} "$here/build.sh"

scratch=$(mktemp -d)
backend_pid=
cleanup() {
  [ -n "$backend_pid" ] && kill "$backend_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
fail() { echo "check-package: $*" >&2; exit 1; }

deb=$(ls "$here"/target/meridian_*.deb)
dpkg-deb -x "$deb" "$scratch/root"
[ -x "$scratch/root/opt/meridian/bin/meridian" ] || fail "$deb has no executable /opt/meridian/bin/meridian"
# Through the link on the path, as a user types it.
meridian=$scratch/root/usr/bin/meridian
[ -L "$meridian" ] || fail "$deb has no /usr/bin/meridian"
[ -f "$scratch/root/opt/meridian/lib/meridian-meridian.desktop" ] || fail "$deb has no desktop entry"
export XDG_CONFIG_HOME=$scratch/home/config XDG_DATA_HOME=$scratch/home/data XDG_STATE_HOME=$scratch/home/state
unset JAVA_TOOL_OPTIONS

out=$("$meridian" --version 2>&1) || fail "meridian --version failed: $out"
[[ "$out" =~ ^meridian\ [0-9]+\.[0-9]+ ]] || fail "meridian --version printed '$out'"
out=$("$meridian" --help 2>&1) || fail "meridian --help failed: $out"
[[ "$out" == *"meridian backend [options]"* ]] || fail "meridian --help does not list the backend: $out"
out=$("$meridian" backend --version 2>&1) || fail "meridian backend --version failed: $out"
[[ "$out" == "meridian-backend "* ]] || fail "meridian backend --version printed '$out'"
out=$("$meridian" backend --help 2>&1) || fail "meridian backend --help failed: $out"
[[ "$out" == *"--scenario NAME"* ]] || fail "meridian backend --help printed '$out'"
[[ "$out" != *"[error]"* ]] || fail "the launcher reports errors (AOT cache?): $out"
# -XX:AOTMode=on stops the JVM when the AOT cache does not match the installed jars (size and modification time).
out=$(JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$meridian" --version 2>&1) || fail "the installed AOT cache is unusable: $out"

# An auditor's offline check, no display: a sound bundle verifies (exit 0), a tampered one is caught (exit 1).
audit=$here/../../console-backend-client/src/test/resources/audit
out=$("$meridian" verify-bundle "$audit/golden/bundle-range.json" --trusted-keys "$audit/golden/keys.txt" 2>&1) \
  || fail "meridian verify-bundle rejected the sound example bundle: $out"
status=0
out=$("$meridian" verify-bundle "$audit/attacks/01-changed-field.json" --trusted-keys "$audit/golden/keys.txt" 2>&1) \
  || status=$?
[ "$status" = 1 ] || fail "meridian verify-bundle did not report the tampered bundle (exit $status): $out"

"$meridian" backend --port 0 > "$scratch/backend.log" 2>&1 &
backend_pid=$!
for _ in $(seq 1 100); do
  grep -q 'listening on' "$scratch/backend.log" && break
  kill -0 "$backend_pid" 2>/dev/null || fail "meridian backend stopped: $(cat "$scratch/backend.log")"
  sleep 0.2
done
grep -q 'listening on 127.0.0.1:' "$scratch/backend.log" || fail "meridian backend did not start: $(cat "$scratch/backend.log")"
kill "$backend_pid"
wait "$backend_pid" 2>/dev/null || true
backend_pid=

# The console, headless: JVM options reach the installed launcher through JAVA_TOOL_OPTIONS.
out=$(JAVA_TOOL_OPTIONS="-Dglass.platform=Headless -Dprism.order=sw -Dmeridian.startup=exit" \
  timeout 120 "$meridian" 2>&1) || fail "the console did not start and stop cleanly: $out"
[[ "$out" == *"first topology frame"* ]] || fail "the console rendered no topology frame: $out"
[[ "$out" != *"[error]"* && "$out" != *"Exception"* ]] || fail "the console reported errors: $out"
prefs=$XDG_CONFIG_HOME/meridian/preferences.json
[ -f "$prefs" ] || fail "the console wrote no preferences to $prefs"
[ "$(stat -c %a "$XDG_CONFIG_HOME/meridian")" = 700 ] || fail "$XDG_CONFIG_HOME/meridian is not owner-only"
echo "check-package: $(basename "$deb") installs and runs: $(grep -o 'first topology frame.*' <<<"$out")"
