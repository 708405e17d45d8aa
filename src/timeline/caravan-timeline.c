/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline.c: the timeline widget: follows the selection (story, place, event, visible
 * range), turns pointer, touch and keyboard input into selection changes, and holds the
 * per-story data its drawing needs. Drawing is in caravan-timeline-snapshot.c. */

#define G_LOG_DOMAIN "caravan-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-shortcuts.h"
#include "caravan-timeline-private.h"

#define ZOOM_STEP 1.5
#define MIN_SPAN_DAYS 2.0
#define FIT_MARGIN 0.04
#define FIT_TITLE_MARGIN 0.15

G_DEFINE_FINAL_TYPE (CaravanTimeline, caravan_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_story_data (CaravanTimeline *self)
{
  caravan_timeline_invalidate_layouts (self);
  g_clear_object (&self->bold_layout);
  for (guint i = 0; i < self->n_events; i++)
    {
      g_clear_object (&self->event_layouts[i]);
      g_object_unref (self->events[i]);
    }
  g_clear_pointer (&self->event_layouts, g_free);
  g_clear_pointer (&self->events, g_free);
  g_clear_pointer (&self->spans, g_free);
  g_clear_pointer (&self->highlighted, g_free);
  self->n_events = 0;
  self->selected_index = G_MAXUINT;
  self->label_widths_valid = FALSE;
  g_clear_object (&self->story);
}

static void
update_highlights (CaravanTimeline *self)
{
  CaravanPlace *place = self->selection ? caravan_selection_get_place (self->selection) : NULL;

  for (guint i = 0; i < self->n_events; i++)
    self->highlighted[i] = place != NULL && caravan_event_has_place (self->events[i], place);
}

/* Announces the selected event, or the selected place's events, to screen readers through
 * the accessible description. */
static void
update_selected_event (CaravanTimeline *self)
{
  CaravanEvent *event = self->selection ? caravan_selection_get_event (self->selection) : NULL;
  CaravanPlace *place;
  g_autofree char *description = NULL;

  self->selected_index = G_MAXUINT;
  if (event != NULL && self->story != NULL)
    {
      guint index = caravan_story_get_event_index (self->story, event);

      if (index < self->n_events && self->events[index] == event)
        self->selected_index = index;
    }

  place = self->selection ? caravan_selection_get_place (self->selection) : NULL;
  description = caravan_timeline_describe_selection (self->story, place, event);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_actions (CaravanTimeline *self)
{
  gboolean has_events = self->n_events > 0;
  gboolean has_selection = self->selection != NULL &&
                           (caravan_selection_get_place (self->selection) != NULL ||
                            caravan_selection_get_event (self->selection) != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.select-previous", has_events);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.select-next", has_events);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.select-first", has_events);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.select-last", has_events);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.activate", has_events);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.fit-all", has_events);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.fit-selection", has_selection);
}

