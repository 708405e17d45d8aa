/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-private.h: constructors and setters the loader uses to build a story. Views
 * never include this; a loaded story is immutable. */

#pragma once

#include <json-glib/json-glib.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-story.h"

G_BEGIN_DECLS

CaravanArticle *caravan_article_new            (const char        *id,
                                                const char        *title,
                                                const char        *author,
                                                const char        *publication,
                                                const char        *url,
                                                const CaravanDate *date);
void            caravan_article_set_language   (CaravanArticle    *self,
                                                const char        *language);

CaravanPlace   *caravan_place_new              (const char        *id,
                                                const char        *name,
                                                const char        *kind,
                                                const char        *description,
                                                double             latitude,
                                                double             longitude,
                                                gboolean           featured);
void            caravan_place_add_translation  (CaravanPlace      *self,
                                                const char        *lang,
                                                const char        *name);
/* Returns the period's index, for caravan_place_add_period_translation(). */
guint           caravan_place_add_name_period  (CaravanPlace      *self,
                                                const char        *name,
                                                const CaravanDate *from,
                                                const CaravanDate *until);
/* Present-day names by language (@period == G_MAXUINT) or those of a name period; lang ->
 * name, NULL when there are none. For the writer. */
GHashTable     *caravan_place_get_translations (CaravanPlace      *self,
                                                guint              period);
void            caravan_place_add_period_translation (CaravanPlace *self,
                                                guint              period,
                                                const char        *lang,
                                                const char        *name);

CaravanEvent   *caravan_event_new              (const char        *id,
                                                const char        *title,
                                                const char        *description,
                                                const CaravanDate *date,
                                                const char        *category,
                                                GStrv              tags,
                                                const char        *notes,
                                                gboolean           derived);
void            caravan_event_add_place        (CaravanEvent      *self,
                                                CaravanPlace      *place);
void            caravan_event_set_camera       (CaravanEvent      *self,
                                                double             latitude,
                                                double             longitude,
                                                double             zoom);
guint           caravan_event_get_file_index   (CaravanEvent      *self);
void            caravan_event_set_file_index   (CaravanEvent      *self,
                                                guint              index);

CaravanExcerpt *caravan_excerpt_new            (const char        *id,
                                                const char        *text,
                                                CaravanArticle    *article,
                                                const char        *note);
void            caravan_excerpt_add_place      (CaravanExcerpt    *self,
                                                CaravanPlace      *place);
void            caravan_excerpt_add_event      (CaravanExcerpt    *self,
                                                CaravanEvent      *event);

CaravanRoute   *caravan_route_new              (const char        *id,
                                                const char        *label,
                                                const char        *style,
                                                gboolean           schematic,
                                                const char        *description);
void            caravan_route_add_point        (CaravanRoute      *self,
                                                CaravanPlace      *place,
                                                double             latitude,
                                                double             longitude);

CaravanStory   *caravan_story_new              (void);
void            caravan_story_set_metadata     (CaravanStory      *self,
                                                int                format_version,
                                                const char        *id,
                                                const char        *title,
                                                const char        *subtitle,
                                                const char        *language,
                                                const char        *credits,
                                                const char        *license);
void            caravan_story_set_initial_view (CaravanStory      *self,
                                                double             latitude,
                                                double             longitude,
                                                double             zoom);
/* The add functions take ownership; ids are unique (the loader checks). */
void            caravan_story_add_article      (CaravanStory      *self,
                                                CaravanArticle    *article);
void            caravan_story_add_place        (CaravanStory      *self,
                                                CaravanPlace      *place);
void            caravan_story_add_event        (CaravanStory      *self,
                                                CaravanEvent      *event);
void            caravan_story_add_excerpt      (CaravanStory      *self,
                                                CaravanExcerpt    *excerpt);
void            caravan_story_add_route        (CaravanStory      *self,
                                                CaravanRoute      *route);
/* After an edit set @property of @item (a place, event, excerpt or route of @self): keeps
 * the events in date order and emits CaravanStory::item-changed. CaravanEdit calls it. */
void            caravan_story_item_changed     (CaravanStory      *self,
                                                GObject           *item,
                                                const char        *property);
/* Edits that add and remove items (caravan-story-edits.c); each emits ::item-changed with
 * "added" or "removed" for a property. An event goes to its place in date order; an event
 * new to the story gets a file index after the others (file index G_MAXUINT asks for one). */
void            caravan_story_insert_place     (CaravanStory      *self,
                                                CaravanPlace      *place,
                                                guint              position);
/* Returns where the place was, or G_MAXUINT. */
guint           caravan_story_remove_place     (CaravanStory      *self,
                                                CaravanPlace      *place);
void            caravan_story_insert_event     (CaravanStory      *self,
                                                CaravanEvent      *event);
void            caravan_story_remove_event     (CaravanStory      *self,
                                                CaravanEvent      *event);
/* An id made from @name that no place (or event, for CARAVAN_TYPE_EVENT) has yet. */
char           *caravan_story_make_id          (CaravanStory      *self,
                                                GType              type,
                                                const char        *name);
/* Members of an item's object (or of the story's, for @item the story) that Caravan does not
 * know: the writer writes them back after the ones it knows, so a save loses nothing. */
void            caravan_story_set_extra_members (CaravanStory     *self,
                                                 gpointer          item,
                                                 JsonObject       *members);
JsonObject     *caravan_story_get_extra_members (CaravanStory     *self,
                                                 gpointer          item);
/* Sorts the events by date and fills the list models; call once, after the last add. Until
 * then only the lookups by id work. */
void            caravan_story_seal             (CaravanStory      *self);

G_END_DECLS
