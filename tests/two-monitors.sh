#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# two-monitors.sh COMMAND [ARG…]: runs COMMAND on an X server with two monitors side by side,
# a 1280x800 laptop (DUMMY1, primary, at 0,0) and a 1920x1080 projector (DUMMY0, at 1280,0),
# from Xorg's dummy video driver (tests/data/xorg-dummy.conf), with openbox as the window
# manager so that fullscreen-on-monitor really moves windows, and a session bus of its own.
set -u

here=$(cd "$(dirname "$0")" && pwd)
for tool in Xorg xrandr openbox dbus-run-session; do
  if ! command -v "$tool" >/dev/null; then
    echo "two-monitors.sh: $tool is missing; install xserver-xorg-core xserver-xorg-video-dummy" \
         "x11-xserver-utils openbox dbus-daemon (build-aux/setup.sh does)" >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/caravan-two-monitors.XXXXXX")
xorg_pid=
wm_pid=
cleanup () {
  [ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null
  if [ -n "$xorg_pid" ]; then
    kill "$xorg_pid" 2>/dev/null
    wait "$xorg_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

Xorg -displayfd 3 -noreset -nolisten tcp -config "$here/data/xorg-dummy.conf" \
  -logfile "$work/xorg.log" 3>"$work/display" >"$work/xorg.out" 2>&1 &
xorg_pid=$!
for _ in $(seq 200); do
  [ -s "$work/display" ] && break
  if ! kill -0 "$xorg_pid" 2>/dev/null; then
    echo "two-monitors.sh: Xorg did not start:" >&2
    tail -n 20 "$work/xorg.out" "$work/xorg.log" >&2
    exit 1
  fi
  sleep 0.05
done
[ -s "$work/display" ] || { echo "two-monitors.sh: Xorg gave no display within 10 s" >&2; exit 1; }

export DISPLAY=":$(head -n 1 "$work/display")"
export GDK_BACKEND=x11
unset WAYLAND_DISPLAY XAUTHORITY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS

# The dummy driver connects the second output only once it has a mode.
xrandr --addmode DUMMY1 1280x800 &&
xrandr --output DUMMY0 --mode 1920x1080 --pos 1280x0 \
       --output DUMMY1 --mode 1280x800 --pos 0x0 --primary || exit 1
xrandr --listmonitors | sed 's/^/# /'

openbox --sm-disable >"$work/openbox.log" 2>&1 &
wm_pid=$!
sleep 0.5

dbus-run-session -- "$@"
