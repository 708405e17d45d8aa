/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-image.h: one picture of the map: the base map at a centre and zoom, a story's
 * routes and pins over it, at any size and pixel scale. For Export Image and --render-map.
 * No GTK. */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "caravan-map-theme.h"
#include "caravan-types.h"

G_BEGIN_DECLS

/* The largest side of a picture, in pixels. */
#define CARAVAN_MAP_IMAGE_MAX_SIDE 8192

typedef struct
{
  double           latitude;
  double           longitude;
  double           zoom;        /* may be fractional, as the map view's */
  int              width;       /* logical pixels, as on screen */
  int              height;
  double           scale;       /* pixels per logical pixel: 2 for a sharp picture twice as big */
  CaravanMapTheme  theme;
  CaravanPlace    *highlight;   /* drawn as the selected pin; may be NULL */
  const char      *language;    /* names of the base map; NULL for the UI language */
} CaravanMapImageOptions;

/* Draws the picture; @basemap NULL gives a plain map, @story NULL no pins. Returns an ARGB32
 * image surface of width × scale by height × scale pixels, or NULL when that is over
 * CARAVAN_MAP_IMAGE_MAX_SIDE. */
cairo_surface_t *caravan_map_image_render  (CaravanBasemap               *basemap,
                                            CaravanStory                 *story,
                                            const CaravanMapImageOptions *options);
/* The surface as a PNG file's bytes. */
GBytes          *caravan_map_image_to_png  (cairo_surface_t              *surface,
                                            GError                      **error);

G_END_DECLS
