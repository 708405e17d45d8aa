/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-issues.c: the loader refuses broken files, but edits can leave a story that
 * says less than it should: a name or a title typed away (a pin without a name, a step
 * without a caption). These are listed here for the edit mode to show as they appear and
 * go; what "Check Before Presenting" finds is left to it. */

#define G_LOG_DOMAIN "caravan-story-issues"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-story.h"
#include "caravan-story-issues.h"

void
caravan_story_issue_free (CaravanStoryIssue *issue)
{
  if (issue == NULL)
    return;
  g_clear_object (&issue->item);
  g_free (issue->message);
  g_free (issue);
}

static void
add_issue (GPtrArray *issues,
           gpointer   item,
           char      *message)
{
  CaravanStoryIssue *issue = g_new0 (CaravanStoryIssue, 1);

  issue->item = g_object_ref (item);
  issue->message = message;
  g_ptr_array_add (issues, issue);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

GPtrArray *
caravan_story_find_issues (CaravanStory *story)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) caravan_story_issue_free);
  GListModel *places, *events;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), issues);

  places = caravan_story_get_places (story);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);

      if (is_blank (caravan_place_get_name (place)))
        /* Translators: %s is the place's id, as in the file */
        add_issue (issues, place, g_strdup_printf (_("The place “%s” has no name"),
                                                   caravan_place_get_id (place)));
    }

  events = caravan_story_get_events (story);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      const char *title = caravan_event_get_title (event);

      /* An event at no place is allowed (the map keeps the view it has): not listed. */
      if (is_blank (title))
        /* Translators: %s is the event's id, as in the file */
        add_issue (issues, event, g_strdup_printf (_("The event “%s” has no title"),
                                                   caravan_event_get_id (event)));
    }
  return issues;
}
