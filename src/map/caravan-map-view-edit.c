/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-view-edit.c: in the edit mode, a secondary click (or a long press) on the map
 * offers "Add Place Here", which activates win.add-place-at with the point's latitude and
 * longitude: the map does not edit the story itself, the window does. */

#define G_LOG_DOMAIN "caravan-map-view"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-map-view-private.h"

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
