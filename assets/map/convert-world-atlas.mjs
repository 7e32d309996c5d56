// convert-world-atlas.mjs — Natural Earth land (via world-atlas TopoJSON) -> meridian-land v1 text.
//
// Regenerate (from the repository root):
//   cd assets/map && npm install --no-save world-atlas@2.0.2 topojson-client@3.1.0 \
//     && node convert-world-atlas.mjs 50m > land-50m.txt && rm -rf node_modules
//
// Argument: scale, one of 110m | 50m | 10m (default 50m). Output goes to stdout.
//
// Output format (see README.md):
//   line 1: "# meridian-land v1: ..." header
//   then one polygon ring per line (outer rings and holes, in source order), as
//   space-separated "lon,lat" integer pairs, each = Math.round(degrees * 100)
//   (hundredths of a degree; halves round towards +infinity, same as Java's Math.round).
//   Consecutive duplicate points (after rounding) are dropped; rings left with fewer
//   than 4 points are dropped. Rings are not split at the antimeridian.
//   LF line endings, no trailing spaces, final newline.
//
// Deterministic: no timestamps, no environment-dependent output.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const WORLD_ATLAS_VERSION = "2.0.2";
const SCALES = new Set(["110m", "50m", "10m"]);

const scale = process.argv[2] ?? "50m";
if (!SCALES.has(scale)) {
  process.stderr.write(`usage: node convert-world-atlas.mjs [110m|50m|10m]\n`);
  process.exit(2);
}

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(require.resolve("world-atlas/package.json"), "utf8"));
if (pkg.version !== WORLD_ATLAS_VERSION) {
  process.stderr.write(`expected world-atlas@${WORLD_ATLAS_VERSION}, found ${pkg.version}\n`);
  process.exit(1);
}

const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/land-${scale}.json`), "utf8"));
const land = feature(topology, topology.objects.land);
const features = land.type === "FeatureCollection" ? land.features : [land];

// Integer hundredths of a degree; normalise -0 to 0.
const q = (deg) => Math.round(deg * 100) || 0;

const lines = [
  `# meridian-land v1: Natural Earth land ${scale} (public domain), via world-atlas ${WORLD_ATLAS_VERSION}; ` +
    `one ring per line, lon,lat pairs in hundredths of a degree`,
];

function emitRing(ring) {
  const pts = [];
  let pl = NaN, pp = NaN;
  for (const [lon, lat] of ring) {
    const x = q(lon), y = q(lat);
    if (x === pl && y === pp) continue;
    pts.push(`${x},${y}`);
    pl = x; pp = y;
  }
  if (pts.length >= 4) lines.push(pts.join(" "));
}

for (const f of features) {
  const g = f.geometry;
  if (!g) continue;
  const polygons = g.type === "Polygon" ? [g.coordinates]
    : g.type === "MultiPolygon" ? g.coordinates
    : [];
  for (const polygon of polygons) for (const ring of polygon) emitRing(ring);
}

process.stdout.write(lines.join("\n") + "\n");
