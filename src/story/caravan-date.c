/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-date.c: dates with precision; parsing, ordering, overlap and locale-aware formatting. */

#define G_LOG_DOMAIN "caravan-date"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "caravan-date.h"
#include "caravan-story-problem.h"

G_DEFINE_BOXED_TYPE (CaravanDate, caravan_date, caravan_date_copy, caravan_date_free)

static gboolean
parse_digits (const char **p,
              guint        n,
              int         *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

/* Parses one ISO 8601 calendar date at year, month or day precision. */
static gboolean
parse_point (const char           *text,
             gint16               *year,
             guint8               *month,
             guint8               *day,
             CaravanDatePrecision *precision,
             GError              **error)
{
  const char *p = text;
  int y = 0, m = 1, d = 1;
  CaravanDatePrecision prec = CARAVAN_DATE_PRECISION_YEAR;

  if (!parse_digits (&p, 4, &y))
    goto invalid;
  if (*p == '-')
    {
      p++;
      if (!parse_digits (&p, 2, &m))
        goto invalid;
      prec = CARAVAN_DATE_PRECISION_MONTH;
      if (*p == '-')
        {
          p++;
          if (!parse_digits (&p, 2, &d))
            goto invalid;
          prec = CARAVAN_DATE_PRECISION_DAY;
        }
    }
  if (*p != '\0')
    goto invalid;

  if (y < 1)
    {
      g_set_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_INVALID_DATE,
                   _("year %d is before year 1"), y);
      return FALSE;
    }
  if (m < 1 || m > 12)
    {
      g_set_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_INVALID_DATE,
                   _("“%s” has no month %d"), text, m);
      return FALSE;
    }
  if (!g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_INVALID_DATE,
                   _("“%s” is not a day of the calendar"), text);
      return FALSE;
    }

  *year = y;
  *month = m;
  *day = d;
  *precision = prec;
  return TRUE;

invalid:
  g_set_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_INVALID_DATE,
               _("“%s” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"), text);
  return FALSE;
}

/* Days since 1 January of year 1 plus one, as g_date_get_julian(), without a GDate: this is
 * on the hot path of sorting and filtering events. (Howard Hinnant's days_from_civil.) */
static guint32
julian_from_ymd (int year,
                 int month,
                 int day)
{
  int y = month <= 2 ? year - 1 : year;
  int era = y / 400;
  int yoe = y - era * 400;
  int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  /* era * 146097 + doe counts from 1 March of year 0; 1 January of year 1 is day 306 */
  return (guint32) (era * 146097 + doe - 306 + 1);
}

static int
days_in_month (int year,
               int month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month == 2 && g_date_is_leap_year (year))
    return 29;
  return days[month - 1];
}

static guint32
julian_first (int                  year,
              int                  month,
              int                  day,
              CaravanDatePrecision precision)
{
  return julian_from_ymd (year,
                          precision == CARAVAN_DATE_PRECISION_YEAR ? 1 : month,
                          precision == CARAVAN_DATE_PRECISION_DAY ? day : 1);
}

static guint32
julian_last (int                  year,
             int                  month,
             int                  day,
             CaravanDatePrecision precision)
{
  if (precision == CARAVAN_DATE_PRECISION_YEAR)
    month = 12;
  if (precision != CARAVAN_DATE_PRECISION_DAY)
    day = days_in_month (year, month);

  return julian_from_ymd (year, month, day);
}

static GDateTime *
date_time_new (int year,
               int month,
               int day)
{
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

/* Formats one end of a date with @format (a g_date_time_format() string). */
static char *
format_point (int         year,
              int         month,
              int         day,
              const char *format)
{
  g_autoptr(GDateTime) dt = date_time_new (year, month, day);

  return g_date_time_format (dt, format);
}

static const char *
point_format (CaravanDatePrecision precision)
{
  switch (precision)
    {
    case CARAVAN_DATE_PRECISION_DAY:
      /* Translators: a full date, g_date_time_format() syntax: "7 September 2013" */
      return C_("date", "%-d %B %Y");
    case CARAVAN_DATE_PRECISION_MONTH:
      /* Translators: a month of a year, g_date_time_format() syntax; %OB is the month name in
       * the nominative case: "September 2022" */
      return C_("date", "%OB %Y");
    case CARAVAN_DATE_PRECISION_YEAR:
    default:
      /* Translators: a year, g_date_time_format() syntax: "2012" */
      return C_("date", "%Y");
    }
}

static char *
format_range (const CaravanDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean same_year = date->year == date->end_year;
  gboolean same_month = same_year && date->month == date->end_month;

  if (date->precision == date->end_precision)
    {
      switch (date->precision)
        {
        case CARAVAN_DATE_PRECISION_DAY:
          if (same_month)
            {
              /* Translators: start of a range within one month, "2" in "2–19 January 2022" */
              /* xgettext:no-c-format */
              start = format_point (date->year, date->month, date->day, C_("date range", "%-d"));
              end = format_point (date->end_year, date->end_month, date->end_day,
                                  point_format (CARAVAN_DATE_PRECISION_DAY));
              /* Translators: a range of days, months or years: "2–19 January 2022" */
              return g_strdup_printf (C_("date range", "%s–%s"), start, end);
            }
          if (same_year)
            {
              /* Translators: start of a range within one year, "28 February" in
               * "28 February – 3 March 2022" */
              start = format_point (date->year, date->month, date->day,
                                    C_("date range", "%-d %B"));
              end = format_point (date->end_year, date->end_month, date->end_day,
                                  point_format (CARAVAN_DATE_PRECISION_DAY));
              /* Translators: a range whose ends have several words:
               * "28 February – 3 March 2022" */
              return g_strdup_printf (C_("date range", "%s – %s"), start, end);
            }
          break;

        case CARAVAN_DATE_PRECISION_MONTH:
          if (same_year)
            {
              /* Translators: start of a range of months within one year, "January" in
               * "January–March 2022"; %OB is the nominative month name */
              start = format_point (date->year, date->month, 1, C_("date range", "%OB"));
              end = format_point (date->end_year, date->end_month, 1,
                                  point_format (CARAVAN_DATE_PRECISION_MONTH));
              return g_strdup_printf (C_("date range", "%s–%s"), start, end);
            }
          break;

        case CARAVAN_DATE_PRECISION_YEAR:
        default:
          start = format_point (date->year, 1, 1, point_format (CARAVAN_DATE_PRECISION_YEAR));
          end = format_point (date->end_year, 1, 1, point_format (CARAVAN_DATE_PRECISION_YEAR));
          return g_strdup_printf (C_("date range", "%s–%s"), start, end);
        }
    }

  start = format_point (date->year, date->month, date->day, point_format (date->precision));
  end = format_point (date->end_year, date->end_month, date->end_day,
                      point_format (date->end_precision));
  return g_strdup_printf (C_("date range", "%s – %s"), start, end);
}

CaravanDate *
caravan_date_copy (const CaravanDate *date)
{
  CaravanDate *copy;

  g_return_val_if_fail (date != NULL, NULL);

  copy = g_new (CaravanDate, 1);
  *copy = *date;
  return copy;
}

void
caravan_date_free (CaravanDate *date)
{
  g_free (date);
}

gboolean
caravan_date_parse (const char  *text,
                    CaravanDate *date,
                    GError     **error)
{
  CaravanDate result = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!parse_point (text, &result.year, &result.month, &result.day, &result.precision, error))
    return FALSE;

  result.end_year = result.year;
  result.end_month = result.month;
  result.end_day = result.day;
  result.end_precision = result.precision;
  *date = result;
  return TRUE;
}

