/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-ready-check.c: the offline "check before presenting": resolves each step's place and
 * renders the tile under it with the same renderer as the map, in words a presenter understands. */

#define G_LOG_DOMAIN "caravan-ready-check"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-basemap.h"
#include "caravan-event.h"
#include "caravan-map-source.h"
#include "caravan-place.h"
#include "caravan-ready-check.h"
#include "caravan-story.h"
#include "caravan-tile-renderer.h"

/* The map view shows a place at this zoom when the event has no camera (caravan-map-view.c). */
#define PLACE_ZOOM 6
#define MERCATOR_MAX_LATITUDE 85.0511

static gboolean
color_matches (const guint8          *pixel,
               const CaravanMapColor *color)
{
  /* Cairo ARGB32, native endianness, premultiplied; the background colour is opaque. */
  guint32 value = *(const guint32 *) pixel;

  return ABS ((int) ((value >> 16) & 0xff) - (int) round (color->red * 255)) <= 2 &&
         ABS ((int) ((value >> 8) & 0xff) - (int) round (color->green * 255)) <= 2 &&
         ABS ((int) (value & 0xff) - (int) round (color->blue * 255)) <= 2;
}

/* TRUE when the tile holds a drawing; the renderer paints the whole tile in the theme's
 * background colour when it could not draw. */
static gboolean
tile_is_drawn (cairo_surface_t *surface,
               CaravanMapTheme  theme)
{
  const CaravanMapColor *background = &caravan_map_theme_get_style (theme)->background;
  const guint8 *data;
  int width, height, stride;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return FALSE;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  if (data == NULL || width == 0 || height == 0)
    return FALSE;

  for (int y = 0; y < height; y += 4)
    for (int x = 0; x < width; x += 4)
      if (!color_matches (data + y * stride + x * 4, background))
        return TRUE;

  return FALSE;
}

static void
tile_at (double  latitude,
         double  longitude,
         guint   zoom,
         guint  *tile_x,
         guint  *tile_y)
{
  double n = (double) (1u << zoom);
  double s = sin (latitude * G_PI / 180.0);
  double x = (longitude + 180.0) / 360.0;
  double y = 0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI);

  *tile_x = (guint) CLAMP (floor (x * n), 0, n - 1);
  *tile_y = (guint) CLAMP (floor (y * n), 0, n - 1);
}

static void
add_sentence (GPtrArray  *array,
              guint       step,
              const char *title,
              const char *message)
{
  /* Translators: a line of the presentation check: “Step 5, “Title”: what is wrong” */
  g_ptr_array_add (array, g_strdup_printf (_("Step %u, “%s”: %s"), step, title, message));
}

gboolean
caravan_ready_check_story (CaravanStory    *story,
                           CaravanMapTheme  theme,
                           GPtrArray       *problems,
                           GPtrArray       *notes)
{
  g_autoptr(CaravanBasemap) basemap = NULL;
  g_autoptr(CaravanTileRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *events;
  guint n_events;
  guint n_problems_before;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  n_problems_before = problems->len;
  events = caravan_story_get_events (story);
  n_events = g_list_model_get_n_items (events);
  if (n_events == 0)
    g_ptr_array_add (problems, g_strdup (_("The story has no events, so there is nothing to present.")));

  basemap = caravan_basemap_get_default (&error);
  if (basemap == NULL)
    {
      /* Translators: %s is an error message */
      g_ptr_array_add (problems, g_strdup_printf (_("The offline base map cannot be loaded: %s"),
                                                  error->message));
      return FALSE;
    }
  renderer = caravan_tile_renderer_new (basemap, caravan_story_get_language (story));

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      const char *title = caravan_event_get_title (event);
      CaravanPlace *place = caravan_event_get_first_place (event);
      double latitude, longitude, camera_zoom = PLACE_ZOOM;
      double camera_latitude, camera_longitude;
      cairo_surface_t *surface;
      guint zoom, tile_x, tile_y;

      if (place == NULL)
        {
          if (notes != NULL)
            add_sentence (notes, i + 1, title,
                          _("has no place, so the map keeps the previous step’s view."));
          continue;
        }

      latitude = caravan_place_get_latitude (place);
      longitude = caravan_place_get_longitude (place);
      if (caravan_event_get_camera (event, &camera_latitude, &camera_longitude, &camera_zoom) &&
          !isnan (camera_latitude) && !isnan (camera_longitude))
        {
          latitude = camera_latitude;
          longitude = camera_longitude;
        }

      if (!isfinite (latitude) || !isfinite (longitude) ||
          fabs (latitude) > MERCATOR_MAX_LATITUDE || fabs (longitude) > 180.0)
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a place name */
          message = g_strdup_printf (_("the place “%s” lies outside the map."),
                                     caravan_place_get_display_name (place, NULL));
          add_sentence (problems, i + 1, title, message);
          continue;
        }

      /* A step that asks for more than the deepest zoom gets the deepest zoom: that is the map
       * at its best, not a shortfall. Only a request below the map's range changes the view. */
      zoom = (guint) CLAMP (round (camera_zoom), CARAVAN_MAP_SOURCE_MIN_ZOOM, CARAVAN_MAP_SOURCE_MAX_ZOOM);
      if (notes != NULL && round (camera_zoom) < zoom)
        {
          g_autofree char *message = NULL;

          /* Translators: both are map zoom levels */
          message = g_strdup_printf (_("asks for zoom %.0f; the offline map shows zoom %u instead."),
                                     round (camera_zoom), zoom);
          add_sentence (notes, i + 1, title, message);
        }

      tile_at (latitude, longitude, zoom, &tile_x, &tile_y);
      surface = caravan_tile_renderer_render (renderer, zoom, tile_x, tile_y, 1, theme, 0);
      if (surface == NULL || !tile_is_drawn (surface, theme))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a place name */
          message = g_strdup_printf (_("the map around “%s” could not be drawn."),
                                     caravan_place_get_display_name (place, NULL));
          add_sentence (problems, i + 1, title, message);
        }
      g_clear_pointer (&surface, cairo_surface_destroy);
    }

  return problems->len == n_problems_before;
}
