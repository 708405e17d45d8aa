#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# flatpak-local.sh: proves the Flatpak packaging offline. Builds a runtime from this machine's
# Debian packages (org.example.DebianSdk//12), builds and installs Caravan with
# flatpak/local/io.github.caravanmaps.Caravan.json, runs it in the sandbox under Xvfb, saves a
# screenshot and a .flatpak bundle, checks the real manifests and validates an installed tree.
# Everything lands in _flatpak/. Safe to run again: the runtime is rebuilt only when its
# package list or versions change. Its last line is "N passed, N failed".
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
set +e

APP_ID=io.github.caravanmaps.Caravan
RT=org.example.DebianSdk
RT_BRANCH=12
# Bump when the runtime recipe below changes, so that installed runtimes are rebuilt.
RT_RECIPE=1
OUT=$CARAVAN_TOP/_flatpak
LOGS=$OUT/logs
PYTHON=$(command -v python3 || echo /usr/bin/python3)

# What the runtime holds: build tools and libraries for Caravan, plus what flatpak-builder runs
# inside the SDK (appstream-compose from appstream-util, glib-compile-schemas,
# gtk4-update-icon-cache, update-desktop-database). libsysprof-4-dev is named because
# apt-cache depends skips the virtual package that libsoup's .pc file needs.
RT_PACKAGES="libgtk-4-dev libadwaita-1-dev libshumate-dev libjson-glib-dev libsysprof-4-dev
  libxml2-dev libarchive-dev libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  appstream-util gcc libc6-dev libc-bin meson ninja-build pkgconf gettext desktop-file-utils
  libglib2.0-bin libgtk-4-bin shared-mime-info hicolor-icon-theme adwaita-icon-theme
  librsvg2-common fonts-dejavu-core coreutils bash dash"
# What this script runs on the host.
HOST_PACKAGES="flatpak flatpak-builder elfutils appstream-util appstream xvfb xauth dbus-daemon
  imagemagick xdotool libglib2.0-bin git"

passed=0
failed=0

# check NAME COMMAND…: runs COMMAND with its output in $LOGS/NAME.log and counts the result.
check () {
  local name=$1; shift
  local start=$SECONDS rc
  "$@" >"$LOGS/$name.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1))
    echo "PASS $name ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    echo "FAIL $name ($((SECONDS - start)) s, exit $rc); last lines of $LOGS/$name.log:"
    tail -n 15 "$LOGS/$name.log" | sed 's/^/    /'
  fi
  return $rc
}

finish () {
  echo "$passed passed, $failed failed"
  [ $failed -eq 0 ] && [ $passed -gt 0 ]
  exit $?
}

# The runtime is stamped with its recipe and package versions; an installed runtime with the
# same stamp is reused.
runtime_stamp () {
  echo "recipe $RT_RECIPE"
  dpkg-query -W -f='${Package}:${Architecture}=${Version}\n' $(cat "$OUT/rt-packages.txt") | sort
}

