/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-actions.c: the timeline's widget actions and their keys: zoom, fit, walk
 * through the events, activate. */

#define G_LOG_DOMAIN "caravan-timeline"

#include "config.h"

#include "caravan-selection.h"
#include "caravan-shortcuts.h"
#include "caravan-timeline-private.h"
#include "caravan-timeline-range.h"

#define ZOOM_STEP 1.5

void
caravan_timeline_update_actions (CaravanTimeline *self)
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
caravan_timeline_zoom_in_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  caravan_timeline_zoom_around (CARAVAN_TIMELINE (widget), gtk_widget_get_width (widget) / 2.0,
                                ZOOM_STEP);
}

static void
caravan_timeline_zoom_out_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_timeline_zoom_around (CARAVAN_TIMELINE (widget), gtk_widget_get_width (widget) / 2.0,
                                1 / ZOOM_STEP);
}

static void
caravan_timeline_fit_all_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  caravan_timeline_fit_all (CARAVAN_TIMELINE (widget));
}

/* The selected place's events, or else the selected event with a few weeks around it. */
static void
caravan_timeline_fit_selection_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  CaravanTimeline *self = CARAVAN_TIMELINE (widget);
  double first, end;

  if (self->selection == NULL)
    return;

  if (caravan_selection_get_place (self->selection) != NULL &&
      caravan_timeline_spans_extent (self->spans, self->highlighted, self->n_events, &first, &end))
    {
      caravan_timeline_fit_range (self, first, end, 30);
      return;
    }

  if (self->selected_index != G_MAXUINT)
    {
      const CaravanTimelineSpan *span = &self->spans[self->selected_index];

      caravan_timeline_fit_range (self, span->start, span->end,
                                  MAX (60, (span->end - span->start) * 3));
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
  double start, end;
  guint nearest;

  if (self->selection == NULL || self->n_events == 0)
    return;

  if (self->selected_index != G_MAXUINT)
    {
      CaravanEvent *event = self->events[self->selected_index];

      caravan_timeline_reveal_selected_event (self);
      caravan_selection_select_event (self->selection, NULL);
      caravan_selection_select_event (self->selection, event);
      return;
    }

  if (!caravan_timeline_get_range (self, &start, &end))
    return;

  nearest = caravan_timeline_spans_nearest (self->spans, self->n_events, (start + end) / 2);
  if (nearest != G_MAXUINT)
    caravan_selection_select_event (self->selection, self->events[nearest]);
}

void
caravan_timeline_install_actions (GtkWidgetClass *widget_class)
{
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
