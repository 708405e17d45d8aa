/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-tile-paintable.h: a map tile texture drawn with its bleed margin spilling over the
 * neighbours, which hides the seams the cairo renderer leaves at fractional tile offsets. */

#pragma once

#include <gtk/gtk.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_TILE_PAINTABLE (caravan_tile_paintable_get_type ())
G_DECLARE_FINAL_TYPE (CaravanTilePaintable, caravan_tile_paintable, CARAVAN, TILE_PAINTABLE,
                      GObject)

CaravanTilePaintable *caravan_tile_paintable_new         (GdkTexture           *texture,
                                                          guint                 margin_px);
CaravanTilePaintable *caravan_tile_paintable_new_for_surface (cairo_surface_t *surface,
                                                             GdkTexture      *texture,
                                                             guint            margin_px);
GdkTexture           *caravan_tile_paintable_get_texture (CaravanTilePaintable *self);
/* Whether tiles with a surface paint it instead of their texture: for GTK's cairo renderer,
 * set by the map view when it is realized. Process-wide: all windows share one renderer. */
void                  caravan_tile_paintable_set_paint_surfaces (gboolean paint);
gboolean              caravan_tile_paintable_get_paint_surfaces (void);

G_END_DECLS
