/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-timeline-csv.c: the TimelineJS Google Sheets template saved as CSV (Year,
 * Month, Day, End Year, …, Headline, Text, Media, Type, Group), columns found by name. */

#define G_LOG_DOMAIN "caravan-import-timeline-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "caravan-import-csv.h"
#include "caravan-import-date.h"
#include "caravan-import-private.h"

static gboolean
read_parts (const char  *year,
            const char  *month,
            const char  *day,
            CaravanDate *date,
            char       **problem)
{
  char *end;
  gint64 y = g_ascii_strtoll (year, &end, 10);

  if (end == year || *end != '\0' || y == G_MAXINT64 || y == G_MININT64)
    {
      *problem = g_strdup_printf (_("“%s” is not a year"), year);
      return FALSE;
    }
  return caravan_import_date_from_parts (y, month[0] ? atoi (month) : 0, day[0] ? atoi (day) : 0,
                                         CARAVAN_YEARS_HISTORICAL, date, problem);
}

gboolean
caravan_import_timeline_csv (const char           *data,
                             gsize                 length,
                             CaravanStoryBuilder  *builder,
                             GError              **error)
{
  static const char * const names[][3] = {
    { "year", NULL }, { "month", NULL }, { "day", NULL }, { "end year", NULL },
    { "end month", NULL }, { "end day", NULL }, { "display date", NULL },
    { "headline", NULL }, { "text", NULL }, { "media", NULL }, { "media credit", NULL },
    { "media caption", NULL }, { "type", NULL }, { "group", "tag", NULL },
  };
  enum { YEAR, MONTH, DAY, END_YEAR, END_MONTH, END_DAY, DISPLAY, HEADLINE, TEXT, MEDIA,
         CREDIT, CAPTION, TYPE, GROUP, N_COLUMNS };
  g_autoptr(CaravanCsv) csv = caravan_csv_new (data, length);
  g_autoptr(GPtrArray) header = NULL;
  GPtrArray *cells;
  GError *row_error = NULL;
  int column[N_COLUMNS];
  guint line;

  if (!caravan_csv_next_row (csv, &cells, &line, error))
    return FALSE;
  header = caravan_csv_copy_row (cells);
  for (guint i = 0; i < N_COLUMNS; i++)
    column[i] = caravan_csv_find_column (header, names[i]);
  if (column[YEAR] < 0 || column[HEADLINE] < 0)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("line 1: a TimelineJS sheet needs “Year” and “Headline” columns"));
      return FALSE;
    }

  while (caravan_csv_next_row (csv, &cells, &line, &row_error))
    {
      g_autofree char *location = g_strdup_printf ("%u", line);
      const char *type = caravan_csv_cell (cells, column[TYPE]);
      const char *year = caravan_csv_cell (cells, column[YEAR]);
      const char *end_year = caravan_csv_cell (cells, column[END_YEAR]);
      CaravanTimelineSlide slide = {
        .location = location,
        .display_date = caravan_csv_cell (cells, column[DISPLAY]),
        .headline = caravan_csv_cell (cells, column[HEADLINE]),
        .text = caravan_csv_cell (cells, column[TEXT]),
        .media_url = caravan_csv_cell (cells, column[MEDIA]),
        .media_caption = caravan_csv_cell (cells, column[CAPTION]),
        .media_credit = caravan_csv_cell (cells, column[CREDIT]),
        .group = caravan_csv_cell (cells, column[GROUP]),
        .is_era = g_ascii_strcasecmp (type, "era") == 0,
      };

      if (g_ascii_strcasecmp (type, "title") == 0)
        {
          g_autofree char *headline = caravan_html_to_line (slide.headline);
          g_autoptr(CaravanHtmlText) text = caravan_import_html_text (builder, slide.text,
                                                                      location);

          caravan_story_builder_set_title (builder, headline, text->text);
          continue;
        }
      if (year[0] == '\0')
        slide.date_problem = g_strdup (_("the row has no year"));
      else if ((slide.has_date = read_parts (year, caravan_csv_cell (cells, column[MONTH]),
                                             caravan_csv_cell (cells, column[DAY]), &slide.date,
                                             &slide.date_problem)) && end_year[0] != '\0')
        {
          CaravanDate end;
          g_autofree char *problem = NULL;

          if (!read_parts (end_year, caravan_csv_cell (cells, column[END_MONTH]),
                           caravan_csv_cell (cells, column[END_DAY]), &end, &problem) ||
              !caravan_import_date_set_end (&slide.date, &end, &problem))
            caravan_import_report_add (caravan_story_builder_get_report (builder),
                                       CARAVAN_IMPORT_NOTE_DROPPED, location,
                                       _("the end date is left out: %s"), problem);
        }
      caravan_import_timeline_slide (builder, &slide);
      g_free (slide.date_problem);
    }
  if (row_error != NULL)
    {
      g_propagate_error (error, row_error);
      return FALSE;
    }
  return TRUE;
}
