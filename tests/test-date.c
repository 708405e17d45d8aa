/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-date.c: CaravanDate parsing, precision, ordering, overlap and formatting in two locales. */

#define G_LOG_DOMAIN "caravan-test-date"

#include "config.h"

#include <locale.h>

#include "caravan-date.h"
#include "caravan-story-problem.h"

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

static guint32
julian (int year,
        int month,
        int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

static void
test_parse_precision (void)
{
  CaravanDate date;

  date = parse ("2022", NULL);
  g_assert_cmpint (date.precision, ==, CARAVAN_DATE_PRECISION_YEAR);
  g_assert_cmpint (date.year, ==, 2022);
  g_assert_false (date.has_end);

  date = parse ("2022-09", NULL);
  g_assert_cmpint (date.precision, ==, CARAVAN_DATE_PRECISION_MONTH);
  g_assert_cmpint (date.month, ==, 9);

  date = parse ("2013-09-07", NULL);
  g_assert_cmpint (date.precision, ==, CARAVAN_DATE_PRECISION_DAY);
  g_assert_cmpint (date.year, ==, 2013);
  g_assert_cmpint (date.month, ==, 9);
  g_assert_cmpint (date.day, ==, 7);

  date = parse ("2022-01-02", "2022-01-19");
  g_assert_true (date.has_end);
  g_assert_cmpint (date.end_day, ==, 19);
  g_assert_cmpint (date.end_precision, ==, CARAVAN_DATE_PRECISION_DAY);
}

static void
test_parse_invalid (void)
{
  const struct {
    const char *text;
    const char *message_part;
  } cases[] = {
    { "", "is not a date" },
    { "20", "is not a date" },
    { "22-01-01", "is not a date" },
    { "2022-1-05", "is not a date" },
    { "2022-01-01x", "is not a date" },
    { "2022/01/01", "is not a date" },
    { " 2022", "is not a date" },
    { "2022-13", "has no month 13" },
    { "2022-00-10", "has no month 0" },
    { "2022-02-30", "is not a day of the calendar" },
    { "2021-02-29", "is not a day of the calendar" },
    { "0000", "before year 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CaravanDate date = { 0 };

      g_test_message ("parsing '%s'", cases[i].text);
      g_assert_false (caravan_date_parse (cases[i].text, &date, &error));
      g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_INVALID_DATE);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }

  /* leap day is fine */
  parse ("2020-02-29", NULL);
}

static void
test_parse_end_before_start (void)
{
  g_autoptr(GError) error = NULL;
  CaravanDate date = parse ("2022-01-19", NULL);
  CaravanDate before = date;

  g_assert_false (caravan_date_parse_end (&date, "2022-01-02", &error));
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_DATE_ORDER);
  g_assert_nonnull (strstr (error->message, "before start"));
  /* unchanged on failure */
  g_assert_cmpmem (&date, sizeof date, &before, sizeof before);
  g_clear_error (&error);

  /* an end in the same month as a month-precision start is not "before" */
  date = parse ("2022-01", NULL);
  g_assert_true (caravan_date_parse_end (&date, "2022-01-15", &error));
  g_assert_no_error (error);
}

static void
test_julian (void)
{
  CaravanDate date;

  date = parse ("2022", NULL);
  g_assert_cmpuint (caravan_date_get_first_julian (&date), ==, julian (2022, 1, 1));
  g_assert_cmpuint (caravan_date_get_last_julian (&date), ==, julian (2022, 12, 31));

  date = parse ("2020-02", NULL);
  g_assert_cmpuint (caravan_date_get_first_julian (&date), ==, julian (2020, 2, 1));
  g_assert_cmpuint (caravan_date_get_last_julian (&date), ==, julian (2020, 2, 29));

  date = parse ("2013-09-07", NULL);
  g_assert_cmpuint (caravan_date_get_first_julian (&date), ==, julian (2013, 9, 7));
  g_assert_cmpuint (caravan_date_get_last_julian (&date), ==, julian (2013, 9, 7));

  date = parse ("2012", "2013-12");
  g_assert_cmpuint (caravan_date_get_first_julian (&date), ==, julian (2012, 1, 1));
  g_assert_cmpuint (caravan_date_get_last_julian (&date), ==, julian (2013, 12, 31));

  g_assert_true (caravan_date_contains_julian (&date, julian (2013, 6, 1)));
  g_assert_false (caravan_date_contains_julian (&date, julian (2014, 1, 1)));
}

