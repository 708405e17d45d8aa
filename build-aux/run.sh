#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# run.sh: installs what is missing, builds Caravan and starts it with its bundled story.
# Arguments are passed on to caravan (for example a story file).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

caravan_install_packages $CARAVAN_BUILD_PACKAGES
caravan_configure _build
meson compile -C "$CARAVAN_TOP/_build"

# Run from the build tree: the settings schema is compiled there.
export GSETTINGS_SCHEMA_DIR="$CARAVAN_TOP/_build/data"
exec "$CARAVAN_TOP/_build/src/caravan" "$@"
