/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-json-scanner.c: strict JSON syntax pass with precise positions and a nesting limit;
 * optionally records the position of every value by JSON path. */

#define G_LOG_DOMAIN "caravan-json-scanner"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "caravan-json-scanner.h"

typedef struct
{
  const char *data;
  gsize length;
  gsize pos;
  guint max_depth;
  guint max_values;
  guint n_values;
  GHashTable *positions;  /* NULL when not recording */
  GHashTable *wanted;     /* paths to record and their ancestors; NULL for all */
  gboolean recording;     /* FALSE inside subtrees that hold no wanted path */
  GString *path;
  CaravanJsonOutline *outline;  /* NULL when not wanted */
  GArray *elements;             /* of the root member being scanned, when it is an array */
  /* incremental offset -> line/column conversion (offsets only grow while recording) */
  gsize cursor_offset;
  guint cursor_line;
  guint cursor_column;
  /* error */
  gboolean failed;
  gboolean too_deep;
  gboolean too_many;
  gsize error_offset;
  char *error_message;
} Scanner;

static gboolean scan_value (Scanner *s, guint depth);

static void
fail (Scanner    *s,
      gsize       offset,
      const char *message)
{
  if (s->failed)
    return;
  s->failed = TRUE;
  s->error_offset = offset;
  s->error_message = g_strdup (message);
}

/* Describes the character at the current position for an error message. */
static char *
describe_current (Scanner *s)
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

static gboolean
fail_expected (Scanner    *s,
               const char *expected)
{
  g_autofree char *found = describe_current (s);
  g_autofree char *message = NULL;

  /* Translators: "expected “:” after an object key, found “x”" */
  message = g_strdup_printf (_("expected %s, found %s"), expected, found);
  fail (s, s->pos, message);
  return FALSE;
}

static void
skip_whitespace (Scanner *s)
{
  while (s->pos < s->length)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      s->pos++;
    }
}

static void
advance_cursor (Scanner *s,
                gsize    offset)
{
  g_assert (offset >= s->cursor_offset);

  for (gsize i = s->cursor_offset; i < offset; i++)
    {
      guchar c = s->data[i];

      if (c == '\n')
        {
          s->cursor_line++;
          s->cursor_column = 1;
        }
      else if ((c & 0xc0) != 0x80)
        s->cursor_column++;
    }
  s->cursor_offset = offset;
}

static void
record (Scanner *s,
        gsize    key_offset,
        gboolean has_key)
{
  CaravanJsonPosition *position;

  if (!s->recording)
    return;
  if (s->wanted != NULL && !g_hash_table_contains (s->wanted, s->path->str))
    return;

  position = g_new0 (CaravanJsonPosition, 1);
  if (has_key)
    {
      advance_cursor (s, key_offset);
      position->key_line = s->cursor_line;
      position->key_column = s->cursor_column;
    }
  advance_cursor (s, s->pos);
  position->line = s->cursor_line;
  position->column = s->cursor_column;
  g_hash_table_replace (s->positions, g_strdup (s->path->str), position);
}

/* Reads the four hex digits of a "\\u" escape; s->pos is on the 'u' and ends after them. */
static gboolean
scan_unicode_escape (Scanner *s,
                     guint   *unit)
{
  guint value = 0;

  for (guint i = 1; i <= 4; i++)
    {
      if (s->pos + i >= s->length || !g_ascii_isxdigit (s->data[s->pos + i]))
        {
          s->pos += i;
          return fail_expected (s, _("four hexadecimal digits after “\\u”"));
        }
      value = value * 16 + g_ascii_xdigit_value (s->data[s->pos + i]);
    }
  s->pos += 5;
  *unit = value;
  return TRUE;
}

