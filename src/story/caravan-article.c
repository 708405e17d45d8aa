/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-article.c: a source article the story quotes from. */

#define G_LOG_DOMAIN "caravan-article"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-quote.h"
#include "caravan-story-private.h"

struct _CaravanArticle
{
  GObject parent_instance;

  char *id;
  char *title;
  char *author;
  char *publication;
  char *url;
  char *language;
  CaravanDate date;
  gboolean has_date;
};

G_DEFINE_FINAL_TYPE (CaravanArticle, caravan_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_PUBLICATION,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
caravan_article_finalize (GObject *object)
{
  CaravanArticle *self = (CaravanArticle *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->author);
  g_free (self->publication);
  g_free (self->url);
  g_free (self->language);

  G_OBJECT_CLASS (caravan_article_parent_class)->finalize (object);
}

static void
caravan_article_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CaravanArticle *self = CARAVAN_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_PUBLICATION:
      g_value_set_string (value, self->publication);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_article_class_init (CaravanArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_article_finalize;
  object_class->get_property = caravan_article_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLICATION] = g_param_spec_string ("publication", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
caravan_article_init (CaravanArticle *self)
{
}

CaravanArticle *
caravan_article_new (const char        *id,
                     const char        *title,
                     const char        *author,
                     const char        *publication,
                     const char        *url,
                     const CaravanDate *date)
{
  CaravanArticle *self = g_object_new (CARAVAN_TYPE_ARTICLE, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->author = g_strdup (author);
  self->publication = g_strdup (publication);
  self->url = g_strdup (url);
  if (date != NULL)
    {
      self->date = *date;
      self->has_date = TRUE;
    }
  return self;
}

const char *
caravan_article_get_id (CaravanArticle *self)
{
  g_return_val_if_fail (CARAVAN_IS_ARTICLE (self), NULL);
  return self->id;
}

const char *
caravan_article_get_title (CaravanArticle *self)
{
  g_return_val_if_fail (CARAVAN_IS_ARTICLE (self), NULL);
  return self->title;
}

const char *
caravan_article_get_author (CaravanArticle *self)
{
  g_return_val_if_fail (CARAVAN_IS_ARTICLE (self), NULL);
  return self->author;
}

const char *
caravan_article_get_publication (CaravanArticle *self)
{
  g_return_val_if_fail (CARAVAN_IS_ARTICLE (self), NULL);
  return self->publication;
}

const char *
caravan_article_get_url (CaravanArticle *self)
{
  g_return_val_if_fail (CARAVAN_IS_ARTICLE (self), NULL);
  return self->url;
}

const CaravanDate *
caravan_article_get_date (CaravanArticle *self)
{
  g_return_val_if_fail (CARAVAN_IS_ARTICLE (self), NULL);
  return self->has_date ? &self->date : NULL;
}

/* The language of the article's text (BCP 47), or NULL when the story does not say: the
 * article is then in the story's language. */
const char *
caravan_article_get_language (CaravanArticle *self)
{
  g_return_val_if_fail (CARAVAN_IS_ARTICLE (self), NULL);
  return self->language;
}

void
caravan_article_set_language (CaravanArticle *self,
                              const char     *language)
{
  g_return_if_fail (CARAVAN_IS_ARTICLE (self));

  g_free (self->language);
  self->language = g_strdup (language);
}

char *
caravan_article_format_citation (CaravanArticle *self,
                                 const char     *story_language)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CARAVAN_IS_ARTICLE (self), NULL);

  if (self->author != NULL && *self->author != '\0')
    g_ptr_array_add (parts, g_strdup (self->author));
  g_ptr_array_add (parts, caravan_quote_format (self->title, self->language != NULL
                                                             ? self->language : story_language));
  if (self->publication != NULL && *self->publication != '\0')
    g_ptr_array_add (parts, g_strdup (self->publication));
  if (self->has_date)
    g_ptr_array_add (parts, caravan_date_format (&self->date));
  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the author, title, publication and date of a source */
  return g_strjoinv (C_("citation", ", "), (char **) parts->pdata);
}
