#!/usr/bin/env bash
# The part of every installer that is the same on Linux, macOS and Windows (Git Bash there): the jars, a runtime
# trimmed with jlink to the JDK modules jdeps finds (JavaFX linked in as modules, its native libraries placed where
# the runtime loads them), a jpackage application image, and an AOT cache (JDK 25, JEP 483/514/515: classes loaded
# and linked, method profiles) made by a headless start of that image to its first topology frame. The platform
# scripts (linux/build.sh, macos/build.sh, windows/build.sh) call it and then make their native package from the image.
#
#   app-image.sh OUT_DIR ICON [--no-cds]    # --no-cds: without the AOT cache
#
# Prints the image's directory as the last line. Needs JDK 25 (MERIDIAN_JDK, default: the Temurin 25 under
# /usr/lib/jvm); the Maven Wrapper builds the jars.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:?usage: app-image.sh OUT_DIR ICON [--no-cds]}
icon=${2:?usage: app-image.sh OUT_DIR ICON [--no-cds]}
cds=yes
case "${3:-}" in
  --no-cds) cds=no ;;
  "") ;;
  *) echo "app-image.sh: unknown option '$3' (known: --no-cds)" >&2; exit 2 ;;
esac
jdk=${MERIDIAN_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
exe=
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; exe=.exe ;;
  *) echo "app-image.sh: unsupported system $(uname -s)" >&2; exit 1 ;;
esac
for tool in jdeps jlink jpackage java jar; do
  [ -x "$jdk/bin/$tool$exe" ] || { echo "app-image.sh: $jdk/bin/$tool$exe is missing; set MERIDIAN_JDK to a JDK 25" >&2; exit 1; }
done
step() { printf 'app-image.sh: [%3ds] %s\n' "$SECONDS" "$*" >&2; }

step "jars (./mvnw -Ppackage)"
(cd "$root" && ./mvnw -q -B -pl console-app -am package -Ppackage -Dmaven.test.skip=true)
version=$(sed -n 's/^version=//p' "$root/console-backend-client/target/classes/io/meridian/version.properties")
package_version=${version%%-*}   # jpackage wants digits and dots: 0.1.0-SNAPSHOT -> 0.1.0

rm -rf "$out/input" "$out/fx" "$out/fx-native" "$out/runtime" "$out/image"
mkdir -p "$out/input" "$out/fx" "$out/fx-native"
cp "$root/console-app/target/console-app-$version.jar" "$out/input/"
for jar in "$root"/console-app/target/package/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*)
      # The platform jar holds the module; the jar without a classifier is an empty placeholder.
      if "$jdk/bin/jar" tf "$jar" | grep -qx 'module-info.class'; then cp "$jar" "$out/fx/"; fi ;;
    *) cp "$jar" "$out/input/" ;;
  esac
done

# BouncyCastle's jars are signed; the AOT cache keeps no class of a signed jar, and checking the signature costs
# every start (UnsignJar.java says more).
"$jdk/bin/java$exe" "$root/installers/common/UnsignJar.java" "$out"/input/*.jar >&2

step "modules (jdeps)"
# Our own jars are the roots; jdeps follows them through the class path. Third-party jars are not roots: some carry a
# module-info requiring modules we leave out (TilesFX names javafx.web and javafx.media) and run as plain class-path
# jars here.
modules=$("$jdk/bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path "$out/fx" --class-path "$out/input/*" "$out"/input/console-*.jar)
# jdk.crypto.ec: EC keys for TLS to a remote backend; jdk.localedata: dates in the user's language;
# jdk.management: the start-up probe's memory figures. None is reached by a static reference jdeps could see.
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.management"
step "modules: $modules"

step "runtime (jlink)"
# JavaFX's native libraries leave the modules and go where System.loadLibrary finds them in a runtime image, so
# nothing is unpacked into the user's home at start.
native_dir=lib
[ "$os" = windows ] && native_dir=bin
excluded=()
for jar in "$out"/fx/*.jar; do
  module=$("$jdk/bin/jar" --describe-module --file "$jar" | head -1 | sed 's/@.*//')
  for lib in $("$jdk/bin/jar" tf "$jar" | grep -E '^[^/]+\.(so|dylib|dll)$' || true); do
    (cd "$out/fx-native" && "$jdk/bin/jar" xf "$jar" "$lib")
    excluded+=("/$module/$lib")
  done
done
"$jdk/bin/jlink" --module-path "$out/fx" --add-modules "$modules" \
  --exclude-resources "$(IFS=,; echo "${excluded[*]}")" \
  --strip-debug --no-header-files --no-man-pages --include-locales en,de,fr \
  --output "$out/runtime"
cp "$out"/fx-native/* "$out/runtime/$native_dir/"
# The runtime's own class-data archive, dumped with the launcher's module options: an archive dumped without them
# (jlink --generate-cds-archive) is refused at every start with an error about native access.
java_options=(--enable-native-access=ALL-UNNAMED,javafx.graphics)
"$out/runtime/bin/java$exe" -Xshare:dump "${java_options[@]}" -Xlog:cds=off > /dev/null

step "application image (jpackage)"
platform_options=()
if [ "$os" = windows ]; then
  # meridian.exe prints in a terminal; the Start menu gets a launcher without one (windows/build.sh says why).
  platform_options=(--win-console --add-launcher
    "Meridian Console=$(cygpath -w "$root/installers/windows/meridian-console.properties")")
fi
"$jdk/bin/jpackage" --type app-image --dest "$out/image" --name meridian --app-version "$package_version" \
  --vendor "Meridian" --description "Meridian operations console" --copyright "Meridian contributors" \
  --icon "$icon" --runtime-image "$out/runtime" --input "$out/input" --main-jar "console-app-$version.jar" \
  --main-class io.meridian.console.launcher.MeridianLauncher --java-options "${java_options[*]}" \
  ${platform_options[@]+"${platform_options[@]}"}
case "$os" in
  linux) image=$out/image/meridian; launcher=$image/bin/meridian; appdir=$image/lib/app ;;
  macos) image=$out/image/meridian.app; launcher=$image/Contents/MacOS/meridian; appdir=$image/Contents/app ;;
  windows) image=$out/image/meridian; launcher=$image/meridian.exe; appdir=$image/app ;;
esac

if [ "$cds" = yes ]; then
  step "AOT cache (a headless training start to the first topology frame)"
  training=$(mktemp -d)
  cache=$appdir/meridian.aot
  [ "$os" = windows ] && cache=$(cygpath -w "$cache")
  # -XX:AOTCacheOutput: the JVM records the training start and, when it exits, assembles the cache in a second JVM.
  # -Xlog:aot=off: the assembly lists the classes it cannot keep (proxies, JFR events); that is expected.
  if ! XDG_CONFIG_HOME=$training/config XDG_DATA_HOME=$training/data XDG_STATE_HOME=$training/state \
      HOME=$training APPDATA=$training LOCALAPPDATA=$training \
      JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache -Xlog:aot=off -Xlog:cds=off -Dglass.platform=Headless -Dprism.order=sw -Dmeridian.startup=exit" \
      "$launcher" > "$out/aot-training.log" 2>&1 || [ ! -s "$appdir/meridian.aot" ]; then
    cat "$out/aot-training.log" >&2
    echo "app-image.sh: the AOT cache training run failed; its output is above ($out/aot-training.log)" >&2
    exit 1
  fi
  rm -rf "$training"
  printf 'java-options=-XX:AOTCache=$APPDIR/meridian.aot\n' >> "$appdir/meridian.cfg"
fi
step "image: $image"
echo "$image"