static void
load_story (CaravanTimeline *self)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  guint32 first, last;

  clear_story_data (self);
  self->story_start = self->story_end = 0;

  if (story != NULL)
    {
      GListModel *events = caravan_story_get_events (story);

      self->story = g_object_ref (story);
      self->n_events = g_list_model_get_n_items (events);
      self->events = g_new0 (CaravanEvent *, MAX (self->n_events, 1));
      self->spans = g_new0 (CaravanTimelineSpan, MAX (self->n_events, 1));
      self->highlighted = g_new0 (guint8, MAX (self->n_events, 1));
      self->event_layouts = g_new0 (PangoLayout *, MAX (self->n_events, 1));

      for (guint i = 0; i < self->n_events; i++)
        {
          const CaravanDate *date;

          self->events[i] = g_list_model_get_item (events, i);
          date = caravan_event_get_date (self->events[i]);
          self->spans[i].start = caravan_date_get_first_julian (date);
          self->spans[i].end = caravan_date_get_last_julian (date) + 1.0;
        }

      if (caravan_story_get_time_span (story, &first, &last))
        {
          self->story_start = first;
          self->story_end = last + 1.0;
        }
    }

  update_highlights (self);
  update_selected_event (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
max_span (CaravanTimeline *self)
{
  return MAX ((self->story_end - self->story_start) * 3.0, 3650.0);
}

/* Writes a new visible range to the selection, keeping the span within the zoom limits and
 * some of the story on screen. */
static void
set_range (CaravanTimeline *self,
           double           start,
           double           end)
{
  double span = CLAMP (end - start, MIN_SPAN_DAYS, max_span (self));
  double center = (start + end) / 2;

  if (self->selection == NULL)
    return;

  if (end - start != span)
    {
      start = center - span / 2;
      end = center + span / 2;
    }

  if (self->story_end > self->story_start)
    {
      double low = self->story_start - span / 2;
      double high = self->story_end + span / 2;

      if (start < low)
        {
          start = low;
          end = low + span;
        }
      else if (end > high)
        {
          end = high;
          start = high - span;
        }
    }

  if (start < 1)
    {
      start = 1;
      end = 1 + span;
    }

  caravan_selection_set_visible_range (self->selection, start, end);
}

static gboolean
get_range (CaravanTimeline *self,
           double          *start,
           double          *end)
{
  if (self->selection == NULL)
    return FALSE;

  *start = caravan_selection_get_visible_start (self->selection);
  *end = caravan_selection_get_visible_end (self->selection);
  return *end > *start;
}

/* Zooms by @factor (> 1 zooms in) keeping the date at @x where it is. */
static void
zoom_at (CaravanTimeline *self,
         double           x,
         double           factor)
{
  double start, end, width = gtk_widget_get_width (GTK_WIDGET (self));
  double fraction, pivot, span;

  if (!get_range (self, &start, &end) || factor <= 0)
    return;

  fraction = width > 0 ? CLAMP (x / width, 0, 1) : 0.5;
  pivot = start + fraction * (end - start);
  span = CLAMP ((end - start) / factor, MIN_SPAN_DAYS, max_span (self));
  set_range (self, pivot - fraction * span, pivot + (1 - fraction) * span);
}

/* Shows [@first, @end) at least @min_span days wide, with room on the right for the titles of
 * the last events. */
static void
fit_range (CaravanTimeline *self,
           double           first,
           double           end,
           double           min_span)
{
  double span = MAX (end - first, min_span);
  double center = (first + end) / 2;

  set_range (self, center - span / 2 - span * FIT_MARGIN,
             center + span / 2 + span * FIT_TITLE_MARGIN);
}

static void
fit_all (CaravanTimeline *self)
{
  if (self->story_end > self->story_start)
    fit_range (self, self->story_start, self->story_end, 30);
}

/* TRUE when the event at @index is merged into a count badge at the current zoom. */
static gboolean
event_is_clustered (CaravanTimeline *self,
                    guint            index,
                    double           px_per_day)
{
  CaravanTimelineLayout *layout = caravan_timeline_get_layout (self, px_per_day);

  return caravan_timeline_layout_get_lane (layout, index) == CARAVAN_TIMELINE_CLUSTERED;
}

/* Scrolls (and if needed zooms) so the selected event is on screen and drawn on its own. */
static void
reveal_selected_event (CaravanTimeline *self)
{
  double start, end, span, first, last;
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->selected_index == G_MAXUINT || !get_range (self, &start, &end))
    return;

  first = self->spans[self->selected_index].start;
  last = self->spans[self->selected_index].end;
  span = end - start;

  if (last - first > span * 0.9)
    {
      fit_range (self, first, last, 0);
    }
  else if (first < start || last > end)
    {
      double center = (first + last) / 2;

      set_range (self, center - span / 2, center + span / 2);
    }

  if (width <= 0 || !get_range (self, &start, &end))
    return;

  for (guint i = 0; i < 12; i++)
    {
      double center = (first + last) / 2;
      double px_per_day = width / (end - start);

      /* Overlapping spans can outnumber the lanes; zooming further would not separate them. */
      if (!event_is_clustered (self, self->selected_index, px_per_day) ||
          end - start <= MAX (MIN_SPAN_DAYS, (last - first) * 3))
        break;

      span = MAX ((end - start) / 2, MIN_SPAN_DAYS);
      start = center - span / 2;
      end = center + span / 2;
      set_range (self, start, end);
      get_range (self, &start, &end);
    }
}

static void
on_selection_story_changed (CaravanTimeline *self)
{
  load_story (self);
  fit_all (self);
}

