/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story.c: a loaded story; owns the list models and id lookups views use. */

#define G_LOG_DOMAIN "caravan-story"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "caravan-story.h"
#include "caravan-story-private.h"
#include "caravan-story-struct.h"

G_DEFINE_FINAL_TYPE (CaravanStory, caravan_story, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_LANGUAGE,
  PROP_CREDITS,
  PROP_LICENSE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

EventKey
caravan_story_make_event_key (CaravanEvent *event)
{
  const CaravanDate *date = caravan_event_get_date (event);

  return (EventKey) {
    .first = caravan_date_get_first_julian (date),
    .last = caravan_date_get_last_julian (date),
    .precision = date->precision,
    .file_index = caravan_event_get_file_index (event),
    .event = event,
  };
}

/* Same order as caravan_date_compare(), then file order. */
int
caravan_story_compare_event_keys (gconstpointer a,
                                  gconstpointer b)
{
  const EventKey *x = a;
  const EventKey *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->last != y->last)
    return x->last < y->last ? -1 : 1;
  if (x->precision != y->precision)
    return x->precision > y->precision ? -1 : 1;
  return x->file_index < y->file_index ? -1 : x->file_index > y->file_index;
}

void
caravan_story_emit_item_changed (CaravanStory *self,
                                 GObject      *item,
                                 const char   *property)
{
  g_signal_emit (self, signals[ITEM_CHANGED], g_quark_from_string (property), item, property);
}

static void
splice_all (GListStore *store,
            GPtrArray  *items)
{
  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       items->pdata, items->len);
  g_ptr_array_set_size (items, 0);
}

static void
add_to_index (GHashTable *index,
              const char *id,
              gpointer    object)
{
  g_assert (id != NULL);
  g_hash_table_insert (index, (gpointer) id, object);
}

static void
caravan_story_dispose (GObject *object)
{
  CaravanStory *self = (CaravanStory *) object;

  g_clear_pointer (&self->article_ids, g_hash_table_unref);
  g_clear_pointer (&self->place_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->excerpt_ids, g_hash_table_unref);
  g_clear_pointer (&self->route_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_positions, g_hash_table_unref);
  g_clear_pointer (&self->extras, g_hash_table_unref);
  g_clear_pointer (&self->new_articles, g_ptr_array_unref);
  g_clear_pointer (&self->new_places, g_ptr_array_unref);
  g_clear_pointer (&self->new_events, g_ptr_array_unref);
  g_clear_pointer (&self->new_excerpts, g_ptr_array_unref);
  g_clear_pointer (&self->new_routes, g_ptr_array_unref);
  g_clear_object (&self->excerpts);
  g_clear_object (&self->routes);
  g_clear_object (&self->events);
  g_clear_object (&self->places);
  g_clear_object (&self->articles);

  G_OBJECT_CLASS (caravan_story_parent_class)->dispose (object);
}

static void
caravan_story_finalize (GObject *object)
{
  CaravanStory *self = (CaravanStory *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->language);
  g_free (self->credits);
  g_free (self->license);

  G_OBJECT_CLASS (caravan_story_parent_class)->finalize (object);
}

static void
caravan_story_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CaravanStory *self = CARAVAN_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_CREDITS:
      g_value_set_string (value, self->credits);
      break;
    case PROP_LICENSE:
      g_value_set_string (value, self->license);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_story_class_init (CaravanStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caravan_story_dispose;
  object_class->finalize = caravan_story_finalize;
  object_class->get_property = caravan_story_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREDITS] = g_param_spec_string ("credits", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LICENSE] = g_param_spec_string ("license", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* An edit changed a place, event, excerpt or route (the detail is the property). */
  signals[ITEM_CHANGED] = g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_STRING);
}

