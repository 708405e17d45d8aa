#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The data validation tests are only worth something if the validators reject broken files:
# break a copy of each file and check that its validator fails on it.
set -u
desktop=${1:?usage: check-validators.sh DESKTOP METAINFO GSCHEMA}
metainfo=$2
gschema=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

expect_failure () {
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then
    echo "FAIL: $what was accepted"
    status=1
  else
    echo "ok: $what is rejected"
  fi
}

# The originals pass.
desktop-file-validate "$desktop" || status=1
appstreamcli validate --no-net "$metainfo" >/dev/null || { echo "FAIL: metainfo invalid"; status=1; }

sed -e '/^Type=/d' -e 's/^Categories=.*/Categories=NotACategory;/' "$desktop" > "$tmp/broken.desktop"
expect_failure "a desktop file without Type" desktop-file-validate "$tmp/broken.desktop"

sed -e 's#<id>[^<]*</id>##' "$metainfo" > "$tmp/no-id.metainfo.xml"
expect_failure "a metainfo file without <id>" appstreamcli validate --no-net "$tmp/no-id.metainfo.xml"
sed -e 's#</description>#</descriptio>#' "$metainfo" > "$tmp/bad-xml.metainfo.xml"
expect_failure "a metainfo file that is not XML" appstreamcli validate --no-net "$tmp/bad-xml.metainfo.xml"

mkdir "$tmp/schemas"
sed -e 's#<default>1280</default>#<default>"wide"</default>#' "$gschema" > "$tmp/schemas/broken.gschema.xml"
expect_failure "a schema with a wrongly typed default" glib-compile-schemas --strict --dry-run "$tmp/schemas"

exit $status