/* Steps over a comma; a comma right before @close is the commonest hand-editing slip. */
static gboolean
skip_comma (Scanner *s,
            char     close)
{
  gsize comma = s->pos;

  s->pos++;
  skip_whitespace (s);
  if (s->pos < s->length && s->data[s->pos] == close)
    {
      g_autofree char *message =
        g_strdup_printf (_("trailing comma before “%c”; remove the comma"), close);

      fail (s, comma, message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
scan_string (Scanner *s)
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
                  fail (s, escape, _("“\\u0000” is not allowed in a story"));
                  return FALSE;
                }
              if (unit >= 0xdc00 && unit <= 0xdfff)
                {
                  fail (s, escape, _("unpaired UTF-16 surrogate in “\\u” escape"));
                  return FALSE;
                }
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  guint low = 0;

                  if (s->length - s->pos < 2 || s->data[s->pos] != '\\' ||
                      s->data[s->pos + 1] != 'u')
                    {
                      fail (s, escape, _("unpaired UTF-16 surrogate in “\\u” escape"));
                      return FALSE;
                    }
                  s->pos += 1;
                  if (!scan_unicode_escape (s, &low))
                    return FALSE;
                  if (low < 0xdc00 || low > 0xdfff)
                    {
                      fail (s, escape, _("unpaired UTF-16 surrogate in “\\u” escape"));
                      return FALSE;
                    }
                }
              continue;
            }
          if (strchr ("\"\\/bfnrt", e) == NULL || e == '\0')
            {
              fail (s, s->pos - 1, _("invalid escape sequence in string"));
              return FALSE;
            }
          s->pos++;
          continue;
        }
      if (c < 0x20)
        {
          fail (s, s->pos, c == '\n' ? _("line break inside a string")
                                     : _("control character inside a string"));
          return FALSE;
        }
      s->pos++;
    }

  fail (s, start, _("string is not terminated"));
  return FALSE;
}

static gboolean
scan_digits (Scanner *s)
{
  gsize start = s->pos;

  while (s->pos < s->length && g_ascii_isdigit (s->data[s->pos]))
    s->pos++;
  return s->pos > start;
}

/* json-glib wraps integers beyond 64 bits ("lat": 99999999999999999999999 read as about -1),
 * so an integer literal must fit in a gint64. */
static gboolean
check_integer_range (Scanner *s,
                     gsize    start)
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

  fail (s, start, _("number out of range: an integer must lie within ±9223372036854775807"));
  return FALSE;
}

static gboolean
scan_number (Scanner *s)
{
  gsize start = s->pos;
  gboolean integer = TRUE;

  if (s->data[s->pos] == '-')
    s->pos++;

  if (s->pos < s->length && s->data[s->pos] == '0')
    s->pos++;
  else if (!scan_digits (s))
    return fail_expected (s, _("a digit"));

  if (s->pos < s->length && s->data[s->pos] == '.')
    {
      s->pos++;
      integer = FALSE;
      if (!scan_digits (s))
        return fail_expected (s, _("a digit after the decimal point"));
    }

  if (s->pos < s->length && (s->data[s->pos] == 'e' || s->data[s->pos] == 'E'))
    {
      s->pos++;
      integer = FALSE;
      if (s->pos < s->length && (s->data[s->pos] == '+' || s->data[s->pos] == '-'))
        s->pos++;
      if (!scan_digits (s))
        return fail_expected (s, _("a digit in the exponent"));
    }

  return !integer || check_integer_range (s, start);
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize len = strlen (word);

  if (s->length - s->pos < len || memcmp (s->data + s->pos, word, len) != 0)
    return fail_expected (s, _("a value (object, array, string, number, true, false or null)"));

  s->pos += len;
  /* "nullx", "true1" */
  if (s->pos < s->length && (g_ascii_isalnum (s->data[s->pos]) || s->data[s->pos] == '_'))
    return fail_expected (s, _("“,” or the end of the value"));
  return TRUE;
}

