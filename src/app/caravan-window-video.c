/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-video.c: the window's Export Video… action: enabled while a story is shown,
 * it opens CaravanVideoDialog on that story. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include "caravan-selection.h"
#include "caravan-video-dialog.h"
#include "caravan-window-private.h"

static void
update_video_action (CaravanWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-video",
                                 caravan_window_has_story (self));
}

static void
on_story_changed (CaravanSelection *selection,
                  GParamSpec       *pspec,
                  CaravanWindow    *self)
{
  update_video_action (self);
}

void
caravan_window_init_video (CaravanWindow *self)
{
  g_signal_connect_object (self->selection, "notify::story", G_CALLBACK (on_story_changed),
                           self, 0);
  update_video_action (self);
}

void
caravan_window_export_video_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  CaravanStory *story = caravan_selection_get_story (self->selection);
  CaravanVideoDialog *dialog;

  if (story == NULL)
    return;
  /* One dialog at a time; a closed one may still be finishing its file, hidden. */
  if (self->video_dialog != NULL && gtk_widget_get_visible (self->video_dialog))
    {
      gtk_window_present (GTK_WINDOW (self->video_dialog));
      return;
    }

  dialog = caravan_video_dialog_new (GTK_WINDOW (self), story);
  g_set_weak_pointer (&self->video_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}
