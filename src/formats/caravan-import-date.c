/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-date.c: other tools' dates in Caravan's date model (calendar years 1-9999). */

#define G_LOG_DOMAIN "caravan-import-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "caravan-import-date.h"

/* "500 BC", "13.8 billion years ago": how a year outside the model is named in a message. */
static char *
describe_early_year (gint64 years_bc)
{
  if (years_bc >= G_GINT64_CONSTANT (1000000000))
    return g_strdup_printf (_("%.1f billion years ago"), years_bc / 1e9);
  if (years_bc >= 1000000)
    return g_strdup_printf (_("%.1f million years ago"), years_bc / 1e6);
  /* Translators: a year before the common era, "500 BC" */
  return g_strdup_printf (_("%lld BC"), (long long) years_bc);
}

gboolean
caravan_import_date_from_parts (gint64           year,
                                int              month,
                                int              day,
                                CaravanYearCount count,
                                CaravanDate     *date,
                                char           **message)
{
  CaravanDatePrecision precision = CARAVAN_DATE_PRECISION_YEAR;

  g_return_val_if_fail (date != NULL, FALSE);

  if (year < 1 && !(count == CARAVAN_YEARS_HISTORICAL && year == 0))
    {
      gint64 years_bc = count == CARAVAN_YEARS_HISTORICAL ? -year : 1 - year;
      g_autofree char *when = describe_early_year (years_bc);

      if (years_bc >= 100000)
        *message = g_strdup_printf (_("%s is a geological or cosmological date; Caravan's "
                                      "dates are calendar dates from 1 AD to 9999"), when);
      else
        *message = g_strdup_printf (_("%s is before 1 AD, the earliest date Caravan's "
                                      "timeline shows"), when);
      return FALSE;
    }
  if (year == 0)
    {
      *message = g_strdup (_("there is no year 0 in this format"));
      return FALSE;
    }
  if (year > 9999)
    {
      *message = g_strdup_printf (_("year %lld is after 9999, the last year "
                                    "Caravan's timeline shows"), (long long) year);
      return FALSE;
    }
  if (month < 0 || month > 12 || (month == 0 && day != 0))
    {
      *message = g_strdup_printf (_("there is no month %d"), month);
      return FALSE;
    }
  if (month > 0)
    precision = day > 0 ? CARAVAN_DATE_PRECISION_DAY : CARAVAN_DATE_PRECISION_MONTH;
  if (day > 0 && !g_date_valid_dmy (day, month, year))
    {
      *message = g_strdup_printf (_("%lld-%02d-%02d is not a day of the calendar"),
                                  (long long) year, month, day);
      return FALSE;
    }

  *date = (CaravanDate) {
    .year = year, .month = MAX (month, 1), .day = MAX (day, 1), .precision = precision,
    .end_year = year, .end_month = MAX (month, 1), .end_day = MAX (day, 1),
    .end_precision = precision,
  };
  return TRUE;
}

/* Reads a signed integer of at most 18 digits; returns the end or NULL. */
static const char *
read_number (const char *p,
             gboolean    allow_sign,
             gint64     *value,
             guint      *n_digits)
{
  gboolean negative = FALSE;
  gint64 v = 0;
  guint n = 0;

  if (allow_sign && (*p == '-' || *p == '+'))
    negative = *p++ == '-';
  while (g_ascii_isdigit (*p))
    {
      if (n == 18)
        return NULL;
      v = v * 10 + (*p++ - '0');
      n++;
    }
  if (n == 0)
    return NULL;
  *value = negative ? -v : v;
  if (n_digits != NULL)
    *n_digits = n;
  return p;
}

gboolean
caravan_import_date_parse_iso (const char  *text,
                               CaravanDate *date,
                               char       **message)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *p = copy;
  gint64 year, month = 0, day = 0;
  guint n_digits;

  p = read_number (p, TRUE, &year, &n_digits);
  if (p == NULL || n_digits < 4)
    goto invalid;
  if (*p == '-')
    {
      p = read_number (p + 1, FALSE, &month, &n_digits);
      if (p == NULL || n_digits != 2)
        goto invalid;
      if (*p == '-')
        {
          p = read_number (p + 1, FALSE, &day, &n_digits);
          if (p == NULL || n_digits != 2)
            goto invalid;
        }
    }
  /* A time of day ("T23:22:32Z", " 12:00") is finer than Caravan's dates: drop it. */
  if (*p != '\0' && *p != 'T' && *p != 't' && !(*p == ' ' && day > 0))
    goto invalid;

  return caravan_import_date_from_parts (year, month, day, CARAVAN_YEARS_ASTRONOMICAL, date,
                                         message);

invalid:
  *message = g_strdup_printf (_("“%s” is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
                              text);
  return FALSE;
}

