#!/usr/bin/env bash
# Builds Meridian for Linux workstations: a trimmed Java runtime (jlink, JDK modules found with jdeps, JavaFX linked
# in as modules), a jpackage application image with a class-data sharing archive (AppCDS) made by a scripted
# headless start, and a .deb built from that image.
#
#   installers/linux/build.sh            # image + .deb under installers/linux/target
#   installers/linux/build.sh --no-cds   # the same without the AppCDS archive (for measuring what it gives)
# MERIDIAN_DEB_COMPRESSION=gzip makes packing faster than the default xz (the CI check uses it).
#
# Needs: JDK 25 (MERIDIAN_JDK, default /usr/lib/jvm/temurin-25-jdk-amd64), and for the .deb fakeroot and dpkg-deb
# (installers/linux/install-build-deps.sh installs them). The Maven Wrapper builds the jars.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
jdk=${MERIDIAN_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
out=$here/target
cds=yes
case "${1:-}" in
  --no-cds) cds=no ;;
  "") ;;
  *) echo "build.sh: unknown option '$1' (known: --no-cds)" >&2; exit 2 ;;
esac
for tool in jdeps jlink jpackage java; do
  [ -x "$jdk/bin/$tool" ] || { echo "build.sh: $jdk/bin/$tool is missing; set MERIDIAN_JDK to a JDK 25" >&2; exit 1; }
done
for tool in fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing (for the .deb); run $here/install-build-deps.sh" >&2; exit 1; }
done

step() { printf 'build.sh: [%3ds] %s\n' "$SECONDS" "$*" >&2; }

step "jars (./mvnw -Ppackage)"
(cd "$root" && ./mvnw -q -B -pl console-app -am package -Ppackage -DskipTests)
version=$(sed -n 's/^version=//p' "$root/console-backend-client/target/classes/io/meridian/version.properties")
package_version=${version%%-*}   # jpackage wants digits and dots: 0.1.0-SNAPSHOT -> 0.1.0

rm -rf "$out"
mkdir -p "$out/input" "$out/fx" "$out/fx-native"
lib=$root/console-app/target/package/lib
cp "$root/console-app/target/console-app-$version.jar" "$out/input/"
for jar in "$lib"/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" "$out/fx/" ;;  # the real JavaFX modules, linked into the runtime
    javafx-*.jar) ;;                              # empty placeholders that only pull the platform jars
    *) cp "$jar" "$out/input/" ;;
  esac
done

step "modules (jdeps)"
modules=$("$jdk/bin/jdeps" -q --multi-release 25 --ignore-missing-deps --print-module-deps \
  --module-path "$out/fx" --class-path "$out/input/*" "$out"/input/*.jar)
# jdk.crypto.ec: EC keys for TLS to a remote backend; jdk.localedata: date formats beyond English;
# jdk.management: the start-up probe's resident memory and uptime.
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.management"
step "modules: $modules"

step "runtime (jlink)"
"$jdk/bin/jlink" --module-path "$out/fx" --add-modules "$modules" \
  --exclude-resources '/javafx.graphics/lib*.so,/javafx.base/lib*.so,/javafx.controls/lib*.so' \
  --strip-debug --no-header-files --no-man-pages --include-locales en,de,fr \
  --output "$out/runtime"
# JavaFX's native libraries go where System.loadLibrary finds them in a runtime image: nothing is unpacked into
# the user's home at start.
for jar in "$out"/fx/*.jar; do
  (cd "$out/fx-native" && "$jdk/bin/jar" xf "$jar" $("$jdk/bin/jar" tf "$jar" | grep '^lib.*\.so$' || true))
done
cp "$out"/fx-native/*.so "$out/runtime/lib/"
# The runtime's own class-data archive, dumped with the launcher's module options: an archive dumped without
# them (jlink --generate-cds-archive) is refused at every start with an error about native access.
java_options=(--enable-native-access=ALL-UNNAMED,javafx.graphics)
"$out/runtime/bin/java" -Xshare:dump "${java_options[@]}" -Xlog:cds=off > /dev/null

step "application image (jpackage)"
"$jdk/bin/jpackage" --type app-image --dest "$out/image" --name meridian --app-version "$package_version" \
  --vendor "Meridian" --description "Meridian operations console" --copyright "Meridian contributors" \
  --icon "$root/assets/icons/png/meridian-256.png" \
  --runtime-image "$out/runtime" --input "$out/input" --main-jar "console-app-$version.jar" \
  --main-class io.meridian.console.launcher.MeridianLauncher \
  --java-options "${java_options[*]}"
app=$out/image/meridian
install -m 0644 "$root/assets/icons/meridian.svg" "$app/lib/meridian.svg"

if [ "$cds" = yes ]; then
  step "class-data sharing archive (a headless start to the first topology frame)"
  training=$(mktemp -d)
  # -Xlog:cds=off: the archive lists the classes it cannot keep (proxies, JFR events); that is expected.
  if ! XDG_CONFIG_HOME=$training/config XDG_DATA_HOME=$training/data XDG_STATE_HOME=$training/state \
      JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/lib/app/meridian.jsa -Xlog:cds=off -Xlog:cds+dynamic=off -Dglass.platform=Headless -Dprism.order=sw -Dmeridian.startup=exit" \
      "$app/bin/meridian" > "$out/cds-training.log" 2>&1 || [ ! -s "$app/lib/app/meridian.jsa" ]; then
    cat "$out/cds-training.log" >&2
    echo "build.sh: the AppCDS training run failed; its output is above ($out/cds-training.log)" >&2
    exit 1
  fi
  rm -rf "$training"
  printf 'java-options=-XX:SharedArchiveFile=$APPDIR/meridian.jsa\n' >> "$app/lib/app/meridian.cfg"
fi

step "Debian package (jpackage --type deb)"
# Resources jpackage takes by name: meridian.desktop (the desktop entry), meridian.png (its icon), copyright.
# The package's dependencies (GTK 3, OpenGL, ...) jpackage finds itself from the runtime's native libraries.
cp -r "$here/resources" "$out/deb-resources"
cp "$root/assets/icons/png/meridian-256.png" "$out/deb-resources/meridian.png"
# The package jpackage writes is unpacked again below: it need not be compressed (dpkg-deb reads this variable).
DPKG_DEB_COMPRESSOR_TYPE=none "$jdk/bin/jpackage" --type deb --dest "$out/jpackage-deb" --app-image "$app" --name meridian \
  --app-version "$package_version" --vendor "Meridian" \
  --description "Meridian operations console (with a simulated backend)" \
  --resource-dir "$out/deb-resources" --linux-package-name meridian --linux-app-category utils \
  --linux-menu-group "Network;Monitor;" --linux-shortcut --icon "$root/assets/icons/png/meridian-256.png" \
  --license-file "$here/resources/copyright"
deb=$(basename "$out"/jpackage-deb/*.deb)
# jpackage copies the image without its file times, and the AppCDS archive only accepts the jars it was made from
# (same size and modification time): put the image's files back with their times and pack again.
dpkg-deb -R "$out/jpackage-deb/$deb" "$out/deb-root"
cp -a --preserve=timestamps "$app/." "$out/deb-root/opt/meridian/"
dpkg-deb --root-owner-group -Z"${MERIDIAN_DEB_COMPRESSION:-xz}" --build "$out/deb-root" "$out/$deb" > /dev/null
step "done: $app and $out/$deb"