build_runtime () {
  local stamp installed
  apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances $RT_PACKAGES \
    | grep -v -e '^ ' -e '^<' | sort -u >"$OUT/rt-packages.all" || return 1
  # The closure also names alternatives that are not installed (libelogind0, …): drop them.
  dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' $(cat "$OUT/rt-packages.all") 2>/dev/null \
    | awk '$1 == "ii" { print $2 }' | sort -u >"$OUT/rt-packages.txt"
  runtime_stamp >"$OUT/rt-stamp.new" || return 1
  installed=$(flatpak info --user --show-location "$RT//$RT_BRANCH" 2>/dev/null)
  if [ -n "$installed" ] && cmp -s "$OUT/rt-stamp.new" "$installed/files/share/$RT/stamp"; then
    echo "$RT//$RT_BRANCH is installed with the same packages; reusing it"
    return 0
  fi

  echo "Building $RT//$RT_BRANCH from $(wc -l <"$OUT/rt-packages.txt") Debian packages"
  rm -rf "$OUT/rt" "$OUT/runtime-repo"
  mkdir -p "$OUT/rt/files" "$OUT/rt/stage"
  { dpkg -L $(cat "$OUT/rt-packages.txt") 2>/dev/null || true; } \
    | sed -E 's#^/(lib64|lib|bin|sbin)/#/usr/\1/#' | grep -E '^/(usr|etc)/' | sort -u \
    | while read -r f; do
        if [ -L "$f" ] || [ -f "$f" ]; then echo "${f#/}"; fi
      done >"$OUT/rt-files.txt"
  # Caches and generated files that no package lists.
  ( cd / && find usr/share/mime -type f
    ls -d usr/share/glib-2.0/schemas/gschemas.compiled \
      usr/lib/x86_64-linux-gnu/gdk-pixbuf-2.0/2.10.0/loaders.cache \
      usr/share/icons/*/icon-theme.cache etc/ld.so.conf etc/fonts/conf.d/* 2>/dev/null
  ) >>"$OUT/rt-files.txt"
  sort -u -o "$OUT/rt-files.txt" "$OUT/rt-files.txt"
  tar -C / --no-recursion -cf - -T "$OUT/rt-files.txt" | tar -C "$OUT/rt/stage" -xf - || return 1
  mv "$OUT/rt/stage/usr" "$OUT/rt/usr" && mv "$OUT/rt/stage/etc" "$OUT/rt/usr/etc" \
    && rmdir "$OUT/rt/stage" || return 1
  mkdir -p "$OUT/rt/usr/share/$RT" && cp "$OUT/rt-stamp.new" "$OUT/rt/usr/share/$RT/stamp"
  printf '[Runtime]\nname=%s\nruntime=%s/x86_64/%s\nsdk=%s/x86_64/%s\n' \
    "$RT" "$RT" "$RT_BRANCH" "$RT" "$RT_BRANCH" >"$OUT/rt/metadata"
  # build-export --runtime exports rt/usr; it needs the empty rt/files next to it.
  flatpak build-export --runtime "$OUT/runtime-repo" "$OUT/rt" "$RT_BRANCH" || return 1
  flatpak --user remote-delete --force debian-local >/dev/null 2>&1
  flatpak --user remote-add --no-gpg-verify debian-local "$OUT/runtime-repo" || return 1
  flatpak --user install -y --noninteractive --reinstall debian-local "$RT//$RT_BRANCH" || return 1
  # The staging tree is 1 GB; the installed runtime is what later runs use.
  rm -rf "$OUT/rt"
}

# Copies the working tree as git sees it (tracked and untracked, without ignored build dirs)
# to _flatpak/src, so that whatever build dirs other people keep do not end up in the build.
stage_source () {
  rm -rf "$OUT/src" && mkdir -p "$OUT/src" || return 1
  git -C "$CARAVAN_TOP" ls-files -z --cached --others --exclude-standard \
    | ( cd "$CARAVAN_TOP" && while IFS= read -r -d '' f; do
          if [ -e "$f" ] || [ -L "$f" ]; then printf '%s\0' "$f"; fi
        done ) \
    | tar -C "$CARAVAN_TOP" --null -T - -cf - | tar -C "$OUT/src" -xf -
}

build_app () {
  flatpak-builder --user --install --disable-rofiles-fuse --force-clean \
    --state-dir="$OUT/state" --repo="$OUT/repo" \
    "$OUT/build-dir" "$OUT/src/flatpak/local/$APP_ID.json"
}

# The installed app: its exports and permissions are what users get.
check_installed () {
  local loc perms f ok=0
  loc=$(flatpak info --user --show-location "$APP_ID") || return 1
  for f in "export/share/applications/$APP_ID.desktop" \
           "export/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
           "export/share/icons/hicolor/symbolic/apps/$APP_ID-symbolic.svg" \
           "export/share/dbus-1/services/$APP_ID.service" \
           "export/share/mime/packages/$APP_ID.xml" \
           "files/bin/caravan" \
           "files/share/app-info/xmls/$APP_ID.xml.gz" \
           "files/share/glib-2.0/schemas/gschemas.compiled"; do
    if [ -e "$loc/$f" ]; then echo "ok: $f"; else echo "MISSING: $f"; ok=1; fi
  done
  perms=$(flatpak info --user --show-permissions "$APP_ID") || return 1
  echo "$perms"
  if echo "$perms" | grep -q '^filesystems='; then echo "filesystem access granted"; ok=1; fi
  for f in 'shared=network;ipc;' 'sockets=x11;wayland;fallback-x11;|sockets=wayland;fallback-x11;' \
           'devices=dri;'; do
    echo "$perms" | grep -Eq "^($f)\$" || { echo "unexpected permissions, wanted $f"; ok=1; }
  done
  return $ok
}

# Checks the MIME type file and, when it names its own icon, that the icon is installed in
# TREE (an install prefix or a flatpak export dir).
check_mime_icon () {
  local tree=$1 mime=$2 icon found
  [ -f "$mime" ] || { echo "no MIME file $mime"; return 1; }
  grep -q 'application/x-caravan-story' "$mime" || { echo "no story MIME type in $mime"; return 1; }
  icon=$(sed -n 's/.*<icon name="\([^"]*\)".*/\1/p' "$mime" | head -n 1)
  if [ -z "$icon" ]; then
    echo "MIME type uses a generic icon: $(grep -o '<generic-icon[^>]*>' "$mime")"
    return 0
  fi
  found=$(find "$tree/share/icons" -path "*/mimetypes/$icon.*" 2>/dev/null | head -n 1)
  [ -n "$found" ] && echo "MIME icon: $found" || { echo "MIME icon $icon not installed"; return 1; }
}

# Runs inside dbus-run-session + xvfb-run (see below): starts the sandboxed app, waits for its
# window, selects a place of the bundled story over D-Bus and takes the screenshot.
sandbox_session () {
  local log=$OUT/logs/sandbox-app.log pid win state i rc=0
  flatpak run --user --env=GSK_RENDERER=cairo "$APP_ID" >"$log" 2>&1 &
  pid=$!
  for i in $(seq 1 60); do
    win=$(xdotool search --onlyvisible --name 'Multipolarity' 2>/dev/null | head -n 1)
    [ -n "$win" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$win" ]; then
    echo "no window showing the bundled story; windows: $(xdotool search --name . getwindowname %@ 2>&1)"
    rc=1
  else
    echo "window $win: $(xdotool getwindowname "$win")"
    # Selecting a place of the bundled story proves it is loaded and the D-Bus actions work
    # through the sandbox's bus proxy.
    gdbus call --session --dest "$APP_ID" --object-path /io/github/caravanmaps/Caravan \
      --method org.gtk.Actions.Activate select-place "[<'khorgos'>]" '{}' || rc=1
    for i in $(seq 1 20); do
      state=$(gdbus call --session --dest "$APP_ID" --object-path /io/github/caravanmaps/Caravan \
        --method org.gtk.Actions.Describe select-place 2>&1)
      case $state in *"'khorgos'"*) break ;; esac
      sleep 0.25
    done
    echo "select-place: $state"
    case $state in *"'khorgos'"*) ;; *) rc=1 ;; esac
    sleep 2   # let the map fly to the place and the tiles render
    import -window root "$OUT/flatpak-screenshot.png" || rc=1
  fi
  flatpak kill "$APP_ID" 2>/dev/null
  kill $pid 2>/dev/null
  wait $pid 2>/dev/null
  echo "--- app output"; cat "$log"
  if grep -E -- '-(CRITICAL|ERROR) \*\*' "$log"; then rc=1; fi
  return $rc
}