/* Scans the value of a member of the root object and adds it to the outline. */
static gboolean
scan_root_member (Scanner *s,
                  gsize    key_offset,
                  gsize    key_length)
{
  CaravanJsonMember member = {
    .key = { key_offset, key_length },
    .value = { s->pos, 0 },
  };
  gboolean ok;

  if (s->pos < s->length && s->data[s->pos] == '[')
    member.elements = g_array_new (FALSE, FALSE, sizeof (CaravanJsonSpan));
  s->elements = member.elements;
  ok = scan_value (s, 1);
  s->elements = NULL;
  member.value.length = s->pos - member.value.offset;
  /* kept on failure too, so that the outline owns every elements array */
  g_array_append_val (s->outline->members, member);
  return ok;
}

static gboolean
scan_object (Scanner *s,
             guint    depth)
{
  gsize path_len = s->path->len;

  s->pos++;
  skip_whitespace (s);
  if (s->pos < s->length && s->data[s->pos] == '}')
    {
      s->pos++;
      return TRUE;
    }

  for (;;)
    {
      gsize key_offset, key_length;

      skip_whitespace (s);
      if (s->pos >= s->length || s->data[s->pos] != '"')
        return fail_expected (s, _("a string as object key"));

      key_offset = s->pos;
      if (!scan_string (s))
        return FALSE;
      key_length = s->pos - key_offset;

      if (s->recording)
        {
          if (path_len > 0)
            g_string_append_c (s->path, '.');
          g_string_append_len (s->path, s->data + key_offset + 1, s->pos - key_offset - 2);
        }

      skip_whitespace (s);
      if (s->pos >= s->length || s->data[s->pos] != ':')
        return fail_expected (s, _("“:” after an object key"));
      s->pos++;
      skip_whitespace (s);

      record (s, key_offset, TRUE);
      if (depth == 1 && s->outline != NULL)
        {
          if (!scan_root_member (s, key_offset, key_length))
            return FALSE;
        }
      else if (!scan_value (s, depth))
        return FALSE;
      g_string_truncate (s->path, path_len);

      skip_whitespace (s);
      if (s->pos < s->length && s->data[s->pos] == ',')
        {
          if (!skip_comma (s, '}'))
            return FALSE;
          continue;
        }
      if (s->pos < s->length && s->data[s->pos] == '}')
        {
          s->pos++;
          return TRUE;
        }
      return fail_expected (s, _("“,” or “}” after an object member"));
    }
}

static gboolean
scan_array (Scanner *s,
            guint    depth)
{
  gsize path_len = s->path->len;
  guint index = 0;

  s->pos++;
  skip_whitespace (s);
  if (s->pos < s->length && s->data[s->pos] == ']')
    {
      s->pos++;
      return TRUE;
    }

  for (;; index++)
    {
      skip_whitespace (s);
      if (s->recording)
        g_string_append_printf (s->path, "[%u]", index);
      record (s, 0, FALSE);
      if (depth == 2 && s->elements != NULL)
        {
          CaravanJsonSpan element = { s->pos, 0 };

          if (!scan_value (s, depth))
            return FALSE;
          element.length = s->pos - element.offset;
          g_array_append_val (s->elements, element);
        }
      else if (!scan_value (s, depth))
        return FALSE;
      g_string_truncate (s->path, path_len);

      skip_whitespace (s);
      if (s->pos < s->length && s->data[s->pos] == ',')
        {
          if (!skip_comma (s, ']'))
            return FALSE;
          continue;
        }
      if (s->pos < s->length && s->data[s->pos] == ']')
        {
          s->pos++;
          return TRUE;
        }
      return fail_expected (s, _("“,” or “]” after an array element"));
    }
}

