/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-csv.h: RFC 4180 rows from spreadsheet exports: a BOM, CRLF or LF, quoted
 * cells with commas, quotes and line breaks; tab-separated when the header has tabs only. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CaravanCsv CaravanCsv;

CaravanCsv *caravan_csv_new         (const char  *data,
                                     gsize        length);
void        caravan_csv_free        (CaravanCsv  *csv);
/* Reads the next row into @cells (owned by @csv, valid until the next call) and sets @line to
 * the line it starts on. Returns FALSE at the end, or with @error on an unterminated quote. */
gboolean    caravan_csv_next_row    (CaravanCsv  *csv,
                                     GPtrArray  **cells,
                                     guint       *line,
                                     GError     **error);
/* A copy of a row that outlives the next caravan_csv_next_row() (for the header). */
GPtrArray  *caravan_csv_copy_row    (GPtrArray   *cells);
/* Index of the header cell equal to one of @names (case and surrounding space ignored), or
 * -1. */
int         caravan_csv_find_column (GPtrArray          *header,
                                     const char * const *names);
/* The cell at @column, "" when the row is shorter or @column is -1. */
const char *caravan_csv_cell        (GPtrArray   *cells,
                                     int          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaravanCsv, caravan_csv_free)

G_END_DECLS
