/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-json-scanner.c: strict JSON syntax pass with precise positions and a nesting limit;
 * optionally records the position of every value by JSON path. Objects, arrays and the
 * outline are scanned here, scalars in caravan-json-scanner-scalars.c. */

#define G_LOG_DOMAIN "caravan-json-scanner"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caravan-json-scanner-private.h"

static gboolean scan_value (CaravanJsonScanner *s, guint depth);

static void
advance_cursor (CaravanJsonScanner *s,
                gsize               offset)
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
record (CaravanJsonScanner *s,
        gsize               key_offset,
        gboolean            has_key)
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

/* Steps over a comma; a comma right before @close is the commonest hand-editing slip. */
static gboolean
skip_comma (CaravanJsonScanner *s,
            char                close)
{
  gsize comma = s->pos;

  s->pos++;
  caravan_json_skip_whitespace (s);
  if (s->pos < s->length && s->data[s->pos] == close)
    {
      g_autofree char *message =
        g_strdup_printf (_("trailing comma before “%c”; remove the comma"), close);

      caravan_json_fail (s, comma, message);
      return FALSE;
    }
  return TRUE;
}

/* Scans the value of a member of the root object and adds it to the outline. */
static gboolean
scan_root_member (CaravanJsonScanner *s,
                  gsize               key_offset,
                  gsize               key_length)
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
scan_object (CaravanJsonScanner *s,
             guint               depth)
{
  gsize path_len = s->path->len;

  s->pos++;
  caravan_json_skip_whitespace (s);
  if (s->pos < s->length && s->data[s->pos] == '}')
    {
      s->pos++;
      return TRUE;
    }

  for (;;)
    {
      gsize key_offset, key_length;

      caravan_json_skip_whitespace (s);
      if (s->pos >= s->length || s->data[s->pos] != '"')
        return caravan_json_fail_expected (s, _("a string as object key"));

      key_offset = s->pos;
      if (!caravan_json_scan_string (s))
        return FALSE;
      key_length = s->pos - key_offset;

      if (s->recording)
        {
          if (path_len > 0)
            g_string_append_c (s->path, '.');
          g_string_append_len (s->path, s->data + key_offset + 1, s->pos - key_offset - 2);
        }

      caravan_json_skip_whitespace (s);
      if (s->pos >= s->length || s->data[s->pos] != ':')
        return caravan_json_fail_expected (s, _("“:” after an object key"));
      s->pos++;
      caravan_json_skip_whitespace (s);

      record (s, key_offset, TRUE);
      if (depth == 1 && s->outline != NULL)
        {
          if (!scan_root_member (s, key_offset, key_length))
            return FALSE;
        }
      else if (!scan_value (s, depth))
        return FALSE;
      g_string_truncate (s->path, path_len);

      caravan_json_skip_whitespace (s);
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
      return caravan_json_fail_expected (s, _("“,” or “}” after an object member"));
    }
}

static gboolean
scan_array (CaravanJsonScanner *s,
            guint               depth)
{
  gsize path_len = s->path->len;
  guint index = 0;

  s->pos++;
  caravan_json_skip_whitespace (s);
  if (s->pos < s->length && s->data[s->pos] == ']')
    {
      s->pos++;
      return TRUE;
    }

  for (;; index++)
    {
      caravan_json_skip_whitespace (s);
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

      caravan_json_skip_whitespace (s);
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
      return caravan_json_fail_expected (s, _("“,” or “]” after an array element"));
    }
}

/* Scans the value at the current position (whitespace already skipped). */
static gboolean
scan_value (CaravanJsonScanner *s,
            guint               depth)
{
  if (s->pos >= s->length)
    return caravan_json_fail_expected (s, _("a value"));

  if (++s->n_values > s->max_values)
    {
      g_autofree char *message =
        g_strdup_printf (_("the story has more than %u values"), s->max_values);

      caravan_json_fail (s, s->pos, message);
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

          caravan_json_fail (s, s->pos, message);
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
      return caravan_json_scan_string (s);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return caravan_json_scan_number (s);
    case 't':
      return caravan_json_scan_literal (s, "true");
    case 'f':
      return caravan_json_scan_literal (s, "false");
    case 'n':
      return caravan_json_scan_literal (s, "null");
    default:
      return caravan_json_fail_expected_value (s);
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
  CaravanJsonScanner s = {
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

  caravan_json_skip_whitespace (&s);
  record (&s, 0, FALSE);
  if (outline != NULL && s.pos < s.length && s.data[s.pos] == '{')
    {
      outline->root_is_object = TRUE;
      s.outline = outline;
    }
  ok = scan_value (&s, 0);
  if (ok)
    {
      caravan_json_skip_whitespace (&s);
      if (s.pos < s.length)
        {
          caravan_json_fail (&s, s.pos, _("unexpected text after the end of the document"));
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
