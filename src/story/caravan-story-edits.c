/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-edits.c: what edits change in a story besides its items' properties: the
 * events' date order after a date changes, places and events added and removed (with their
 * ids and positions kept up to date). CaravanEdit calls these; views see the list models'
 * items-changed and CaravanStory::item-changed. */

#define G_LOG_DOMAIN "caravan-story"

#include "config.h"

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-story-private.h"
#include "caravan-story-struct.h"

/* Where @event goes in date order. */
static guint
find_event_position (CaravanStory *self,
                     CaravanEvent *event)
{
  GListModel *events = G_LIST_MODEL (self->events);
  EventKey key = caravan_story_make_event_key (event);
  guint low = 0, high = g_list_model_get_n_items (events);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(CaravanEvent) other = g_list_model_get_item (events, middle);
      EventKey other_key = caravan_story_make_event_key (other);

      if (caravan_story_compare_event_keys (&other_key, &key) < 0)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* Moves @event to its place in date order after its date changed: one items-changed for the
 * removal and one for the insertion, positions renumbered between the two. */
static void
reposition_event (CaravanStory *self,
                  CaravanEvent *event)
{
  GListModel *events = G_LIST_MODEL (self->events);
  guint old_position = caravan_story_get_event_index (self, event);
  guint low, first, last;

  g_return_if_fail (old_position != G_MAXUINT);

  g_object_ref (event);
  g_list_store_remove (self->events, old_position);
  low = find_event_position (self, event);
  g_list_store_insert (self->events, low, event);
  g_object_unref (event);

  first = MIN (old_position, low);
  last = MAX (old_position, low);
  for (guint i = first; i <= last; i++)
    {
      g_autoptr(CaravanEvent) moved = g_list_model_get_item (events, i);

      g_hash_table_insert (self->event_positions, moved, GUINT_TO_POINTER (i + 1));
    }
}

void
caravan_story_item_changed (CaravanStory *self,
                            GObject      *item,
                            const char   *property)
{
  g_return_if_fail (CARAVAN_IS_STORY (self));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (property != NULL);

  if (CARAVAN_IS_EVENT (item) && g_str_equal (property, "date"))
    reposition_event (self, CARAVAN_EVENT (item));
  caravan_story_emit_item_changed (self, item, property);
}

/* Positions from @first on, after events came or went there. */
static void
renumber_events (CaravanStory *self,
                 guint         first)
{
  GListModel *events = G_LIST_MODEL (self->events);

  for (guint i = first; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);

      g_hash_table_insert (self->event_positions, event, GUINT_TO_POINTER (i + 1));
    }
}

void
caravan_story_insert_place (CaravanStory *self,
                            CaravanPlace *place,
                            guint         position)
{
  g_return_if_fail (CARAVAN_IS_STORY (self));
  g_return_if_fail (CARAVAN_IS_PLACE (place));
  g_return_if_fail (caravan_story_lookup_place (self, caravan_place_get_id (place)) == NULL);

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->places)));
  g_list_store_insert (self->places, position, place);
  g_hash_table_insert (self->place_ids, (gpointer) caravan_place_get_id (place), place);
  caravan_story_emit_item_changed (self, G_OBJECT (place), "added");
}

guint
caravan_story_remove_place (CaravanStory *self,
                            CaravanPlace *place)
{
  guint position;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), G_MAXUINT);
  g_return_val_if_fail (CARAVAN_IS_PLACE (place), G_MAXUINT);

  if (!g_list_store_find (self->places, place, &position))
    return G_MAXUINT;
  g_object_ref (place);
  g_hash_table_remove (self->place_ids, caravan_place_get_id (place));
  g_list_store_remove (self->places, position);
  caravan_story_emit_item_changed (self, G_OBJECT (place), "removed");
  g_object_unref (place);
  return position;
}

void
caravan_story_insert_event (CaravanStory *self,
                            CaravanEvent *event)
{
  guint position;

  g_return_if_fail (CARAVAN_IS_STORY (self));
  g_return_if_fail (CARAVAN_IS_EVENT (event));
  g_return_if_fail (caravan_story_lookup_event (self, caravan_event_get_id (event)) == NULL);

  if (caravan_event_get_file_index (event) == G_MAXUINT)
    caravan_event_set_file_index (event, self->next_file_index++);
  position = find_event_position (self, event);
  g_list_store_insert (self->events, position, event);
  g_hash_table_insert (self->event_ids, (gpointer) caravan_event_get_id (event), event);
  renumber_events (self, position);
  caravan_story_emit_item_changed (self, G_OBJECT (event), "added");
}

void
caravan_story_remove_event (CaravanStory *self,
                            CaravanEvent *event)
{
  guint position;

  g_return_if_fail (CARAVAN_IS_STORY (self));
  g_return_if_fail (CARAVAN_IS_EVENT (event));

  position = caravan_story_get_event_index (self, event);
  if (position == G_MAXUINT)
    return;
  g_object_ref (event);
  g_hash_table_remove (self->event_ids, caravan_event_get_id (event));
  g_hash_table_remove (self->event_positions, event);
  g_list_store_remove (self->events, position);
  renumber_events (self, position);
  caravan_story_emit_item_changed (self, G_OBJECT (event), "removed");
  g_object_unref (event);
}

guint
caravan_story_count_place_uses (CaravanStory *self,
                                CaravanPlace *place)
{
  GListModel *lists[] = { G_LIST_MODEL (self->events), G_LIST_MODEL (self->excerpts),
                          G_LIST_MODEL (self->routes) };
  guint n = 0;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), 0);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);

        if (CARAVAN_IS_EVENT (item))
          n += caravan_event_has_place (CARAVAN_EVENT (item), place);
        else if (CARAVAN_IS_EXCERPT (item))
          n += caravan_excerpt_has_place (CARAVAN_EXCERPT (item), place);
        else
          for (guint p = 0; p < caravan_route_get_n_points (CARAVAN_ROUTE (item)); p++)
            if (caravan_route_get_point (CARAVAN_ROUTE (item), p, NULL, NULL) == place)
              {
                n++;
                break;
              }
      }
  return n;
}

guint
caravan_story_count_event_uses (CaravanStory *self,
                                CaravanEvent *event)
{
  GListModel *excerpts = G_LIST_MODEL (self->excerpts);
  guint n = 0;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), 0);

  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      n += caravan_excerpt_has_event (excerpt, event);
    }
  return n;
}

char *
caravan_story_make_id (CaravanStory *self,
                       GType         type,
                       const char   *name)
{
  g_autofree char *base = g_utf8_strdown (name != NULL && *name != '\0' ? name : "item", -1);
  char *id = NULL;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);

  /* Letters and digits stay (in any script), everything else becomes one hyphen. */
  g_strdelimit (base, " _.,;:/\\'\"()[]{}", '-');
  for (guint n = 1; ; n++)
    {
      gboolean taken;

      g_free (id);
      id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      taken = type == CARAVAN_TYPE_PLACE ? caravan_story_lookup_place (self, id) != NULL
                                         : caravan_story_lookup_event (self, id) != NULL;
      if (!taken)
        return id;
    }
}
