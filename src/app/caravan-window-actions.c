/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-actions.c: the window's actions: open, drop, step through events, present. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-window-private.h"
#include "caravan-selection.h"

static void
on_file_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(CaravanWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        caravan_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

gboolean
caravan_window_on_drop (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        CaravanWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  caravan_window_open_file (self, files->data);
  return TRUE;
}

void
caravan_window_open_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  GtkFileChooserNative *dialog;

  /* GtkFileChooserNative goes through the file chooser portal inside a sandbox. */
  /* Deprecated in GTK 4.10 for GtkFileDialog, which 4.8 lacks; see docs/architecture.md. */
  dialog = gtk_file_chooser_native_new (_("Open Story"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  caravan_window_add_import_filters (GTK_FILE_CHOOSER (dialog));

  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
caravan_window_open_bundled_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  caravan_window_open_bundled (CARAVAN_WINDOW (widget));
}

void
caravan_window_dismiss_problems_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  caravan_window_hide_problems (CARAVAN_WINDOW (widget));
}

void
caravan_window_fit_story_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  caravan_map_view_fit_story (CARAVAN_WINDOW (widget)->map_view);
}

void
caravan_window_next_event_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_selection_next_event (CARAVAN_WINDOW (widget)->selection);
}

void
caravan_window_previous_event_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  caravan_selection_previous_event (CARAVAN_WINDOW (widget)->selection);
}

void
caravan_window_present_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  caravan_window_begin_presentation (CARAVAN_WINDOW (widget), FALSE);
}

void
caravan_window_present_from_start_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  caravan_window_begin_presentation (CARAVAN_WINDOW (widget), TRUE);
}
