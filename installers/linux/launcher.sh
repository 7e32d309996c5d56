#!/bin/bash
# The installed `meridian` on Linux: the image's runtime started with the options and class path of
# lib/app/meridian.cfg, the configuration jpackage wrote for its own launcher. It stands in for jpackage's native
# launcher, which asks rpm and dpkg which package owns it before every start (about 0.5 s, more with a large package
# database; docs/benchmarks.md). The class path keeps the configuration's order, which the AOT cache checks.
set -eu
launcher=$(readlink -f "$0")
image=$(dirname "$(dirname "$launcher")")
app=$image/lib/app
classpath=
main=
options=()
while IFS= read -r line; do
  line=${line//'$APPDIR'/$app}
  case $line in
    app.classpath=*) classpath=${classpath:+$classpath:}${line#app.classpath=} ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$app/meridian.cfg"
exec "$image/lib/runtime/bin/java" "${options[@]}" -Djpackage.app-path="$launcher" -cp "$classpath" "$main" "$@"
