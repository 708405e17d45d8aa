/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-tile-renderer.h: draws Web Mercator tiles of the base map with Cairo and Pango.
 * No GTK: safe to call from any thread, several at once. */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "caravan-types.h"
#include "caravan-label-placer.h"
#include "caravan-map-theme.h"

G_BEGIN_DECLS

#define CARAVAN_TILE_SIZE 256
/* The zoom levels the offline base map draws (the map source and the ready check use them). */
#define CARAVAN_TILE_MIN_ZOOM 3
#define CARAVAN_TILE_MAX_ZOOM 12

#define CARAVAN_TYPE_TILE_RENDERER (caravan_tile_renderer_get_type ())
G_DECLARE_FINAL_TYPE (CaravanTileRenderer, caravan_tile_renderer, CARAVAN, TILE_RENDERER, GObject)

CaravanTileRenderer *caravan_tile_renderer_new          (CaravanBasemap      *basemap,
                                                         const char          *language);
CaravanTileRenderer *caravan_tile_renderer_new_full     (CaravanBasemap        *basemap,
                                                         const char            *language,
                                                         const CaravanMapPoint *hidden_places,
                                                         guint                  n_hidden);
CaravanLabelPlacer  *caravan_tile_renderer_get_label_placer (CaravanTileRenderer *self);
CaravanBasemap      *caravan_tile_renderer_get_basemap  (CaravanTileRenderer *self);
const char          *caravan_tile_renderer_get_language (CaravanTileRenderer *self);

cairo_surface_t     *caravan_tile_renderer_render       (CaravanTileRenderer *self,
                                                         guint                zoom,
                                                         guint                x,
                                                         guint                y,
                                                         guint                scale,
                                                         CaravanMapTheme      theme,
                                                         guint                margin_px);
void                 caravan_tile_renderer_draw         (CaravanTileRenderer *self,
                                                         cairo_t             *cr,
                                                         guint                zoom,
                                                         double               origin_x,
                                                         double               origin_y,
                                                         double               width,
                                                         double               height,
                                                         CaravanMapTheme      theme);

G_END_DECLS