static void
on_selection_place_changed (CaravanTimeline *self)
{
  update_highlights (self);
  update_selected_event (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_event_changed (CaravanTimeline *self)
{
  update_selected_event (self);
  update_actions (self);
  reveal_selected_event (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_range_changed (CaravanTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Hit testing: the item drawn at (@x, @y) in the current layout. */
static const CaravanTimelineItem *
item_at (CaravanTimeline        *self,
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

  if (caravan_timeline_get_overlay_item (self, layout, px_per_day, &self->overlay_item, &overlay_lane) &&
      overlay_lane == lane)
    {
      graphene_rect_t shape, area;

      caravan_timeline_item_bounds (self, lane, &self->overlay_item, start, px_per_day, &shape, &area);
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
  const CaravanTimelineItem *item = item_at (self, x, y, &layout);

  if (item == NULL || self->selection == NULL)
    return;

  if (item->is_cluster)
    {
      const CaravanTimelineCluster *cluster = caravan_timeline_layout_get_cluster (layout,
                                                                                   item->index);

      /* A count badge opens up: zoom to the events it stands for. */
      fit_range (self, cluster->start, cluster->end, 7);
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
  if (!get_range (self, &self->gesture_start, &self->gesture_end))
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
  set_range (self, self->gesture_start + shift, self->gesture_end + shift);
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CaravanTimeline  *self)
{
  double x, y;

  if (!get_range (self, &self->gesture_start, &self->gesture_end) ||
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
  double fraction, pivot, span;

  if (width <= 0 || scale <= 0 || self->gesture_end <= self->gesture_start)
    return;

  fraction = CLAMP (self->gesture_x / width, 0, 1);
  pivot = self->gesture_start + fraction * (self->gesture_end - self->gesture_start);
  span = CLAMP ((self->gesture_end - self->gesture_start) / scale, MIN_SPAN_DAYS, max_span (self));
  set_range (self, pivot - fraction * span, pivot + (1 - fraction) * span);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CaravanTimeline          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double start, end, width = gtk_widget_get_width (GTK_WIDGET (self));

  if (!get_range (self, &start, &end) || width <= 0)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      double x = width / 2, y;

      if (event != NULL)
        gdk_event_get_position (event, &x, &y);
      zoom_at (self, x, pow (wheel ? 1.25 : 1.01, -dy));
    }
  else
    {
      /* Wheels pan by steps of 60 pixels, touchpads by what they report. */
      double pixels = (fabs (dx) > fabs (dy) ? dx : dy) * (wheel ? 60 : 1);
      double shift = pixels * (end - start) / width;

      set_range (self, start + shift, end + shift);
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
      item = item_at (self, x, y, &layout);
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

static void
caravan_timeline_zoom_in_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  zoom_at (CARAVAN_TIMELINE (widget), gtk_widget_get_width (widget) / 2.0, ZOOM_STEP);
}

static void
caravan_timeline_zoom_out_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  zoom_at (CARAVAN_TIMELINE (widget), gtk_widget_get_width (widget) / 2.0, 1 / ZOOM_STEP);
}

static void
caravan_timeline_fit_all_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  fit_all (CARAVAN_TIMELINE (widget));
}

/* The selected place's events, or else the selected event with a few weeks around it. */
static void
caravan_timeline_fit_selection_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);
  CaravanPlace *place;
  double first = G_MAXDOUBLE, end = -G_MAXDOUBLE;

  if (self->selection == NULL)
    return;

  place = caravan_selection_get_place (self->selection);
  if (place != NULL)
    {
      for (guint i = 0; i < self->n_events; i++)
        {
          if (self->highlighted[i])
            {
              first = MIN (first, self->spans[i].start);
              end = MAX (end, self->spans[i].end);
            }
        }
      if (end > first)
        {
          fit_range (self, first, end, 30);
          return;
        }
    }

  if (self->selected_index != G_MAXUINT)
    {
      const CaravanTimelineSpan *span = &self->spans[self->selected_index];

      fit_range (self, span->start, span->end, MAX (60, (span->end - span->start) * 3));
    }
}

static void
caravan_timeline_select_previous_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);

  if (self->selection != NULL && !caravan_selection_previous_event (self->selection))
    gtk_widget_error_bell (widget);
}

static void
caravan_timeline_select_next_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);

  if (self->selection != NULL && !caravan_selection_next_event (self->selection))
    gtk_widget_error_bell (widget);
}