run_sandboxed () {
  rm -f "$OUT/flatpak-screenshot.png"
  dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' "$0" --sandbox-session || return 1
  # A blank or near-blank screen means nothing was drawn.
  local colours
  colours=$(identify -format '%k' "$OUT/flatpak-screenshot.png") || return 1
  echo "screenshot: $OUT/flatpak-screenshot.png, $colours colours"
  [ "$colours" -gt 50 ]
}

build_bundle () {
  rm -f "$OUT/caravan.flatpak"
  flatpak build-bundle "$OUT/repo" "$OUT/caravan.flatpak" "$APP_ID" || return 1
  ls -l "$OUT/caravan.flatpak"
  # What a user types (the runtime is already installed here). Bundles cannot --reinstall.
  flatpak uninstall --user -y --noninteractive "$APP_ID" || return 1
  flatpak install --user -y --noninteractive "$OUT/caravan.flatpak" && flatpak info --user "$APP_ID"
}

# --show-manifest only warns about unknown keys and wrong types (and exits 0); any warning on
# stderr fails the check. All warnings are listed, which G_DEBUG=fatal-warnings would not do.
# It runs in _flatpak/ because it creates .flatpak-builder/ in the current directory.
show_manifest () {
  local manifest=$1 err rc
  err=$(mktemp)
  ( cd "$OUT" && flatpak-builder --show-manifest "$manifest" ) >/dev/null 2>"$err"
  rc=$?
  cat "$err"
  if grep -qi 'warning' "$err"; then rc=1; fi
  rm -f "$err"
  return $rc
}

