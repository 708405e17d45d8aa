#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line needs no display: --validate, --render-map and --convert (to every format it
# writes), their output and exit codes, and the errors --record gives before it needs one.
set -u
caravan=${1:?usage: check-cli.sh CARAVAN SOURCE_DIR}
top=$2
unset DISPLAY WAYLAND_DISPLAY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

check () {
  local what=$1 expected=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  local got=$?
  if [ "$got" -ne "$expected" ]; then
    echo "FAIL: $what: exit $got, expected $expected"; cat "$tmp/out" "$tmp/err"; status=1
  else
    echo "ok: $what (exit $got)"
  fi
}

check "the bundled story is valid" 0 "$caravan" --validate "$top/data/stories/multipolarity-kazakh-steppes.caravan"

printf '{\n  "format_version": 1,\n  "title": "x",\n  "places": [\n    {"id": "a", "name": "A", "lat": 95, "lon": 10}\n  ]\n}\n' > "$tmp/bad.caravan"
check "a story with a latitude of 95 is invalid" 1 "$caravan" --validate "$tmp/bad.caravan"
grep -qE "^$tmp/bad.caravan:5:[0-9]+: .*95" "$tmp/out" || { echo "FAIL: no FILE:LINE:COLUMN line for the latitude"; cat "$tmp/out"; status=1; }

check "one bad file among good ones fails" 1 "$caravan" --validate "$top/data/stories/multipolarity-kazakh-steppes.caravan" "$tmp/bad.caravan"
check "a missing file is invalid" 1 "$caravan" --validate "$tmp/missing.caravan"
check "--validate without files is a usage error" 2 "$caravan" --validate

# Endless and blocking inputs are refused before they are opened, and --validate returns.
mkfifo "$tmp/pipe.caravan"
ln -s /dev/zero "$tmp/zero.caravan"
mkdir "$tmp/folder.caravan"
check "--validate /dev/zero fails fast" 1 timeout 20 "$caravan" --validate /dev/zero
grep -q "^/dev/zero: this is a device, not a story file" "$tmp/out" || { echo "FAIL: no reason for /dev/zero"; cat "$tmp/out"; status=1; }
check "--validate a symlink to /dev/zero fails fast" 1 timeout 20 "$caravan" --validate "$tmp/zero.caravan"
check "--validate a FIFO fails fast" 1 timeout 20 "$caravan" --validate "$tmp/pipe.caravan"
grep -q "FIFO" "$tmp/out" || { echo "FAIL: no reason for the FIFO"; cat "$tmp/out"; status=1; }
check "--validate a folder fails" 1 timeout 20 "$caravan" --validate "$tmp/folder.caravan"
grep -q "folder" "$tmp/out" || { echo "FAIL: no reason for the folder"; cat "$tmp/out"; status=1; }

# A colon in a file name does not make it a URI.
cp "$top/data/stories/multipolarity-kazakh-steppes.caravan" "$tmp/notes:v2.caravan"
check "--validate a relative name with a colon" 0 sh -c 'cd "$1" && exec "$2" --validate notes:v2.caravan' sh "$tmp" "$(realpath "$caravan")"
check "--validate a file: URI" 0 "$caravan" --validate "file://$tmp/notes:v2.caravan"

check "--render-map draws a PNG" 0 "$caravan" --render-map 44.2,80.4,7 --size 320x200 --theme projector --output "$tmp/map.png"
head -c 8 "$tmp/map.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || { echo "FAIL: not a PNG"; status=1; }
check "--render-map rejects a latitude of 95" 2 "$caravan" --render-map 95,80,7 --output "$tmp/x.png"
check "--render-map rejects an unknown theme" 2 "$caravan" --render-map 44,80,7 --theme neon --output "$tmp/x.png"
check "--render-map rejects a bad size" 2 "$caravan" --render-map 44,80,7 --size 10xten --output "$tmp/x.png"
check "--render-map needs --output" 2 "$caravan" --render-map 44,80,7
check "--render-map without --size draws 1024x768, as --help says" 0 "$caravan" --render-map 44,80,7 --output "$tmp/default.png"
[ "$(od -An -tx1 -j16 -N8 "$tmp/default.png" | tr -d ' \n')" = "0000040000000300" ] || { echo "FAIL: not 1024x768"; status=1; }
check "--render-map into a missing folder fails" 1 "$caravan" --render-map 44,80,7 --size 64x64 --output "$tmp/missing/x.png"
grep -q "No such file or directory" "$tmp/err" || { echo "FAIL: no reason for the missing folder"; cat "$tmp/err"; status=1; }
check "--render-map --story draws the story's pins" 0 "$caravan" --render-map 47,72,4 \
  --size 320x200 --story "$top/data/stories/multipolarity-kazakh-steppes.caravan" \
  --output "$tmp/story-map.png"
"$caravan" --render-map 47,72,4 --size 320x200 --output "$tmp/no-story-map.png"
cmp -s "$tmp/story-map.png" "$tmp/no-story-map.png" &&
  { echo "FAIL: the story changed nothing"; status=1; }
check "--render-map --story reads other formats too" 0 "$caravan" --render-map 44,80,7 \
  --size 64x64 --story "$top/tests/data/import/kml-Time.Time_Stamps.kml" --output "$tmp/kml.png"
