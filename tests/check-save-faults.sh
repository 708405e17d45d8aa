#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Saving under faults: a full disk (a 48 KiB tmpfs) and a read-only folder leave the old file
# byte for byte as it was, leave no temporary file behind and say why; a save with room keeps
# the old file as FILE~; a symlink is written through. The story is written by
# `caravan --convert`, which saves through caravan_story_writer_save() as the app does.
#
# The folders are real mounts, made in a private user and mount namespace (`unshare -rm`), so
# no root is needed and nothing outside this process sees them.
set -u
caravan=${1:?usage: check-save-faults.sh CARAVAN SOURCE_DIR}
top=${2:?usage: check-save-faults.sh CARAVAN SOURCE_DIR}
story="$top/data/stories/multipolarity-kazakh-steppes.caravan"
unset DISPLAY WAYLAND_DISPLAY

if [ -z "${CARAVAN_SAVE_FAULTS_INNER:-}" ]; then
  if ! unshare -rm true 2> /dev/null; then
    echo "FAIL: cannot make a private mount namespace (unshare -rm); this test needs user"
    echo "      namespaces (sysctl kernel.unprivileged_userns_clone=1) or root with CAP_SYS_ADMIN"
    exit 1
  fi
  exec unshare -rm env CARAVAN_SAVE_FAULTS_INNER=1 bash "$0" "$@"
fi

tmp=$(mktemp -d)
disk="$tmp/disk"
mkdir "$disk"
trap 'umount "$disk" 2> /dev/null; rm -rf "$tmp"' EXIT
status=0
failed=0
fail () { echo "FAIL: $*"; status=1; failed=1; }
# Starts a case; done_case prints "ok" when none of its checks failed.
start () { what=$1; failed=0; }
done_case () { [ "$failed" -eq 1 ] || echo "ok: $what${1:+: $1}"; }

# Runs a save; sets $rc and leaves its messages in $tmp/err.
save () {
  "$caravan" --convert "$story" "$1" > "$tmp/out" 2> "$tmp/err"
  rc=$?
}

# Only the files named may be in the disk folder (no temporary file left behind).
only () {
  local got expected
  got=$(cd "$disk" && ls -A | sort | tr '\n' ' ')
  expected=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
  [ "$got" = "$expected" ] || fail "$what: the folder holds '$got', expected '$expected'"
}

# What a good save writes, made outside the small disk.
"$caravan" --convert "$story" "$tmp/reference.caravan" > /dev/null ||
  { echo "FAIL: cannot convert the bundled story at all"; exit 1; }

mount -t tmpfs -o size=48k tmpfs "$disk" || { echo "FAIL: cannot mount a tmpfs"; exit 1; }
printf 'OLD story\n' > "$disk/old.caravan"
[ "$(stat -c %s "$tmp/reference.caravan")" -gt 49152 ] || fail "the bundled story no longer fills 48 KiB"

start "a save to a full disk"
save "$disk/old.caravan"
[ "$rc" -eq 1 ] || fail "$what: exit $rc, expected 1"
grep -q "No space left on device" "$tmp/err" || fail "$what: no reason given: $(cat "$tmp/err")"
grep -q "unchanged" "$tmp/err" || fail "$what: does not say the file is unchanged"
[ "$(cat "$disk/old.caravan")" = "OLD story" ] || fail "$what: the old file changed"
only old.caravan old.caravan~
done_case "$(tail -n 1 "$tmp/err")"

start "a new file on a full disk"
save "$disk/new.caravan"
[ "$rc" -eq 1 ] || fail "$what: exit $rc, expected 1"
grep -q "No space left on device" "$tmp/err" || fail "$what: no reason given: $(cat "$tmp/err")"
only old.caravan old.caravan~
done_case

mount -o remount,ro "$disk" || { echo "FAIL: cannot remount read-only"; exit 1; }
start "a save to a read-only folder"
save "$disk/old.caravan"
[ "$rc" -eq 1 ] || fail "$what: exit $rc, expected 1"
grep -q "Read-only file system" "$tmp/err" || fail "$what: no reason given: $(cat "$tmp/err")"
[ "$(cat "$disk/old.caravan")" = "OLD story" ] || fail "$what: the old file changed"
only old.caravan old.caravan~
done_case "$(tail -n 1 "$tmp/err")"

mount -o remount,rw,size=1m "$disk" || { echo "FAIL: cannot remount with room"; exit 1; }
start "a save with room"
save "$disk/old.caravan"
[ "$rc" -eq 0 ] || fail "$what: exit $rc: $(cat "$tmp/err")"
[ "$(cat "$disk/old.caravan~")" = "OLD story" ] || fail "$what: the backup is not the old file"
cmp -s "$disk/old.caravan" "$tmp/reference.caravan" || fail "$what: the saved story differs from the source"
"$caravan" --validate "$disk/old.caravan" > /dev/null || fail "$what: the saved story is invalid"
only old.caravan old.caravan~
done_case

start "a save through a symlink"
ln -s old.caravan "$disk/link.caravan"
printf 'OLD again\n' > "$disk/old.caravan"
save "$disk/link.caravan"
[ "$rc" -eq 0 ] || fail "$what: exit $rc: $(cat "$tmp/err")"
[ -L "$disk/link.caravan" ] || fail "$what: the symlink was replaced by a file"
cmp -s "$disk/old.caravan" "$tmp/reference.caravan" || fail "$what: the link's target was not written"
[ "$(cat "$disk/old.caravan~")" = "OLD again" ] || fail "$what: the backup is not the old file"
done_case

exit $status
