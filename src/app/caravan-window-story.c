/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-story.c: loading story files, showing their problems, reloading on change. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-window-private.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-import.h"
#include "caravan-story-loader.h"
#include "caravan-story-problem.h"

static char *
get_display_name (GFile *file)
{
  return file ? g_file_get_basename (file) : g_strdup (_("Bundled story"));
}

/* FILE:LINE:COLUMN: message, the form compilers and editors use; FILE: message for problems
 * that have no position (a missing file, a device). */
static char *
format_problem (const char          *name,
                CaravanStoryProblem *problem)
{
  g_autofree char *message = caravan_story_problem_to_string (problem);
  gboolean warning =
    caravan_story_problem_get_severity (problem) == CARAVAN_STORY_SEVERITY_WARNING;
  const char *prefix = warning ? _("warning: ") : "";

  if (caravan_story_problem_get_line (problem) == 0)
    return g_strdup_printf ("%s: %s%s", name, prefix, message);
  return g_strdup_printf ("%s:%u:%u: %s%s", name, caravan_story_problem_get_line (problem),
                          caravan_story_problem_get_column (problem), prefix, message);
}

/* Shows @lines (at most MAX_PROBLEMS_SHOWN of @n_total) in the banner's list, and a last row
 * that sums up the rest. */
void
caravan_window_set_problem_rows (CaravanWindow *self,
                                 GtkStringList *lines,
                                 guint          n_total)
{
  if (n_total > MAX_PROBLEMS_SHOWN)
    {
      guint rest = n_total - MAX_PROBLEMS_SHOWN;
      /* Translators: the last line of a long list of problems; %'u is a number */
      g_autofree char *more = g_strdup_printf (ngettext ("…and %'u more (caravan --validate lists "
                                                         "them all)",
                                                         "…and %'u more (caravan --validate lists "
                                                         "them all)", rest), rest);

      gtk_string_list_append (lines, more);
    }
  gtk_no_selection_set_model (self->problems_selection, G_LIST_MODEL (lines));
}

/* Lists the first MAX_PROBLEMS_SHOWN problems, one row each, and sums up the rest. */
void
caravan_window_show_problems (CaravanWindow *self,
                              GFile         *file,
                              GListModel    *problems,
                              const GError  *error)
{
  g_autofree char *name = get_display_name (file);
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autofree char *title = NULL;
  guint n = problems ? g_list_model_get_n_items (problems) : 0;
  gboolean keeping = caravan_selection_get_story (self->selection) != NULL;

  for (guint i = 0; i < MIN (n, MAX_PROBLEMS_SHOWN); i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *line = format_problem (name, problem);

      gtk_string_list_append (lines, line);
    }
  if (n == 0 && error != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", name, error->message);

      gtk_string_list_append (lines, line);
    }

  if (keeping)
    /* Translators: %s is a file name; the story already on screen stays there */
    title = g_strdup_printf (_("“%s” could not be opened, so the current story stays on screen"),
                             name);
  else
    title = g_strdup_printf (_("“%s” could not be opened"), name);

  gtk_label_set_text (self->problems_title, title);
  caravan_window_set_problem_rows (self, lines, n);
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
  if (!keeping)
    caravan_window_show_state (self, "empty");
}

void
caravan_window_hide_problems (CaravanWindow *self)
{
  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
}

static void
on_reload_timeout (gpointer user_data)
{
  CaravanWindow *self = user_data;

  self->reload_timeout = 0;
  if (self->file == NULL || caravan_window_is_own_save (self, self->file))
    return;
  /* Unsaved edits are never loaded over without asking. */
  if (!caravan_window_confirm_unsaved (self, CARAVAN_WINDOW_PENDING_RELOAD, self->file))
    caravan_window_start_loading (self, self->file);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 CaravanWindow     *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      g_clear_handle_id (&self->reload_timeout, g_source_remove);
      self->reload_timeout = g_timeout_add_once (RELOAD_DELAY_MS, on_reload_timeout, self);
      break;
    default:
      break;
    }
}

void
caravan_window_watch_file (CaravanWindow *self,
                           GFile         *file)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->reload_timeout, g_source_remove);

  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, self->cancellable, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s for changes: %s", g_file_peek_path (file), error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, 0);
}

/* Puts @story on screen; a reload of the same file keeps the selected place and event. */
void
caravan_window_show_story (CaravanWindow *self,
                           CaravanStory  *story,
                           GFile         *file)
{
  gboolean same_file = (file == NULL && self->file == NULL) ||
                       (file != NULL && self->file != NULL && g_file_equal (file, self->file));
  CaravanPlace *old_place = caravan_selection_get_place (self->selection);
  CaravanEvent *old_event = caravan_selection_get_event (self->selection);
  g_autofree char *place_id = old_place ? g_strdup (caravan_place_get_id (old_place)) : NULL;
  g_autofree char *event_id = old_event ? g_strdup (caravan_event_get_id (old_event)) : NULL;
  g_autofree char *subtitle = get_display_name (file);

  if (!same_file || file == NULL)
    caravan_window_watch_file (self, file);
  g_set_object (&self->file, file);
  caravan_window_reset_undo (self, story);

  caravan_selection_set_story (self->selection, story);
  if (same_file && event_id != NULL && caravan_story_lookup_event (story, event_id) != NULL)
    caravan_selection_select_event (self->selection, caravan_story_lookup_event (story, event_id));
  else if (same_file && place_id != NULL && caravan_story_lookup_place (story, place_id) != NULL)
    caravan_selection_select_place (self->selection, caravan_story_lookup_place (story, place_id));

  adw_window_title_set_title (self->window_title, caravan_story_get_title (story));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), caravan_story_get_title (story));
  caravan_window_update_edit_actions (self);
  caravan_window_hide_problems (self);
  caravan_window_show_state (self, "story");

  if (self->present_when_loaded)
    {
      self->present_when_loaded = FALSE;
      caravan_window_begin_presentation (self, TRUE);
    }
}

static void
on_story_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CaravanWindow) self = user_data;
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GFile) file = NULL;

  story = caravan_import_file_finish (result, &report, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->loading_file);
  if (story == NULL)
    {
      g_debug ("Loading %s failed: %s", file ? g_file_peek_path (file) : "?", error->message);
      /* A broken file never replaces the story on screen. */
      caravan_window_show_import_report (self, report, error);
      if (file != NULL && caravan_selection_get_story (self->selection) == NULL)
        {
          /* Nothing on screen yet: watch the broken file so that fixing it shows the story. */
          caravan_window_watch_file (self, file);
          g_set_object (&self->file, file);
        }
      return;
    }

  caravan_window_show_story (self, story, file);
  caravan_window_show_import_report (self, report, NULL);
}

void
caravan_window_start_loading (CaravanWindow *self,
                              GFile         *file)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  /* The current story stays on screen while the new one loads. */
  if (caravan_selection_get_story (self->selection) == NULL)
    caravan_window_show_state (self, "loading");

  g_set_object (&self->loading_file, file);
  /* Caravan stories and the other tools' files alike (caravan-import.h). */
  caravan_import_file_async (file, self->load_cancellable, on_story_loaded, g_object_ref (self));
}
