/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-presentation.c: presentation mode with a selection of its own, and the ready
 * check. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-window-private.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-ready-check.h"
#include "caravan-selection.h"
#include "caravan-story.h"

/* Esc: the window shows again what it showed before, untouched: the presentation stepped
 * through a selection of its own. */
static gboolean
on_presentation_close_request (GtkWindow     *presentation,
                               CaravanWindow *self)
{
  g_clear_object (&self->presentation);
  caravan_window_notify_active_selection (self);
  gtk_window_unminimize (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
  /* Back from a presentation driven by keys or a clicker: the keyboard is in use, so show
   * where the focus is (GTK would wait for the next key press), and put it back where it was. */
  if (self->focus_before_presentation != NULL)
    gtk_widget_grab_focus (self->focus_before_presentation);
  g_clear_weak_pointer (&self->focus_before_presentation);
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);

  return FALSE;
}

/* The projector: the monitor this window is not on, when there are two. */
static GdkMonitor *
choose_presentation_monitor (CaravanWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *current = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i - 1);

      if (monitor != current || n == 1)
        return monitor;
    }
  return current;
}

/* The presentation's own selection, seeded from the window's: the same story and time range,
 * at the current event; with only a place selected, at that place's first event. */
static CaravanSelection *
seed_presentation_selection (CaravanWindow *self,
                             gboolean       from_start)
{
  CaravanSelection *selection = caravan_selection_new ();
  CaravanStory *story = caravan_selection_get_story (self->selection);
  CaravanPlace *place = caravan_selection_get_place (self->selection);
  CaravanEvent *event = caravan_selection_get_event (self->selection);

  caravan_selection_set_story (selection, story);
  caravan_selection_set_filter_by_time (selection,
                                        caravan_selection_get_filter_by_time (self->selection));
  caravan_selection_set_visible_range (selection,
                                       caravan_selection_get_visible_start (self->selection),
                                       caravan_selection_get_visible_end (self->selection));

  if (!from_start && event != NULL)
    {
      caravan_selection_select_event (selection, event);
      if (place != NULL && caravan_selection_get_place (selection) != place)
        caravan_selection_select_place (selection, place);
    }
  else if (!from_start && place != NULL)
    {
      g_autoptr(GListModel) events = caravan_story_list_events_of_place (story, place);
      g_autoptr(CaravanEvent) first = g_list_model_get_item (events, 0);

      if (first != NULL)
        caravan_selection_select_event (selection, first);
      else
        caravan_selection_first (selection);
    }
  else
    caravan_selection_first (selection);

  return selection;
}

void
caravan_window_begin_presentation (CaravanWindow *self,
                                   gboolean       from_start)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autoptr(CaravanSelection) selection = NULL;

  if (self->presentation != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presentation));
      return;
    }
  if (story == NULL || g_list_model_get_n_items (caravan_story_get_events (story)) == 0)
    return;

  selection = seed_presentation_selection (self, from_start);
  g_set_weak_pointer (&self->focus_before_presentation,
                      gtk_root_get_focus (GTK_ROOT (self)));
  /* GTK owns the window; this reference keeps it ours until it closes. */
  self->presentation = g_object_ref (caravan_presentation_new (selection,
                                                               choose_presentation_monitor (self)));
  gtk_window_set_application (GTK_WINDOW (self->presentation),
                              gtk_window_get_application (GTK_WINDOW (self)));
  g_signal_connect_object (self->presentation, "close-request",
                           G_CALLBACK (on_presentation_close_request), self, 0);
  caravan_window_notify_active_selection (self);
  gtk_window_present (GTK_WINDOW (self->presentation));
  /* Nothing to draw behind a fullscreen presentation: saves the CPU for the map's flights.
   * Minimized, not hidden: a hidden X11 window comes back wherever the window manager
   * places it (the top-left corner), a minimized one where it was. */
  gtk_window_minimize (GTK_WINDOW (self));
}

static void
on_ready_check_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CaravanWindow) self = user_data;
  g_autoptr(GPtrArray) findings = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *scrolled, *label;
  guint n_problems;

  if (findings == NULL)
    return;

  n_problems = caravan_ready_count_problems (findings);
  if (n_problems == 0)
    heading = g_strdup (_("Ready to Present"));
  else
    heading = g_strdup_printf (ngettext ("%u Problem Found", "%u Problems Found", n_problems),
                               n_problems);

  for (guint i = 0; i < findings->len; i++)
    {
      const CaravanReadyFinding *finding = findings->pdata[i];

      g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", finding->message);
    }
  /* Deprecated in libadwaita 1.6 for AdwAlertDialog, which 1.2 lacks; see docs/architecture.md. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   n_problems == 0
                                   ? _("Every step’s place resolves and its map area draws "
                                       "offline.")
                                   : _("Fix these in the story file before presenting."));
  label = gtk_label_new (body->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "presentation-check-list");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_set_visible (scrolled, body->len > 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_ready_check (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_task_return_pointer (task, caravan_ready_check_story (task_data, CARAVAN_MAP_THEME_PROJECTOR),
                         (GDestroyNotify) g_ptr_array_unref);
}

/* Starts presentation mode (F5; Shift+F5 with @from_start). While a story is still loading,
 * it starts from the first step once the story is on screen (caravan --present FILE). */
void
caravan_window_start_presentation (CaravanWindow *self,
                                   gboolean       from_start)
{
  g_return_if_fail (CARAVAN_IS_WINDOW (self));

  if (caravan_selection_get_story (self->selection) == NULL || self->loading_file != NULL)
    self->present_when_loaded = TRUE;
  else
    caravan_window_begin_presentation (self, from_start);
}

/* What the remote control and the D-Bus actions move: the presentation's selection while one
 * runs, else the window's. */
CaravanSelection *
caravan_window_get_active_selection (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), NULL);

  return self->presentation != NULL ? caravan_presentation_get_selection (self->presentation)
                                    : self->selection;
}

/* The running presentation, or NULL. */
CaravanPresentation *
caravan_window_get_presentation (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), NULL);

  return self->presentation;
}

/* Renders one tile per step in a worker thread; the answer comes as a dialog. */
void
caravan_window_check_presentation_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autoptr(GTask) task = NULL;

  if (story == NULL)
    return;

  task = g_task_new (NULL, self->cancellable, on_ready_check_done, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (story), g_object_unref);
  g_task_run_in_thread (task, run_ready_check);
}
