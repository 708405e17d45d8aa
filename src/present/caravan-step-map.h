/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_STEP_MAP (caravan_step_map_get_type ())

G_DECLARE_FINAL_TYPE (CaravanStepMap, caravan_step_map, CARAVAN, STEP_MAP, GtkWidget)

/* A still picture of the base map around one event's place, with its pin: the presenter's
 * preview of the next step. Drawn with the offline tile renderer, no tiles or flights. */
GtkWidget    *caravan_step_map_new       (void);
CaravanEvent *caravan_step_map_get_event (CaravanStepMap *self);
void          caravan_step_map_set_event (CaravanStepMap *self,
                                          CaravanEvent   *event);
/* TRUE when the picture shows a place (the event has one and the map data loaded). */
gboolean      caravan_step_map_has_map   (CaravanStepMap *self);

G_END_DECLS
