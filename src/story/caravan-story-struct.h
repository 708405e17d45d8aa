/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-struct.h: the story's instance struct, for the files of CaravanStory only
 * (caravan-story.c builds and reads it, caravan-story-edits.c changes it). */

#pragma once

#include "caravan-story.h"

G_BEGIN_DECLS

struct _CaravanStory
{
  GObject parent_instance;

  int format_version;
  char *id;
  char *title;
  char *subtitle;
  char *language;
  char *credits;
  char *license;
  double initial_latitude;
  double initial_longitude;
  double initial_zoom;
  gboolean has_initial_view;

  GListStore *articles;
  GListStore *places;
  GListStore *events;
  GListStore *excerpts;
  GListStore *routes;

  /* id -> object (borrowed from the stores) */
  GHashTable *article_ids;
  GHashTable *place_ids;
  GHashTable *event_ids;
  GHashTable *excerpt_ids;
  GHashTable *route_ids;
  /* event -> position in @events + 1 */
  GHashTable *event_positions;
  guint next_file_index;
  /* item (or the story itself) -> JsonObject of the members Caravan does not know, kept for
   * the writer */
  GHashTable *extras;   /* for events added by edits, after those of the file */

  /* While loading, items wait here and go into the stores in one splice each when sealed,
   * so building a story emits no items-changed per item. */
  GPtrArray *new_articles;
  GPtrArray *new_places;
  GPtrArray *new_events;
  GPtrArray *new_excerpts;
  GPtrArray *new_routes;
};

/* Sort key of an event, computed once: GDate-free julian days and the file order. */
typedef struct
{
  guint32 first;
  guint32 last;
  CaravanDatePrecision precision;
  guint file_index;
  CaravanEvent *event;
} EventKey;

EventKey caravan_story_make_event_key     (CaravanEvent  *event);
/* Same order as caravan_date_compare(), then file order. */
int      caravan_story_compare_event_keys (gconstpointer  a,
                                           gconstpointer  b);
void     caravan_story_emit_item_changed  (CaravanStory  *self,
                                           GObject       *item,
                                           const char    *property);

G_END_DECLS
