/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-video-dialog-recording.c: the Export Video dialog's recording: the file chooser,
 * CaravanRecorder run from the main loop in short passes (the windows stay responsive), a
 * progress bar read every 100 ms, Cancel, and at the end what was saved or why not. */

#define G_LOG_DOMAIN "caravan-video-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-story.h"
#include "caravan-video-dialog-private.h"

/* How often the progress bar reads the recorder's frame count. */
#define POLL_INTERVAL_MS 100

char *
caravan_video_dialog_format_time (double seconds)
{
  guint total = seconds > 0 ? (guint) seconds : 0;

  if (total >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", total / 3600, total / 60 % 60, total % 60);
  return g_strdup_printf ("%u:%02u", total / 60, total % 60);
}

/* The file's name as the user typed it, for messages (never markup). */
static char *
get_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path != NULL ? g_filename_display_basename (path) : g_file_get_parse_name (file);
}

static void
update_progress (CaravanVideoDialog *self)
{
  guint done = caravan_recorder_get_frames_done (self->recorder);
  g_autofree char *done_time = caravan_video_dialog_format_time ((double) done / self->fps);
  g_autofree char *total_time = NULL;
  g_autofree char *text = NULL;

  total_time = caravan_video_dialog_format_time ((double) self->n_frames / self->fps);

  /* Translators: the progress bar of Export Video: frames, then the minutes:seconds of video
   * recorded so far and of the whole video */
  text = g_strdup_printf (_("Frame %u of %u · %s of %s"), done, self->n_frames, done_time,
                          total_time);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->n_frames > 0 ? (double) done / self->n_frames : 0);
}

static gboolean
on_poll (gpointer user_data)
{
  update_progress (user_data);
  return G_SOURCE_CONTINUE;
}

static void
show_recording (CaravanVideoDialog *self,
                gboolean            recording)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  gboolean had_button_focus = focus == self->record_button || focus == self->cancel_button;

  gtk_widget_set_sensitive (self->options_page, !recording);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.record", !recording);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.cancel", recording);
  gtk_widget_set_visible (self->record_button, !recording);
  gtk_widget_set_visible (self->cancel_button, recording);
  if (had_button_focus)
    gtk_widget_grab_focus (recording ? self->cancel_button : self->record_button);
}

