/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-image.c: a picture of the map drawn by the tile renderer and the story overlay
 * in one pass over one surface, so that names are placed once for the whole picture and not
 * per tile. A fractional zoom is drawn at the nearest whole zoom, scaled by what remains
 * (at most √2 either way), with the story's pins kept at their size on screen. */

#define G_LOG_DOMAIN "caravan-map-image"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-map-image.h"
#include "caravan-story-overlay.h"
#include "caravan-tile-renderer.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
caravan_map_image_render (CaravanBasemap               *basemap,
                          CaravanStory                 *story,
                          const CaravanMapImageOptions *options)
{
  g_autoptr(CaravanTileRenderer) renderer = NULL;
  const char *language;
  cairo_surface_t *surface;
  cairo_t *cr;
  double zoom, stretch, cx, cy, view_w, view_h, origin_x, origin_y;
  guint whole_zoom;
  int pixel_w, pixel_h;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->width > 0 && options->height > 0 && options->scale > 0, NULL);

  pixel_w = (int) ceil (options->width * options->scale);
  pixel_h = (int) ceil (options->height * options->scale);
  if (pixel_w > CARAVAN_MAP_IMAGE_MAX_SIDE || pixel_h > CARAVAN_MAP_IMAGE_MAX_SIDE)
    return NULL;

  language = options->language != NULL ? options->language : g_get_language_names ()[0];
  if (story != NULL)
    {
      guint n_points;
      g_autofree CaravanMapPoint *points = caravan_story_overlay_dup_points (story, &n_points);

      renderer = caravan_tile_renderer_new_full (basemap, language, points, n_points);
    }
  else
    renderer = caravan_tile_renderer_new (basemap, language);

  zoom = CLAMP (options->zoom, 0.0, (double) CARAVAN_TILE_MAX_ZOOM);
  whole_zoom = (guint) round (zoom);
  stretch = exp2 (zoom - whole_zoom);          /* within [1/√2, √2] */
  caravan_map_project (options->latitude, options->longitude, whole_zoom, &cx, &cy);
  view_w = options->width / stretch;           /* the picture in world pixels at whole_zoom */
  view_h = options->height / stretch;
  origin_x = round (cx - view_w / 2.0);
  origin_y = round (cy - view_h / 2.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_w, pixel_h);
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale * stretch, options->scale * stretch);
  caravan_tile_renderer_draw (renderer, cr, whole_zoom, origin_x, origin_y, view_w, view_h,
                              options->theme);
  if (story != NULL)
    {
      CaravanStoryOverlayOptions overlay = CARAVAN_STORY_OVERLAY_OPTIONS_INIT;

      overlay.highlight = options->highlight;
      overlay.language = options->language;
      overlay.scale = 1.0 / stretch;           /* pins as big as on screen */
      caravan_story_overlay_draw (cr, story, whole_zoom, origin_x, origin_y, view_w, view_h,
                                  &overlay);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

GBytes *
caravan_map_image_to_png (cairo_surface_t  *surface,
                          GError          **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_status_t status;

  g_return_val_if_fail (surface != NULL, NULL);

  status = cairo_surface_write_to_png_stream (surface, append_bytes, data);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: %s is Cairo's reason */
                   _("The picture could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