/* Scans the value at the current position (whitespace already skipped). */
static gboolean
scan_value (Scanner *s,
            guint    depth)
{
  if (s->pos >= s->length)
    return fail_expected (s, _("a value"));

  if (++s->n_values > s->max_values)
    {
      g_autofree char *message =
        g_strdup_printf (_("the story has more than %u values"), s->max_values);

      fail (s, s->pos, message);
      s->too_many = TRUE;
      return FALSE;
    }

  switch (s->data[s->pos])
    {
    case '{':
    case '[':
      if (depth + 1 > s->max_depth)
        {
          g_autofree char *message =
            g_strdup_printf (_("nesting is deeper than %u levels"), s->max_depth);

          fail (s, s->pos, message);
          s->too_deep = TRUE;
          return FALSE;
        }
      {
        gboolean recording = s->recording;
        gboolean ok;

        if (recording && s->wanted != NULL && !g_hash_table_contains (s->wanted, s->path->str))
          s->recording = FALSE;
        ok = s->data[s->pos] == '{' ? scan_object (s, depth + 1) : scan_array (s, depth + 1);
        s->recording = recording;
        return ok;
      }
    case '"':
      return scan_string (s);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      return fail_expected (s, _("a value (object, array, string, number, true, false or null)"));
    }
}

void
caravan_json_outline_clear (CaravanJsonOutline *outline)
{
  if (outline->members == NULL)
    return;
  for (guint i = 0; i < outline->members->len; i++)
    g_clear_pointer (&g_array_index (outline->members, CaravanJsonMember, i).elements,
                     g_array_unref);
  g_clear_pointer (&outline->members, g_array_unref);
}

void
caravan_json_want_path (GHashTable *wanted,
                        const char *path)
{
  g_autofree char *key = g_strdup (path);

  for (;;)
    {
      char *cut;

      if (!g_hash_table_add (wanted, g_strdup (key)))
        return;  /* its ancestors are in already */
      if (key[0] == '\0')
        return;
      cut = MAX (strrchr (key, '.'), strrchr (key, '['));
      *(cut != NULL ? cut : key) = '\0';
    }
}

GHashTable *
caravan_json_positions_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
caravan_json_offset_to_position (const char *data,
                                 gsize       offset,
                                 guint      *line,
                                 guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar b = data[i];

      if (b == '\n')
        {
          l++;
          c = 1;
        }
      else if ((b & 0xc0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

gboolean
caravan_json_scan (const char           *data,
                   gsize                 length,
                   guint                 max_depth,
                   guint                 max_values,
                   GHashTable           *positions,
                   GHashTable           *wanted,
                   CaravanJsonOutline   *outline,
                   CaravanJsonScanError *error_out)
{
  Scanner s = {
    .data = data,
    .length = length,
    .max_depth = max_depth,
    .max_values = max_values,
    .positions = positions,
    .wanted = wanted,
    .recording = positions != NULL,
    .cursor_line = 1,
    .cursor_column = 1,
  };
  gboolean ok;

  if (outline != NULL)
    {
      *outline = (CaravanJsonOutline) { 0 };
      outline->members = g_array_new (FALSE, FALSE, sizeof (CaravanJsonMember));
    }

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error_out != NULL, FALSE);

  s.path = g_string_new (NULL);

  /* a UTF-8 byte order mark is tolerated */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    s.pos = 3;

  skip_whitespace (&s);
  record (&s, 0, FALSE);
  if (outline != NULL && s.pos < s.length && s.data[s.pos] == '{')
    {
      outline->root_is_object = TRUE;
      s.outline = outline;
    }
  ok = scan_value (&s, 0);
  if (ok)
    {
      skip_whitespace (&s);
      if (s.pos < s.length)
        {
          fail (&s, s.pos, _("unexpected text after the end of the document"));
          ok = FALSE;
        }
    }

  g_string_free (s.path, TRUE);

  if (!ok)
    {
      g_assert (s.failed);
      caravan_json_offset_to_position (data, s.error_offset, &error_out->line, &error_out->column);
      error_out->too_deep = s.too_deep;
      error_out->too_many = s.too_many;
      error_out->message = s.error_message;
      return FALSE;
    }

  return TRUE;
}
