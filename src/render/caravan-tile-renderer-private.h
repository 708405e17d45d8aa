/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-tile-renderer-private.h: what the tile renderer's files share: one draw call's view
 * and the geometry helpers. */

#pragma once

#include "caravan-basemap-private.h"
#include "caravan-tile-renderer.h"

G_BEGIN_DECLS

/* What one draw call needs: the zoom, the tile's world origin and the scale to logical px. */
typedef struct
{
  guint zoom;
  double k;                     /* logical px per stored unit */
  double ox, oy;                /* world px of the drawing's top-left corner */
  double w, h;                  /* logical size */
  gint32 ux0, uy0, ux1, uy1;    /* culling box in stored units */
  const CaravanMapStyle *style;
  CaravanMapTheme theme;
} View;

void   caravan_tile_collect_features (const CaravanBasemapLayer   *layer,
                                      const View                  *view,
                                      GArray                      *ids);
void   caravan_tile_add_feature      (cairo_t                     *cr,
                                      const CaravanBasemapLayer   *layer,
                                      const CaravanBasemapFeature *f,
                                      const View                  *view,
                                      gboolean                     closed);
void   caravan_tile_set_color        (cairo_t                     *cr,
                                      const CaravanMapColor       *c);
double caravan_tile_zoom_factor      (guint                        zoom);

/* caravan-tile-layers.c: relief, built-up areas, roads and railways. */
void   caravan_tile_draw_relief      (cairo_t                     *cr,
                                      CaravanBasemap              *basemap,
                                      const View                  *view);
void   caravan_tile_draw_urban       (cairo_t                     *cr,
                                      const CaravanBasemapBand    *band,
                                      const View                  *view,
                                      GArray                      *ids);
void   caravan_tile_draw_transport   (cairo_t                     *cr,
                                      const CaravanBasemapBand    *band,
                                      const View                  *view,
                                      GArray                      *ids);

G_END_DECLS
