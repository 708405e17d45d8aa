/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-excerpt.c: a verbatim quote from an article, linked to places and events. */

#define G_LOG_DOMAIN "caravan-excerpt"

#include "config.h"

#include "caravan-article.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-place.h"
#include "caravan-story-private.h"

struct _CaravanExcerpt
{
  GObject parent_instance;

  char *id;
  char *text;
  char *note;
  CaravanArticle *article;
  GPtrArray *places;  /* CaravanPlace */
  GPtrArray *events;  /* CaravanEvent */
};

G_DEFINE_FINAL_TYPE (CaravanExcerpt, caravan_excerpt, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_NOTE,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
caravan_excerpt_dispose (GObject *object)
{
  CaravanExcerpt *self = (CaravanExcerpt *) object;

  g_clear_object (&self->article);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (caravan_excerpt_parent_class)->dispose (object);
}

static void
caravan_excerpt_finalize (GObject *object)
{
  CaravanExcerpt *self = (CaravanExcerpt *) object;

  g_free (self->id);
  g_free (self->text);
  g_free (self->note);

  G_OBJECT_CLASS (caravan_excerpt_parent_class)->finalize (object);
}

static void
caravan_excerpt_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CaravanExcerpt *self = CARAVAN_EXCERPT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_excerpt_class_init (CaravanExcerptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caravan_excerpt_dispose;
  object_class->finalize = caravan_excerpt_finalize;
  object_class->get_property = caravan_excerpt_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] = g_param_spec_object ("article", NULL, NULL, CARAVAN_TYPE_ARTICLE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
caravan_excerpt_init (CaravanExcerpt *self)
{
  self->places = g_ptr_array_new_with_free_func (g_object_unref);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

CaravanExcerpt *
caravan_excerpt_new (const char     *id,
                     const char     *text,
                     CaravanArticle *article,
                     const char     *note)
{
  CaravanExcerpt *self = g_object_new (CARAVAN_TYPE_EXCERPT, NULL);

  self->id = g_strdup (id);
  self->text = g_strdup (text);
  self->article = article != NULL ? g_object_ref (article) : NULL;
  self->note = g_strdup (note);
  return self;
}

void
caravan_excerpt_add_place (CaravanExcerpt *self,
                           CaravanPlace   *place)
{
  g_return_if_fail (CARAVAN_IS_EXCERPT (self));
  g_return_if_fail (CARAVAN_IS_PLACE (place));

  g_ptr_array_add (self->places, g_object_ref (place));
}

void
caravan_excerpt_add_event (CaravanExcerpt *self,
                           CaravanEvent   *event)
{
  g_return_if_fail (CARAVAN_IS_EXCERPT (self));
  g_return_if_fail (CARAVAN_IS_EVENT (event));

  g_ptr_array_add (self->events, g_object_ref (event));
}

const char *
caravan_excerpt_get_id (CaravanExcerpt *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), NULL);
  return self->id;
}

const char *
caravan_excerpt_get_text (CaravanExcerpt *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), NULL);
  return self->text;
}

CaravanArticle *
caravan_excerpt_get_article (CaravanExcerpt *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), NULL);
  return self->article;
}

const char *
caravan_excerpt_get_note (CaravanExcerpt *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), NULL);
  return self->note;
}

guint
caravan_excerpt_get_n_places (CaravanExcerpt *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), 0);
  return self->places->len;
}

CaravanPlace *
caravan_excerpt_get_place (CaravanExcerpt *self,
                           guint           index)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), NULL);
  g_return_val_if_fail (index < self->places->len, NULL);
  return g_ptr_array_index (self->places, index);
}

/* An excerpt belongs to a place when it names it, or names an event at it. */
gboolean
caravan_excerpt_has_place (CaravanExcerpt *self,
                           CaravanPlace   *place)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), FALSE);

  if (place == NULL)
    return FALSE;
  if (g_ptr_array_find (self->places, place, NULL))
    return TRUE;
  for (guint i = 0; i < self->events->len; i++)
    if (caravan_event_has_place (g_ptr_array_index (self->events, i), place))
      return TRUE;
  return FALSE;
}

guint
caravan_excerpt_get_n_events (CaravanExcerpt *self)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), 0);
  return self->events->len;
}

CaravanEvent *
caravan_excerpt_get_event (CaravanExcerpt *self,
                           guint           index)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return g_ptr_array_index (self->events, index);
}

gboolean
caravan_excerpt_has_event (CaravanExcerpt *self,
                           CaravanEvent   *event)
{
  g_return_val_if_fail (CARAVAN_IS_EXCERPT (self), FALSE);
  return event != NULL && g_ptr_array_find (self->events, event, NULL);
}
