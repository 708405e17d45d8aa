/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-view-edit.c: in the edit mode, a secondary click (or a long press) on the map
 * offers "Add Place Here", which activates win.add-place-at with the point's latitude and
 * longitude, and a pin can be dragged: it follows the pointer, and where it is dropped
 * activates win.move-place. The map does not edit the story itself, the window does. */

#define G_LOG_DOMAIN "caravan-map-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-map-view-private.h"
#include "caravan-pin.h"
#include "caravan-place.h"

static gboolean
unparent_popover (gpointer popover)
{
  gtk_widget_unparent (popover);
  return G_SOURCE_REMOVE;
}

/* The menu item activates its action as the popover closes: unparent only after that. */
static void
on_popover_closed (GtkWidget *popover)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_popover, g_object_ref (popover),
                   g_object_unref);
}

static void
show_menu (CaravanMapView *self,
           double          x,
           double          y)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GtkWidget *popover;
  double latitude, longitude;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &latitude,
                                              &longitude);
  item = g_menu_item_new (_("Add Place Here"), NULL);
  g_menu_item_set_action_and_target_value (item, "win.add-place-at",
                                           g_variant_new ("(dd)", latitude, longitude));
  g_menu_append_item (menu, item);

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  g_signal_connect (popover, "closed", G_CALLBACK (on_popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CaravanMapView  *self)
{
  if (!self->editable)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu (self, x, y);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 CaravanMapView      *self)
{
  if (self->editable)
    show_menu (self, x, y);
}

void
caravan_map_view_add_edit_controller (CaravanMapView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_secondary_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect_object (press, "pressed", G_CALLBACK (on_long_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
}

/* A press moves the pin only once the pointer has gone this far: a click still selects. */
#define DRAG_THRESHOLD 6.0

typedef struct
{
  CaravanMapView *view;   /* weak: the pin is inside it */
  double          start_x, start_y;   /* the pin's point, in the view's coordinates */
  gboolean        dragging;
} PinDrag;

static void
location_at_offset (PinDrag *drag,
                    double   dx,
                    double   dy,
                    double  *latitude,
                    double  *longitude)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (drag->view->map);

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (drag->view),
                                              drag->start_x + dx, drag->start_y + dy,
                                              latitude, longitude);
}

static void
on_pin_drag_begin (GtkGestureDrag *gesture,
                   double          x,
                   double          y,
                   PinDrag        *drag)
{
  CaravanPin *pin = CARAVAN_PIN (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  ShumateViewport *viewport = shumate_simple_map_get_viewport (drag->view->map);
  CaravanPlace *place = caravan_pin_get_place (pin);

  drag->dragging = FALSE;
  if (!drag->view->editable)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (drag->view),
                                              caravan_place_get_latitude (place),
                                              caravan_place_get_longitude (place),
                                              &drag->start_x, &drag->start_y);
}

static void
on_pin_drag_update (GtkGestureDrag *gesture,
                    double          dx,
                    double          dy,
                    PinDrag        *drag)
{
  GtkWidget *pin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  double latitude, longitude;

  if (!drag->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  if (!drag->dragging)
    {
      drag->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  /* Only the marker moves while dragging; the story changes once, on the drop. */
  location_at_offset (drag, dx, dy, &latitude, &longitude);
  shumate_location_set_location (SHUMATE_LOCATION (pin), latitude, longitude);
}

static void
on_pin_drag_end (GtkGestureDrag *gesture,
                 double          dx,
                 double          dy,
                 PinDrag        *drag)
{
  CaravanPin *pin = CARAVAN_PIN (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  double latitude, longitude;

  if (!drag->dragging)
    return;
  drag->dragging = FALSE;
  location_at_offset (drag, dx, dy, &latitude, &longitude);
  gtk_widget_activate_action (GTK_WIDGET (drag->view), "win.move-place", "(sdd)",
                              caravan_place_get_id (caravan_pin_get_place (pin)), latitude,
                              longitude);
}

void
caravan_map_view_add_pin_drag (CaravanMapView *self,
                               CaravanPin     *pin)
{
  GtkGesture *gesture = gtk_gesture_drag_new ();
  PinDrag *drag = g_new0 (PinDrag, 1);

  drag->view = self;
  /* Before the map's own drag (it pans) and the pin's button (it selects). */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_pin_drag_begin), drag);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_pin_drag_update), drag);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_pin_drag_end), drag);
  g_object_set_data_full (G_OBJECT (gesture), "caravan-pin-drag", drag, g_free);
  gtk_widget_add_controller (GTK_WIDGET (pin), GTK_EVENT_CONTROLLER (gesture));
}
