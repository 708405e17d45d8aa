/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-inspector-issues.c: the inspector's list of what there is to fix in the story
 * (caravan-story-issues.h), refreshed after each edit before the next frame; a row takes the
 * user to its item. */

#define G_LOG_DOMAIN "caravan-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-event.h"
#include "caravan-inspector-private.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story-issues.h"

/* The issues list shows this many rows and sums up the rest. */
#define MAX_ISSUES_SHOWN 20

static gboolean
update_issues (gpointer user_data)
{
  CaravanInspector *self = user_data;
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;

  self->issues_idle = 0;
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->issues_list, 0))) != NULL)
    gtk_list_box_remove (self->issues_list, row);

  issues = story != NULL && self->stack != NULL ? caravan_story_find_issues (story) : NULL;
  gtk_widget_set_visible (self->issues_box, issues != NULL && issues->len > 0);
  if (issues == NULL || issues->len == 0)
    return G_SOURCE_REMOVE;

  /* Translators: above the list of what to fix in the story being edited */
  title = g_strdup_printf (g_dngettext (NULL, "%u Thing to Fix", "%u Things to Fix",
                                        issues->len), issues->len);
  gtk_label_set_text (self->issues_title, title);
  for (guint i = 0; i < MIN (issues->len, MAX_ISSUES_SHOWN); i++)
    {
      CaravanStoryIssue *issue = g_ptr_array_index (issues, i);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->message);
      /* Story text is never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "caravan-item", g_object_ref (issue->item),
                              g_object_unref);
      gtk_list_box_append (self->issues_list, row);
    }
  if (issues->len > MAX_ISSUES_SHOWN)
    {
      guint rest = issues->len - MAX_ISSUES_SHOWN;
      /* Translators: the last row of a long list of things to fix */
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "…and %u more", "…and %u more",
                                                            rest), rest);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->issues_list, row);
    }
  return G_SOURCE_REMOVE;
}

void
caravan_inspector_queue_issues (CaravanInspector *self)
{
  if (self->issues_idle == 0)
    /* Before the next frame, not after the map's flight: a flight keeps the default idle
     * priority waiting. */
    self->issues_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_issues, self, NULL);
}

/* A row of the issues list takes the user to its item. */
void
caravan_inspector_on_issue_activated (GtkListBox       *list,
                                      GtkListBoxRow    *row,
                                      CaravanInspector *self)
{
  GObject *item = g_object_get_data (G_OBJECT (row), "caravan-item");

  if (self->selection == NULL || item == NULL)
    return;
  if (CARAVAN_IS_EVENT (item))
    caravan_selection_select_event (self->selection, CARAVAN_EVENT (item));
  else
    caravan_selection_select_place (self->selection, CARAVAN_PLACE (item));
  caravan_inspector_focus_first_field (self);
}
