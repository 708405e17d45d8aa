#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# headless.sh WIDTHxHEIGHT COMMAND [ARG…]: runs COMMAND on a headless X screen of its own, of
# the given size, with a session bus of its own. The gui tests run through it, so `meson test`
# passes the same from a desktop session of any size, under xvfb-run and in CI: a test never
# depends on the display (or the bus) it was started with.
set -u

size=$1
shift

for tool in Xvfb dbus-run-session; do
  if ! command -v "$tool" >/dev/null; then
    echo "headless.sh: $tool is missing; install xvfb and dbus-daemon (build-aux/setup.sh does)" >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/caravan-headless.XXXXXX")
xvfb_pid=
cleanup () {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null
    wait "$xvfb_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# -displayfd lets the server pick a free display number itself, so parallel tests never race
# for one; it writes the number once it accepts connections.
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset 3>"$work/display" \
  2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 200); do
  [ -s "$work/display" ] && break
  if ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "headless.sh: Xvfb did not start:" >&2
    cat "$work/xvfb.log" >&2
    exit 1
  fi
  sleep 0.05
done
if [ ! -s "$work/display" ]; then
  echo "headless.sh: Xvfb gave no display number within 10 s" >&2
  exit 1
fi

export DISPLAY=":$(head -n 1 "$work/display")"
export GDK_BACKEND=x11
unset WAYLAND_DISPLAY XAUTHORITY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS
dbus-run-session -- "$@"
