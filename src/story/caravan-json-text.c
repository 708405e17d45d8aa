/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-json-text.c: written here rather than with JsonGenerator because json-glib 1.6
 * prints every double with 17 significant digits and a space before each colon, so a story
 * saved by Caravan would differ from the file its author wrote on every coordinate. The tree
 * itself is still json-glib's. */

#define G_LOG_DOMAIN "caravan-json-text"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "caravan-json-text.h"

static void
append_string (GString    *text,
               const char *value)
{
  g_string_append_c (text, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (text, "\\\"");
          break;
        case '\\':
          g_string_append (text, "\\\\");
          break;
        case '\n':
          g_string_append (text, "\\n");
          break;
        case '\r':
          g_string_append (text, "\\r");
          break;
        case '\t':
          g_string_append (text, "\\t");
          break;
        case '\b':
          g_string_append (text, "\\b");
          break;
        case '\f':
          g_string_append (text, "\\f");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (text, "\\u%04x", c);
          /* U+2028 and U+2029 end a line in JavaScript: escaped, the text can go into a page. */
          else if (c == 0xE2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xA8 ||
                                                         (guchar) p[2] == 0xA9))
            {
              g_string_append (text, (guchar) p[2] == 0xA8 ? "\\u2028" : "\\u2029");
              p += 2;
            }
          else
            g_string_append_c (text, (char) c);
        }
    }
  g_string_append_c (text, '"');
}

/* The shortest of %.1g … %.17g that reads back as @value, with a ".0" when that looks like an
 * integer, so that the number stays a double for other readers too. */
static void
append_double (GString *text,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (text, "null");  /* JSON has no infinity; the reader refuses it */
      return;
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (text, buffer);
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (text, ".0");
}

static void
append_indent (GString *text,
               guint    depth)
{
  g_string_append_c (text, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "  ");
}

static gboolean
is_scalar_array (JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_VALUE (json_array_get_element (array, i)) &&
        !JSON_NODE_HOLDS_NULL (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

static void
append_node (GString              *text,
             JsonNode             *node,
             guint                 depth,
             CaravanJsonTextFlags  flags)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);  /* in order */

        g_string_append_c (text, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            append_indent (text, depth + 1);
            append_string (text, l->data);
            g_string_append (text, ": ");
            append_node (text, json_object_get_member (object, l->data), depth + 1, flags);
            if (l->next != NULL)
              g_string_append_c (text, ',');
          }
        if (members != NULL)
          append_indent (text, depth);
        g_string_append_c (text, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);
        gboolean inline_items = (flags & CARAVAN_JSON_TEXT_INLINE_SCALAR_ARRAYS) &&
                                is_scalar_array (array);

        g_string_append_c (text, '[');
        for (guint i = 0; i < n; i++)
          {
            if (inline_items)
              g_string_append (text, i > 0 ? ", " : "");
            else
              append_indent (text, depth + 1);
            append_node (text, json_array_get_element (array, i), depth + 1, flags);
            if (!inline_items && i + 1 < n)
              g_string_append_c (text, ',');
          }
        if (!inline_items && n > 0)
          append_indent (text, depth);
        g_string_append_c (text, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (text, "null");
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          append_string (text, json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (text, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (text, json_node_get_boolean (node) ? "true" : "false");
          break;
        default:
          g_assert_not_reached ();
        }
      break;
    default:
      g_assert_not_reached ();
    }
}

void
caravan_json_text_append (GString              *text,
                          JsonNode             *node,
                          CaravanJsonTextFlags  flags)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (node != NULL);

  append_node (text, node, 0, flags);
}