gboolean
caravan_date_parse_end (CaravanDate *date,
                        const char  *text,
                        GError     **error)
{
  CaravanDate result;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  result = *date;
  if (!parse_point (text, &result.end_year, &result.end_month, &result.end_day,
                    &result.end_precision, error))
    return FALSE;

  if (julian_last (result.end_year, result.end_month, result.end_day, result.end_precision) <
      julian_first (result.year, result.month, result.day, result.precision))
    {
      g_autofree char *start = caravan_date_to_iso (date);

      g_set_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_DATE_ORDER,
                   _("end %s is before start %s"), text, start);
      return FALSE;
    }

  result.has_end = TRUE;
  *date = result;
  return TRUE;
}

void
caravan_date_init_day (CaravanDate *date,
                       int          year,
                       int          month,
                       int          day)
{
  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid_dmy (day, month, year));

  *date = (CaravanDate) {
    .year = year, .month = month, .day = day, .precision = CARAVAN_DATE_PRECISION_DAY,
    .end_year = year, .end_month = month, .end_day = day,
    .end_precision = CARAVAN_DATE_PRECISION_DAY,
  };
}

guint32
caravan_date_get_first_julian (const CaravanDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  return julian_first (date->year, date->month, date->day, date->precision);
}

guint32
caravan_date_get_last_julian (const CaravanDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  return julian_last (date->end_year, date->end_month, date->end_day, date->end_precision);
}

/* Earlier start first; at the same start the shorter span, then the finer precision. */
int
caravan_date_compare (const CaravanDate *a,
                      const CaravanDate *b)
{
  guint32 a_first, b_first, a_last, b_last;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  a_first = caravan_date_get_first_julian (a);
  b_first = caravan_date_get_first_julian (b);
  if (a_first != b_first)
    return a_first < b_first ? -1 : 1;

  a_last = caravan_date_get_last_julian (a);
  b_last = caravan_date_get_last_julian (b);
  if (a_last != b_last)
    return a_last < b_last ? -1 : 1;

  if (a->precision != b->precision)
    return a->precision > b->precision ? -1 : 1;

  return 0;
}

gboolean
caravan_date_overlaps (const CaravanDate *a,
                       const CaravanDate *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return caravan_date_get_first_julian (a) <= caravan_date_get_last_julian (b) &&
         caravan_date_get_first_julian (b) <= caravan_date_get_last_julian (a);
}

gboolean
caravan_date_contains_julian (const CaravanDate *date,
                              guint32            julian)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return caravan_date_get_first_julian (date) <= julian &&
         julian <= caravan_date_get_last_julian (date);
}

char *
caravan_date_format (const CaravanDate *date)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (date->has_end)
    text = format_range (date);
  else
    text = format_point (date->year, date->month, date->day, point_format (date->precision));

  if (date->circa)
    /* Translators: an uncertain date: "c. 2012" */
    return g_strdup_printf (C_("date", "c. %s"), text);

  return g_steal_pointer (&text);
}

static char *
point_to_iso (int                  year,
              int                  month,
              int                  day,
              CaravanDatePrecision precision)
{
  switch (precision)
    {
    case CARAVAN_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    case CARAVAN_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", year, month);
    case CARAVAN_DATE_PRECISION_YEAR:
    default:
      return g_strdup_printf ("%04d", year);
    }
}

char *
caravan_date_to_iso (const CaravanDate *date)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  start = point_to_iso (date->year, date->month, date->day, date->precision);
  if (!date->has_end)
    return g_steal_pointer (&start);

  end = point_to_iso (date->end_year, date->end_month, date->end_day, date->end_precision);
  return g_strconcat (start, "/", end, NULL);
}
