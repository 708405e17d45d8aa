/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-view.c: the map: base map, flights, keyboard and zoom; follows CaravanSelection.
 * The pins and routes are in caravan-map-view-pins.c. */

#define G_LOG_DOMAIN "caravan-map-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-map-source.h"
#include "caravan-shortcuts.h"
#include "caravan-map-view-private.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-selection.h"
#include "caravan-story.h"

G_DEFINE_FINAL_TYPE (CaravanMapView, caravan_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_MAP_SOURCE,
  PROP_FLYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

ShumateMap *
caravan_map_view_get_shumate_map (CaravanMapView *self)
{
  return shumate_simple_map_get_map (self->map);
}

static void
set_flying (CaravanMapView *self,
            gboolean        flying)
{
  if (self->flying == flying)
    return;

  self->flying = flying;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLYING]);
}

/* libshumate 1.0 registers ShumateMap::animation-completed with the wrong marshaller, so C
 * handlers connected the usual way are never called; connect through a VOID__VOID closure. */
static void
on_animation_completed (CaravanMapView *self)
{
  set_flying (self, FALSE);
  caravan_map_view_declutter_pins (self);
  /* The flight's last frame can leave the pins as they were drawn mid-flight: draw them again. */
  gtk_widget_queue_allocate (GTK_WIDGET (self->marker_layer));
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
  set_flying (self, animate);
  shumate_map_go_to_full_with_duration (caravan_map_view_get_shumate_map (self), lat, lon, CLAMP (zoom, MIN_ZOOM, MAX_ZOOM),
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
      place = place ? place : caravan_event_get_first_place (event);
      lat = caravan_place_get_latitude (place);
      lon = caravan_place_get_longitude (place);
      if (caravan_event_get_camera (event, &lat, &lon, &camera_zoom))
        {
          zoom = round (camera_zoom);
          if (isnan (lat) || isnan (lon))
            {
              lat = caravan_place_get_latitude (place);
              lon = caravan_place_get_longitude (place);
            }
        }
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

static void
queue_camera_update (CaravanMapView *self)
{
  /* Selecting an event also selects its place: fly once, after both notifies. */
  if (self->camera_idle == 0)
    self->camera_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_camera, self, NULL);
}

static void
on_selection_story_changed (CaravanSelection *selection,
                            GParamSpec       *pspec,
                            CaravanMapView   *self)
{
  caravan_map_view_load_story (self);
}

static void
on_selection_place_or_event_changed (CaravanSelection *selection,
                                     GParamSpec       *pspec,
                                     CaravanMapView   *self)
{
  caravan_map_view_update_pins (self);
  queue_camera_update (self);
}

static void
on_selection_range_changed (CaravanSelection *selection,
                            GParamSpec       *pspec,
                            CaravanMapView   *self)
{
  if (caravan_selection_get_filter_by_time (selection) ||
      g_str_equal (pspec->name, "filter-by-time"))
    caravan_map_view_update_pins (self);
}

/* libshumate 1.0 requests tiles from a default-idle source that the layer adds when it is
 * allocated or the view moves. That idle never runs while slow frames keep the frame clock
 * busy (the base map freezes during flights), and at start-up it waits behind the window's
 * first frames; raise its priority above the frame clock's. */
static void
raise_tile_request_priority (CaravanMapView *self)
{
#if !SHUMATE_CHECK_VERSION (1, 1, 0)
  ShumateMap *map = caravan_map_view_get_shumate_map (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SHUMATE_IS_MAP_LAYER (child))
        {
          GSource *source = g_main_context_find_source_by_user_data (NULL, child);

          if (source != NULL && g_source_get_priority (source) > G_PRIORITY_HIGH_IDLE + 10)
            g_source_set_priority (source, G_PRIORITY_HIGH_IDLE + 10);
        }
    }
#endif
}

static void
on_viewport_zoom_changed (ShumateViewport *viewport,
                          GParamSpec      *pspec,
                          CaravanMapView  *self)
{
  caravan_map_view_declutter_pins (self);
}

static void
on_viewport_changed (ShumateViewport *viewport,
                     GParamSpec      *pspec,
                     CaravanMapView  *self)
{
  /* libshumate 1.0.3 shows a pin that comes back into view without allocating it again when
   * its old bounds happen to match (GTK warns "snapshot ShumateMarker without a current
   * allocation", and the pin is missing): allocate the pins again whenever the view moves. */
  gtk_widget_queue_allocate (GTK_WIDGET (self->marker_layer));
  raise_tile_request_priority (self);
}

static void
caravan_map_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (CARAVAN_MAP_VIEW (widget)->map), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
caravan_map_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CaravanMapView *self = CARAVAN_MAP_VIEW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->map), width, height, baseline, NULL);
  /* The map's layers have queued their tile requests by now. */
  raise_tile_request_priority (self);
}

