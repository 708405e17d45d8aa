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
GdkTexture           *caravan_tile_paintable_get_texture (CaravanTilePaintable *self);

G_END_DECLS
