#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks every po/*.po with `msgfmt --check`: format strings, headers, plural forms. Russian and
# Kazakh must be complete: no fuzzy or untranslated message. LINGUAS and the po files must agree.
set -u
top=${1:?usage: check-po.sh SOURCE_DIR}
cd "$top/po" || exit 1
complete_langs="ru kk"
status=0

command -v msgfmt >/dev/null || { echo "msgfmt is not installed"; exit 77; }

linguas=$(sed 's/#.*//' LINGUAS | tr -s ' \t' '\n\n' | sed '/^$/d' | sort -u)
for lang in $linguas; do
  [ -f "$lang.po" ] || { echo "po/LINGUAS lists $lang, but po/$lang.po does not exist"; status=1; }
done
for lang in $complete_langs; do
  grep -qx "$lang" <<< "$linguas" || { echo "po/LINGUAS must list $lang"; status=1; }
done

for po in *.po; do
  [ -f "$po" ] || continue
  lang=${po%.po}
  grep -qx "$lang" <<< "$linguas" || { echo "po/$po is not listed in po/LINGUAS"; status=1; }

  # msgfmt prints e.g. "221 translated messages, 2 fuzzy translations, 1 untranslated message."
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1); then
    echo "$stats"
    echo "po/$po: msgfmt --check failed"
    status=1
    continue
  fi
  stats=$(tail -n 1 <<< "$stats")
  echo "po/$po: $stats"

  msgcat --no-wrap "$po" | grep -q '^"Content-Type: text/plain; charset=UTF-8\\n"' ||
    { echo "po/$po: the header must say charset=UTF-8"; status=1; }

  case " $complete_langs " in
    *" $lang "*)
      if grep -qE 'fuzzy|untranslated' <<< "$stats"; then
        echo "po/$po: $lang must be complete; translate or fix the messages above (msgattrib --only-fuzzy / --untranslated)"
        status=1
      fi
      ;;
  esac
done

# The plural rules the translations were written for.
check_plural () {
  msgcat --no-wrap "$1.po" | grep -qF "\"Plural-Forms: $2\\n\"" ||
    { echo "po/$1.po: Plural-Forms must be \"$2\""; status=1; }
}
check_plural ru 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);'
check_plural kk 'nplurals=2; plural=(n != 1);'

[ $status -eq 0 ] && echo "all po files pass"
exit $status
