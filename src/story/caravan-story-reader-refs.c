/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-reader-refs.c: references between the story's items (places, events,
 * articles) by id, resolved as the reader goes along. */

#define G_LOG_DOMAIN "caravan-story-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-reader.h"

gpointer
caravan_reader_lookup_article (CaravanStory *story,
                               const char   *id)
{
  return caravan_story_lookup_article (story, id);
}

gpointer
caravan_reader_lookup_place (CaravanStory *story,
                             const char   *id)
{
  return caravan_story_lookup_place (story, id);
}

gpointer
caravan_reader_lookup_event (CaravanStory *story,
                             const char   *id)
{
  return caravan_story_lookup_event (story, id);
}

/* Every id the file declares for the kind @lookup finds, including those of broken items. */
static GHashTable *
declared_ids (CaravanStoryReader *l,
              CaravanLookupFunc   lookup)
{
  if (lookup == caravan_reader_lookup_place)
    return l->place_index;
  if (lookup == caravan_reader_lookup_event)
    return l->event_index;
  g_assert (lookup == caravan_reader_lookup_article);
  return l->article_index;
}

/* Resolves a string id via @lookup; reports unknown or mistyped references. @what is
 * untranslated (N_()), so that only a problem pays for gettext. */
gpointer
caravan_reader_resolve_reference (CaravanStoryReader *l,
                                  JsonNode           *node,
                                  CaravanLookupFunc   lookup,
                                  const char         *what)
{
  gpointer object;

  if (!caravan_reader_node_is_string (node))
    {
      caravan_reader_wrong_type (l, node, _("a string id"));
      return NULL;
    }

  if (!caravan_reader_check_length (l, json_node_get_string (node),
                                    CARAVAN_STORY_MAX_NAME_LENGTH))
    return NULL;
  object = lookup (l->story, json_node_get_string (node));
  /* An id that was declared by an item with problems of its own is not unknown: saying so
   * would add a misleading error to every reference to it. */
  if (object == NULL &&
      !g_hash_table_contains (declared_ids (l, lookup), json_node_get_string (node)))
    /* Translators: "unknown place “astna”"; the first %s is "place", "event" or "article" */
    caravan_reader_add_error (l, CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE, _("unknown %s “%s”"),
                              _(what), json_node_get_string (node));
  return object;
}

/* Reads a member holding an array of ids and resolves each. */
GPtrArray *
caravan_reader_read_references (CaravanStoryReader *l,
                                JsonObject         *object,
                                const char         *key,
                                CaravanLookupFunc   lookup,
                                const char         *what)
{
  JsonArray *array = caravan_reader_get_array (l, object, key, FALSE);
  GPtrArray *result = g_ptr_array_new ();
  gsize key_len;
  guint n;

  if (array == NULL)
    return result;

  key_len = caravan_reader_push_key (l, key);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      gsize len = caravan_reader_push_index (l, i);
      gpointer found = caravan_reader_resolve_reference (l, json_array_get_element (array, i),
                                                         lookup, what);

      if (found != NULL)
        g_ptr_array_add (result, found);
      caravan_reader_pop (l, len);
    }
  caravan_reader_pop (l, key_len);
  return result;
}