static void
caravan_timeline_select_first_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);

  if (self->selection != NULL)
    caravan_selection_first (self->selection);
}

static void
caravan_timeline_select_last_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);

  if (self->selection != NULL)
    caravan_selection_last (self->selection);
}

/* Enter brings the selected event back into view and selects it again, so that the other
 * views return to it; with nothing selected it selects the event nearest the middle. */
static void
caravan_timeline_activate_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);
  double start, end, middle, best = G_MAXDOUBLE;
  guint best_index = G_MAXUINT;

  if (self->selection == NULL || self->n_events == 0)
    return;

  if (self->selected_index != G_MAXUINT)
    {
      CaravanEvent *event = self->events[self->selected_index];

      reveal_selected_event (self);
      caravan_selection_select_event (self->selection, NULL);
      caravan_selection_select_event (self->selection, event);
      return;
    }

  if (!get_range (self, &start, &end))
    return;

  middle = (start + end) / 2;
  for (guint i = 0; i < self->n_events; i++)
    {
      double distance = fabs ((self->spans[i].start + self->spans[i].end) / 2 - middle);

      if (distance < best)
        {
          best = distance;
          best_index = i;
        }
    }
  if (best_index != G_MAXUINT)
    caravan_selection_select_event (self->selection, self->events[best_index]);
}

static void
caravan_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);

  caravan_timeline_ensure_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 800;
    }
  else
    {
      /* The axis and at least two lanes; naturally five. */
      *minimum = MAX (120, (int) ceil (self->lanes_top + 2 * self->lane_height + 4));
      *natural = MAX (200, (int) ceil (self->lanes_top + 5 * self->lane_height + 4));
    }
}

static void
caravan_timeline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);
  guint n_lanes = caravan_timeline_lanes_for_height (self, height);

  if (n_lanes != self->n_lanes)
    {
      self->n_lanes = n_lanes;
      caravan_timeline_invalidate_layouts (self);
    }
}

static void
caravan_timeline_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);

  GTK_WIDGET_CLASS (caravan_timeline_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_DPI ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    {
      caravan_timeline_invalidate_text (self);
      self->n_lanes = 0;
      gtk_widget_queue_resize (widget);
    }
}

static void
caravan_timeline_state_flags_changed (GtkWidget     *widget,
                                      GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (caravan_timeline_parent_class)->state_flags_changed (widget, previous);

  if ((gtk_widget_get_state_flags (widget) ^ previous) & GTK_STATE_FLAG_FOCUS_VISIBLE)
    gtk_widget_queue_draw (widget);
}

static void
caravan_timeline_dispose (GObject *object)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (object);

  if (self->selection_signals != NULL)
    g_signal_group_set_target (self->selection_signals, NULL);
  g_clear_object (&self->selection_signals);
  g_clear_object (&self->selection);
  clear_story_data (self);

  G_OBJECT_CLASS (caravan_timeline_parent_class)->dispose (object);
}

static void
caravan_timeline_finalize (GObject *object)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (object);

  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->text_layouts, g_hash_table_unref);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->minor_ticks, g_array_unref);

  G_OBJECT_CLASS (caravan_timeline_parent_class)->finalize (object);
}

static void
caravan_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      caravan_timeline_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_timeline_class_init (CaravanTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caravan_timeline_dispose;
  object_class->finalize = caravan_timeline_finalize;
  object_class->get_property = caravan_timeline_get_property;
  object_class->set_property = caravan_timeline_set_property;

  widget_class->snapshot = caravan_timeline_snapshot;
  widget_class->measure = caravan_timeline_measure;
  widget_class->size_allocate = caravan_timeline_size_allocate;
  widget_class->system_setting_changed = caravan_timeline_system_setting_changed;
  widget_class->state_flags_changed = caravan_timeline_state_flags_changed;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, CARAVAN_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL,
                                   caravan_timeline_zoom_in_action);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL,
                                   caravan_timeline_zoom_out_action);

  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL,
                                   caravan_timeline_fit_all_action);

  gtk_widget_class_install_action (widget_class, "timeline.fit-selection", NULL,
                                   caravan_timeline_fit_selection_action);

  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL,
                                   caravan_timeline_select_previous_action);

  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL,
                                   caravan_timeline_select_next_action);

  gtk_widget_class_install_action (widget_class, "timeline.select-first", NULL,
                                   caravan_timeline_select_first_action);

  gtk_widget_class_install_action (widget_class, "timeline.select-last", NULL,
                                   caravan_timeline_select_last_action);

  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL,
                                   caravan_timeline_activate_action);
  caravan_shortcuts_add_bindings (widget_class, CARAVAN_SHORTCUTS_TIMELINE);
}

