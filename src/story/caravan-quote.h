/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-quote.h: quotation marks as the quote's own language sets them. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text between the quotation marks of @language (BCP 47 or POSIX: "en", "ru", "de-CH",
 * "zh_TW"; NULL or unknown: English). The text's own double quotes become the language's
 * inner marks, so a quote never ends in two closing marks; marks already around the whole
 * text are not repeated. Apostrophes stay as they are. */
char *caravan_quote_format (const char *text,
                            const char *language);

G_END_DECLS
