/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-view-camera.c: where the map looks: flights to the selection, the whole story,
 * whole-level zoom (also by scroll wheel) and panning. */

#define G_LOG_DOMAIN "caravan-map-view"

#include "config.h"

#include <math.h>

#include "caravan-event.h"
#include "caravan-map-view-private.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"

/* Web Mercator in normalised units: x, y in [0, 1]. */
static double
lon_to_x (double lon)
{
  return (lon + 180.0) / 360.0;
}

static double
lat_to_y (double lat)
{
  double s = sin (CLAMP (lat, -85.0511, 85.0511) * G_PI / 180.0);

  return 0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI);
}

static double
x_to_lon (double x)
{
  return x * 360.0 - 180.0;
}

static double
y_to_lat (double y)
{
  return 180.0 / G_PI * atan (sinh (G_PI * (1 - 2 * y)));
}

void
caravan_map_view_set_flying (CaravanMapView *self,
            gboolean        flying)
{
  if (self->flying == flying)
    return;

  self->flying = flying;
  caravan_map_view_notify (self, "flying");
}

static void
fly_to (CaravanMapView *self,
        double          lat,
        double          lon,
        double          zoom)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  gboolean animate = TRUE;

  g_object_get (settings, "gtk-enable-animations", &animate, NULL);
  /* Without animations libshumate moves at once and emits nothing. */
  caravan_map_view_set_flying (self, animate);
  /* libshumate refuses latitudes beyond its map, with a critical */
  shumate_map_go_to_full_with_duration (caravan_map_view_get_shumate_map (self),
                                        CLAMP (lat, -CARAVAN_CAMERA_MAX_LATITUDE,
                                               CARAVAN_CAMERA_MAX_LATITUDE),
                                        lon, CLAMP (zoom, MIN_ZOOM, MAX_ZOOM),
                                        FLIGHT_DURATION_MS);
}

/* Flies to the selected event's camera, else to the selected place. */
static gboolean
update_camera (gpointer user_data)
{
  CaravanMapView *self = user_data;
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  CaravanEvent *event = caravan_selection_get_event (self->selection);
  CaravanPlace *place = caravan_selection_get_place (self->selection);
  double zoom = MAX (round (shumate_viewport_get_zoom_level (viewport)), PLACE_ZOOM);
  double lat, lon, camera_zoom;

  self->camera_idle = 0;

  if (event != NULL && caravan_event_get_first_place (event) != NULL)
    {
      /* a place of the event picked on the map stays in the middle */
      if (place != NULL && !caravan_event_has_place (event, place))
        place = NULL;
      if (caravan_event_get_camera_at (event, place, &lat, &lon, &camera_zoom))
        zoom = round (camera_zoom);
    }
  else if (place != NULL)
    {
      lat = caravan_place_get_latitude (place);
      lon = caravan_place_get_longitude (place);
    }
  else
    {
      return G_SOURCE_REMOVE;
    }

  fly_to (self, lat, lon, zoom);
  return G_SOURCE_REMOVE;
}

void
caravan_map_view_queue_camera_update (CaravanMapView *self)
{
  /* Selecting an event also selects its place: fly once, after both notifies. */
  if (self->camera_idle == 0)
    self->camera_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_camera, self, NULL);
}

/* Whole zoom steps keep the offline tiles crisp (libshumate's own scroll zoom is fractional). */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CaravanMapView           *self)
{
  if (dy < 0)
    caravan_map_view_zoom_by (self, 1);
  else if (dy > 0)
    caravan_map_view_zoom_by (self, -1);

  return TRUE;
}

void
caravan_map_view_cancel_camera_update (CaravanMapView *self)
{
  g_clear_handle_id (&self->camera_idle, g_source_remove);
}

void
caravan_map_view_add_scroll_controller (CaravanMapView *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The view that shows every place of the story at the largest whole zoom level that fits them
 * in the view's size (256 px at least, before the view has one); FALSE without places. */
gboolean
caravan_map_view_get_story_fit (CaravanMapView *self,
                                double         *lat,
                                double         *lon,
                                double         *zoom)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  GListModel *places = story ? caravan_story_get_places (story) : NULL;
  double min_x = 1, max_x = 0, min_y = 1, max_y = 0;
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 256);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 256);
  double tile = caravan_map_view_get_tile_size (self);
  guint n = places ? g_list_model_get_n_items (places) : 0;

  if (n == 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);
      double x = lon_to_x (caravan_place_get_longitude (place));
      double y = lat_to_y (caravan_place_get_latitude (place));

      min_x = MIN (min_x, x);
      max_x = MAX (max_x, x);
      min_y = MIN (min_y, y);
      max_y = MAX (max_y, y);
    }

  /* Leave room around the outermost pins (about 64 px each side). */
  *zoom = floor (log2 (MIN ((width - 128) / MAX ((max_x - min_x) * tile, 1e-9),
                            (height - 128) / MAX ((max_y - min_y) * tile, 1e-9))));
  *zoom = CLAMP (*zoom, MIN_ZOOM, MAX_ZOOM);
  *lat = y_to_lat ((min_y + max_y) / 2);
  *lon = x_to_lon ((min_x + max_x) / 2);
  return TRUE;
}

/* Shows every place of the story, at the largest whole zoom level that fits them. */
void
caravan_map_view_fit_story (CaravanMapView *self)
{
  double lat, lon, zoom;

  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));

  if (caravan_map_view_get_story_fit (self, &lat, &lon, &zoom))
    fly_to (self, lat, lon, zoom);
}

/* Zooms by whole levels around the centre. */
void
caravan_map_view_zoom_by (CaravanMapView *self,
                          int             steps)
{
  ShumateViewport *viewport;
  double zoom;

  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));

  viewport = shumate_simple_map_get_viewport (self->map);
  zoom = CLAMP (round (shumate_viewport_get_zoom_level (viewport)) + steps, MIN_ZOOM, MAX_ZOOM);
  shumate_viewport_set_zoom_level (viewport, zoom);
}

/* Moves the view by @dx, @dy logical pixels. */
void
caravan_map_view_pan_by (CaravanMapView *self,
                         double          dx,
                         double          dy)
{
  ShumateViewport *viewport;
  double scale, x, y;

  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));

  viewport = shumate_simple_map_get_viewport (self->map);
  scale = caravan_map_view_get_tile_size (self) *
          pow (2, shumate_viewport_get_zoom_level (viewport));
  x = lon_to_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport))) + dx / scale;
  y = lat_to_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport))) + dy / scale;
  shumate_map_center_on (caravan_map_view_get_shumate_map (self), y_to_lat (CLAMP (y, 0, 1)),
                         x_to_lon (CLAMP (x, 0, 1)));
}

