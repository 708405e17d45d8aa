/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-view-pins.c: the story on the map: a pin per place (named for the selected date,
 * styled by kind, decluttered by zoom) and a line per route. */

#define G_LOG_DOMAIN "caravan-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-map-view-private.h"
#include "caravan-pin.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-selection.h"
#include "caravan-story.h"

static const CaravanDate *
get_label_date (CaravanMapView *self)
{
  CaravanEvent *event = self->selection ? caravan_selection_get_event (self->selection) : NULL;

  return event ? caravan_event_get_date (event) : NULL;
}

static gboolean
place_has_visible_event (CaravanMapView *self,
                         CaravanStory   *story,
                         CaravanPlace   *place)
{
  g_autoptr(GListModel) events = caravan_story_list_events_of_place (story, place);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);

      if (caravan_selection_event_is_visible (self->selection, event))
        return TRUE;
    }

  return FALSE;
}

static int
pin_priority (CaravanMapView *self,
              CaravanPlace   *place)
{
  CaravanEvent *event = caravan_selection_get_event (self->selection);

  if (place == caravan_selection_get_place (self->selection))
    return 0;
  if (event != NULL && caravan_event_has_place (event, place))
    return 1;
  if (caravan_place_get_featured (place))
    return 2;
  if (g_strcmp0 (caravan_place_get_kind (place), "city") == 0)
    return 3;
  return 4;
}

static int
compare_pins (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  CaravanMapView *self = user_data;
  CaravanPlace *pa = *(CaravanPlace **) a;
  CaravanPlace *pb = *(CaravanPlace **) b;
  int by_priority = pin_priority (self, pa) - pin_priority (self, pb);

  /* The pins come from a hash table, in an order that changes from run to run: ties go by id,
   * so the same view always shows the same pins (recordings are the same frame for frame). */
  return by_priority != 0 ? by_priority
                          : g_strcmp0 (caravan_place_get_id (pa), caravan_place_get_id (pb));
}

/* Hides pins that sit under a more important one at this zoom, and names that would cover a
 * more important pin's name. The selected place always shows with its name. */
void
caravan_map_view_declutter_pins (CaravanMapView *self)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  GtkWidget *map = GTK_WIDGET (caravan_map_view_get_shumate_map (self));
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GHashTableIter iter;
  gpointer key;

  if (self->selection == NULL)
    return;

  g_hash_table_iter_init (&iter, self->pins);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (places, key);
  g_ptr_array_sort_with_data (places, compare_pins, self);

  for (guint i = 0; i < places->len; i++)
    {
      CaravanPlace *place = g_ptr_array_index (places, i);
      CaravanPin *pin = g_hash_table_lookup (self->pins, place);
      int priority = pin_priority (self, place);
      /* The selected and the focused pin always keep their names. */
      gboolean forced = priority == 0 || gtk_widget_has_focus (caravan_pin_get_button (pin));
      gboolean wanted = forced || caravan_pin_get_name_wanted (pin);
      graphene_rect_t box;
      graphene_point_t point;
      gboolean crowded = FALSE;
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, map,
                                                  caravan_place_get_latitude (place),
                                                  caravan_place_get_longitude (place), &x, &y);
      point = GRAPHENE_POINT_INIT (x, y);
      for (guint j = 0; j < shown->len && !crowded; j++)
        crowded = graphene_point_distance (&point, &g_array_index (shown, graphene_point_t, j),
                                           NULL, NULL) < DECLUTTER_DISTANCE;

      /* The selected place and the selected event's places always show. */
      if (crowded && priority > 1)
        {
          gtk_widget_set_visible (GTK_WIDGET (pin), FALSE);
          continue;
        }
      gtk_widget_set_visible (GTK_WIDGET (pin), TRUE);
      g_array_append_val (shown, point);

      if (!wanted)
        {
          caravan_pin_set_name_shown (pin, FALSE);
          continue;
        }
      box = caravan_pin_get_name_box (pin, x, y, LABEL_GAP);
      for (guint j = 0; j < labels->len && !forced && wanted; j++)
        wanted = !graphene_rect_intersection (&box, &g_array_index (labels, graphene_rect_t, j),
                                              NULL);
      caravan_pin_set_name_shown (pin, wanted);
      if (wanted)
        g_array_append_val (labels, box);
    }
}

