#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# setup.sh: installs what Caravan needs on Debian 12 / Ubuntu (apt-get, as root or via sudo)
# and configures the build directory. Sourced by run.sh and test.sh; safe to run again.
set -euo pipefail

CARAVAN_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# What building and running need.
CARAVAN_BUILD_PACKAGES="meson ninja-build pkgconf gcc gettext libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libadwaita-1-dev libshumate-dev libjson-glib-dev libxml2-dev libarchive-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good
  desktop-file-utils
  appstream libxml2-utils shared-mime-info hicolor-icon-theme adwaita-icon-theme
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk locales"
# What the test suite needs on top: a headless display and session bus, sanitizers and libFuzzer.
CARAVAN_TEST_PACKAGES="xvfb xauth dbus-daemon dbus-x11 at-spi2-core clang libclang-rt-14-dev
  python3-jsonschema imagemagick xdotool python3-gi gir1.2-atspi-2.0
  xserver-xorg-core xserver-xorg-video-dummy openbox x11-xserver-utils poppler-utils"

caravan_sudo () {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the named Debian packages that are not installed yet.
caravan_install_packages () {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    caravan_sudo apt-get update -q
    caravan_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# Generates the locales the tests and translations use (en, ru, kk, zh) if they are missing.
caravan_ensure_locales () {
  local wanted="en_US.UTF-8 ru_RU.UTF-8 kk_KZ.UTF-8 zh_CN.UTF-8"
  local need=0 loc
  for loc in $wanted; do
    locale -a 2>/dev/null | grep -qi "^${loc%.UTF-8}.utf8$" || need=1
  done
  if [ $need -eq 1 ]; then
    for loc in $wanted; do
      caravan_sudo sed -i "s/^# *\(${loc} UTF-8\)/\1/" /etc/locale.gen
    done
    caravan_sudo locale-gen >/dev/null
  fi
}

# Configures (or reconfigures) a meson build dir: caravan_configure DIR [meson options…]
caravan_configure () {
  local dir=$1; shift
  if [ -f "$CARAVAN_TOP/$dir/build.ninja" ]; then
    meson configure "$CARAVAN_TOP/$dir" "$@" >/dev/null
  else
    meson setup "$CARAVAN_TOP/$dir" "$CARAVAN_TOP" "$@"
  fi
}