static void
test_compare (void)
{
  /* already in the expected order */
  const char *ordered[][2] = {
    { "1961-03-20", NULL },
    { "1992", NULL },
    { "2022-01-01", NULL },
    { "2022-01-01", "2022-01-02" },
    { "2022-01", NULL },
    { "2022", NULL },
    { "2022-01-02", "2022-01-19" },
    { "2022-09", NULL },
    { "2022-09-14", NULL },
    { "2022-11-20", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
      {
        CaravanDate a = parse (ordered[i][0], ordered[i][1]);
        CaravanDate b = parse (ordered[j][0], ordered[j][1]);
        int cmp = caravan_date_compare (&a, &b);

        if (i < j)
          g_assert_cmpint (cmp, <, 0);
        else if (i > j)
          g_assert_cmpint (cmp, >, 0);
        else
          g_assert_cmpint (cmp, ==, 0);
      }
}

static void
test_overlaps (void)
{
  CaravanDate january = parse ("2022-01", NULL);
  CaravanDate csto = parse ("2022-01-06", "2022-01-19");
  CaravanDate february = parse ("2022-02-01", NULL);
  CaravanDate year = parse ("2022", NULL);
  CaravanDate last_day = parse ("2021-12-31", "2022-01-01");

  g_assert_true (caravan_date_overlaps (&january, &csto));
  g_assert_true (caravan_date_overlaps (&csto, &january));
  g_assert_false (caravan_date_overlaps (&csto, &february));
  g_assert_true (caravan_date_overlaps (&year, &february));
  g_assert_true (caravan_date_overlaps (&last_day, &january));
  g_assert_false (caravan_date_overlaps (&last_day, &february));
}

typedef struct {
  const char *start;
  const char *end;
  gboolean circa;
  const char *expected;
} FormatCase;

static void
check_formats (const FormatCase *cases,
               gsize             n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      CaravanDate date = parse (cases[i].start, cases[i].end);
      g_autofree char *text = NULL;

      date.circa = cases[i].circa;
      text = caravan_date_format (&date);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_english (void)
{
  const FormatCase cases[] = {
    { "2022-09", NULL, FALSE, "September 2022" },
    { "2013-09-07", NULL, FALSE, "7 September 2013" },
    { "2022-01-02", "2022-01-19", FALSE, "2–19 January 2022" },
    { "2012", NULL, TRUE, "c. 2012" },
    { "2022", NULL, FALSE, "2022" },
    { "2022-02-28", "2022-03-03", FALSE, "28 February – 3 March 2022" },
    { "2021-12-31", "2022-01-01", FALSE, "31 December 2021 – 1 January 2022" },
    { "2022-01", "2022-03", FALSE, "January–March 2022" },
    { "2012", "2013", FALSE, "2012–2013" },
    { "2014-12", "2015", TRUE, "c. December 2014 – 2015" },
  };

  /* build-aux/setup.sh (caravan_ensure_locales) provides the locales the tests use. */
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    g_error ("C.UTF-8 locale not available");
  check_formats (cases, G_N_ELEMENTS (cases));
}

/* Russian shows the locale reaching month names, including the genitive after a day number
 * ("7 сентября") and the nominative on its own ("Сентябрь 2022"). */
static void
test_format_russian (void)
{
  const FormatCase cases[] = {
    { "2022-09", NULL, FALSE, "Сентябрь 2022" },
    { "2013-09-07", NULL, FALSE, "7 сентября 2013" },
    { "2022-01-02", "2022-01-19", FALSE, "2–19 января 2022" },
    { "2012", NULL, TRUE, "c. 2012" },
  };

  if (setlocale (LC_ALL, "ru_RU.UTF-8") == NULL)
    g_error ("ru_RU.UTF-8 locale not available (build-aux/setup.sh generates it)");
  check_formats (cases, G_N_ELEMENTS (cases));
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_to_iso (void)
{
  CaravanDate date = parse ("2022-01-02", "2022-01-19");
  g_autofree char *iso = caravan_date_to_iso (&date);
  g_autofree char *year = NULL;

  g_assert_cmpstr (iso, ==, "2022-01-02/2022-01-19");
  date = parse ("1992", NULL);
  year = caravan_date_to_iso (&date);
  g_assert_cmpstr (year, ==, "1992");
}

static void
test_boxed (void)
{
  CaravanDate date = parse ("2022-09-17", NULL);
  g_autoptr(CaravanDate) copy = g_boxed_copy (CARAVAN_TYPE_DATE, &date);

  g_assert_cmpmem (copy, sizeof *copy, &date, sizeof date);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/precision", test_parse_precision);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/parse/end-before-start", test_parse_end_before_start);
  g_test_add_func ("/date/julian", test_julian);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/overlaps", test_overlaps);
  g_test_add_func ("/date/format/english", test_format_english);
  g_test_add_func ("/date/format/russian", test_format_russian);
  g_test_add_func ("/date/to-iso", test_to_iso);
  g_test_add_func ("/date/boxed", test_boxed);

  return g_test_run ();
}