/* Arrow keys pan by a quarter of the view; the direction is (-1|0|1, -1|0|1). */
static void
caravan_map_view_pan_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  CaravanMapView *self = CARAVAN_MAP_VIEW (widget);
  double step = MIN (gtk_widget_get_width (widget), gtk_widget_get_height (widget)) / 4.0;
  int dx, dy;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  caravan_map_view_pan_by (self, CLAMP (dx, -1, 1) * step, CLAMP (dy, -1, 1) * step);
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

static void
caravan_map_view_zoom_in_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  caravan_map_view_zoom_by (CARAVAN_MAP_VIEW (widget), 1);
}

static void
caravan_map_view_zoom_out_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_map_view_zoom_by (CARAVAN_MAP_VIEW (widget), -1);
}

static void
caravan_map_view_fit_story_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  caravan_map_view_fit_story (CARAVAN_MAP_VIEW (widget));
}

static void
caravan_map_view_dispose (GObject *object)
{
  CaravanMapView *self = CARAVAN_MAP_VIEW (object);

  g_clear_handle_id (&self->camera_idle, g_source_remove);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->map_source);
  g_clear_pointer (&self->pins, g_hash_table_unref);
  g_clear_pointer (&self->route_layers, g_ptr_array_unref);
  if (self->map != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->map));
      self->map = NULL;
    }

  G_OBJECT_CLASS (caravan_map_view_parent_class)->dispose (object);
}

static void
caravan_map_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CaravanMapView *self = CARAVAN_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_MAP_SOURCE:
      g_value_set_object (value, self->map_source);
      break;
    case PROP_FLYING:
      g_value_set_boolean (value, self->flying);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_map_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CaravanMapView *self = CARAVAN_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      caravan_map_view_set_selection (self, g_value_get_object (value));
      break;
    case PROP_MAP_SOURCE:
      caravan_map_view_set_map_source (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Before the window is first shown, the map has no size and libshumate asks for its tiles
 * only after the first frame; draw them meanwhile (caravan-map-view-tiles.c paints them in
 * that frame). The window's size bounds the map's. */
static void
prefetch_first_view (CaravanMapView  *self,
                     ShumateViewport *viewport)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  if (!CARAVAN_IS_MAP_SOURCE (self->map_source) || gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !GTK_IS_WINDOW (root))
    return;

  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (width > 0 && height > 0)
    caravan_map_source_prefetch (CARAVAN_MAP_SOURCE (self->map_source),
                                 shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                 shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                 (guint) round (shumate_viewport_get_zoom_level (viewport)),
                                 width, height);
}

static void
caravan_map_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CaravanMapView *self = CARAVAN_MAP_VIEW (widget);

  caravan_map_view_snapshot_tiles (self, snapshot);
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->map), snapshot);
}

static void
caravan_map_view_class_init (CaravanMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caravan_map_view_dispose;
  object_class->get_property = caravan_map_view_get_property;
  object_class->set_property = caravan_map_view_set_property;
  widget_class->measure = caravan_map_view_measure;
  widget_class->snapshot = caravan_map_view_snapshot;
  widget_class->size_allocate = caravan_map_view_size_allocate;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CARAVAN_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAP_SOURCE] =
    g_param_spec_object ("map-source", NULL, NULL, SHUMATE_TYPE_MAP_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while the map flies to a selection. */
  properties[PROP_FLYING] =
    g_param_spec_boolean ("flying", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", caravan_map_view_pan_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, caravan_map_view_zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, caravan_map_view_zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.fit-story", NULL, caravan_map_view_fit_story_action);
  caravan_shortcuts_add_bindings (widget_class, CARAVAN_SHORTCUTS_MAP);

  gtk_widget_class_set_css_name (widget_class, "caravan-map-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
caravan_map_view_init (CaravanMapView *self)
{
  GtkEventController *controller;
  ShumateViewport *viewport;
  GClosure *closure;

  self->pins = g_hash_table_new (NULL, NULL);
  self->route_layers = g_ptr_array_new ();
  self->tiles_frame = -1;

  self->map = shumate_simple_map_new ();
  shumate_simple_map_set_show_zoom_buttons (self->map, FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->map), GTK_WIDGET (self));
  viewport = shumate_simple_map_get_viewport (self->map);
  shumate_viewport_set_min_zoom_level (viewport, MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (viewport, MAX_ZOOM);
  shumate_scale_set_unit (shumate_simple_map_get_scale (self->map), SHUMATE_UNIT_METRIC);

  closure = g_cclosure_new_swap (G_CALLBACK (on_animation_completed), self, NULL);
  g_closure_set_marshal (closure, g_cclosure_marshal_VOID__VOID);
  g_object_watch_closure (G_OBJECT (self), closure);
  g_signal_connect_closure (caravan_map_view_get_shumate_map (self), "animation-completed::go-to", closure, FALSE);

  self->marker_layer = shumate_marker_layer_new (viewport);
  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (self->marker_layer));

  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_zoom_changed),
                           self, G_CONNECT_AFTER);

  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_object (self->selection_signals, "notify::story",
                                 G_CALLBACK (on_selection_story_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::place",
                                 G_CALLBACK (on_selection_place_or_event_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::event",
                                 G_CALLBACK (on_selection_place_or_event_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::visible-start",
                                 G_CALLBACK (on_selection_range_changed), self, 0);
  g_signal_group_connect_object (self->selection_signals, "notify::filter-by-time",
                                 G_CALLBACK (on_selection_range_changed), self, 0);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (on_scroll), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys pan, plus and minus zoom, Tab reaches the pins"),
                                  -1);
}

GtkWidget *
caravan_map_view_new (void)
{
  return g_object_new (CARAVAN_TYPE_MAP_VIEW, NULL);
}

CaravanSelection *
caravan_map_view_get_selection (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), NULL);

  return self->selection;
}

