/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-excerpt.h: a verbatim quote from an article, linked to places and events. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_EXCERPT (caravan_excerpt_get_type ())

G_DECLARE_FINAL_TYPE (CaravanExcerpt, caravan_excerpt, CARAVAN, EXCERPT, GObject)

const char     *caravan_excerpt_get_id       (CaravanExcerpt *self);
/* The quoted text, exactly as in the article. */
const char     *caravan_excerpt_get_text     (CaravanExcerpt *self);
CaravanArticle *caravan_excerpt_get_article  (CaravanExcerpt *self);
/* A factual note where the article's claim differs from the record; may be NULL. */
const char     *caravan_excerpt_get_note     (CaravanExcerpt *self);

guint           caravan_excerpt_get_n_places (CaravanExcerpt *self);
CaravanPlace   *caravan_excerpt_get_place    (CaravanExcerpt *self,
                                              guint           index);
/* TRUE when the excerpt names @place or one of its events happens there. */
gboolean        caravan_excerpt_has_place    (CaravanExcerpt *self,
                                              CaravanPlace   *place);
guint           caravan_excerpt_get_n_events (CaravanExcerpt *self);
CaravanEvent   *caravan_excerpt_get_event    (CaravanExcerpt *self,
                                              guint           index);
gboolean        caravan_excerpt_has_event    (CaravanExcerpt *self,
                                              CaravanEvent   *event);

G_END_DECLS
