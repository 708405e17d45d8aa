/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-date-i18n.c: dates formatted with the translated formats of po/ in Russian, Kazakh and
 * Chinese: grammatical month forms, ranges, circa. Loads the .mo files built in <build>/po. */

#define G_LOG_DOMAIN "caravan-test-date-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "caravan-date.h"

static CaravanDate
parse (const char *start,
       const char *end)
{
  g_autoptr(GError) error = NULL;
  CaravanDate date;

  g_assert_true (caravan_date_parse (start, &date, &error));
  g_assert_no_error (error);
  if (end != NULL)
    {
      g_assert_true (caravan_date_parse_end (&date, end, &error));
      g_assert_no_error (error);
    }
  return date;
}

/* Switches messages and LC_TIME to @locale; FALSE (and the test skipped) if it is not installed. */
static gboolean
use_locale (const char *locale,
            const char *language)
{
  g_setenv ("LC_ALL", locale, TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not installed "
                                                  "(build-aux/setup.sh: caravan_ensure_locales)",
                                                  locale);
      g_error ("%s", message);
    }
  return TRUE;
}

/* Compares ignoring case: glibc's ru and kk month names are capitalised where Russian and
 * Kazakh write them in lower case ("Сентябрь 2022"); the words and their forms must match. */
static void
assert_date (const char *start,
             const char *end,
             gboolean    circa,
             const char *expected)
{
  CaravanDate date = parse (start, end);
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *expected_folded = g_utf8_casefold (expected, -1);

  date.circa = circa;
  text = caravan_date_format (&date);
  folded = g_utf8_casefold (text, -1);
  g_test_message ("%s%s%s -> %s", start, end ? " … " : "", end ? end : "", text);
  g_assert_cmpstr (folded, ==, expected_folded);
}

static void
test_russian (void)
{
  if (!use_locale ("ru_RU.UTF-8", "ru"))
    return;

  /* A day takes the genitive month, a month on its own the nominative. */
  assert_date ("2013-09-07", NULL, FALSE, "7 сентября 2013");
  assert_date ("2022-09", NULL, FALSE, "сентябрь 2022");
  assert_date ("2012", NULL, FALSE, "2012");
  assert_date ("2022-01-02", "2022-01-07", FALSE, "2–7 января 2022");
  assert_date ("2022-02-28", "2022-03-03", FALSE, "28 февраля – 3 марта 2022");
  assert_date ("2022-01", "2022-03", FALSE, "январь–март 2022");
  assert_date ("2012", "2014", FALSE, "2012–2014");
  assert_date ("2012", NULL, TRUE, "ок. 2012");
}

static void
test_kazakh (void)
{
  if (!use_locale ("kk_KZ.UTF-8", "kk"))
    return;

  assert_date ("2013-09-07", NULL, FALSE, "7 қыркүйек 2013");
  assert_date ("2022-09", NULL, FALSE, "қыркүйек 2022");
  assert_date ("2022-01-02", "2022-01-07", FALSE, "2–7 қаңтар 2022");
  assert_date ("2022-02-28", "2022-03-03", FALSE, "28 ақпан – 3 наурыз 2022");
  assert_date ("2022-01", "2022-03", FALSE, "қаңтар–наурыз 2022");
  assert_date ("2012", NULL, TRUE, "шамамен 2012");
}

static void
test_chinese (void)
{
  if (!use_locale ("zh_CN.UTF-8", "zh_CN"))
    return;

  assert_date ("2013-09-07", NULL, FALSE, "2013年9月7日");
  assert_date ("2022-09", NULL, FALSE, "2022年9月");
  assert_date ("2012", NULL, FALSE, "2012年");
  assert_date ("2022-02-28", "2022-03-03", FALSE, "2022年2月28日–2022年3月3日");
  assert_date ("2012", NULL, TRUE, "约2012年");
}

/* LANGUAGE picks the translation even when LC_ALL names another language. */
static void
test_language_variable (void)
{
  if (!use_locale ("en_US.UTF-8", "kk:ru"))
    return;
  g_assert_cmpstr (C_("date", "c. %s"), ==, "шамамен %s");

  g_setenv ("LANGUAGE", "ru:kk", TRUE);
  setlocale (LC_ALL, "");
  g_assert_cmpstr (C_("date", "c. %s"), ==, "ок. %s");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* meson builds the .mo files into <build>/po/LL/LC_MESSAGES; G_TEST_BUILDDIR is <build>/tests. */
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/date-i18n/russian", test_russian);
  g_test_add_func ("/date-i18n/kazakh", test_kazakh);
  g_test_add_func ("/date-i18n/chinese", test_chinese);
  g_test_add_func ("/date-i18n/language-variable", test_language_variable);

  return g_test_run ();
}
