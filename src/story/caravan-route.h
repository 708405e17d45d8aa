/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-route.h: an ordered line through places or coordinates, e.g. a rail corridor. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_ROUTE (caravan_route_get_type ())

G_DECLARE_FINAL_TYPE (CaravanRoute, caravan_route, CARAVAN, ROUTE, GObject)

const char   *caravan_route_get_id        (CaravanRoute *self);
const char   *caravan_route_get_label     (CaravanRoute *self);
/* A style name: "rail", "road", "sea", "flight" or "line". */
const char   *caravan_route_get_style     (CaravanRoute *self);
/* TRUE when the line only shows the direction, not the real track. */
gboolean      caravan_route_get_schematic (CaravanRoute *self);
const char   *caravan_route_get_description (CaravanRoute *self);

guint         caravan_route_get_n_points  (CaravanRoute *self);
/* Returns the place at @index, or NULL for a bare coordinate; fills @latitude/@longitude. */
CaravanPlace *caravan_route_get_point     (CaravanRoute *self,
                                           guint         index,
                                           double       *latitude,
                                           double       *longitude);

G_END_DECLS
