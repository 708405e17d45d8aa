/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-presentation.c: starting presentation mode, returning to where the user was, the ready check. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-window-private.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-ready-check.h"
#include "caravan-selection.h"
#include "caravan-story.h"

static ShumateMap *
get_shumate_map (CaravanWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map_view));

  return SHUMATE_IS_SIMPLE_MAP (child) ? shumate_simple_map_get_map (SHUMATE_SIMPLE_MAP (child)) : NULL;
}

/* Runs after the map view's own camera idle, which flies to the restored selection. */
static gboolean
on_restore_idle (gpointer user_data)
{
  CaravanWindow *self = user_data;
  ShumateViewport *viewport = caravan_map_view_get_viewport (self->map_view);
  ShumateMap *map = get_shumate_map (self);

  self->restore_idle = 0;
  if (map != NULL)
    {
      shumate_map_stop_go_to (map);
      shumate_viewport_set_zoom_level (viewport, self->saved_zoom);
      shumate_map_center_on (map, self->saved_latitude, self->saved_longitude);
    }
  caravan_selection_set_visible_range (self->selection, self->saved_visible_start,
                                       self->saved_visible_end);
  return G_SOURCE_REMOVE;
}

/* Esc: back to exactly what the user saw before: place, event, time range, map camera. */
static gboolean
on_presentation_close_request (GtkWindow     *presentation,
                               CaravanWindow *self)
{
  caravan_selection_select_event (self->selection, self->saved_event);
  if (caravan_selection_get_place (self->selection) != self->saved_place)
    caravan_selection_select_place (self->selection, self->saved_place);
  caravan_selection_set_visible_range (self->selection, self->saved_visible_start,
                                       self->saved_visible_end);
  g_clear_object (&self->saved_event);
  g_clear_object (&self->saved_place);
  g_clear_object (&self->presentation);

  g_clear_handle_id (&self->restore_idle, g_source_remove);
  self->restore_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, on_restore_idle, self, NULL);
  gtk_window_unminimize (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));

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

void
caravan_window_begin_presentation (CaravanWindow *self,
                                   gboolean       from_start)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  CaravanPlace *place = caravan_selection_get_place (self->selection);
  ShumateViewport *viewport = caravan_map_view_get_viewport (self->map_view);

  if (self->presentation != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presentation));
      return;
    }
  if (story == NULL || g_list_model_get_n_items (caravan_story_get_events (story)) == 0)
    return;

  g_set_object (&self->saved_place, place);
  g_set_object (&self->saved_event, caravan_selection_get_event (self->selection));
  self->saved_visible_start = caravan_selection_get_visible_start (self->selection);
  self->saved_visible_end = caravan_selection_get_visible_end (self->selection);
  self->saved_latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  self->saved_longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  self->saved_zoom = shumate_viewport_get_zoom_level (viewport);

  /* From the current event; with only a place selected, from that place's first event. */
  if (from_start)
    caravan_selection_first (self->selection);
  else if (self->saved_event == NULL && place != NULL)
    {
      g_autoptr(GListModel) events = caravan_story_list_events_of_place (story, place);
      g_autoptr(CaravanEvent) first = g_list_model_get_item (events, 0);

      if (first != NULL)
        caravan_selection_select_event (self->selection, first);
      else
        caravan_selection_first (self->selection);
    }
  else if (self->saved_event == NULL)
    caravan_selection_first (self->selection);

  /* GTK owns the window; this reference keeps it ours until it closes. */
  self->presentation = g_object_ref (caravan_presentation_new (self->selection,
                                                               choose_presentation_monitor (self)));
  gtk_window_set_application (GTK_WINDOW (self->presentation),
                              gtk_window_get_application (GTK_WINDOW (self)));
  g_signal_connect_object (self->presentation, "close-request",
                           G_CALLBACK (on_presentation_close_request), self, 0);
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
  g_autoptr(GPtrArray) lines = g_task_propagate_pointer (G_TASK (result), NULL);
  guint n_problems = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "n-problems"));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *label;

  if (lines == NULL)
    return;

  if (n_problems == 0)
    heading = g_strdup (_("Ready to Present"));
  else
    heading = g_strdup_printf (ngettext ("%u Problem Found", "%u Problems Found", n_problems), n_problems);

  g_ptr_array_add (lines, NULL);
  body = g_strjoinv ("\n", (char **) lines->pdata);
  /* Deprecated in libadwaita 1.6 for AdwAlertDialog, which 1.2 lacks; see docs/architecture.md. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   n_problems == 0
                                   ? _("Every step’s place resolves and its map area draws offline.")
                                   : _("Fix these in the story file before presenting."));
  label = gtk_label_new (body);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "presentation-check-list");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_set_visible (scrolled, *body != '\0');
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
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  caravan_ready_check_story (task_data, CARAVAN_MAP_THEME_PROJECTOR, problems, notes);
  g_object_set_data (G_OBJECT (task), "n-problems", GUINT_TO_POINTER (problems->len));
  /* Problems first, then remarks that need no fixing. */
  g_ptr_array_extend_and_steal (problems, g_steal_pointer (&notes));
  g_task_return_pointer (task, g_steal_pointer (&problems), (GDestroyNotify) g_ptr_array_unref);
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
