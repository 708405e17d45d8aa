/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-quote.c: quotation marks by language for quotes shown on screen (the presentation
 * caption): outer and inner marks from CLDR's delimiters, the text's own quotes nested. */

#define G_LOG_DOMAIN "caravan-quote"

#include "config.h"

#include <string.h>

#include "caravan-quote.h"

typedef struct {
  const char *language;   /* base language, or language-region/script for exceptions */
  const char *open, *close, *inner_open, *inner_close;
} QuoteMarks;

/* CLDR 42 quotation delimiters of the languages Caravan is translated into and their
 * neighbours; French puts a narrow no-break space inside its guillemets. */
static const QuoteMarks marks_by_language[] = {
  { "en", "“", "”", "‘", "’" },
  { "ru", "«", "»", "„", "“" },
  { "kk", "«", "»", "„", "“" },
  { "uk", "«", "»", "„", "“" },
  { "be", "«", "»", "„", "“" },
  { "de", "„", "“", "‚", "‘" },
  { "cs", "„", "“", "‚", "‘" },
  { "pl", "„", "”", "«", "»" },
  { "fr", "«\u202f", "\u202f»", "“", "”" },
  { "es", "«", "»", "“", "”" },
  { "it", "«", "»", "“", "”" },
  { "pt", "“", "”", "‘", "’" },
  { "nl", "‘", "’", "“", "”" },
  { "sv", "”", "”", "’", "’" },
  { "fi", "”", "”", "’", "’" },
  { "ja", "「", "」", "『", "』" },
  { "zh", "“", "”", "‘", "’" },
  { "zh-tw", "「", "」", "『", "』" },
  { "zh-hk", "「", "」", "『", "』" },
  { "zh-hant", "「", "」", "『", "』" },
  { "ko", "“", "”", "‘", "’" },
  { "tr", "“", "”", "‘", "’" },
};

static const QuoteMarks *
lookup_marks (const char *language)
{
  g_autofree char *tag = NULL;
  gsize base_len;

  if (language == NULL || *language == '\0')
    return &marks_by_language[0];

  /* "zh_TW.UTF-8" -> "zh-tw"; then the base language "zh". */
  tag = g_ascii_strdown (language, strcspn (language, ".@"));
  g_strdelimit (tag, "_", '-');
  for (gsize i = 0; i < G_N_ELEMENTS (marks_by_language); i++)
    if (g_str_equal (marks_by_language[i].language, tag))
      return &marks_by_language[i];
  base_len = strcspn (tag, "-");
  for (gsize i = 0; i < G_N_ELEMENTS (marks_by_language); i++)
    if (strlen (marks_by_language[i].language) == base_len
        && strncmp (marks_by_language[i].language, tag, base_len) == 0)
      return &marks_by_language[i];
  return &marks_by_language[0];
}

typedef enum {
  MARK_NONE,
  MARK_OPEN,
  MARK_CLOSE,
  MARK_EITHER,   /* ASCII ", or a mark that opens in one language and closes in another */
} MarkKind;

/* Double quotation marks only: single ones are too often apostrophes (“world’s”). */
static MarkKind
classify (gunichar c)
{
  switch (c)
    {
    case 0x201C: /* “ opens in English, closes in German */
    case '"':
      return MARK_EITHER;
    case 0x201D: /* ” */
    case 0x00BB: /* » (French sets it after a space) */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
      return MARK_CLOSE;
    case 0x201E: /* „ */
    case 0x00AB: /* « */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
      return MARK_OPEN;
    default:
      return MARK_NONE;
    }
}

/* TRUE when @text starts with an opening mark whose partner is its very last character and
 * which holds no other double quotation mark: a quote that came with its marks. */
static gboolean
is_already_quoted (const char *text)
{
  const char *last;
  guint n_marks = 0;

  if (*text == '\0' || classify (g_utf8_get_char (text)) == MARK_NONE)
    return FALSE;
  last = g_utf8_prev_char (text + strlen (text));
  if (last == text || classify (g_utf8_get_char (last)) == MARK_NONE
      || classify (g_utf8_get_char (last)) == MARK_OPEN)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (classify (g_utf8_get_char (p)) != MARK_NONE)
      n_marks++;
  return n_marks == 2;
}

char *
caravan_quote_format (const char *text,
                      const char *language)
{
  const QuoteMarks *marks;
  g_autofree char *body = NULL;
  guint depth = 0;
  GString *quote;

  g_return_val_if_fail (text != NULL, NULL);

  marks = lookup_marks (language);
  body = g_strstrip (g_strdup (text));
  if (is_already_quoted (body))
    {
      const char *start = g_utf8_next_char (body);
      const char *end = g_utf8_prev_char (body + strlen (body));
      char *inside = g_strndup (start, end - start);

      g_free (body);
      body = inside;
    }

  /* An ambiguous mark (" or “) closes an open inner quote and opens one otherwise: German
   * „…“ and English “…” both come out right, with or without spaces around them. */
  quote = g_string_new (marks->open);
  for (const char *p = body; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      MarkKind kind = classify (c);

      if (kind == MARK_EITHER)
        kind = depth > 0 ? MARK_CLOSE : MARK_OPEN;
      if (kind == MARK_OPEN)
        {
          g_string_append (quote, marks->inner_open);
          depth++;
        }
      else if (kind == MARK_CLOSE)
        {
          g_string_append (quote, marks->inner_close);
          depth = depth > 0 ? depth - 1 : 0;
        }
      else
        g_string_append_len (quote, p, g_utf8_next_char (p) - p);
    }
  g_string_append (quote, marks->close);
  return g_string_free (quote, FALSE);
}
