/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-selection.h: what the user is looking at (story, place, event, visible time range).
 * Views follow it and never talk to each other. Notifies only on change, and passes on the
 * story's ::item-changed (an edit) as its own ::item-changed, so views see edits too. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_SELECTION (caravan_selection_get_type ())

G_DECLARE_FINAL_TYPE (CaravanSelection, caravan_selection, CARAVAN, SELECTION, GObject)

CaravanSelection *caravan_selection_new                (void);

CaravanStory     *caravan_selection_get_story          (CaravanSelection *self);
/* Setting a story clears place and event and resets the visible range to the story's span. */
void              caravan_selection_set_story          (CaravanSelection *self,
                                                        CaravanStory     *story);
CaravanPlace     *caravan_selection_get_place          (CaravanSelection *self);
/* Selects @place (NULL clears); keeps the event only if it happens at @place. */
void              caravan_selection_select_place       (CaravanSelection *self,
                                                        CaravanPlace     *place);
CaravanEvent     *caravan_selection_get_event          (CaravanSelection *self);
/* Selects @event (NULL clears) and its first place. */
void              caravan_selection_select_event       (CaravanSelection *self,
                                                        CaravanEvent     *event);
void              caravan_selection_clear              (CaravanSelection *self);

/* Walk the story's events in date order; return FALSE (and change nothing) at the ends.
 * next/previous with no selected event select the first/last event. */
gboolean          caravan_selection_next_event         (CaravanSelection *self);
gboolean          caravan_selection_previous_event     (CaravanSelection *self);
gboolean          caravan_selection_first              (CaravanSelection *self);
gboolean          caravan_selection_last               (CaravanSelection *self);

/* The time range the timeline shows, as julian days (see caravan_date_get_first_julian());
 * fractional values are allowed. */
double            caravan_selection_get_visible_start  (CaravanSelection *self);
double            caravan_selection_get_visible_end    (CaravanSelection *self);
void              caravan_selection_set_visible_range  (CaravanSelection *self,
                                                        double            start,
                                                        double            end);
gboolean          caravan_selection_get_filter_by_time (CaravanSelection *self);
void              caravan_selection_set_filter_by_time (CaravanSelection *self,
                                                        gboolean          filter_by_time);
/* TRUE when @event should be shown: filter-by-time is off or it overlaps the visible range. */
gboolean          caravan_selection_event_is_visible   (CaravanSelection *self,
                                                        CaravanEvent     *event);

G_END_DECLS
