/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-reader-text.c: checks on the text of a story's strings: length caps (a 10 MB
 * title kept the window busy for half a minute) and blankness, which counts every Unicode
 * space, not only ASCII ones. */

#define G_LOG_DOMAIN "caravan-story-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caravan-story-loader.h"
#include "caravan-story-reader.h"

/* The members that hold running text; every other string is a name, id, date or link. */
static const char * const long_text_keys[] = {
  "description", "text", "notes", "note", "credits", "license", NULL
};

guint
caravan_reader_max_length (const char *key)
{
  if (key != NULL && g_strv_contains (long_text_keys, key))
    return CARAVAN_STORY_MAX_TEXT_LENGTH;
  return CARAVAN_STORY_MAX_NAME_LENGTH;
}

gboolean
caravan_reader_check_length (CaravanStoryReader *l,
                             const char         *value,
                             guint               max)
{
  gsize bytes = strlen (value);
  glong chars;

  /* a character is at least one byte: most strings need no counting */
  if (bytes <= max)
    return TRUE;
  chars = g_utf8_strlen (value, bytes);
  if (chars <= (glong) max)
    return TRUE;

  /* Translators: "too long: 1000001 characters; at most 1000 are allowed here" */
  caravan_reader_add_error (l, CARAVAN_STORY_ERROR_TOO_LONG,
                            _("too long: %ld characters; at most %u are allowed here"),
                            chars, max);
  return FALSE;
}

gboolean
caravan_reader_text_is_blank (const char *value)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* spaces, line breaks, and the invisible format characters (zero-width space, joiners,
       * byte order mark) that show nothing either */
      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT &&
          g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR)
        return FALSE;
    }
  return TRUE;
}