# An installed tree from meson install, as validate-tree wants it. (flatpak-builder 1.2.3
# renames the metainfo file to the legacy share/appdata path, so its tree cannot be used.)
# Built from the working tree itself, whose timestamps keep incremental builds right.
validate_tree () {
  local profile=$1 id=$2 dir=$OUT/meson-$1 dest=$OUT/dest-$1
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$CARAVAN_TOP" --prefix=/app -Dprofile="$profile" || return 1
  else
    # po/LINGUAS is only read at configure time: a new language needs a reconfigure.
    meson setup --reconfigure "$dir" "$CARAVAN_TOP" || return 1
  fi
  # Only what gets installed: the tests and benchmarks are not needed here.
  ninja -C "$dir" $(meson introspect --targets "$dir" | "$PYTHON" -c '
import json, os, sys
print(" ".join(os.path.relpath(f, sys.argv[1])
               for t in json.load(sys.stdin) if t["installed"] for f in t["filename"]))' "$dir") \
    || return 1
  rm -rf "$dest"
  meson install -C "$dir" --destdir "$dest" --no-rebuild --quiet || return 1
  appstreamcli validate-tree --no-net "$dest/app" || return 1
  desktop-file-validate "$dest/app/share/applications/$id.desktop" || return 1
  check_mime_icon "$dest/app" "$dest/app/share/mime/packages/$id.xml"
}

if [ "${1:-}" = "--sandbox-session" ]; then
  sandbox_session
  exit $?
fi

mkdir -p "$LOGS"
echo "Flatpak proof in $OUT (logs in $LOGS)"
# The runtime is made of installed packages, so its packages are installed on the host too.
check host-packages caravan_install_packages $CARAVAN_BUILD_PACKAGES $HOST_PACKAGES $RT_PACKAGES \
  || finish
check runtime build_runtime || finish
check stage-source stage_source || finish
check show-manifest show_manifest "$CARAVAN_TOP/flatpak/$APP_ID.json"
check show-manifest-devel show_manifest "$CARAVAN_TOP/flatpak/$APP_ID.Devel.json"
if check build-install build_app; then
  check installed-app check_installed
  check installed-mime check_mime_icon "$(flatpak info --user --show-location "$APP_ID")/export" \
    "$(flatpak info --user --show-location "$APP_ID")/export/share/mime/packages/$APP_ID.xml"
  check run-in-sandbox run_sandboxed
  check bundle build_bundle
fi
check validate-tree validate_tree default "$APP_ID"
check validate-tree-devel validate_tree development "$APP_ID.Devel"
finish
