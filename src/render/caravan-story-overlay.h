/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-overlay.h: a story's routes and pins drawn over the base map with Cairo and
 * Pango, as the map view shows them: a dot with the place's name, featured places bigger. For
 * --render-map --story, the handout's maps and Export Image. No GTK. */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "caravan-types.h"

G_BEGIN_DECLS

typedef struct
{
  /* Names valid at this date (NULL: today) in this language (NULL: the story's). */
  const CaravanDate *date;
  const char        *language;
  /* Drawn as the selected pin: orange, larger, labelled first. May be NULL. */
  CaravanPlace      *highlight;
  /* Sizes are logical pixels times this (1: as on screen). */
  double             scale;
  /* Draw the places' names (TRUE unless the map is very small). */
  gboolean           labels;
  /* Grey and black instead of colours, for the print theme. */
  gboolean           greyscale;
} CaravanStoryOverlayOptions;

#define CARAVAN_STORY_OVERLAY_OPTIONS_INIT { NULL, NULL, NULL, 1.0, TRUE, FALSE }

/* Radius of a pin's coloured dot in logical pixels: featured places are bigger. */
#define CARAVAN_PIN_RADIUS 5.0
#define CARAVAN_PIN_RADIUS_FEATURED 7.5
#define CARAVAN_PIN_RADIUS_HIGHLIGHT 9.0

/* World pixel of a point at @zoom (256-px Web Mercator tiles, may be fractional). */
void  caravan_map_project               (double        latitude,
                                         double        longitude,
                                         double        zoom,
                                         double       *x,
                                         double       *y);
/* The zoom (fractional) and centre at which @story's places and routes fill a @width × @height
 * view with @margin pixels to spare, at most @max_zoom. FALSE when the story has no points. */
gboolean caravan_story_overlay_fit      (CaravanStory *story,
                                         double        width,
                                         double        height,
                                         double        margin,
                                         double        max_zoom,
                                         double       *zoom,
                                         double       *latitude,
                                         double       *longitude);
/* The colour of @place's dot (red, green, purple or blue by kind; orange when highlighted). */
void  caravan_story_overlay_pin_color   (CaravanPlace *place,
                                         gboolean      highlighted,
                                         gboolean      greyscale,
                                         double        rgb[3]);
/* Draws @story's routes, then its pins, into @cr, whose user space is logical pixels with the
 * world pixel (@origin_x, @origin_y) at @zoom at its origin, as caravan_tile_renderer_draw(). */
void  caravan_story_overlay_draw        (cairo_t                          *cr,
                                         CaravanStory                     *story,
                                         guint                             zoom,
                                         double                            origin_x,
                                         double                            origin_y,
                                         double                            width,
                                         double                            height,
                                         const CaravanStoryOverlayOptions *options);
/* The places of @story as points, for a renderer that leaves their names to the pins
 * (caravan_tile_renderer_new_full()); @n_points gets their number. */
CaravanMapPoint *caravan_story_overlay_dup_points (CaravanStory *story,
                                                   guint        *n_points);

G_END_DECLS