static void
update_pin (CaravanMapView *self,
            CaravanStory   *story,
            CaravanPlace   *place,
            CaravanPin     *pin)
{
  CaravanPlace *selected = caravan_selection_get_place (self->selection);
  const char *name = caravan_place_get_display_name (place, get_label_date (self));
  gboolean filter = caravan_selection_get_filter_by_time (self->selection);
  gboolean is_selected = place == selected;
  gboolean show_label = is_selected || caravan_place_get_featured (place) ||
                        g_strcmp0 (caravan_place_get_kind (place), "city") == 0;
  gboolean faded = filter && !place_has_visible_event (self, story, place);

  caravan_pin_set_name (pin, name);
  caravan_pin_set_selected (pin, is_selected);
  caravan_pin_measure_name (pin);
  /* caravan_map_view_declutter_pins() shows the name if it has room. */
  caravan_pin_set_name_wanted (pin, show_label);
  caravan_pin_set_name_shown (pin, show_label);
  caravan_pin_set_faded (pin, faded);
  caravan_pin_anchor (pin);

  /* Keep the selected pin above its neighbours. */
  if (is_selected)
    gtk_widget_insert_before (GTK_WIDGET (pin), gtk_widget_get_parent (GTK_WIDGET (pin)), NULL);
}

void
caravan_map_view_update_pins (CaravanMapView *self)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  gboolean filter = self->selection && caravan_selection_get_filter_by_time (self->selection);
  GHashTableIter iter;
  gpointer key, value;

  if (story == NULL)
    return;

  g_hash_table_iter_init (&iter, self->pins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    update_pin (self, story, key, value);

  for (guint i = 0; i < self->route_layers->len; i++)
    {
      GtkWidget *layer = g_ptr_array_index (self->route_layers, i);
      CaravanRoute *route = g_ptr_array_index (self->routes, i);
      gboolean visible = !filter;

      for (guint p = 0; !visible && p < caravan_route_get_n_points (route); p++)
        {
          double lat, lon;
          CaravanPlace *place = caravan_route_get_point (route, p, &lat, &lon);

          visible = place != NULL && place_has_visible_event (self, story, place);
        }
      gtk_widget_set_opacity (layer, visible ? 1.0 : 0.25);
    }

  caravan_map_view_declutter_pins (self);
}

/* Keyboard users see the name of the pin they reach, like the tooltip shows it on hover. */
static void
on_pin_focus_changed (GtkEventControllerFocus *controller,
                      CaravanMapView          *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (gtk_event_controller_focus_contains_focus (controller))
    caravan_pin_set_name_shown (CARAVAN_PIN (gtk_widget_get_parent (button)), TRUE);
  else
    {
      caravan_map_view_update_pins (self);
    }
}

static void
on_pin_clicked (GtkButton      *button,
                CaravanMapView *self)
{
  CaravanPin *pin = CARAVAN_PIN (gtk_widget_get_parent (GTK_WIDGET (button)));

  if (self->selection != NULL)
    caravan_selection_select_place (self->selection, caravan_pin_get_place (pin));
}

static CaravanPin *
create_pin (CaravanMapView *self,
            CaravanStory   *story,
            CaravanPlace   *place)
{
  g_autoptr(GListModel) events = caravan_story_list_events_of_place (story, place);
  CaravanPin *pin = caravan_pin_new (place, g_list_model_get_n_items (events));
  GtkWidget *button = caravan_pin_get_button (pin);
  GtkEventController *focus;

  g_signal_connect_object (button, "clicked", G_CALLBACK (on_pin_clicked), self, 0);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_pin_focus_changed), self, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_pin_focus_changed), self, 0);
  gtk_widget_add_controller (button, focus);
  caravan_map_view_add_pin_drag (self, pin);

  return pin;
}

