/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-json-scanner-scalars.c: the scanner's scalar values (strings with their escapes,
 * numbers with a 64-bit integer range check, and the literals true, false and null) and its
 * error reporting. */

#define G_LOG_DOMAIN "caravan-json-scanner"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "caravan-json-scanner-private.h"

void
caravan_json_fail (CaravanJsonScanner *s,
                   gsize               offset,
                   const char         *message)
{
  if (s->failed)
    return;
  s->failed = TRUE;
  s->error_offset = offset;
  s->error_message = g_strdup (message);
}

/* Describes the character at the current position for an error message. */
static char *
describe_current (CaravanJsonScanner *s)
{
  gunichar c;

  if (s->pos >= s->length)
    return g_strdup (_("end of file"));

  c = g_utf8_get_char (s->data + s->pos);
  if (c < 0x20 || c == 0x7f)
    return g_strdup_printf ("U+%04X", c);
  return g_strdup_printf ("“%.*s”",
                          (int) (g_utf8_next_char (s->data + s->pos) - (s->data + s->pos)),
                          s->data + s->pos);
}

gboolean
caravan_json_fail_expected (CaravanJsonScanner *s,
                            const char         *expected)
{
  g_autofree char *found = describe_current (s);
  g_autofree char *message = NULL;

  /* Translators: "expected “:” after an object key, found “x”" */
  message = g_strdup_printf (_("expected %s, found %s"), expected, found);
  caravan_json_fail (s, s->pos, message);
  return FALSE;
}

gboolean
caravan_json_fail_expected_value (CaravanJsonScanner *s)
{
  /* Translators: what a JSON value may be, in "expected …, found “x”" */
  const char *expected = _("a value (object, array, string, number, true, false or null)");

  return caravan_json_fail_expected (s, expected);
}

void
caravan_json_skip_whitespace (CaravanJsonScanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

/* Reads the four hex digits of a "\\u" escape; s->pos is on the 'u' and ends after them. */
static gboolean
scan_unicode_escape (CaravanJsonScanner *s,
                     guint              *unit)
{
  guint value = 0;

  for (guint i = 1; i <= 4; i++)
    {
      if (s->pos + i >= s->length || !g_ascii_isxdigit (s->data[s->pos + i]))
        {
          s->pos += i;
          return caravan_json_fail_expected (s, _("four hexadecimal digits after “\\u”"));
        }
      value = value * 16 + g_ascii_xdigit_value (s->data[s->pos + i]);
    }
  s->pos += 5;
  *unit = value;
  return TRUE;
}

gboolean
caravan_json_scan_string (CaravanJsonScanner *s)
{
  gsize start = s->pos;

  g_assert (s->data[s->pos] == '"');
  s->pos++;

  while (s->pos < s->length)
    {
      guchar c = s->data[s->pos];

      if (c == '"')
        {
          s->pos++;
          return TRUE;
        }
      if (c == '\\')
        {
          char e;

          s->pos++;
          if (s->pos >= s->length)
            break;
          e = s->data[s->pos];
          if (e == 'u')
            {
              gsize escape = s->pos - 1;
              guint unit;

              if (!scan_unicode_escape (s, &unit))
                return FALSE;
              /* json-glib turns unpaired surrogates into invalid UTF-8 and U+0000 into a
               * truncated C string; neither may reach the story */
              if (unit == 0)
                {
                  caravan_json_fail (s, escape, _("“\\u0000” is not allowed in a story"));
                  return FALSE;
                }
              if (unit >= 0xdc00 && unit <= 0xdfff)
                {
                  caravan_json_fail (s, escape, _("unpaired UTF-16 surrogate in “\\u” escape"));
                  return FALSE;
                }
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  guint low = 0;

                  if (s->length - s->pos < 2 || s->data[s->pos] != '\\' ||
                      s->data[s->pos + 1] != 'u')
                    {
                      caravan_json_fail (s, escape, _("unpaired UTF-16 surrogate in “\\u” escape"));
                      return FALSE;
                    }
                  s->pos += 1;
                  if (!scan_unicode_escape (s, &low))
                    return FALSE;
                  if (low < 0xdc00 || low > 0xdfff)
                    {
                      caravan_json_fail (s, escape, _("unpaired UTF-16 surrogate in “\\u” escape"));
                      return FALSE;
                    }
                }
              continue;
            }
          if (strchr ("\"\\/bfnrt", e) == NULL || e == '\0')
            {
              caravan_json_fail (s, s->pos - 1, _("invalid escape sequence in string"));
              return FALSE;
            }
          s->pos++;
          continue;
        }
      if (c < 0x20)
        {
          caravan_json_fail (s, s->pos, c == '\n' ? _("line break inside a string")
                                     : _("control character inside a string"));
          return FALSE;
        }
      s->pos++;
    }

  caravan_json_fail (s, start, _("string is not terminated"));
  return FALSE;
}

static gboolean
scan_digits (CaravanJsonScanner *s)
{
  gsize start = s->pos;

  while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
  return s->pos > start;
}

/* json-glib wraps integers beyond 64 bits ("lat": 99999999999999999999999 read as about -1),
 * so an integer literal must fit in a gint64. */
static gboolean
check_integer_range (CaravanJsonScanner *s,
                     gsize               start)
{
  gsize len = s->pos - start;
  char text[32];
  char *end;

  if (len < 19)
    return TRUE;
  if (len < sizeof text)
    {
      memcpy (text, s->data + start, len);
      text[len] = '\0';
      errno = 0;
      g_ascii_strtoll (text, &end, 10);
      if (errno != ERANGE && *end == '\0')
        return TRUE;
    }

  caravan_json_fail (s, start,
                     _("number out of range: an integer must lie within ±9223372036854775807"));
  return FALSE;
}

gboolean
caravan_json_scan_number (CaravanJsonScanner *s)
{
  gsize start = s->pos;
  gboolean integer = TRUE;

  if (s->data[s->pos] == '-')
    s->pos++;

  if (s->pos < s->length && s->data[s->pos] == '0')
    s->pos++;
  else if (!scan_digits (s))
    return caravan_json_fail_expected (s, _("a digit"));

  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      s->pos++;
      integer = FALSE;
      if (!scan_digits (s))
        return caravan_json_fail_expected (s, _("a digit after the decimal point"));
    }

  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      s->pos++;
      integer = FALSE;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (!scan_digits (s))
        return caravan_json_fail_expected (s, _("a digit in the exponent"));
    }

  return !integer || check_integer_range (s, start);
}

gboolean
caravan_json_scan_literal (CaravanJsonScanner *s,
                           const char         *word)
{
  gsize len = strlen (word);

  if (s->length - s->pos < len || memcmp (s->data + s->pos, word, len) != 0)
    return caravan_json_fail_expected_value (s);

  s->pos += len;
  /* "nullx", "true1" */
  if (s->pos < s->length && (g_ascii_isalnum (s->data[s->pos]) || s->data[s->pos] == '_'))
    return caravan_json_fail_expected (s, _("“,” or the end of the value"));
  return TRUE;
}
