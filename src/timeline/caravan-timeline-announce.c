/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-announce.c: what the timeline says to screen readers about the selection:
 * the selected event, or the selected place and its events, or how to start. */

#define G_LOG_DOMAIN "caravan-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-story.h"
#include "caravan-timeline-private.h"

/* The events of a place said one after another, not more than this many. */
#define MAX_ANNOUNCED_EVENTS 5

char *
caravan_timeline_describe_selection (CaravanStory *story,
                                     CaravanPlace *place,
                                     CaravanEvent *event)
{
  GListModel *events;
  g_autoptr(GString) text = NULL;
  guint n_at_place = 0;

  if (event != NULL)
    {
      g_autofree char *date = caravan_event_format_date (event);

      /* Translators: read by screen readers: "Selected: <event title>, <date>". */
      return g_strdup_printf (_("Selected: %s, %s"), caravan_event_get_title (event), date);
    }
  if (place == NULL || story == NULL)
    return g_strdup (_("No event selected. Use the arrow keys to walk through the events."));

  events = caravan_story_get_events (story);
  text = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) at_place = g_list_model_get_item (events, i);
      g_autofree char *date = NULL;

      if (!caravan_event_has_place (at_place, place))
        continue;
      if (++n_at_place > MAX_ANNOUNCED_EVENTS)
        continue;
      date = caravan_event_format_date (at_place);
      /* Translators: one event in the list a screen reader reads, "<date>: <title>" */
      g_string_append_printf (text, _("%s: %s. "), date, caravan_event_get_title (at_place));
    }
  if (n_at_place == 0)
    /* Translators: read by screen readers when a place without events is selected */
    return g_strdup_printf (_("%s is selected; it has no events."),
                            caravan_place_get_display_name (place, NULL));
  {
    /* Translators: read by screen readers: "Khorgos dry port: 2 events. December 2014: …" */
    g_autofree char *head = NULL;

    head = g_strdup_printf (ngettext ("%s: %u event. ", "%s: %u events. ", n_at_place),
                            caravan_place_get_display_name (place, NULL), n_at_place);

    g_string_prepend (text, head);
  }
  if (n_at_place > MAX_ANNOUNCED_EVENTS)
    g_string_append (text, _("And more. "));
  g_string_append (text, _("Use the arrow keys to walk through the events."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
