#!/bin/sh
# Build the browser code of citygraph serve into ../static (run after changing network.js or
# package.json; the built files are committed, so serving needs no Node.js):
#   cd src/citygraph/web/js && npm ci && sh build.sh
set -eu
cd "$(dirname "$0")"
npx esbuild network.js --bundle --minify --format=iife --target=es2019 \
    --legal-comments=eof --outfile=../static/network.js
# Natural Earth 1:110m countries (world-atlas, TopoJSON) as GeoJSON for the SVG basemaps
node -e '
const topojson = require("topojson-client");
const world = require("world-atlas/countries-110m.json");
const geo = topojson.feature(world, world.objects.countries);
const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
for (const f of geo.features) f.geometry && (f.geometry.coordinates = round(f.geometry.coordinates));
geo.license = "Natural Earth (public domain), via world-atlas " + require("world-atlas/package.json").version;
require("fs").writeFileSync("../static/world-110m.geojson", JSON.stringify(geo));
'
cp node_modules/world-atlas/LICENSE ../static/world-atlas.LICENSE 2>/dev/null || true
ls -l ../static
