/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-label-placer.h: places the base map's labels once per zoom and theme for the whole
 * world and draws the ones that touch a tile. No GTK: any thread may draw. */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "caravan-types.h"
#include "caravan-map-theme.h"

G_BEGIN_DECLS

/* A point on the map (WGS 84 degrees). */
struct _CaravanMapPoint
{
  double latitude;
  double longitude;
};

#define CARAVAN_TYPE_LABEL_PLACER (caravan_label_placer_get_type ())
G_DECLARE_FINAL_TYPE (CaravanLabelPlacer, caravan_label_placer, CARAVAN, LABEL_PLACER, GObject)

CaravanLabelPlacer *caravan_label_placer_new         (CaravanBasemap        *basemap,
                                                      const char            *language,
                                                      const CaravanMapPoint *hidden_places,
                                                      guint                  n_hidden);
void                caravan_label_placer_draw        (CaravanLabelPlacer    *self,
                                                      cairo_t               *cr,
                                                      guint                  zoom,
                                                      CaravanMapTheme        theme,
                                                      double                 origin_x,
                                                      double                 origin_y,
                                                      double                 width,
                                                      double                 height);
gboolean            caravan_label_placer_is_placed   (CaravanLabelPlacer    *self,
                                                      guint                  zoom,
                                                      CaravanMapTheme        theme,
                                                      const char            *text,
                                                      double                *latitude,
                                                      double                *longitude);
gboolean            caravan_label_placer_is_hidden   (CaravanLabelPlacer    *self,
                                                      double                 latitude,
                                                      double                 longitude,
                                                      guint                  zoom);

G_END_DECLS
