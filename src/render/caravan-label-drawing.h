/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-label-drawing.h: how one base map label looks: its font, its box on the map, and its
 * drawing, directly or into an image that tiles copy. Internal to CaravanLabelPlacer, which
 * decides where labels go. No GTK. */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "caravan-basemap-private.h"
#include "caravan-map-theme.h"

G_BEGIN_DECLS

#define CARAVAN_LABEL_MAX_SCALE 4      /* device scales with label images of their own */
#define CARAVAN_LABEL_HALO_PX 3.0       /* a label's box grows by this for its halo */
#define CARAVAN_LABEL_IMAGE_PAD 3.0     /* logical px of ink beyond a label's box */

/* A label drawn into an image, with its anchor at (fx, fy) of a device pixel. */
typedef struct
{
  cairo_surface_t *surface;
  int left, top;              /* image corner, device px from the anchor's pixel */
  double fx, fy;
} CaravanLabelImage;

typedef struct
{
  const CaravanBasemapLabel *label;
  char *text;
  double x0, y0, x1, y1;      /* box in world px at the placement's zoom */
  CaravanLabelImage *images[CARAVAN_LABEL_MAX_SCALE];  /* per device scale, made on first use
                                                       * (atomic) */
} CaravanPlacedLabel;

void               caravan_label_set_color            (cairo_t                   *cr,
                                                       const CaravanMapColor     *color);
PangoLayout       *caravan_label_create_layout        (PangoContext              *context,
                                                       const CaravanMapStyle     *style,
                                                       const CaravanBasemapLabel *label,
                                                       const char                *text,
                                                       guint                      zoom);
/* A context whose text sizes do not depend on the device scale. */
PangoContext      *caravan_label_create_pango_context (cairo_t                   *cr);
/* Sets @out's box (world px at the zoom where 1 stored unit is @k px) from the label's
 * measured logical size @w × @h, halo included. */
void               caravan_label_box                  (const CaravanBasemapLabel *label,
                                                       double                     k,
                                                       double                     w,
                                                       double                     h,
                                                       CaravanPlacedLabel        *out);
/* Draws one label with its anchor at (x, y) of @cr's user space (logical px). */
void               caravan_label_draw                 (cairo_t                   *cr,
                                                       PangoContext              *context,
                                                       const CaravanMapStyle     *style,
                                                       const CaravanPlacedLabel  *item,
                                                       guint                      zoom,
                                                       double                     x,
                                                       double                     y);
/* The label drawn into an image at @scale with its anchor at (fx, fy) of a device pixel. */
CaravanLabelImage *caravan_label_image_new            (const CaravanMapStyle     *style,
                                                       const CaravanPlacedLabel  *item,
                                                       guint                      zoom,
                                                       int                        scale,
                                                       double                     anchor_x,
                                                       double                     anchor_y,
                                                       double                     fx,
                                                       double                     fy);
void               caravan_label_image_free           (CaravanLabelImage         *image);
/* Whole-number device scale of @cr without rotation, up to CARAVAN_LABEL_MAX_SCALE, or 0. */
int                caravan_label_device_scale         (cairo_t                   *cr);

G_END_DECLS