static void
clear_story (CaravanMapView *self)
{
  for (guint i = 0; i < self->route_layers->len; i++)
    shumate_simple_map_remove_overlay_layer (self->map, g_ptr_array_index (self->route_layers, i));
  g_ptr_array_set_size (self->route_layers, 0);
  g_ptr_array_set_size (self->routes, 0);
  shumate_marker_layer_remove_all (self->marker_layer);
  g_hash_table_remove_all (self->pins);
}

static void
add_route (CaravanMapView *self,
           CaravanRoute   *route)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  ShumatePathLayer *layer = shumate_path_layer_new (viewport);
  const char *style = caravan_route_get_style (route);
  GdkRGBA colour = { 0.11, 0.44, 0.85, 0.95 };

  if (g_strcmp0 (style, "rail") == 0)
    colour = (GdkRGBA) { 0.65, 0.11, 0.16, 0.95 };
  else if (g_strcmp0 (style, "sea") == 0)
    colour = (GdkRGBA) { 0.05, 0.35, 0.65, 0.95 };

  for (guint i = 0; i < caravan_route_get_n_points (route); i++)
    {
      double lat, lon;

      caravan_route_get_point (route, i, &lat, &lon);
      /* add_node prepends; insert_node keeps the file's order. */
      shumate_path_layer_insert_node (layer,
                                      SHUMATE_LOCATION (shumate_coordinate_new_full (lat, lon)),
                                      i);
    }

  shumate_path_layer_set_stroke_color (layer, &colour);
  shumate_path_layer_set_stroke_width (layer, 4.0);
  shumate_path_layer_set_outline_width (layer, 1.5);
  shumate_path_layer_set_outline_color (layer, &(GdkRGBA) { 1, 1, 1, 0.9 });
  if (caravan_route_get_schematic (route))
    {
      GList *dash = NULL;

      dash = g_list_append (dash, GUINT_TO_POINTER (10));
      dash = g_list_append (dash, GUINT_TO_POINTER (7));
      shumate_path_layer_set_dash (layer, dash);
      g_list_free (dash);
    }

  shumate_simple_map_add_overlay_layer (self->map, SHUMATE_LAYER (layer));
  g_ptr_array_add (self->route_layers, layer);
  g_ptr_array_add (self->routes, g_object_ref (route));
}

/* Base map at the bottom, then the routes, then the pins. libshumate 1.0.3 exports no working
 * insert call and a new map source's layer goes on top, so take the overlays out and add them
 * back in order. */
void
caravan_map_view_stack_layers (CaravanMapView *self)
{
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->route_layers->len; i++)
    g_ptr_array_add (layers, g_object_ref (g_ptr_array_index (self->route_layers, i)));
  g_ptr_array_add (layers, g_object_ref (self->marker_layer));

  for (guint i = 0; i < layers->len; i++)
    if (gtk_widget_get_parent (g_ptr_array_index (layers, i)) != NULL)
      shumate_simple_map_remove_overlay_layer (self->map, g_ptr_array_index (layers, i));
  for (guint i = 0; i < layers->len; i++)
    shumate_simple_map_add_overlay_layer (self->map, g_ptr_array_index (layers, i));
}

void
caravan_map_view_load_story (CaravanMapView *self)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  GListModel *places, *routes;
  double lat, lon, zoom;

  clear_story (self);
  if (story == NULL)
    return;

  routes = caravan_story_get_routes (story);
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(CaravanRoute) route = g_list_model_get_item (routes, i);

      add_route (self, route);
    }
  caravan_map_view_stack_layers (self);

  /* Featured places last, so their pins are drawn on top. */
  places = caravan_story_get_places (story);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (places); i++)
      {
        g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);
        CaravanPin *pin;

        if (caravan_place_get_featured (place) != (pass == 1))
          continue;

        pin = create_pin (self, story, place);
        shumate_marker_layer_add_marker (self->marker_layer, SHUMATE_MARKER (pin));
        g_hash_table_insert (self->pins, place, pin);
      }

  caravan_map_view_update_pins (self);

  /* a story without initial_view opens on all its places, not on 0° N 0° E */
  if (!caravan_story_get_initial_view (story, &lat, &lon, &zoom))
    caravan_map_view_get_story_fit (self, &lat, &lon, &zoom);
  shumate_viewport_set_zoom_level (shumate_simple_map_get_viewport (self->map), round (zoom));
  shumate_map_center_on (caravan_map_view_get_shumate_map (self),
                         CLAMP (lat, -CARAVAN_CAMERA_MAX_LATITUDE, CARAVAN_CAMERA_MAX_LATITUDE),
                         lon);
}

