/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-input.c: the timeline's pointer and touch input: hit testing, click to
 * select or open a count badge, drag to pan, pinch and Ctrl+scroll to zoom, tooltips. */

#define G_LOG_DOMAIN "caravan-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-selection.h"
#include "caravan-timeline-private.h"
#include "caravan-timeline-range.h"

/* Hit testing: the item drawn at (@x, @y) in the current layout. */
const CaravanTimelineItem *
caravan_timeline_item_at (CaravanTimeline        *self,
         double                  x,
         double                  y,
         CaravanTimelineLayout **out_layout)
{
  CaravanTimelineLayout *layout;
  const CaravanTimelineItem *items;
  double start, end, px_per_day, day;
  guint lane, n_items, overlay_lane;

  if (self->n_events == 0 || !caravan_timeline_get_view (self, &start, &end, &px_per_day))
    return NULL;
  if (y < self->lanes_top)
    return NULL;

  layout = caravan_timeline_get_layout (self, px_per_day);
  lane = (guint) ((y - self->lanes_top) / self->lane_height);
  if (lane >= caravan_timeline_layout_get_n_lanes (layout))
    return NULL;

  if (caravan_timeline_get_overlay_item (self, layout, px_per_day, &self->overlay_item,
                                         &overlay_lane) &&
      overlay_lane == lane)
    {
      graphene_rect_t shape, area;

      caravan_timeline_item_bounds (self, lane, &self->overlay_item, start, px_per_day, &shape,
                                    &area);
      graphene_rect_inset (&area, -2, -2);
      if (graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (out_layout != NULL)
            *out_layout = layout;
          return &self->overlay_item;
        }
    }

  day = start + x / px_per_day;
  items = caravan_timeline_layout_get_items (layout, lane, &n_items);
  for (guint i = caravan_timeline_layout_find_first (layout, lane, day - 1 / px_per_day);
       i < n_items && items[i].start <= day + 1 / px_per_day;
       i++)
    {
      graphene_rect_t shape, area;

      caravan_timeline_item_bounds (self, lane, &items[i], start, px_per_day, &shape, &area);
      graphene_rect_inset (&area, -2, -2);
      if (graphene_rect_contains_point (&area, &GRAPHENE_POINT_INIT (x, y)))
        {
          if (out_layout != NULL)
            *out_layout = layout;
          return &items[i];
        }
    }

  return NULL;
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  CaravanTimeline *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   CaravanTimeline *self)
{
  CaravanTimelineLayout *layout = NULL;
  const CaravanTimelineItem *item = caravan_timeline_item_at (self, x, y, &layout);

  if (item == NULL || self->selection == NULL)
    return;

  if (item->is_cluster)
    {
      const CaravanTimelineCluster *cluster = caravan_timeline_layout_get_cluster (layout,
                                                                                   item->index);

      /* A count badge opens up: zoom to the events it stands for. */
      caravan_timeline_fit_range (self, cluster->start, cluster->end, 7);
    }
  else
    {
      caravan_selection_select_event (self->selection, self->events[item->index]);
    }
}

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               CaravanTimeline *self)
{
  if (!caravan_timeline_get_range (self, &self->gesture_start, &self->gesture_end))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           offset_x,
                double           offset_y,
                CaravanTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double shift;

  if (width <= 0 || self->gesture_end <= self->gesture_start)
    return;

  shift = -offset_x * (self->gesture_end - self->gesture_start) / width;
  caravan_timeline_set_range (self, self->gesture_start + shift, self->gesture_end + shift);
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CaravanTimeline  *self)
{
  double x, y;

  if (!caravan_timeline_get_range (self, &self->gesture_start, &self->gesture_end) ||
      !gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    {
      gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->gesture_x = x;
}

static void
on_zoom_scale_changed (GtkGestureZoom  *gesture,
                       double           scale,
                       CaravanTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double start = self->gesture_start, end = self->gesture_end;

  if (width <= 0 || scale <= 0 || end <= start)
    return;

  /* Relative to the range when the pinch began, around where it began. */
  caravan_timeline_range_zoom (&self->extent, self->gesture_x / width, scale, &start, &end);
  caravan_timeline_set_range (self, start, end);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CaravanTimeline          *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double start, end, width = gtk_widget_get_width (GTK_WIDGET (self));

  if (!caravan_timeline_get_range (self, &start, &end) || width <= 0)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      double x = width / 2, y;

      if (event != NULL)
        gdk_event_get_position (event, &x, &y);
      caravan_timeline_zoom_around (self, x, pow (wheel ? 1.25 : 1.01, -dy));
    }
  else
    {
      /* Wheels pan by steps of 60 pixels, touchpads by what they report. */
      double pixels = (fabs (dx) > fabs (dy) ? dx : dy) * (wheel ? 60 : 1);
      double shift = pixels * (end - start) / width;

      caravan_timeline_set_range (self, start + shift, end + shift);
    }

  return TRUE;
}

static gboolean
on_query_tooltip (GtkWidget       *widget,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  CaravanTimeline *self)
{
  CaravanTimelineLayout *layout = NULL;
  const CaravanTimelineItem *item;

  if (keyboard)
    {
      if (self->selected_index == G_MAXUINT)
        return FALSE;
      item = NULL;
    }
  else
    {
      item = caravan_timeline_item_at (self, x, y, &layout);
      if (item == NULL)
        return FALSE;
    }

  if (item != NULL && item->is_cluster)
    {
      const CaravanTimelineCluster *cluster = caravan_timeline_layout_get_cluster (layout,
                                                                                   item->index);
      g_autofree char *text = g_strdup_printf (ngettext ("%u event here; click to zoom in",
                                                         "%u events here; click to zoom in",
                                                         cluster->n_members),
                                               cluster->n_members);

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    {
      CaravanEvent *event = self->events[item != NULL ? item->index : self->selected_index];
      g_autofree char *date = caravan_event_format_date (event);
      g_autofree char *text = g_strdup_printf ("%s\n%s", caravan_event_get_title (event), date);

      gtk_tooltip_set_text (tooltip, text);
    }

  return TRUE;
}

void
caravan_timeline_add_input_controllers (CaravanTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
