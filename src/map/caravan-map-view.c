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
#include "caravan-pin.h"
#include "caravan-tile-paintable.h"
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
  PROP_THEME,
  PROP_ONLINE,
  PROP_TILE_SCALE,
  PROP_MAGNIFICATION,
  PROP_LABEL_STORY_PLACES,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ShumateMap *
caravan_map_view_get_shumate_map (CaravanMapView *self)
{
  return shumate_simple_map_get_map (self->map);
}

void
caravan_map_view_notify (CaravanMapView *self,
                         const char     *property)
{
  for (guint i = 1; i < N_PROPS; i++)
    if (g_str_equal (g_param_spec_get_name (properties[i]), property))
      {
        g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
        return;
      }
  g_critical ("CaravanMapView has no property %s", property);
}

/* libshumate 1.0 registers ShumateMap::animation-completed with the wrong marshaller, so C
 * handlers connected the usual way are never called; connect through a VOID__VOID closure. */
static void
on_animation_completed (CaravanMapView *self)
{
  caravan_map_view_set_flying (self, FALSE);
  caravan_map_view_declutter_pins (self);
  /* The flight's last frame can leave the pins as they were drawn mid-flight: draw them again. */
  gtk_widget_queue_allocate (GTK_WIDGET (self->marker_layer));
}

static void
on_selection_story_changed (CaravanSelection *selection,
                            GParamSpec       *pspec,
                            CaravanMapView   *self)
{
  /* The story's first view first: the new base map draws that view ahead. */
  caravan_map_view_ensure_projection (self);
  caravan_map_view_load_story (self);
  caravan_map_view_update_base_map (self);
}

static void
on_scale_factor_changed (CaravanMapView *self,
                         GParamSpec     *pspec,
                         gpointer        user_data)
{
  if (self->tile_scale == 0)
    caravan_map_view_update_base_map (self);
}

static void
on_selection_place_or_event_changed (CaravanSelection *selection,
                                     GParamSpec       *pspec,
                                     CaravanMapView   *self)
{
  caravan_map_view_update_pins (self);
  caravan_map_view_queue_camera_update (self);
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

  caravan_map_view_cancel_camera_update (self);
  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->map_source);
  g_clear_object (&self->base_map_story);
  g_clear_pointer (&self->pins, g_hash_table_unref);
  g_clear_pointer (&self->route_layers, g_ptr_array_unref);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
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
    case PROP_THEME:
      g_value_set_enum (value, self->theme);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_TILE_SCALE:
      g_value_set_uint (value, self->tile_scale);
      break;
    case PROP_MAGNIFICATION:
      g_value_set_uint (value, self->magnification);
      break;
    case PROP_LABEL_STORY_PLACES:
      g_value_set_boolean (value, self->label_story_places);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
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
    case PROP_THEME:
      caravan_map_view_set_theme (self, g_value_get_enum (value));
      break;
    case PROP_ONLINE:
      caravan_map_view_set_online (self, g_value_get_boolean (value));
      break;
    case PROP_TILE_SCALE:
      caravan_map_view_set_tile_scale (self, g_value_get_uint (value));
      break;
    case PROP_MAGNIFICATION:
      caravan_map_view_set_magnification (self, g_value_get_uint (value));
      break;
    case PROP_LABEL_STORY_PLACES:
      caravan_map_view_set_label_story_places (self, g_value_get_boolean (value));
      break;
    case PROP_EDITABLE:
      if (self->editable != g_value_get_boolean (value))
        {
          self->editable = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  /* The libshumate source the view made from its base-map properties. */
  properties[PROP_MAP_SOURCE] =
    g_param_spec_object ("map-source", NULL, NULL, SHUMATE_TYPE_MAP_SOURCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEME] =
    g_param_spec_enum ("theme", NULL, NULL, CARAVAN_TYPE_MAP_THEME, CARAVAN_MAP_THEME_LIGHT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* OpenStreetMap's tiles instead of the offline map. */
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The scale tiles are drawn at; 0 follows the widget's scale factor. */
  properties[PROP_TILE_SCALE] =
    g_param_spec_uint ("tile-scale", NULL, NULL, 0, 4, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 2 draws the map, its names and the pins twice as large (for a 4K projector). */
  properties[PROP_MAGNIFICATION] =
    g_param_spec_uint ("magnification", NULL, NULL, 1, 2, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* FALSE leaves the names of the story's places to the pins (which carry dated names). */
  properties[PROP_LABEL_STORY_PLACES] =
    g_param_spec_boolean ("label-story-places", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE in the edit mode: a secondary click offers "Add Place Here" (win.add-place-at). */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* TRUE while the map flies to a selection. */
  properties[PROP_FLYING] =
    g_param_spec_boolean ("flying", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "map.pan", "(ii)", caravan_map_view_pan_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL,
                                   caravan_map_view_zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL,
                                   caravan_map_view_zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.fit-story", NULL,
                                   caravan_map_view_fit_story_action);
  caravan_shortcuts_add_bindings (widget_class, CARAVAN_SHORTCUTS_MAP);

  gtk_widget_class_set_css_name (widget_class, "caravan-map-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The tiles draw the way the window's renderer draws fastest (caravan-tile-paintable.c). */
static void
on_realize (GtkWidget *widget)
{
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  caravan_tile_paintable_set_paint_surfaces (GSK_IS_CAIRO_RENDERER (renderer));
}

static void
caravan_map_view_init (CaravanMapView *self)
{
  ShumateViewport *viewport;
  GClosure *closure;

  self->pins = g_hash_table_new (NULL, NULL);
  self->route_layers = g_ptr_array_new ();
  self->routes = g_ptr_array_new_with_free_func (g_object_unref);
  self->tiles_frame = -1;
  self->magnification = 1;

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
  g_signal_connect_closure (caravan_map_view_get_shumate_map (self), "animation-completed::go-to",
                            closure, FALSE);

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
  g_signal_group_connect_object (self->selection_signals, "item-changed",
                                 G_CALLBACK (caravan_map_view_on_item_changed), self, 0);

  caravan_map_view_add_scroll_controller (self);
  caravan_map_view_add_edit_controller (self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);

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
  caravan_map_view_ensure_projection (self);
  caravan_map_view_load_story (self);
  caravan_map_view_update_base_map (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

ShumateMapSource *
caravan_map_view_get_map_source (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), NULL);

  return self->map_source;
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
  CaravanPin *pin;

  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), NULL);

  pin = g_hash_table_lookup (self->pins, place);
  return pin ? caravan_pin_get_button (pin) : NULL;
}

const char *
caravan_map_view_get_pin_label (CaravanMapView *self,
                                CaravanPlace   *place)
{
  CaravanPin *pin;

  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), NULL);

  pin = g_hash_table_lookup (self->pins, place);
  return pin ? caravan_pin_get_name (pin) : NULL;
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
  CaravanPin *pin;

  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), FALSE);

  pin = g_hash_table_lookup (self->pins, place);
  return pin != NULL && gtk_widget_get_visible (GTK_WIDGET (pin));
}

gboolean
caravan_map_view_get_pin_faded (CaravanMapView *self,
                                CaravanPlace   *place)
{
  CaravanPin *pin;

  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), FALSE);

  pin = g_hash_table_lookup (self->pins, place);
  return pin != NULL && caravan_pin_get_faded (pin);
}

