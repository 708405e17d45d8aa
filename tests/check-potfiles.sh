#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a file with translatable strings is missing from po/POTFILES.in, or when
# POTFILES.in names a file that does not exist.
set -u
top=${1:?usage: check-potfiles.sh SOURCE_DIR}
cd "$top" || exit 1
listed=$(grep -v '^#' po/POTFILES.in | sed '/^\s*$/d' | sort -u)
status=0

for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done

candidates=$( { grep -lE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|ngettext|g_dngettext)\s*\(' $(find src -name '*.c' | sort);
                grep -l 'translatable="yes"' $(find ui -name '*.ui' | sort);
                ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml.in; } 2>/dev/null | sort -u)
for f in $candidates; do
  if ! grep -qx "$f" <<< "$listed"; then
    echo "$f has translatable strings but is not listed in po/POTFILES.in"
    status=1
  fi
done

[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(wc -w <<< "$candidates") files with translatable strings"
exit $status