/* What the recording came to, in words: saved, cancelled with a playable file, or failed. */
static void
show_result (CaravanVideoDialog *self,
             guint               done,
             const GError       *error)
{
  g_autofree char *name = get_display_name (self->output);
  g_autofree char *done_time = caravan_video_dialog_format_time ((double) done / self->fps);
  g_autofree char *total_time = NULL;
  g_autofree char *text = NULL;
  gboolean failed;

  total_time = caravan_video_dialog_format_time ((double) self->n_frames / self->fps);
  if (error == NULL)
    /* Translators: %s are the file name and the video's length (1:20) */
    text = g_strdup_printf (_("Saved “%s”, %s of video."), name, done_time);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && done > 0)
    /* Translators: the video's length so far and in full, then the file name */
    text = g_strdup_printf (_("Recording cancelled after %s of %s. “%s” holds the video so "
                              "far and plays."), done_time, total_time, name);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* A video without frames is of no use: do not leave it behind. */
      g_file_delete (self->output, NULL, NULL);
      text = g_strdup_printf (_("Recording cancelled before the first frame; “%s” was not "
                                "saved."), name);
    }
  else
    /* Translators: the file name, then the reason, such as "Cannot write the video: …" */
    text = g_strdup_printf (_("“%s” was not recorded. %s."), name, error->message);
  gtk_label_set_text (self->status_label, text);

  failed = error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  /* "Frame 0 of 300" says nothing about a file that could not be started. */
  if (done == 0)
    gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CaravanVideoDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CaravanRecorder *recorder = CARAVAN_RECORDER (source);
  GApplication *app = g_application_get_default ();

  caravan_recorder_record_finish (recorder, result, &error);
  if (app != NULL)
    g_application_release (app);
  if (self->disposed)
    return;

  g_clear_handle_id (&self->poll_timeout, g_source_remove);
  update_progress (self);
  if (error != NULL)
    g_debug ("Recording %s: %s", g_file_peek_path (self->output), error->message);
  show_result (self, caravan_recorder_get_frames_done (recorder), error);
  g_clear_object (&self->recorder);
  g_clear_object (&self->cancellable);
  show_recording (self, FALSE);

  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_file_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(CaravanVideoDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && !self->disposed && self->recorder == NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* The name stays as chosen: in a sandbox the portal grants this file and no other. */
      if (file != NULL)
        caravan_video_dialog_record_to (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* "Story title.webm": no folder separators from the title. */
static char *
suggest_file_name (CaravanVideoDialog *self,
                   const char         *extension)
{
  g_autofree char *title = g_strdup (caravan_story_get_title (self->story));

  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Story"));
    }
  g_strdelimit (title, "/\\", '-');
  return g_strconcat (title, extension, NULL);
}

void
caravan_video_dialog_record_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CaravanVideoDialog *self = CARAVAN_VIDEO_DIALOG (widget);
  guint format = adw_combo_row_get_selected (self->format_row);
  const char *extension = format < self->n_formats ? self->extensions[format] : ".webm";
  const char *videos = g_get_user_special_dir (G_USER_DIRECTORY_VIDEOS);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggest_file_name (self, extension);
  GtkFileChooserNative *chooser;

  /* GtkFileChooserNative goes through the file chooser portal inside a sandbox. */
  /* Deprecated in GTK 4.10 for GtkFileDialog, which 4.8 lacks; see docs/architecture.md. */
  chooser = gtk_file_chooser_native_new (_("Save Video"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Record"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, g_str_equal (extension, ".mp4") ? _("MP4 Video")
                                                                     : _("WebM Video"));
  gtk_file_filter_add_suffix (filter, extension + 1);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (videos != NULL && g_file_test (videos, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (videos);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
caravan_video_dialog_cancel_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  CaravanVideoDialog *self = CARAVAN_VIDEO_DIALOG (widget);

  if (self->cancellable == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (self->status_label, _("Stopping: finishing the video so far…"));
}

/* Closing while recording cancels; the dialog goes away once the file is finished. */
void
caravan_video_dialog_record_to (CaravanVideoDialog *self,
                                GFile              *output)
{
  GApplication *app = g_application_get_default ();
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CARAVAN_IS_VIDEO_DIALOG (self));
  g_return_if_fail (G_IS_FILE (output));
  g_return_if_fail (self->recorder == NULL);

  self->recorder = caravan_video_dialog_new_recorder (self);
  self->cancellable = g_cancellable_new ();
  self->n_frames = caravan_recorder_get_n_frames (self->recorder);
  self->fps = caravan_video_dialog_get_selected_fps (self);
  g_set_object (&self->output, output);

  name = get_display_name (output);
  /* Translators: %s is the video's file name */
  text = g_strdup_printf (_("Recording “%s”…"), name);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  update_progress (self);
  show_recording (self, TRUE);

  /* Quitting waits for the file to be finished. */
  if (app != NULL)
    g_application_hold (app);
  self->poll_timeout = g_timeout_add (POLL_INTERVAL_MS, on_poll, self);
  caravan_recorder_record_async (self->recorder, output, self->cancellable, on_recorded,
                                 g_object_ref (self));
}

gboolean
caravan_video_dialog_get_recording (CaravanVideoDialog *self)
{
  g_return_val_if_fail (CARAVAN_IS_VIDEO_DIALOG (self), FALSE);

  return self->recorder != NULL;
}

const char *
caravan_video_dialog_get_status (CaravanVideoDialog *self)
{
  g_return_val_if_fail (CARAVAN_IS_VIDEO_DIALOG (self), NULL);

  return gtk_label_get_text (self->status_label);
}