void
caravan_map_view_set_selection (CaravanMapView   *self,
                                CaravanSelection *selection)
{
  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));
  g_return_if_fail (!selection || CARAVAN_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;

  g_signal_group_set_target (self->selection_signals, selection);
  caravan_map_view_load_story (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

ShumateMapSource *
caravan_map_view_get_map_source (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), NULL);

  return self->map_source;
}

/* Sets the base map; the source's id, licence and zoom range must be set before. */
void
caravan_map_view_set_map_source (CaravanMapView   *self,
                                 ShumateMapSource *source)
{
  ShumateViewport *viewport;
  double zoom;

  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));
  g_return_if_fail (!source || SHUMATE_IS_MAP_SOURCE (source));

  if (!g_set_object (&self->map_source, source))
    return;

  /* set_map_source copies the source's zoom range into the viewport and may move the zoom. */
  viewport = shumate_simple_map_get_viewport (self->map);
  zoom = shumate_viewport_get_zoom_level (viewport);
  prefetch_first_view (self, viewport);
  shumate_simple_map_set_map_source (self->map, source);
  caravan_map_view_stack_layers (self);
  shumate_viewport_set_min_zoom_level (viewport, MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (viewport, MAX_ZOOM);
  shumate_viewport_set_zoom_level (viewport, zoom);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP_SOURCE]);
}

ShumateViewport *
caravan_map_view_get_viewport (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), NULL);

  return shumate_simple_map_get_viewport (self->map);
}

GtkWidget *
caravan_map_view_get_pin (CaravanMapView *self,
                          CaravanPlace   *place)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), NULL);

  return g_hash_table_lookup (self->pins, place);
}

const char *
caravan_map_view_get_pin_label (CaravanMapView *self,
                                CaravanPlace   *place)
{
  GtkWidget *pin;

  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), NULL);

  pin = g_hash_table_lookup (self->pins, place);
  return pin ? gtk_label_get_text (GTK_LABEL (caravan_map_view_get_label_widget (pin))) : NULL;
}

/* TRUE while the map flies to the selection (never with animations off). */
gboolean
caravan_map_view_get_flying (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), FALSE);

  return self->flying;
}

/* FALSE when @place's pin is hidden because a more important pin sits on top of it. */
gboolean
caravan_map_view_get_pin_shown (CaravanMapView *self,
                                CaravanPlace   *place)
{
  GtkWidget *pin;

  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), FALSE);

  pin = g_hash_table_lookup (self->pins, place);
  return pin != NULL && gtk_widget_get_visible (gtk_widget_get_parent (pin));
}

gboolean
caravan_map_view_get_pin_faded (CaravanMapView *self,
                                CaravanPlace   *place)
{
  GtkWidget *pin;

  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), FALSE);

  pin = g_hash_table_lookup (self->pins, place);
  return pin != NULL && gtk_widget_has_css_class (pin, "faded");
}

/* Shows every place of the story, at the largest whole zoom level that fits them. */
void
caravan_map_view_fit_story (CaravanMapView *self)
{
  CaravanStory *story;
  GListModel *places;
  double min_x = 1, max_x = 0, min_y = 1, max_y = 0;
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 256);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 256);
  double zoom;
  guint n;

  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));

  story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  if (story == NULL)
    return;

  places = caravan_story_get_places (story);
  n = g_list_model_get_n_items (places);
  if (n == 0)
    return;

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
  zoom = floor (log2 (MIN ((width - 128) / MAX ((max_x - min_x) * 256, 1e-9),
                           (height - 128) / MAX ((max_y - min_y) * 256, 1e-9))));
  fly_to (self, y_to_lat ((min_y + max_y) / 2), x_to_lon ((min_x + max_x) / 2), zoom);
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
  scale = 256.0 * pow (2, shumate_viewport_get_zoom_level (viewport));
  x = lon_to_x (shumate_location_get_longitude (SHUMATE_LOCATION (viewport))) + dx / scale;
  y = lat_to_y (shumate_location_get_latitude (SHUMATE_LOCATION (viewport))) + dy / scale;
  shumate_map_center_on (caravan_map_view_get_shumate_map (self), y_to_lat (CLAMP (y, 0, 1)), x_to_lon (CLAMP (x, 0, 1)));
}