static void
caravan_story_init (CaravanStory *self)
{
  self->extras = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) json_object_unref);
  self->articles = g_list_store_new (CARAVAN_TYPE_ARTICLE);
  self->places = g_list_store_new (CARAVAN_TYPE_PLACE);
  self->events = g_list_store_new (CARAVAN_TYPE_EVENT);
  self->excerpts = g_list_store_new (CARAVAN_TYPE_EXCERPT);
  self->routes = g_list_store_new (CARAVAN_TYPE_ROUTE);
  self->initial_zoom = 3;
  self->article_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->place_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->excerpt_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->route_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_positions = g_hash_table_new (NULL, NULL);
  self->new_articles = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_places = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_events = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_excerpts = g_ptr_array_new_with_free_func (g_object_unref);
  self->new_routes = g_ptr_array_new_with_free_func (g_object_unref);
}

CaravanStory *
caravan_story_new (void)
{
  return g_object_new (CARAVAN_TYPE_STORY, NULL);
}

CaravanStory *
caravan_story_new_untitled (const char *title,
                            const char *language)
{
  CaravanStory *self = caravan_story_new ();
  g_autofree char *lang = g_strndup (language != NULL ? language : "en",
                                     strcspn (language != NULL ? language : "en", "_.@"));

  g_return_val_if_fail (title != NULL, NULL);

  /* "C" and "POSIX" are no language a story is written in. */
  if (g_str_equal (lang, "C") || g_str_equal (lang, "POSIX") || *lang == '\0')
    {
      g_free (lang);
      lang = g_strdup ("en");
    }
  caravan_story_set_metadata (self, 1, "untitled", title, NULL, lang, NULL, NULL);
  caravan_story_seal (self);
  return self;
}

void
caravan_story_set_metadata (CaravanStory *self,
                            int           format_version,
                            const char   *id,
                            const char   *title,
                            const char   *subtitle,
                            const char   *language,
                            const char   *credits,
                            const char   *license)
{
  g_return_if_fail (CARAVAN_IS_STORY (self));

  self->format_version = format_version;
  g_free (self->id);
  self->id = g_strdup (id);
  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
  g_free (self->language);
  self->language = g_strdup (language);
  g_free (self->credits);
  self->credits = g_strdup (credits);
  g_free (self->license);
  self->license = g_strdup (license);
}

void
caravan_story_set_initial_view (CaravanStory *self,
                                double        latitude,
                                double        longitude,
                                double        zoom)
{
  g_return_if_fail (CARAVAN_IS_STORY (self));

  self->initial_latitude = latitude;
  self->initial_longitude = longitude;
  self->initial_zoom = zoom;
  self->has_initial_view = TRUE;
}

void
caravan_story_add_article (CaravanStory   *self,
                           CaravanArticle *article)
{
  add_to_index (self->article_ids, caravan_article_get_id (article), article);
  g_ptr_array_add (self->new_articles, article);
}

void
caravan_story_add_place (CaravanStory *self,
                         CaravanPlace *place)
{
  add_to_index (self->place_ids, caravan_place_get_id (place), place);
  g_ptr_array_add (self->new_places, place);
}

void
caravan_story_add_event (CaravanStory *self,
                         CaravanEvent *event)
{
  caravan_event_set_file_index (event, self->new_events->len);
  add_to_index (self->event_ids, caravan_event_get_id (event), event);
  g_ptr_array_add (self->new_events, event);
}

void
caravan_story_add_excerpt (CaravanStory   *self,
                           CaravanExcerpt *excerpt)
{
  add_to_index (self->excerpt_ids, caravan_excerpt_get_id (excerpt), excerpt);
  g_ptr_array_add (self->new_excerpts, excerpt);
}

void
caravan_story_add_route (CaravanStory *self,
                         CaravanRoute *route)
{
  add_to_index (self->route_ids, caravan_route_get_id (route), route);
  g_ptr_array_add (self->new_routes, route);
}

