/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-ready-check.h: "check before presenting": confirms offline, without GTK, that every
 * step of a story has a place that resolves and a map area that renders. */

#pragma once

#include <glib.h>

#include "caravan-types.h"
#include "caravan-map-theme.h"

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_READY_NO_EVENTS,      /* problem: nothing to present */
  CARAVAN_READY_NO_BASE_MAP,    /* problem: the bundled map data cannot be read */
  CARAVAN_READY_OUTSIDE_MAP,    /* problem: the step's place is off the Mercator map */
  CARAVAN_READY_NOT_DRAWN,      /* problem: the tile under the step's place stays empty */
  CARAVAN_READY_NO_PLACE,       /* remark: the map keeps the previous step's view */
  CARAVAN_READY_ZOOM_CLAMPED,   /* remark: the step asks for a zoom the map does not draw */
} CaravanReadyKind;

typedef struct
{
  CaravanReadyKind  kind;
  guint             step;       /* from 1; 0 for the story as a whole */
  char             *event_id;   /* NULL for the story as a whole */
  char             *message;    /* one translated sentence for the presenter */
} CaravanReadyFinding;

gboolean   caravan_ready_finding_is_problem (const CaravanReadyFinding *finding);
guint      caravan_ready_count_problems     (GPtrArray                 *findings);

/* Checks every event of @story (the presentation's steps) with the offline base map drawn in
 * @theme. Returns the findings (CaravanReadyFinding), problems first, then remarks that need
 * no fixing, each in step order; empty when all is well. Renders one tile per step, so call it
 * from a worker thread for large stories. */
GPtrArray *caravan_ready_check_story        (CaravanStory              *story,
                                             CaravanMapTheme            theme);

G_END_DECLS
