/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-queries.c: the questions views ask of a story (the events and excerpts of a
 * place or an event, its featured places, its time span), answered through the story's public
 * list models only. */

#define G_LOG_DOMAIN "caravan-story"

#include "config.h"

#include "caravan-story.h"
#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-place.h"
#include "caravan-quote.h"

typedef gboolean (*ItemFilter) (gpointer item,
                                gpointer target);

/* A new list of the items of @source (in its order) that @keep accepts for @target. */
static GListModel *
filter_items (GListModel *source,
              GType       item_type,
              ItemFilter  keep,
              gpointer    target)
{
  GListStore *store = g_list_store_new (item_type);
  guint n = g_list_model_get_n_items (source);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (source, i);

      if (keep (item, target))
        g_list_store_append (store, item);
    }

  return G_LIST_MODEL (store);
}

GListModel *
caravan_story_list_events_of_place (CaravanStory *self,
                                    CaravanPlace *place)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);

  return filter_items (caravan_story_get_events (self), CARAVAN_TYPE_EVENT,
                       (ItemFilter) caravan_event_has_place, place);
}

GListModel *
caravan_story_list_excerpts_of_place (CaravanStory *self,
                                      CaravanPlace *place)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);

  return filter_items (caravan_story_get_excerpts (self), CARAVAN_TYPE_EXCERPT,
                       (ItemFilter) caravan_excerpt_has_place, place);
}

GListModel *
caravan_story_list_excerpts_of_event (CaravanStory *self,
                                      CaravanEvent *event)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);

  return filter_items (caravan_story_get_excerpts (self), CARAVAN_TYPE_EXCERPT,
                       (ItemFilter) caravan_excerpt_has_event, event);
}

GListModel *
caravan_story_list_featured_places (CaravanStory *self)
{
  GListModel *places;
  GListStore *store;
  guint n;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);

  places = caravan_story_get_places (self);
  store = g_list_store_new (CARAVAN_TYPE_PLACE);
  n = g_list_model_get_n_items (places);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);

      if (caravan_place_get_featured (place))
        g_list_store_append (store, place);
    }
  return G_LIST_MODEL (store);
}

gboolean
caravan_story_get_time_span (CaravanStory *self,
                             guint32      *first_julian,
                             guint32      *last_julian)
{
  guint32 first = G_MAXUINT32, last = 0;
  GListModel *events;
  guint n;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), FALSE);

  events = caravan_story_get_events (self);
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      const CaravanDate *date = caravan_event_get_date (event);

      first = MIN (first, caravan_date_get_first_julian (date));
      last = MAX (last, caravan_date_get_last_julian (date));
    }

  if (first_julian != NULL)
    *first_julian = n > 0 ? first : 0;
  if (last_julian != NULL)
    *last_julian = n > 0 ? last : 0;
  return n > 0;
}

CaravanExcerpt *
caravan_story_dup_step_excerpt (CaravanStory *self,
                                CaravanEvent *event)
{
  g_autoptr(GListModel) excerpts = NULL;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  g_return_val_if_fail (CARAVAN_IS_EVENT (event), NULL);

  excerpts = caravan_story_list_excerpts_of_event (self, event);
  return g_list_model_get_n_items (excerpts) > 0 ? g_list_model_get_item (excerpts, 0) : NULL;
}

char *
caravan_story_format_quote (CaravanStory   *self,
                            CaravanExcerpt *excerpt)
{
  CaravanArticle *article;
  const char *language = NULL;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (excerpt), NULL);

  article = caravan_excerpt_get_article (excerpt);
  if (article != NULL)
    language = caravan_article_get_language (article);
  /* The quote's marks are those of its own language, not of the user's. */
  return caravan_quote_format (caravan_excerpt_get_text (excerpt),
                               language != NULL ? language : caravan_story_get_language (self));
}
