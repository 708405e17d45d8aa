/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline.c: the timeline widget: follows the selection (story, place, event, visible
 * range) and holds the per-story data its drawing needs. Pointer and touch input are in
 * caravan-timeline-input.c, keyboard actions in caravan-timeline-actions.c, drawing in
 * caravan-timeline-snapshot.c, and the range arithmetic in model/caravan-timeline-range.c. */

#define G_LOG_DOMAIN "caravan-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-timeline-private.h"
#include "caravan-timeline-range.h"


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

void
caravan_timeline_update_highlights (CaravanTimeline *self)
{
  CaravanPlace *place = self->selection ? caravan_selection_get_place (self->selection) : NULL;

  for (guint i = 0; i < self->n_events; i++)
    self->highlighted[i] = place != NULL && caravan_event_has_place (self->events[i], place);
}

/* Announces the selected event, or the selected place's events, to screen readers through
 * the accessible description. */
void
caravan_timeline_update_selected_event (CaravanTimeline *self)
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
  caravan_timeline_update_importance (self);
}

void
caravan_timeline_load_story (CaravanTimeline *self)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  guint32 first, last;

  clear_story_data (self);
  self->extent.start = self->extent.end = 0;

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
          self->extent.start = first;
          self->extent.end = last + 1.0;
        }
    }

  caravan_timeline_update_highlights (self);
  caravan_timeline_update_selected_event (self);
  caravan_timeline_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Writes a new visible range to the selection, within the zoom limits and with some of the
 * story on screen. */
void
caravan_timeline_set_range (CaravanTimeline *self,
                            double           start,
                            double           end)
{
  if (self->selection == NULL)
    return;

  caravan_timeline_range_constrain (&self->extent, &start, &end);
  caravan_selection_set_visible_range (self->selection, start, end);
}

gboolean
caravan_timeline_get_range (CaravanTimeline *self,
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
void
caravan_timeline_zoom_around (CaravanTimeline *self,
                              double           x,
                              double           factor)
{
  double start, end, width = gtk_widget_get_width (GTK_WIDGET (self));

  if (!caravan_timeline_get_range (self, &start, &end) || factor <= 0)
    return;

  caravan_timeline_range_zoom (&self->extent, width > 0 ? x / width : 0.5, factor, &start, &end);
  caravan_timeline_set_range (self, start, end);
}

/* Shows [@first, @last) at least @min_span days wide, with room for the last titles. */
void
caravan_timeline_fit_range (CaravanTimeline *self,
                            double           first,
                            double           last,
                            double           min_span)
{
  double start, end;

  caravan_timeline_range_fit (first, last, min_span, &start, &end);
  caravan_timeline_set_range (self, start, end);
}

void
caravan_timeline_fit_all (CaravanTimeline *self)
{
  if (self->extent.end > self->extent.start)
    caravan_timeline_fit_range (self, self->extent.start, self->extent.end, 30);
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
void
caravan_timeline_reveal_selected_event (CaravanTimeline *self)
{
  double start, end, span, first, last;
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->selected_index == G_MAXUINT || !caravan_timeline_get_range (self, &start, &end))
    return;

  first = self->spans[self->selected_index].start;
  last = self->spans[self->selected_index].end;
  span = end - start;

  if (last - first > span * 0.9)
    {
      caravan_timeline_fit_range (self, first, last, 0);
    }
  else if (first < start || last > end)
    {
      double center = (first + last) / 2;

      caravan_timeline_set_range (self, center - span / 2, center + span / 2);
    }

  if (width <= 0 || !caravan_timeline_get_range (self, &start, &end))
    return;

  for (guint i = 0; i < 12; i++)
    {
      double center = (first + last) / 2;
      double px_per_day = width / (end - start);

      /* Overlapping spans can outnumber the lanes; zooming further would not separate them. */
      if (!event_is_clustered (self, self->selected_index, px_per_day) ||
          end - start <= MAX (CARAVAN_TIMELINE_MIN_SPAN_DAYS, (last - first) * 3))
        break;

      span = MAX ((end - start) / 2, CARAVAN_TIMELINE_MIN_SPAN_DAYS);
      start = center - span / 2;
      end = center + span / 2;
      caravan_timeline_set_range (self, start, end);
      caravan_timeline_get_range (self, &start, &end);
    }
}

static void
on_selection_story_changed (CaravanTimeline *self)
{
  caravan_timeline_load_story (self);
  caravan_timeline_fit_all (self);
}

static void
on_selection_place_changed (CaravanTimeline *self)
{
  caravan_timeline_update_highlights (self);
  caravan_timeline_update_selected_event (self);
  caravan_timeline_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_event_changed (CaravanTimeline *self)
{
  caravan_timeline_update_selected_event (self);
  caravan_timeline_update_actions (self);
  caravan_timeline_reveal_selected_event (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_range_changed (CaravanTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

  caravan_timeline_install_actions (widget_class);
}

static void
caravan_timeline_init (CaravanTimeline *self)
{
  self->selected_index = G_MAXUINT;
  self->layouts = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) caravan_timeline_layout_free);
  self->text_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineTick));
  self->minor_ticks = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineTick));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  caravan_timeline_update_selected_event (self);
  caravan_timeline_update_actions (self);

  self->selection_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_swapped (self->selection_signals, "notify::story",
                                  G_CALLBACK (on_selection_story_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "item-changed",
                                  G_CALLBACK (caravan_timeline_on_item_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::place",
                                  G_CALLBACK (on_selection_place_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::event",
                                  G_CALLBACK (on_selection_event_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::visible-start",
                                  G_CALLBACK (on_selection_range_changed), self);
  g_signal_group_connect_swapped (self->selection_signals, "notify::visible-end",
                                  G_CALLBACK (on_selection_range_changed), self);

  caravan_timeline_add_input_controllers (self);
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
  caravan_timeline_load_story (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
caravan_timeline_zoom_at (CaravanTimeline *self,
                          double           x,
                          double           factor)
{
  g_return_if_fail (CARAVAN_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  caravan_timeline_zoom_around (self, x, factor);
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
  if (shape.origin.x + shape.size.width < 0 ||
      shape.origin.x > gtk_widget_get_width (GTK_WIDGET (self)))
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

  item = caravan_timeline_item_at (self, x, y, NULL);
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
