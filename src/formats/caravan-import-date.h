/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-date.h: dates as the other tools write them (TimelineJS parts and
 * "1963,8,9", ISO 8601 and KML with a year 0, Unix milliseconds, "c. 1850", "1790-2010"),
 * turned into CaravanDates at their precision, or a message saying why they do not fit. */

#pragma once

#include "caravan-date.h"

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_YEARS_HISTORICAL,   /* TimelineJS: -500 is 500 BC, there is no year 0 */
  CARAVAN_YEARS_ASTRONOMICAL, /* ISO 8601, KML, GPX: 0 is 1 BC, -499 is 500 BC */
} CaravanYearCount;

/* @month and @day are 0 when not given; the precision is the deepest part given. On failure
 * sets @message (owned by the caller) to a sentence for the import report. */
gboolean caravan_import_date_from_parts   (gint64             year,
                                           int                month,
                                           int                day,
                                           CaravanYearCount   count,
                                           CaravanDate       *date,
                                           char             **message);
/* "2004", "2004-10", "2009-08-17T23:22:32Z", "-0499-03": a time of day is dropped. */
gboolean caravan_import_date_parse_iso    (const char        *text,
                                           CaravanDate       *date,
                                           char             **message);
/* TimelineJS2's "1963,8,9" (historical years). */
gboolean caravan_import_date_parse_timeline2 (const char     *text,
                                           CaravanDate       *date,
                                           char             **message);
/* Free text from a date field: ISO dates, "c. 1850", ranges "1790-2010", "1790 – 1800",
 * ISO intervals "2004-10/2004-11". */
gboolean caravan_import_date_parse_text   (const char        *text,
                                           CaravanDate       *date,
                                           char             **message);
gboolean caravan_import_date_from_unix_ms (double             milliseconds,
                                           CaravanDate       *date,
                                           char             **message);
/* Makes @end the end of @date's range (an end before the start fails). */
gboolean caravan_import_date_set_end      (CaravanDate       *date,
                                           const CaravanDate *end,
                                           char             **message);
/* TRUE for display texts such as "c. 1850", "ca. 1850", "circa 1850", "~1850". */
gboolean caravan_import_text_is_circa     (const char        *text);

G_END_DECLS
