/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline.h: the story's events on a zoomable time axis; follows and drives a
 * CaravanSelection (selected place and event, visible time range). */

#pragma once

#include <gtk/gtk.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_TIMELINE (caravan_timeline_get_type ())

G_DECLARE_FINAL_TYPE (CaravanTimeline, caravan_timeline, CARAVAN, TIMELINE, GtkWidget)

GtkWidget        *caravan_timeline_new                (void);

CaravanSelection *caravan_timeline_get_selection      (CaravanTimeline *self);
void              caravan_timeline_set_selection      (CaravanTimeline *self,
                                                       CaravanSelection *selection);

/* Zooms by @factor (above 1 zooms in) keeping the date under @x in place, as Ctrl+scroll and
 * pinch do; writes the new range to the selection. */
void              caravan_timeline_zoom_at            (CaravanTimeline *self,
                                                       double           x,
                                                       double           factor);

/* Where @event is drawn, in widget coordinates; FALSE when it is not drawn on its own
 * (outside the visible range, or merged into a count badge). */
gboolean          caravan_timeline_get_event_bounds   (CaravanTimeline *self,
                                                       CaravanEvent    *event,
                                                       graphene_rect_t *out_bounds);
/* The event drawn at (@x, @y) (bar, dot or title), or NULL (transfer none). */
CaravanEvent     *caravan_timeline_event_at           (CaravanTimeline *self,
                                                       double           x,
                                                       double           y);
/* TRUE when @event happens at the selected place and is drawn highlighted. */
gboolean          caravan_timeline_is_event_highlighted (CaravanTimeline *self,
                                                       CaravanEvent    *event);

G_END_DECLS
