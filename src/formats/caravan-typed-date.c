/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-typed-date.c: the text is cut into words (numbers, names, "BC"), read as one point
 * (day, month name, year in either order) or as a range of two; the start of a range may
 * leave out what its end says ("2–19 January 2022", "January–March 2022"). Month names are
 * the English ones and the UI language's, in every form g_date_time_format() gives them (%B,
 * %OB and %b: in Russian "марта", "март" and "мар"). */

#define G_LOG_DOMAIN "caravan-typed-date"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "caravan-import-date.h"
#include "caravan-typed-date.h"

typedef struct
{
  gint64 year;    /* 0: not given */
  int    month;   /* 0: not given */
  int    day;     /* 0: not given */
  gboolean bc;
} Point;

static const char * const english_months[12][2] = {
  { "january", "jan" }, { "february", "feb" }, { "march", "mar" }, { "april", "apr" },
  { "may", "may" }, { "june", "jun" }, { "july", "jul" }, { "august", "aug" },
  { "september", "sep" }, { "october", "oct" }, { "november", "nov" }, { "december", "dec" },
};

/* 1-12 for a month name in English or the UI language, else 0. */
static int
month_from_name (const char *word)
{
  g_autofree char *folded = g_utf8_casefold (word, -1);
  static const char * const formats[] = { "%B", "%OB", "%b", "%Ob" };

  g_strdelimit (folded, ".", '\0');
  for (int m = 0; m < 12; m++)
    {
      g_autoptr(GDateTime) time = g_date_time_new_utc (2001, m + 1, 15, 12, 0, 0);

      if (g_str_equal (folded, english_months[m][0]) || g_str_equal (folded, english_months[m][1]))
        return m + 1;
      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *name = g_date_time_format (time, formats[f]);
          g_autofree char *name_folded = name ? g_utf8_casefold (name, -1) : NULL;

          if (name_folded != NULL)
            g_strdelimit (name_folded, ".", '\0');
          if (name_folded != NULL && *name_folded != '\0' && g_str_equal (folded, name_folded))
            return m + 1;
        }
    }
  return 0;
}

/* Chinese and Japanese dates: "1961年3月20日", "1961年3月", "3月20日", "20日". */
static gboolean
read_cjk_point (const char *text,
                Point      *point)
{
  static const char * const marks[] = { "年", "月", "日" };
  const char *p = text;

  *point = (Point) { 0 };
  while (g_ascii_isspace (*p))
    p++;
  while (*p != '\0')
    {
      guint64 n = 0;
      guint digits = 0;
      guint m;

      while (g_ascii_isdigit (*p) && digits < 9)
        n = n * 10 + (guint64) (*p++ - '0'), digits++;
      if (digits == 0)
        return FALSE;
      for (m = 0; m < G_N_ELEMENTS (marks); m++)
        if (g_str_has_prefix (p, marks[m]))
          break;
      if (m == G_N_ELEMENTS (marks))
        return FALSE;
      p += strlen (marks[m]);
      if (m == 0)
        point->year = (gint64) n;
      else if (m == 1)
        point->month = (int) n;
      else
        point->day = (int) n;
      while (g_ascii_isspace (*p))
        p++;
    }
  return point->year != 0 || point->month != 0 || point->day != 0;
}

/* Reads "20 March 1961", "March 20, 1961", "March 1961", "1961", "500 BC", "20"; FALSE for
 * words it does not know. */
