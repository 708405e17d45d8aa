/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-ready-check.h: "check before presenting": confirms offline, without GTK, that every
 * step of a story has a place that resolves and a map area that renders. */

#pragma once

#include <glib.h>

#include "caravan-types.h"
#include "caravan-map-theme.h"

G_BEGIN_DECLS

/* Checks every event of @story (the presentation's steps) with the offline base map drawn
 * in @theme. Adds one sentence per problem to @problems and per remark that is not a problem
 * (no place, zoom clamped) to @notes; returns TRUE when there is no problem. @notes may be NULL.
 * Renders one tile per step, so call it from a worker thread for large stories. */
gboolean caravan_ready_check_story (CaravanStory    *story,
                                    CaravanMapTheme  theme,
                                    GPtrArray       *problems,
                                    GPtrArray       *notes);

G_END_DECLS