static void
caravan_timeline_init (CaravanTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->selected_index = G_MAXUINT;
  self->layouts = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) caravan_timeline_layout_free);
  self->text_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineTick));
  self->minor_ticks = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineTick));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_selected_event (self);
  update_actions (self);

  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_swapped (self->selection_signals, "notify::story",
                                  G_CALLBACK (on_selection_story_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::place",
                                  G_CALLBACK (on_selection_place_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::event",
                                  G_CALLBACK (on_selection_event_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::visible-start",
                                  G_CALLBACK (on_selection_range_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::visible-end",
                                  G_CALLBACK (on_selection_range_changed), self);

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

GtkWidget *
caravan_timeline_new (void)
{
  return g_object_new (CARAVAN_TYPE_TIMELINE, NULL);
}

CaravanSelection *
caravan_timeline_get_selection (CaravanTimeline *self)
{
  g_return_val_if_fail (CARAVAN_IS_TIMELINE (self), NULL);

  return self->selection;
}

void
caravan_timeline_set_selection (CaravanTimeline  *self,
                                CaravanSelection *selection)
{
  g_return_if_fail (CARAVAN_IS_TIMELINE (self));
  g_return_if_fail (selection == NULL || CARAVAN_IS_SELECTION (selection));

  if (!g_set_object (&self->selection, selection))
    return;

  g_signal_group_set_target (self->selection_signals, selection);
  load_story (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
caravan_timeline_zoom_at (CaravanTimeline *self,
                          double           x,
                          double           factor)
{
  g_return_if_fail (CARAVAN_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  zoom_at (self, x, factor);
}

gboolean
caravan_timeline_get_event_bounds (CaravanTimeline *self,
                                   CaravanEvent    *event,
                                   graphene_rect_t *out_bounds)
{
  CaravanTimelineLayout *layout;
  const CaravanTimelineItem *item;
  CaravanTimelineItem overlay;
  graphene_rect_t shape, area;
  double start, end, px_per_day;
  guint index, lane;

  g_return_val_if_fail (CARAVAN_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (CARAVAN_IS_EVENT (event), FALSE);
  g_return_val_if_fail (out_bounds != NULL, FALSE);

  if (self->story == NULL || !caravan_timeline_get_view (self, &start, &end, &px_per_day))
    return FALSE;

  index = caravan_story_get_event_index (self->story, event);
  if (index >= self->n_events)
    return FALSE;

  layout = caravan_timeline_get_layout (self, px_per_day);
  lane = caravan_timeline_layout_get_lane (layout, index);
  if (caravan_timeline_get_overlay_item (self, layout, px_per_day, &overlay, &lane) &&
      index == self->selected_index)
    item = &overlay;
  else if (lane == CARAVAN_TIMELINE_CLUSTERED)
    return FALSE;
  else
    item = caravan_timeline_layout_find_item (layout, index);
  caravan_timeline_item_bounds (self, lane, item, start, px_per_day, &shape, &area);
  if (shape.origin.x + shape.size.width < 0 || shape.origin.x > gtk_widget_get_width (GTK_WIDGET (self)))
    return FALSE;

  *out_bounds = shape;
  return TRUE;
}

CaravanEvent *
caravan_timeline_event_at (CaravanTimeline *self,
                           double           x,
                           double           y)
{
  const CaravanTimelineItem *item;

  g_return_val_if_fail (CARAVAN_IS_TIMELINE (self), NULL);

  item = item_at (self, x, y, NULL);
  if (item == NULL || item->is_cluster)
    return NULL;

  return self->events[item->index];
}

gboolean
caravan_timeline_is_event_highlighted (CaravanTimeline *self,
                                       CaravanEvent    *event)
{
  guint index;

  g_return_val_if_fail (CARAVAN_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (CARAVAN_IS_EVENT (event), FALSE);

  if (self->story == NULL)
    return FALSE;

  index = caravan_story_get_event_index (self->story, event);
  return index < self->n_events && self->highlighted[index];
}