void
caravan_story_seal (CaravanStory *self)
{
  g_autofree EventKey *keys = NULL;
  guint n;

  g_return_if_fail (CARAVAN_IS_STORY (self));
  g_return_if_fail (g_list_model_get_n_items (G_LIST_MODEL (self->events)) == 0);

  n = self->new_events->len;
  keys = g_new (EventKey, n);
  for (guint i = 0; i < n; i++)
    {
      keys[i] = caravan_story_make_event_key (g_ptr_array_index (self->new_events, i));
    }
  if (n > 1)
    qsort (keys, n, sizeof (EventKey), caravan_story_compare_event_keys);
  for (guint i = 0; i < n; i++)
    {
      self->new_events->pdata[i] = keys[i].event;
      g_hash_table_insert (self->event_positions, keys[i].event, GUINT_TO_POINTER (i + 1));
    }

  self->next_file_index = n;
  splice_all (self->articles, self->new_articles);
  splice_all (self->places, self->new_places);
  splice_all (self->events, self->new_events);
  splice_all (self->excerpts, self->new_excerpts);
  splice_all (self->routes, self->new_routes);
}

const char *
caravan_story_get_id (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return self->id;
}

const char *
caravan_story_get_title (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return self->title;
}

const char *
caravan_story_get_subtitle (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return self->subtitle;
}

const char *
caravan_story_get_language (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return self->language;
}

const char *
caravan_story_get_credits (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return self->credits;
}

const char *
caravan_story_get_license (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return self->license;
}

int
caravan_story_get_format_version (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), 0);
  return self->format_version;
}

gboolean
caravan_story_get_initial_view (CaravanStory *self,
                                double       *latitude,
                                double       *longitude,
                                double       *zoom)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), FALSE);

  if (latitude != NULL)
    *latitude = self->initial_latitude;
  if (longitude != NULL)
    *longitude = self->initial_longitude;
  if (zoom != NULL)
    *zoom = self->initial_zoom;
  return self->has_initial_view;
}

GListModel *
caravan_story_get_articles (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return G_LIST_MODEL (self->articles);
}

GListModel *
caravan_story_get_places (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return G_LIST_MODEL (self->places);
}

GListModel *
caravan_story_get_events (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return G_LIST_MODEL (self->events);
}

GListModel *
caravan_story_get_excerpts (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return G_LIST_MODEL (self->excerpts);
}

GListModel *
caravan_story_get_routes (CaravanStory *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return G_LIST_MODEL (self->routes);
}

CaravanArticle *
caravan_story_lookup_article (CaravanStory *self,
                              const char   *id)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->article_ids, id) : NULL;
}

CaravanPlace *
caravan_story_lookup_place (CaravanStory *self,
                            const char   *id)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->place_ids, id) : NULL;
}

CaravanEvent *
caravan_story_lookup_event (CaravanStory *self,
                            const char   *id)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->event_ids, id) : NULL;
}

CaravanExcerpt *
caravan_story_lookup_excerpt (CaravanStory *self,
                              const char   *id)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->excerpt_ids, id) : NULL;
}

CaravanRoute *
caravan_story_lookup_route (CaravanStory *self,
                            const char   *id)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->route_ids, id) : NULL;
}

guint
caravan_story_get_event_index (CaravanStory *self,
                               CaravanEvent *event)
{
  guint position;

  g_return_val_if_fail (CARAVAN_IS_STORY (self), G_MAXUINT);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->event_positions, event));
  return position > 0 ? position - 1 : G_MAXUINT;
}

void
caravan_story_set_extra_members (CaravanStory *self,
                                 gpointer      item,
                                 JsonObject   *members)
{
  g_return_if_fail (CARAVAN_IS_STORY (self));
  g_return_if_fail (G_IS_OBJECT (item));

  if (members != NULL)
    g_hash_table_insert (self->extras, item, json_object_ref (members));
  else
    g_hash_table_remove (self->extras, item);
}

JsonObject *
caravan_story_get_extra_members (CaravanStory *self,
                                 gpointer      item)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (self), NULL);
  return g_hash_table_lookup (self->extras, item);
}