static gboolean
read_point (const char *text,
            Point      *point)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *copy = g_strdup (text);

  if (strstr (text, "年") != NULL || strstr (text, "月") != NULL || strstr (text, "日") != NULL)
    return read_cjk_point (text, point);

  *point = (Point) { 0 };
  g_strdelimit (copy, ",", ' ');
  words = g_strsplit_set (g_strstrip (copy), " \t\u00a0", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      g_autofree char *lower = g_ascii_strdown (w, -1);
      guint64 n;
      int month;

      if (*w == '\0')
        continue;
      if (g_str_equal (lower, "bc") || g_str_equal (lower, "bce") || g_str_equal (lower, "b.c."))
        point->bc = TRUE;
      else if (g_str_equal (lower, "ad") || g_str_equal (lower, "ce"))
        continue;
      else if (g_ascii_string_to_unsigned (w, 10, 1, 99999999, &n, NULL))
        {
          /* A number of three digits or more, or after the day, is the year. */
          if (strlen (w) >= 3 || point->day != 0 || (point->month != 0 && i > 0 &&
                                                      month_from_name (words[i - 1]) == 0))
            {
              if (point->year != 0)
                return FALSE;
              point->year = (gint64) n;
            }
          else if (point->day == 0 && n <= 31)
            point->day = (int) n;
          else if (point->year == 0)
            point->year = (gint64) n;
          else
            return FALSE;
        }
      else if ((month = month_from_name (w)) != 0 && point->month == 0)
        point->month = month;
      else
        return FALSE;
    }
  return point->year != 0 || point->month != 0 || point->day != 0;
}

static gboolean
point_to_date (const Point *point,
               CaravanDate *date,
               char       **message)
{
  if (point->year == 0)
    {
      *message = g_strdup (_("it has no year"));
      return FALSE;
    }
  if (point->day != 0 && point->month == 0)
    {
      *message = g_strdup (_("a day needs its month"));
      return FALSE;
    }
  return caravan_import_date_from_parts (point->bc ? -point->year : point->year, point->month,
                                         point->day, CARAVAN_YEARS_HISTORICAL, date, message);
}

gboolean
caravan_typed_date_parse (const char  *text,
                          CaravanDate *date,
                          char       **message)
{
  static const char * const separators[] = { " – ", " — ", "–", "—", " - ", " to " };
  g_autofree char *body = NULL;
  gboolean circa;
  Point start, end;
  CaravanDate start_date, end_date;

  g_return_val_if_fail (text != NULL && date != NULL && message != NULL, FALSE);

  /* ISO dates and intervals, "c. 1850", "1790-2010": the importers' reading. */
  if (caravan_import_date_parse_text (text, date, message))
    return TRUE;
  g_clear_pointer (message, g_free);

  body = g_strstrip (g_strdup (text));
  {
    /* "c. %s" as the UI language writes it ("ок. 1961", "约1961年"). */
    g_auto(GStrv) parts = g_strsplit (C_("date", "c. %s"), "%s", 2);

    if (parts[0] != NULL && parts[0][0] != '\0' && parts[1] != NULL &&
        g_str_has_prefix (body, parts[0]) && g_str_has_suffix (body, parts[1]))
      {
        char *inner = g_strndup (body + strlen (parts[0]),
                                 strlen (body) - strlen (parts[0]) - strlen (parts[1]));

        g_free (body);
        body = g_strstrip (inner);
        if (!caravan_typed_date_parse (body, date, message))
          return FALSE;
        date->circa = TRUE;
        return TRUE;
      }
  }
  circa = caravan_import_text_is_circa (text);
  if (circa)
    {
      /* Whatever the circa word was, the rest starts after the first space or dot. */
      const char *rest = strpbrk (body, " .~");

      if (rest != NULL)
        {
          char *stripped = g_strstrip (g_strdup (rest + 1));

          g_free (body);
          body = stripped;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      char *cut = strstr (body, separators[i]);

      if (cut != NULL && cut != body)
        {
          g_autofree char *first = g_strndup (body, cut - body);

          if (!read_point (first, &start) ||
              !read_point (cut + strlen (separators[i]), &end))
            break;
          /* The start leaves out what the end says: "2–19 January 2022". */
          if (start.year == 0)
            {
              start.year = end.year;
              start.bc = end.bc;
              if (start.month == 0 && start.day != 0)
                start.month = end.month;
            }
          if (!point_to_date (&start, &start_date, message) ||
              !point_to_date (&end, &end_date, message) ||
              !caravan_import_date_set_end (&start_date, &end_date, message))
            return FALSE;
          start_date.circa = circa;
          *date = start_date;
          return TRUE;
        }
    }

  if (!read_point (body, &start))
    {
      *message = g_strdup (_("try 1961, March 1961, 20 March 1961 or 1991–1994"));
      return FALSE;
    }
  if (!point_to_date (&start, &start_date, message))
    return FALSE;
  start_date.circa = circa;
  *date = start_date;
  return TRUE;
}
