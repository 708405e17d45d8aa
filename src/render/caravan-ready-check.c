/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-ready-check.c: the offline "check before presenting": resolves each step's place and
 * renders the tile under it with the same renderer as the map, in words a presenter understands. */

#define G_LOG_DOMAIN "caravan-ready-check"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-basemap.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-ready-check.h"
#include "caravan-story.h"
#include "caravan-tile-renderer.h"

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
caravan_ready_finding_free (CaravanReadyFinding *finding)
{
  g_free (finding->event_id);
  g_free (finding->message);
  g_free (finding);
}

/* Adds a finding; @event is NULL for the story as a whole. */
static void
add_finding (GPtrArray       *findings,
             CaravanReadyKind kind,
             guint            step,
             CaravanEvent    *event,
             char            *message)
{
  CaravanReadyFinding *finding = g_new0 (CaravanReadyFinding, 1);

  finding->kind = kind;
  finding->step = step;
  finding->event_id = event ? g_strdup (caravan_event_get_id (event)) : NULL;
  if (event != NULL)
    {
      /* Translators: a line of the presentation check: “Step 5, “Title”: what is wrong” */
      finding->message = g_strdup_printf (_("Step %u, “%s”: %s"), step,
                                          caravan_event_get_title (event), message);
      g_free (message);
    }
  else
    finding->message = message;
  g_ptr_array_add (findings, finding);
}

gboolean
caravan_ready_finding_is_problem (const CaravanReadyFinding *finding)
{
  g_return_val_if_fail (finding != NULL, FALSE);

  return finding->kind != CARAVAN_READY_NO_PLACE && finding->kind != CARAVAN_READY_ZOOM_CLAMPED;
}

/* Problems first, each group in step order. */
static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const CaravanReadyFinding *fa = *(CaravanReadyFinding * const *) a;
  const CaravanReadyFinding *fb = *(CaravanReadyFinding * const *) b;
  gboolean pa = caravan_ready_finding_is_problem (fa), pb = caravan_ready_finding_is_problem (fb);

  if (pa != pb)
    return pa ? -1 : 1;
  return fa->step < fb->step ? -1 : fa->step > fb->step;
}

/* The number of findings in @findings that need fixing. */
guint
caravan_ready_count_problems (GPtrArray *findings)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);

  for (guint i = 0; i < findings->len; i++)
    n += caravan_ready_finding_is_problem (findings->pdata[i]);
  return n;
}

GPtrArray *
caravan_ready_check_story (CaravanStory    *story,
                           CaravanMapTheme  theme)
{
  g_autoptr(CaravanBasemap) basemap = NULL;
  g_autoptr(CaravanTileRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GListModel *events;
  guint n_events;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify) caravan_ready_finding_free);
  events = caravan_story_get_events (story);
  n_events = g_list_model_get_n_items (events);
  if (n_events == 0)
    add_finding (findings, CARAVAN_READY_NO_EVENTS, 0, NULL,
                 g_strdup (_("The story has no events, so there is nothing to present.")));

  basemap = caravan_basemap_get_default (&error);
  if (basemap == NULL)
    {
      /* Translators: %s is an error message */
      add_finding (findings, CARAVAN_READY_NO_BASE_MAP, 0, NULL,
                   g_strdup_printf (_("The offline base map cannot be loaded: %s"),
                                    error->message));
      return g_steal_pointer (&findings);
    }
  renderer = caravan_tile_renderer_new (basemap, caravan_story_get_language (story));

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      CaravanPlace *place = caravan_event_get_first_place (event);
      double latitude, longitude, camera_zoom;
      cairo_surface_t *surface;
      guint zoom, tile_x, tile_y;

      if (place == NULL)
        {
          add_finding (findings, CARAVAN_READY_NO_PLACE, i + 1, event,
                       g_strdup (_("has no place, so the map keeps the previous step’s view.")));
          continue;
        }

      /* the camera is clamped to the map; the place itself may lie beyond its edge */
      caravan_event_get_camera (event, &latitude, &longitude, &camera_zoom);
      if (fabs (caravan_place_get_latitude (place)) > CARAVAN_CAMERA_MAX_LATITUDE)
        {
          /* Translators: %s is a place name */
          add_finding (findings, CARAVAN_READY_OUTSIDE_MAP, i + 1, event,
                       g_strdup_printf (_("the place “%s” lies outside the map."),
                                        caravan_place_get_display_name (place, NULL)));
          continue;
        }

      zoom = (guint) CLAMP (round (camera_zoom), CARAVAN_TILE_MIN_ZOOM, CARAVAN_TILE_MAX_ZOOM);
      /* A step that asks for more than the deepest zoom gets the deepest zoom: that is the map
       * at its best, not a shortfall. Only a request below the map's range changes the view. */
      if (round (camera_zoom) < zoom)
        /* Translators: both are map zoom levels */
        add_finding (findings, CARAVAN_READY_ZOOM_CLAMPED, i + 1, event,
                     g_strdup_printf (_("asks for zoom %.0f; the offline map shows zoom %u "
                                        "instead."),
                                      round (camera_zoom), zoom));

      tile_at (latitude, longitude, zoom, &tile_x, &tile_y);
      surface = caravan_tile_renderer_render (renderer, zoom, tile_x, tile_y, 1, theme, 0);
      if (surface == NULL || !tile_is_drawn (surface, theme))
        /* Translators: %s is a place name */
        add_finding (findings, CARAVAN_READY_NOT_DRAWN, i + 1, event,
                     g_strdup_printf (_("the map around “%s” could not be drawn."),
                                      caravan_place_get_display_name (place, NULL)));
      g_clear_pointer (&surface, cairo_surface_destroy);
    }

  g_ptr_array_sort (findings, compare_findings);
  return g_steal_pointer (&findings);
}
