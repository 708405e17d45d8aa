/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-article.h: a source article the story quotes from. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_ARTICLE (caravan_article_get_type ())

G_DECLARE_FINAL_TYPE (CaravanArticle, caravan_article, CARAVAN, ARTICLE, GObject)

const char        *caravan_article_get_id          (CaravanArticle *self);
const char        *caravan_article_get_title       (CaravanArticle *self);
const char        *caravan_article_get_author      (CaravanArticle *self);
const char        *caravan_article_get_publication (CaravanArticle *self);
const char        *caravan_article_get_url         (CaravanArticle *self);
/* May be NULL when the article is undated. */
const CaravanDate *caravan_article_get_date        (CaravanArticle *self);

/* BCP 47 language of the article, or NULL: the story's language. */
const char        *caravan_article_get_language    (CaravanArticle *self);

/* "M. K. Bhadrakumar, “Multipolarity shows up in Kazakh steppes”, Indian Punchline,
 * 20 November 2022": what is known of the article, the title between the marks of its language
 * (@story_language when it has none), the date in the current locale. */
char              *caravan_article_format_citation (CaravanArticle *self,
                                                    const char     *story_language);

G_END_DECLS
