/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-typed-date.h: a date as a person types it in the edit mode: "1961", "March 1961",
 * "20 March 1961", "March 20, 1961", "1991–1994", "2–19 January 2022", "c. 1961", ISO dates
 * and intervals, month names in English and in the UI language; and "500 BC", which gets the
 * date model's reason for refusing it. What caravan_date_format() writes reads back the same.
 * No GTK. */

#pragma once

#include "caravan-date.h"

G_BEGIN_DECLS

/* On failure sets @message (owned by the caller) to a sentence saying why. */
gboolean caravan_typed_date_parse (const char  *text,
                                   CaravanDate *date,
                                   char       **message);

G_END_DECLS
