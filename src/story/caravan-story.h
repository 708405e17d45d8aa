/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story.h: a loaded story: metadata plus list models of places, events (by date),
 * excerpts and routes that views bind to. Once loaded, a story changes only through edits
 * (CaravanUndoStack): each one emits ::item-changed, detailed with the property, after it, and
 * an event whose date changed moves to its place in the events list. */

#pragma once

#include <gio/gio.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_STORY (caravan_story_get_type ())

G_DECLARE_FINAL_TYPE (CaravanStory, caravan_story, CARAVAN, STORY, GObject)

/* An empty story to start from (New): @title, in @language (a locale name such as "ru_RU.UTF-8"
 * or a language tag; NULL for English). */
CaravanStory   *caravan_story_new_untitled    (const char   *title,
                                               const char   *language);

const char     *caravan_story_get_id          (CaravanStory *self);
const char     *caravan_story_get_title       (CaravanStory *self);
const char     *caravan_story_get_subtitle    (CaravanStory *self);
/* BCP 47 language of the story text, e.g. "en". */
const char     *caravan_story_get_language    (CaravanStory *self);
const char     *caravan_story_get_credits     (CaravanStory *self);
const char     *caravan_story_get_license     (CaravanStory *self);
int             caravan_story_get_format_version (CaravanStory *self);
/* FALSE when the story gives no initial_view (then 0, 0 at zoom 3): fit its places instead. */
gboolean        caravan_story_get_initial_view (CaravanStory *self,
                                               double       *latitude,
                                               double       *longitude,
                                               double       *zoom);

/* Lists (transfer none, never NULL). Events are sorted by date, then by file order. */
GListModel     *caravan_story_get_articles    (CaravanStory *self);
GListModel     *caravan_story_get_places      (CaravanStory *self);
GListModel     *caravan_story_get_events      (CaravanStory *self);
GListModel     *caravan_story_get_excerpts    (CaravanStory *self);
GListModel     *caravan_story_get_routes      (CaravanStory *self);

/* Lookups by id (transfer none, NULL when unknown). */
CaravanArticle *caravan_story_lookup_article  (CaravanStory *self,
                                               const char   *id);
CaravanPlace   *caravan_story_lookup_place    (CaravanStory *self,
                                               const char   *id);
CaravanEvent   *caravan_story_lookup_event    (CaravanStory *self,
                                               const char   *id);
CaravanExcerpt *caravan_story_lookup_excerpt  (CaravanStory *self,
                                               const char   *id);
CaravanRoute   *caravan_story_lookup_route    (CaravanStory *self,
                                               const char   *id);

/* Position of @event in caravan_story_get_events(), or G_MAXUINT. */
guint           caravan_story_get_event_index (CaravanStory *self,
                                               CaravanEvent *event);

/* New lists (transfer full) in story order: events by date, excerpts in file order. The
 * excerpts of a place include those linked to one of its events. */
GListModel     *caravan_story_list_events_of_place   (CaravanStory *self,
                                                      CaravanPlace *place);
GListModel     *caravan_story_list_excerpts_of_place (CaravanStory *self,
                                                      CaravanPlace *place);
GListModel     *caravan_story_list_excerpts_of_event (CaravanStory *self,
                                                      CaravanEvent *event);
GListModel     *caravan_story_list_featured_places   (CaravanStory *self);

/* The excerpt a presentation step shows with @event: its first excerpt in story order, or
 * NULL (transfer full). Exports and the handout use it so that they say what was shown. */
CaravanExcerpt *caravan_story_dup_step_excerpt       (CaravanStory   *self,
                                                      CaravanEvent   *event);
/* @excerpt's text between the quotation marks of its article's language (else the story's). */
char           *caravan_story_format_quote           (CaravanStory   *self,
                                                      CaravanExcerpt *excerpt);

/* Events, excerpts and routes that name @place; excerpts that name @event (an item still
 * named is not deleted). */
guint           caravan_story_count_place_uses (CaravanStory *self,
                                                CaravanPlace *place);
guint           caravan_story_count_event_uses (CaravanStory *self,
                                                CaravanEvent *event);

/* First and last julian day covered by any event; FALSE when the story has no events. */
gboolean        caravan_story_get_time_span   (CaravanStory *self,
                                               guint32      *first_julian,
                                               guint32      *last_julian);

G_END_DECLS
