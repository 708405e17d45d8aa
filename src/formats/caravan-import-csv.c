/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-csv.c: a small streaming CSV reader over a buffer. */

#define G_LOG_DOMAIN "caravan-import-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caravan-import.h"
#include "caravan-import-csv.h"

/* Story spreadsheets have a score of columns and cells of a few paragraphs; these bounds keep a
 * hostile file (a million columns, a 100 MB cell) from costing gigabytes before it is refused. */
#define MAX_COLUMNS 1000
#define MAX_CELL_BYTES (1000 * 1000)

struct _CaravanCsv
{
  const char *data;
  gsize length;
  gsize pos;
  guint line;
  char separator;
  GPtrArray *cells;
};

CaravanCsv *
caravan_csv_new (const char *data,
                 gsize       length)
{
  CaravanCsv *csv = g_new0 (CaravanCsv, 1);
  gsize header_end;

  csv->data = data;
  csv->length = length;
  csv->line = 1;
  csv->cells = g_ptr_array_new_with_free_func (g_free);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    csv->pos = 3;

  header_end = csv->pos;
  while (header_end < length && data[header_end] != '\n')
    header_end++;
  csv->separator = memchr (data + csv->pos, '\t', header_end - csv->pos) != NULL &&
                   memchr (data + csv->pos, ',', header_end - csv->pos) == NULL ? '\t' : ',';
  return csv;
}

void
caravan_csv_free (CaravanCsv *csv)
{
  if (csv == NULL)
    return;
  g_ptr_array_unref (csv->cells);
  g_free (csv);
}

gboolean
caravan_csv_next_row (CaravanCsv  *csv,
                      GPtrArray  **cells,
                      guint       *line,
                      GError     **error)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;
  guint quote_line = 0;
  guint cell_line = 0;

  g_ptr_array_set_size (csv->cells, 0);
  /* Blank lines between rows are skipped. */
  while (csv->pos < csv->length && (csv->data[csv->pos] == '\n' || csv->data[csv->pos] == '\r'))
    {
      if (csv->data[csv->pos] == '\n')
        csv->line++;
      csv->pos++;
    }
  if (csv->pos >= csv->length)
    return FALSE;
  *line = csv->line;

  cell_line = csv->line;
  while (csv->pos < csv->length)
    {
      char c = csv->data[csv->pos++];

      if (G_UNLIKELY (cell->len > MAX_CELL_BYTES))
        {
          g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE,
                       /* Translators: "line 2, column 3: a cell holds more than 1 MB of text" */
                       _("line %u, column %u: a cell holds more than %u MB of text"),
                       cell_line, csv->cells->len + 1, MAX_CELL_BYTES / 1000000);
          return FALSE;
        }
      if (quoted)
        {
          if (c == '"')
            {
              if (csv->pos < csv->length && csv->data[csv->pos] == '"')
                {
                  g_string_append_c (cell, '"');
                  csv->pos++;
                }
              else
                quoted = FALSE;
            }
          else
            {
              if (c == '\n')
                csv->line++;
              /* CRLF inside a cell is a line break like LF. */
              if (!(c == '\r' && csv->pos < csv->length && csv->data[csv->pos] == '\n'))
                g_string_append_c (cell, c);
            }
          continue;
        }
      if (c == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = csv->line;
        }
      else if (c == csv->separator)
        {
          if (G_UNLIKELY (csv->cells->len >= MAX_COLUMNS))
            {
              g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE,
                           /* Translators: "line 1: more than 1000 columns" */
                           _("line %u: more than %u columns; a story spreadsheet needs a few "
                             "dozen at most"), *line, MAX_COLUMNS);
              return FALSE;
            }
          g_ptr_array_add (csv->cells, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          cell_line = csv->line;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && csv->pos < csv->length && csv->data[csv->pos] == '\n')
            csv->pos++;
          csv->line++;
          break;
        }
      else
        g_string_append_c (cell, c);
    }
  if (quoted)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("line %u: the quoted cell that starts here is never closed"), quote_line);
      return FALSE;
    }
  g_ptr_array_add (csv->cells, g_strdup (cell->str));
  *cells = csv->cells;
  return TRUE;
}

int
caravan_csv_find_column (GPtrArray          *header,
                         const char * const *names)
{
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (g_ptr_array_index (header, i)));

      for (guint j = 0; names[j] != NULL; j++)
        if (g_ascii_strcasecmp (name, names[j]) == 0)
          return i;
    }
  return -1;
}

const char *
caravan_csv_cell (GPtrArray *cells,
                  int        column)
{
  if (column < 0 || (guint) column >= cells->len)
    return "";
  return g_ptr_array_index (cells, column);
}

static gpointer
copy_string (gconstpointer src,
             gpointer      data)
{
  return g_strdup (src);
}

GPtrArray *
caravan_csv_copy_row (GPtrArray *cells)
{
  GPtrArray *copy = g_ptr_array_copy (cells, copy_string, NULL);

  g_ptr_array_set_free_func (copy, g_free);
  return copy;
}
