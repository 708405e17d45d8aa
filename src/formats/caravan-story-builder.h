/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-builder.h: what the importers share to make a story: unique ids, checked
 * coordinates, articles for quoted sources, the initial view, and the report's summary. */

#pragma once

#include <glib-object.h>

#include "caravan-import-report.h"
#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_STORY_BUILDER (caravan_story_builder_get_type ())
G_DECLARE_FINAL_TYPE (CaravanStoryBuilder, caravan_story_builder, CARAVAN, STORY_BUILDER, GObject)

CaravanStoryBuilder *caravan_story_builder_new        (CaravanImportReport *report);
CaravanImportReport *caravan_story_builder_get_report (CaravanStoryBuilder *self);
void                 caravan_story_builder_set_title  (CaravanStoryBuilder *self,
                                                       const char          *title,
                                                       const char          *subtitle);
void                 caravan_story_builder_set_credits (CaravanStoryBuilder *self,
                                                       const char          *credits);
/* TRUE when @latitude/@longitude make a point on Earth; swaps them (with a note) when only
 * the swapped pair does; FALSE with a note naming @what at @location otherwise. */
gboolean             caravan_story_builder_check_point (CaravanStoryBuilder *self,
                                                       double              *latitude,
                                                       double              *longitude,
                                                       const char          *location,
                                                       const char          *what);
/* Each returns the new item (transfer none), or NULL with a note when it cannot be made. */
CaravanPlace        *caravan_story_builder_add_place  (CaravanStoryBuilder *self,
                                                       const char          *name,
                                                       const char          *kind,
                                                       const char          *description,
                                                       double               latitude,
                                                       double               longitude,
                                                       const char          *location);
/* @id_hint (may be NULL) is the source's own id, e.g. a TimelineJS unique_id. */
CaravanEvent        *caravan_story_builder_add_event  (CaravanStoryBuilder *self,
                                                       const char          *id_hint,
                                                       const char          *title,
                                                       const char          *description,
                                                       const CaravanDate   *date,
                                                       CaravanPlace        *place,
                                                       const char          *category,
                                                       const char          *location);
CaravanExcerpt      *caravan_story_builder_add_excerpt (CaravanStoryBuilder *self,
                                                       const char          *text,
                                                       const char          *source,
                                                       CaravanPlace        *place,
                                                       CaravanEvent        *event);
/* @points holds @n_points latitude, longitude pairs; unusable points are left out. */
CaravanRoute        *caravan_story_builder_add_route  (CaravanStoryBuilder *self,
                                                       const char          *label,
                                                       const char          *style,
                                                       const double        *points,
                                                       guint                n_points,
                                                       const char          *location);
guint                caravan_story_builder_get_n_places (CaravanStoryBuilder *self);
guint                caravan_story_builder_get_n_items (CaravanStoryBuilder *self);
/* Seals the story; fails with CARAVAN_IMPORT_ERROR_EMPTY when it has nothing to show. */
CaravanStory        *caravan_story_builder_finish     (CaravanStoryBuilder *self,
                                                       GError             **error);

G_END_DECLS
