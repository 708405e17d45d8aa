/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-edits.c: the timeline after an edit of the story, without loading it again:
 * a retitled event is measured again on its own, a redated one moves to its new place in the
 * arrays with what was measured for it. With 10,000 events an edit is on screen in about a
 * frame (tests/bench/bench-edit). */

#define G_LOG_DOMAIN "caravan-timeline"

#include "config.h"

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-story.h"
#include "caravan-timeline-private.h"

/* An event's date changed, so it moved in the story's list: the arrays follow the new order,
 * keeping each event's measured title and laid-out text. */
static void
reorder_events (CaravanTimeline *self)
{
  GListModel *events = caravan_story_get_events (self->story);
  g_autoptr(GHashTable) old_index = g_hash_table_new (NULL, NULL);
  g_autofree CaravanEvent **old_events = g_memdup2 (self->events,
                                                     sizeof (CaravanEvent *) * self->n_events);
  g_autofree CaravanTimelineSpan *old_spans = g_memdup2 (self->spans,
                                                         sizeof (CaravanTimelineSpan) *
                                                         self->n_events);
  g_autofree PangoLayout **old_layouts = g_memdup2 (self->event_layouts,
                                                     sizeof (PangoLayout *) * self->n_events);
  guint32 first, last;

  g_return_if_fail (g_list_model_get_n_items (events) == self->n_events);

  for (guint i = 0; i < self->n_events; i++)
    g_hash_table_insert (old_index, old_events[i], GUINT_TO_POINTER (i));
  for (guint i = 0; i < self->n_events; i++)
    {
      CaravanEvent *event = g_list_model_get_item (events, i);  /* the array's reference */
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (old_index, event));
      const CaravanDate *date = caravan_event_get_date (event);

      g_object_unref (old_events[from]);  /* the old array's reference to the same event */
      self->events[i] = event;
      self->spans[i] = old_spans[from];
      self->spans[i].start = caravan_date_get_first_julian (date);
      self->spans[i].end = caravan_date_get_last_julian (date) + 1.0;
      self->event_layouts[i] = old_layouts[from];
    }
  if (caravan_story_get_time_span (self->story, &first, &last))
    {
      self->extent.start = first;
      self->extent.end = last + 1.0;
    }
  caravan_timeline_invalidate_layouts (self);
  caravan_timeline_update_highlights (self);
  caravan_timeline_update_selected_event (self);
}

/* An edit: a new title is measured again, a new date moves its event; the visible range
 * stays. */
void
caravan_timeline_on_item_changed (CaravanTimeline *self,
                                  GObject         *item,
                                  const char      *property)
{
  guint index;

  if (self->story == NULL)
    return;
  if (!CARAVAN_IS_EVENT (item))
    {
      caravan_timeline_update_selected_event (self);  /* its description names the places */
      return;
    }

  if (g_str_equal (property, "added") || g_str_equal (property, "removed"))
    caravan_timeline_load_story (self);
  else if (g_str_equal (property, "date"))
    reorder_events (self);
  else
    {
      index = caravan_story_get_event_index (self->story, CARAVAN_EVENT (item));
      if (index < self->n_events && g_str_equal (property, "title"))
        caravan_timeline_remeasure_title (self, index);
      caravan_timeline_update_selected_event (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
