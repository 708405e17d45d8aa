/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-typed-date.c: dates as people type them in the inspector, their precision, ranges and
 * circa; the reasons given for what is not a date; and every date of the bundled story, as
 * Caravan writes it in English and in Russian, reads back the same. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-typed-date.h"

static void
assert_date (const char           *text,
             const char           *iso,
             CaravanDatePrecision  precision,
             gboolean              circa)
{
  g_autofree char *message = NULL;
  g_autofree char *got = NULL;
  CaravanDate date;

  g_test_message ("“%s”", text);
  g_assert_true (caravan_typed_date_parse (text, &date, &message));
  g_assert_null (message);
  got = caravan_date_to_iso (&date);
  g_assert_cmpstr (got, ==, iso);
  g_assert_cmpint (date.precision, ==, precision);
  g_assert_cmpint (date.circa, ==, circa);
}

static void
test_typed (void)
{
  assert_date ("1961", "1961", CARAVAN_DATE_PRECISION_YEAR, FALSE);
  assert_date ("March 1961", "1961-03", CARAVAN_DATE_PRECISION_MONTH, FALSE);
  assert_date ("20 March 1961", "1961-03-20", CARAVAN_DATE_PRECISION_DAY, FALSE);
  assert_date ("March 20, 1961", "1961-03-20", CARAVAN_DATE_PRECISION_DAY, FALSE);
  assert_date ("20 mar 1961", "1961-03-20", CARAVAN_DATE_PRECISION_DAY, FALSE);
  assert_date ("1961-03-20", "1961-03-20", CARAVAN_DATE_PRECISION_DAY, FALSE);
  assert_date ("1991–1994", "1991/1994", CARAVAN_DATE_PRECISION_YEAR, FALSE);
  assert_date ("2–19 January 2022", "2022-01-02/2022-01-19", CARAVAN_DATE_PRECISION_DAY, FALSE);
  assert_date ("January–March 2022", "2022-01/2022-03", CARAVAN_DATE_PRECISION_MONTH, FALSE);
  assert_date ("28 February – 3 March 2022", "2022-02-28/2022-03-03",
               CARAVAN_DATE_PRECISION_DAY, FALSE);
  assert_date ("c. 1961", "1961", CARAVAN_DATE_PRECISION_YEAR, TRUE);
  assert_date ("circa March 1961", "1961-03", CARAVAN_DATE_PRECISION_MONTH, TRUE);
  assert_date ("2004-10/2004-11", "2004-10/2004-11", CARAVAN_DATE_PRECISION_MONTH, FALSE);
  assert_date ("AD 800", "0800", CARAVAN_DATE_PRECISION_YEAR, FALSE);
  /* As the Chinese interface writes dates. */
  assert_date ("1961年3月20日", "1961-03-20", CARAVAN_DATE_PRECISION_DAY, FALSE);
  assert_date ("1961年3月", "1961-03", CARAVAN_DATE_PRECISION_MONTH, FALSE);
  assert_date ("1961年", "1961", CARAVAN_DATE_PRECISION_YEAR, FALSE);
  assert_date ("2022年1月2日–2022年1月19日", "2022-01-02/2022-01-19",
               CARAVAN_DATE_PRECISION_DAY, FALSE);
}

static void
assert_refused (const char *text,
                const char *reason)
{
  g_autofree char *message = NULL;
  CaravanDate date;

  g_assert_false (caravan_typed_date_parse (text, &date, &message));
  g_assert_nonnull (message);
  g_test_message ("“%s”: %s", text, message);
  g_assert_nonnull (strstr (message, reason));
}

static void
test_refused (void)
{
  assert_refused ("500 BC", "before 1 AD");
  assert_refused ("banana", "try 1961, March 1961");
  assert_refused ("March", "no year");
  assert_refused ("31 February 2001", "");
  assert_refused ("1994–1991", "");
}

/* What the inspector shows is what caravan_date_format() writes: it reads back the same. */
static void
round_trip_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  GListModel *events;

  g_assert_no_error (error);
  events = caravan_story_get_events (story);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      const CaravanDate *date = caravan_event_get_date (event);
      g_autofree char *shown = caravan_date_format (date);
      g_autofree char *message = NULL;
      g_autofree char *want = caravan_date_to_iso (date);
      g_autofree char *got = NULL;
      CaravanDate back;

      g_assert_true (caravan_typed_date_parse (shown, &back, &message));
      got = caravan_date_to_iso (&back);
      g_assert_cmpstr (got, ==, want);
      g_assert_cmpint (back.precision, ==, date->precision);
      g_assert_cmpint (back.circa, ==, date->circa);
    }
}

static void
test_round_trip (void)
{
  round_trip_bundled ();
  /* Russian month names, in the genitive ("20 марта 1961") and the nominative ("март"). */
  g_assert_nonnull (setlocale (LC_TIME, "ru_RU.UTF-8"));
  round_trip_bundled ();
  assert_date ("20 марта 1961", "1961-03-20", CARAVAN_DATE_PRECISION_DAY, FALSE);
  assert_date ("март 1961", "1961-03", CARAVAN_DATE_PRECISION_MONTH, FALSE);
  setlocale (LC_TIME, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/typed-date/forms", test_typed);
  g_test_add_func ("/typed-date/refused", test_refused);
  g_test_add_func ("/typed-date/round-trip", test_round_trip);

  return g_test_run ();
}