gboolean
caravan_import_date_parse_timeline2 (const char  *text,
                                     CaravanDate *date,
                                     char       **message)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gint64 parts[3] = { 0, 0, 0 };
  const char *p = copy;
  guint n = 0;

  while (n < 3)
    {
      p = read_number (p, n == 0, &parts[n], NULL);
      if (p == NULL)
        break;
      n++;
      while (*p == ' ')
        p++;
      if (*p != ',')
        break;
      p++;
    }
  /* Hours and minutes may follow ("2012,1,26,12,30"): finer than Caravan's dates. */
  if (n == 0 || (p != NULL && *p != '\0' && *p != ','))
    {
      *message = g_strdup_printf (_("“%s” is not a TimelineJS date (expected YEAR,MONTH,DAY)"),
                                  text);
      return FALSE;
    }
  if (parts[1] > 12 || parts[2] > 31)
    {
      *message = g_strdup_printf (_("“%s” is not a TimelineJS date (expected YEAR,MONTH,DAY)"),
                                  text);
      return FALSE;
    }
  return caravan_import_date_from_parts (parts[0], parts[1], parts[2], CARAVAN_YEARS_HISTORICAL,
                                         date, message);
}

gboolean
caravan_import_text_is_circa (const char *text)
{
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  lower = g_ascii_strdown (text, -1);
  return g_str_has_prefix (lower, "c.") || g_str_has_prefix (lower, "ca.") ||
         g_str_has_prefix (lower, "circa") || g_str_has_prefix (lower, "~") ||
         g_str_has_prefix (lower, "about ") || g_str_has_prefix (lower, "around ");
}

static const char *
skip_circa (const char *text)
{
  static const char * const prefixes[] = { "circa", "ca.", "c.", "~", "about ", "around " };

  while (g_ascii_isspace (*text))
    text++;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (text, prefixes[i], strlen (prefixes[i])) == 0)
      return text + strlen (prefixes[i]);
  return text;
}

gboolean
caravan_import_date_parse_text (const char  *text,
                                CaravanDate *date,
                                char       **message)
{
  static const char * const separators[] = { "/", " – ", "–", " — ", " - ", " to " };
  g_autofree char *body = g_strstrip (g_strdup (skip_circa (text)));
  gboolean circa = caravan_import_text_is_circa (text);
  CaravanDate start, end;
  const char *dash;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      char *cut = strstr (body, separators[i]);

      if (cut != NULL && cut != body)
        {
          g_autofree char *first = g_strndup (body, cut - body);

          if (!caravan_import_date_parse_iso (first, &start, message) ||
              !caravan_import_date_parse_iso (skip_circa (cut + strlen (separators[i])), &end,
                                              message) ||
              !caravan_import_date_set_end (&start, &end, message))
            return FALSE;
          start.circa = circa;
          *date = start;
          return TRUE;
        }
    }

  /* "1790-2010": a year range, not a month (the part after the dash has four digits). */
  dash = strchr (body, '-');
  if (dash != NULL && dash - body == 4 && strlen (dash + 1) == 4)
    {
      g_autofree char *first = g_strndup (body, 4);

      if (caravan_import_date_parse_iso (first, &start, message) &&
          caravan_import_date_parse_iso (dash + 1, &end, message) &&
          caravan_import_date_set_end (&start, &end, message))
        {
          start.circa = circa;
          *date = start;
          return TRUE;
        }
      return FALSE;
    }

  if (!caravan_import_date_parse_iso (body, &start, message))
    return FALSE;
  start.circa = circa;
  *date = start;
  return TRUE;
}

gboolean
caravan_import_date_from_unix_ms (double       milliseconds,
                                  CaravanDate *date,
                                  char       **message)
{
  g_autoptr(GDateTime) time = NULL;

  /* GDateTime covers years 1-9999. */
  if (isfinite (milliseconds) && fabs (milliseconds) < 2.5e17)
    time = g_date_time_new_from_unix_utc ((gint64) floor (milliseconds / 1000));
  if (time == NULL)
    {
      *message = g_strdup_printf (_("%g milliseconds since 1970 is not a date between 1 AD "
                                    "and 9999"), milliseconds);
      return FALSE;
    }
  return caravan_import_date_from_parts (g_date_time_get_year (time),
                                         g_date_time_get_month (time),
                                         g_date_time_get_day_of_month (time),
                                         CARAVAN_YEARS_ASTRONOMICAL, date, message);
}

gboolean
caravan_import_date_set_end (CaravanDate       *date,
                             const CaravanDate *end,
                             char             **message)
{
  g_autofree char *iso = caravan_date_to_iso (end);
  g_autoptr(GError) error = NULL;

  /* A range that starts and ends in the same period is that period. */
  if (caravan_date_get_first_julian (date) == caravan_date_get_first_julian (end) &&
      caravan_date_get_last_julian (date) == caravan_date_get_last_julian (end))
    return TRUE;
  if (!caravan_date_parse_end (date, iso, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }
  return TRUE;
}
