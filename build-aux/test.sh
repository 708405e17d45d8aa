#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test.sh: installs what is missing, builds Caravan and runs every test suite:
#   1. all suites (unit, data, gui) of a normal build; each gui test brings its own headless X
#      screen and session bus (tests/headless.sh), so nothing here depends on a display;
#   2. the unit and stress suites again under AddressSanitizer + UndefinedBehaviorSanitizer (clang build),
#      plus the libFuzzer targets for a bounded time;
#   3. the offline Flatpak proof (build-aux/flatpak-local.sh): runtime from Debian packages,
#      build, install, run in the sandbox, bundle, manifest and installed-tree checks.
# Its last line is "N passed, N failed"; it exits non-zero if any test failed or none ran.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
set +e

caravan_install_packages $CARAVAN_BUILD_PACKAGES $CARAVAN_TEST_PACKAGES || exit 1
caravan_ensure_locales || exit 1

status=0
run_suites () {
  # run_suites BUILD_DIR [meson test options…]
  local dir=$1; shift
  rm -f "$CARAVAN_TOP/$dir/meson-logs/testlog.json" "$CARAVAN_TOP/$dir/meson-logs/testlog-asan.json"
  meson test -C "$CARAVAN_TOP/$dir" --print-errorlogs --num-processes 2 "$@" || status=1
}

caravan_configure _build && meson compile -C "$CARAVAN_TOP/_build" || exit 1
run_suites _build

CC=clang caravan_configure _build-asan -Db_sanitize=address,undefined -Db_lundef=false \
  -Dfuzzing=true -Dbuildtype=debug && meson compile -C "$CARAVAN_TOP/_build-asan" || exit 1
run_suites _build-asan --setup=asan --suite unit --suite stress --suite fuzz

"$CARAVAN_TOP/build-aux/flatpak-local.sh" 2>&1 | tee "$CARAVAN_TOP/_build/flatpak-local.log"
flatpak_summary=$(tail -n 1 "$CARAVAN_TOP/_build/flatpak-local.log")

/usr/bin/python3 - "$flatpak_summary" "$CARAVAN_TOP/_build/meson-logs"/testlog*.json "$CARAVAN_TOP/_build-asan/meson-logs"/testlog*.json <<'PY'
import json, re, sys
passed = failed = skipped = 0
# The Flatpak proof reports "N passed, N failed" itself; a missing line counts as a failure.
m = re.fullmatch(r"(\d+) passed, (\d+) failed", sys.argv[1].strip())
if m:
    passed += int(m.group(1))
    failed += int(m.group(2))
else:
    failed += 1
for path in sys.argv[2:]:
    try:
        lines = open(path).read().splitlines()
    except OSError:
        continue
    for line in lines:
        if not line.strip():
            continue
        result = json.loads(line)["result"]
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed or passed == 0 else 0)
PY
summary=$?
[ $status -eq 0 ] && [ $summary -eq 0 ]
