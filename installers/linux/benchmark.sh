#!/usr/bin/env bash
# Measures the built .deb the way docs/benchmarks.md reports it: installed size, and for RUNS headless starts each
# with and without the AOT cache, the time from running the launcher to the first rendered topology frame,
# the time from JVM start to that frame, the processor time spent until then (which a busy machine does not
# inflate), and resident memory then (the console's start-up probe,
# -Dmeridian.startup=exit). Both variants are the same unpacked package; "without" only drops the archive's line
# from the launcher configuration (the JDK's own class-data archive stays).
#
#   installers/linux/benchmark.sh [RUNS]      # after installers/linux/build.sh; RUNS defaults to 5
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-5}
deb=$(ls "$here"/target/meridian_*.deb 2>/dev/null) || { echo "benchmark.sh: no .deb; run $here/build.sh first" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for variant in with-aot-cache without-aot-cache; do
  dpkg-deb -x "$deb" "$scratch/$variant"
done
sed -i '/AOTCache/d' "$scratch/without-aot-cache/opt/meridian/lib/app/meridian.cfg"

echo "package: $(basename "$deb") $(du -h "$deb" | cut -f1), installed $(du -sh "$scratch/with-aot-cache/opt/meridian" | cut -f1)" \
  "(runtime $(du -sh "$scratch/with-aot-cache/opt/meridian/lib/runtime" | cut -f1)," \
  "app $(du -sh "$scratch/with-aot-cache/opt/meridian/lib/app" | cut -f1) of which AOT cache" \
  "$(du -h "$scratch/with-aot-cache/opt/meridian/lib/app/meridian.aot" | cut -f1))"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for variant in without-aot-cache with-aot-cache; do
  : > "$scratch/$variant.launch" ; : > "$scratch/$variant.jvm" ; : > "$scratch/$variant.rss"
  : > "$scratch/$variant.cpu"
  for run in $(seq 1 "$runs"); do
    home=$scratch/home-$variant-$run
    start=$(date +%s%3N)
    line=$(XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state \
      JAVA_TOOL_OPTIONS="-Dglass.platform=Headless -Dprism.order=sw -Dmeridian.startup=exit" \
      "$scratch/$variant/opt/meridian/bin/meridian" 2>&1 | grep 'first topology frame')
    frame=$(sed -n 's/.*at epoch ms \([0-9]*\).*/\1/p' <<<"$line")
    echo $((frame - start)) >> "$scratch/$variant.launch"
    sed -n 's/.*frame \([0-9]*\) ms after JVM start.*/\1/p' <<<"$line" >> "$scratch/$variant.jvm"
    sed -n 's/.*resident \([0-9]*\) MiB.*/\1/p' <<<"$line" >> "$scratch/$variant.rss"
    sed -n 's/.*processor time \([0-9]*\) ms.*/\1/p' <<<"$line" >> "$scratch/$variant.cpu"
  done
  printf '%-15s launcher to first frame: median %5s ms (runs: %s); JVM start to frame: median %5s ms;' \
    "$variant" "$(median < "$scratch/$variant.launch")" "$(paste -sd' ' "$scratch/$variant.launch")" \
    "$(median < "$scratch/$variant.jvm")"
  printf ' processor time to frame: median %5s ms (runs: %s); resident: median %s MiB\n' \
    "$(median < "$scratch/$variant.cpu")" "$(paste -sd' ' "$scratch/$variant.cpu")" \
    "$(median < "$scratch/$variant.rss")"
done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at end"