static void
reload_routes (CaravanMapView *self,
               CaravanStory   *story)
{
  GListModel *routes = caravan_story_get_routes (story);

  for (guint i = 0; i < self->route_layers->len; i++)
    shumate_simple_map_remove_overlay_layer (self->map, g_ptr_array_index (self->route_layers, i));
  g_ptr_array_set_size (self->route_layers, 0);
  g_ptr_array_set_size (self->routes, 0);
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(CaravanRoute) route = g_list_model_get_item (routes, i);

      add_route (self, route);
    }
  caravan_map_view_stack_layers (self);
}

/* An edit: a moved place takes its pin and its routes along; a place that became featured or
 * not gets a new pin of its size; the edited place's name and the decluttering follow. Of an
 * event, only a date matters here (fading, with the time filter on). */
void
caravan_map_view_on_item_changed (CaravanSelection *selection,
                                  GObject          *item,
                                  const char       *property,
                                  CaravanMapView   *self)
{
  CaravanStory *story = caravan_selection_get_story (selection);
  CaravanPin *pin = g_hash_table_lookup (self->pins, item);

  if (story == NULL)
    return;
  if (CARAVAN_IS_EVENT (item))
    {
      gboolean counts = g_str_equal (property, "added") || g_str_equal (property, "removed");

      /* A pin shows how many events its place has. */
      for (guint i = 0; counts && i < caravan_event_get_n_places (CARAVAN_EVENT (item)); i++)
        {
          CaravanPlace *place = caravan_event_get_place (CARAVAN_EVENT (item), i);

          pin = g_hash_table_lookup (self->pins, place);
          if (pin == NULL)
            continue;
          shumate_marker_layer_remove_marker (self->marker_layer, SHUMATE_MARKER (pin));
          pin = create_pin (self, story, place);
          shumate_marker_layer_add_marker (self->marker_layer, SHUMATE_MARKER (pin));
          g_hash_table_insert (self->pins, place, pin);
        }
      if (counts || (g_str_equal (property, "date") &&
                     caravan_selection_get_filter_by_time (selection)))
        caravan_map_view_update_pins (self);
      return;
    }
  if (g_str_equal (property, "removed"))
    {
      if (pin != NULL)
        shumate_marker_layer_remove_marker (self->marker_layer, SHUMATE_MARKER (pin));
      g_hash_table_remove (self->pins, item);
      caravan_map_view_declutter_pins (self);
      return;
    }
  if (g_str_equal (property, "added"))
    {
      pin = create_pin (self, story, CARAVAN_PLACE (item));
      shumate_marker_layer_add_marker (self->marker_layer, SHUMATE_MARKER (pin));
      g_hash_table_insert (self->pins, item, pin);
    }

  if (pin != NULL && (g_str_equal (property, "latitude") || g_str_equal (property, "longitude")))
    {
      CaravanPlace *place = CARAVAN_PLACE (item);

      shumate_location_set_location (SHUMATE_LOCATION (pin), caravan_place_get_latitude (place),
                                     caravan_place_get_longitude (place));
      reload_routes (self, story);
    }
  else if (pin != NULL && g_str_equal (property, "featured"))
    {
      shumate_marker_layer_remove_marker (self->marker_layer, SHUMATE_MARKER (pin));
      pin = create_pin (self, story, CARAVAN_PLACE (item));
      shumate_marker_layer_add_marker (self->marker_layer, SHUMATE_MARKER (pin));
      g_hash_table_insert (self->pins, item, pin);
    }
  if (pin != NULL)
    {
      update_pin (self, story, CARAVAN_PLACE (item), pin);
      caravan_map_view_declutter_pins (self);
    }
}