check "--render-map --story with a missing story fails" 1 "$caravan" --render-map 44,80,7 \
  --story "$tmp/missing.caravan" --output "$tmp/x.png"
grep -q "missing.caravan" "$tmp/err" || { echo "FAIL: the missing story is not named"; status=1; }
check "--render-map onto a full disk fails" 1 "$caravan" --render-map 44,80,7 --size 64x64 --output /dev/full
grep -q "No space left on device" "$tmp/err" || { echo "FAIL: no reason for the full disk"; cat "$tmp/err"; status=1; }

check "--convert turns a TimelineJS3 file into a story" 0 "$caravan" --convert "$top/tests/data/import/timelinejs3-houston.json" "$tmp/houston.caravan"
grep -q "converted 0 places, 18 events" "$tmp/out" || { echo "FAIL: no summary from --convert"; cat "$tmp/out"; status=1; }
grep -q "events\[0\]): dropped: media" "$tmp/out" || { echo "FAIL: no located note from --convert"; cat "$tmp/out"; status=1; }
check "the converted story is valid" 0 "$caravan" --validate "$tmp/houston.caravan"
check "--convert refuses a gigapixel story map" 1 "$caravan" --convert "$top/tests/data/import/storymapjs-seurat-gigapixel.json" "$tmp/seurat.caravan"
grep -q "gigapixel" "$tmp/err" || { echo "FAIL: no reason for the refusal"; cat "$tmp/err"; status=1; }
[ ! -e "$tmp/seurat.caravan" ] || { echo "FAIL: a refused import wrote a file"; status=1; }
check "--convert needs two files" 2 "$caravan" --convert "$top/tests/data/import/gpx-route.gpx"
check "--convert refuses an output it cannot write" 2 \
  "$caravan" --convert "$top/tests/data/import/gpx-route.gpx" "$tmp/out.txt"
grep -q ".geojson, .kml" "$tmp/err" ||
  { echo "FAIL: the refusal does not name the formats"; cat "$tmp/err"; status=1; }
story="$top/data/stories/multipolarity-kazakh-steppes.caravan"
for ext in geojson kml json; do
  check "--convert writes .$ext" 0 "$caravan" --convert "$story" "$tmp/story.$ext"
  check "the .$ext file opens again" 0 \
    "$caravan" --convert "$tmp/story.$ext" "$tmp/back-$ext.caravan"
  grep -q "37 events" "$tmp/out" ||
    { echo "FAIL: .$ext did not bring back 37 events"; cat "$tmp/out"; status=1; }
done
check "--convert writes a PDF handout on Letter paper" 0 \
  "$caravan" --convert "$story" "$tmp/handout.pdf" --paper letter
head -c 5 "$tmp/handout.pdf" | grep -q "%PDF-" || { echo "FAIL: not a PDF"; status=1; }
pdfinfo "$tmp/handout.pdf" | grep -q "612 x 792 pts (letter)" ||
  { echo "FAIL: the handout is not on Letter paper"; status=1; }
check "--convert refuses a paper it does not know" 2 \
  "$caravan" --convert "$story" "$tmp/handout.pdf" --paper legal
grep -q "a4 or letter" "$tmp/err" || { echo "FAIL: no reason for the paper"; status=1; }
head -c 200 "$tmp/story.kml" | grep -q '<kml xmlns="http://www.opengis.net/kml/2.2"' ||
  { echo "FAIL: not KML 2.2"; status=1; }
grep -q '"type": "FeatureCollection"' "$tmp/story.geojson" ||
  { echo "FAIL: not a FeatureCollection"; status=1; }
grep -q '"storymap"' "$tmp/story.json" || { echo "FAIL: not StoryMapJS"; status=1; }

check "--record into a missing folder fails" 1 "$caravan" --record "$tmp/missing/x.webm"
grep -q "^Cannot write the video: .*$tmp/missing/x.webm.*No such file or directory" "$tmp/err" || { echo "FAIL: no reason for the missing folder"; cat "$tmp/err"; status=1; }
check "--record writes only .webm and .mp4 files" 2 "$caravan" --record "$tmp/x.avi"
grep -q "“x.avi”: a video file name must end in .webm or .mp4" "$tmp/err" || { echo "FAIL: no reason for the .avi"; cat "$tmp/err"; status=1; }
[ ! -e "$tmp/x.avi" ] || { echo "FAIL: --record x.avi wrote a file"; status=1; }
# A GStreamer that finds no plugins: an empty plugin folder and a registry of its own.
mkdir "$tmp/no-plugins"
check "--record without GStreamer's encoders fails" 1 env -u GST_PLUGIN_PATH -u GST_PLUGIN_SYSTEM_PATH \
  GST_PLUGIN_PATH_1_0="$tmp/no-plugins" GST_PLUGIN_SYSTEM_PATH_1_0= GST_REGISTRY_1_0="$tmp/registry.bin" \
  "$caravan" --record "$tmp/x.webm"
grep -q "GStreamer cannot encode WebM (VP8) here: install gstreamer1.0-plugins-base and gstreamer1.0-plugins-good" "$tmp/err" || { echo "FAIL: no reason for the missing encoder"; cat "$tmp/err"; status=1; }

exit $status
