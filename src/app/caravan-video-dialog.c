/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-video-dialog.c: Export Video…: the options of `caravan --record` as rows (size,
 * frame rate, map style, format, steps, seconds per step) and the dialog's life: closing it
 * while recording cancels and lets the file finish. The recording, its progress and its
 * result are in caravan-video-dialog-recording.c. */

#define G_LOG_DOMAIN "caravan-video-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-event.h"
#include "caravan-map-theme.h"
#include "caravan-story.h"
#include "caravan-video-dialog-private.h"

G_DEFINE_FINAL_TYPE (CaravanVideoDialog, caravan_video_dialog, ADW_TYPE_WINDOW)

static const struct {
  int         width;
  int         height;
  const char *label;
} size_choices[] = {
  /* Translators: video sizes in the Export Video dialog */
  { 1280, 720, N_("1280 × 720 (HD)") },
  { 1920, 1080, N_("1920 × 1080 (Full HD)") },
  { 3840, 2160, N_("3840 × 2160 (4K)") },
};

static const guint fps_choices[] = { 24, 25, 30, 60 };

/* The Map Style row lists the themes in the order of the enumeration. */
G_STATIC_ASSERT (CARAVAN_MAP_THEME_LIGHT == 0 && CARAVAN_MAP_THEME_DARK == 1 &&
                 CARAVAN_MAP_THEME_PROJECTOR == 2);

static guint
add_size (CaravanVideoDialog *self,
          int                 width,
          int                 height,
          const char         *label)
{
  VideoSize size = { width, height };
  g_autofree char *text = label ? g_strdup (label) : g_strdup_printf ("%d × %d", width, height);

  g_array_append_val (self->sizes, size);
  gtk_string_list_append (self->size_model, text);
  return self->sizes->len - 1;
}

static guint
add_fps (CaravanVideoDialog *self,
         guint               fps)
{
  /* Translators: a frame rate in the Export Video dialog */
  g_autofree char *text = g_strdup_printf (ngettext ("%u frame per second",
                                                     "%u frames per second", fps), fps);

  g_array_append_val (self->rates, fps);
  gtk_string_list_append (self->fps_model, text);
  return self->rates->len - 1;
}

static void
fill_choices (CaravanVideoDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (size_choices); i++)
    add_size (self, size_choices[i].width, size_choices[i].height, _(size_choices[i].label));
  caravan_video_dialog_set_video_size (self, CARAVAN_RECORDER_DEFAULT_WIDTH,
                                       CARAVAN_RECORDER_DEFAULT_HEIGHT);

  for (guint i = 0; i < G_N_ELEMENTS (fps_choices); i++)
    add_fps (self, fps_choices[i]);
  caravan_video_dialog_set_fps (self, CARAVAN_RECORDER_DEFAULT_FPS);

  /* Translators: video formats in the Export Video dialog */
  gtk_string_list_append (self->format_model, _("WebM (VP8)"));
  self->extensions[self->n_formats++] = ".webm";
  if (caravan_recorder_can_encode (".mp4"))
    {
      gtk_string_list_append (self->format_model, _("MP4 (H.264)"));
      self->extensions[self->n_formats++] = ".mp4";
    }

  /* As `caravan --record`: the projector style, made for big screens. */
  adw_combo_row_set_selected (self->theme_row, CARAVAN_MAP_THEME_PROJECTOR);
}

guint
caravan_video_dialog_get_selected_fps (CaravanVideoDialog *self)
{
  guint row = adw_combo_row_get_selected (self->fps_row);

  return row < self->rates->len ? g_array_index (self->rates, guint, row)
                                : CARAVAN_RECORDER_DEFAULT_FPS;
}

CaravanRecorder *
caravan_video_dialog_new_recorder (CaravanVideoDialog *self)
{
  CaravanRecorder *recorder = caravan_recorder_new (self->story);
  guint size_row = adw_combo_row_get_selected (self->size_row);
  guint theme = adw_combo_row_get_selected (self->theme_row);

  if (size_row < self->sizes->len)
    {
      VideoSize *size = &g_array_index (self->sizes, VideoSize, size_row);

      caravan_recorder_set_size (recorder, size->width, size->height);
    }
  caravan_recorder_set_fps (recorder, caravan_video_dialog_get_selected_fps (self));
  caravan_recorder_set_seconds_per_step (recorder, gtk_spin_button_get_value (self->seconds_spin));
  caravan_recorder_set_theme (recorder, theme < CARAVAN_MAP_N_THEMES ? theme
                                                                     : CARAVAN_MAP_THEME_PROJECTOR);
  caravan_recorder_set_steps (recorder, gtk_spin_button_get_value_as_int (self->first_spin) - 1,
                              gtk_spin_button_get_value_as_int (self->last_spin) - 1);
  return recorder;
}

/* Before recording: how long the video will be. */
static void
show_length (CaravanVideoDialog *self)
{
  g_autoptr(CaravanRecorder) recorder = NULL;
  g_autofree char *length = NULL;
  g_autofree char *text = NULL;
  guint n_frames;

  if (self->recorder != NULL)
    return;
  /* Other options: the last recording's progress and result no longer apply. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  recorder = caravan_video_dialog_new_recorder (self);
  n_frames = caravan_recorder_get_n_frames (recorder);
  length = caravan_video_dialog_format_time ((double) n_frames /
                                             caravan_video_dialog_get_selected_fps (self));
  /* Translators: %s is a duration such as 1:20, %u a number of video frames */
  text = g_strdup_printf (ngettext ("The video will last %s (%u frame).",
                                    "The video will last %s (%u frames).", n_frames),
                          length, n_frames);
  gtk_label_set_text (self->status_label, text);
}

static void
update_step_row (AdwActionRow  *row,
                 GtkSpinButton *spin,
                 GListModel    *events)
{
  guint step = (guint) gtk_spin_button_get_value_as_int (spin);
  g_autoptr(CaravanEvent) event = step >= 1 ? g_list_model_get_item (events, step - 1) : NULL;

  adw_action_row_set_subtitle (row, event != NULL ? caravan_event_get_title (event) : "");
}

/* The first step is never after the last: moving one past the other takes the other along. */
static void
on_step_changed (GtkSpinButton      *spin,
                 CaravanVideoDialog *self)
{
  GListModel *events = caravan_story_get_events (self->story);
  int first = gtk_spin_button_get_value_as_int (self->first_spin);
  int last = gtk_spin_button_get_value_as_int (self->last_spin);

  if (first > last)
    {
      if (spin == self->first_spin)
        gtk_spin_button_set_value (self->last_spin, first);
      else
        gtk_spin_button_set_value (self->first_spin, last);
    }
  update_step_row (self->first_row, self->first_spin, events);
  update_step_row (self->last_row, self->last_spin, events);
  show_length (self);
}

static void
on_option_changed (CaravanVideoDialog *self)
{
  show_length (self);
}

static gboolean
caravan_video_dialog_close_request (GtkWindow *window)
{
  CaravanVideoDialog *self = CARAVAN_VIDEO_DIALOG (window);

  if (self->recorder != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (caravan_video_dialog_parent_class)->close_request (window);
}

static void
caravan_video_dialog_dispose (GObject *object)
{
  CaravanVideoDialog *self = CARAVAN_VIDEO_DIALOG (object);

  /* Destroyed with the main window: the recording still finishes a playable file. */
  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_timeout, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->recorder);
  g_clear_object (&self->output);
  g_clear_object (&self->story);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->rates, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARAVAN_TYPE_VIDEO_DIALOG);

  G_OBJECT_CLASS (caravan_video_dialog_parent_class)->dispose (object);
}

static void
caravan_video_dialog_class_init (CaravanVideoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = caravan_video_dialog_dispose;
  window_class->close_request = caravan_video_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/caravan-video-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, options_page);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, size_model);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, fps_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, fps_model);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, format_model);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, first_spin);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, last_row);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, last_spin);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, seconds_spin);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanVideoDialog, cancel_button);

  gtk_widget_class_install_action (widget_class, "video.record", NULL,
                                   caravan_video_dialog_record_action);
  gtk_widget_class_install_action (widget_class, "video.cancel", NULL,
                                   caravan_video_dialog_cancel_action);
  /* A dialog: Escape closes it (and cancels a recording). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
caravan_video_dialog_init (CaravanVideoDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sizes = g_array_new (FALSE, FALSE, sizeof (VideoSize));
  self->rates = g_array_new (FALSE, FALSE, sizeof (guint));
  fill_choices (self);
  gtk_spin_button_set_value (self->seconds_spin, CARAVAN_RECORDER_DEFAULT_SECONDS_PER_STEP);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.cancel", FALSE);

  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (on_option_changed),
                            self);
  g_signal_connect_swapped (self->fps_row, "notify::selected", G_CALLBACK (on_option_changed),
                            self);
  g_signal_connect_swapped (self->seconds_spin, "value-changed", G_CALLBACK (on_option_changed),
                            self);
  g_signal_connect (self->first_spin, "value-changed", G_CALLBACK (on_step_changed), self);
  g_signal_connect (self->last_spin, "value-changed", G_CALLBACK (on_step_changed), self);
}

CaravanVideoDialog *
caravan_video_dialog_new (GtkWindow    *parent,
                          CaravanStory *story)
{
  CaravanVideoDialog *self;
  guint n_steps;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);

  self = g_object_new (CARAVAN_TYPE_VIDEO_DIALOG, "transient-for", parent, NULL);
  self->story = g_object_ref (story);
  adw_window_title_set_subtitle (self->window_title, caravan_story_get_title (story));

  n_steps = g_list_model_get_n_items (caravan_story_get_events (story));
  gtk_spin_button_set_range (self->first_spin, 1, MAX (n_steps, 1));
  gtk_spin_button_set_range (self->last_spin, 1, MAX (n_steps, 1));
  gtk_spin_button_set_value (self->first_spin, 1);
  gtk_spin_button_set_value (self->last_spin, MAX (n_steps, 1));
  on_step_changed (self->first_spin, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "video.record", n_steps > 0);
  return self;
}

void
caravan_video_dialog_set_video_size (CaravanVideoDialog *self,
                                     int                 width,
                                     int                 height)
{
  guint row;

  g_return_if_fail (CARAVAN_IS_VIDEO_DIALOG (self));
  g_return_if_fail (width >= 16 && height >= 16 && width % 2 == 0 && height % 2 == 0);

  for (row = 0; row < self->sizes->len; row++)
    {
      VideoSize *size = &g_array_index (self->sizes, VideoSize, row);

      if (size->width == width && size->height == height)
        break;
    }
  if (row == self->sizes->len)
    row = add_size (self, width, height, NULL);
  adw_combo_row_set_selected (self->size_row, row);
}

void
caravan_video_dialog_set_fps (CaravanVideoDialog *self,
                              guint               fps)
{
  guint row;

  g_return_if_fail (CARAVAN_IS_VIDEO_DIALOG (self));
  g_return_if_fail (fps >= 1 && fps <= 120);

  for (row = 0; row < self->rates->len; row++)
    if (g_array_index (self->rates, guint, row) == fps)
      break;
  if (row == self->rates->len)
    row = add_fps (self, fps);
  adw_combo_row_set_selected (self->fps_row, row);
}

void
caravan_video_dialog_set_seconds_per_step (CaravanVideoDialog *self,
                                           double              seconds)
{
  g_return_if_fail (CARAVAN_IS_VIDEO_DIALOG (self));

  gtk_spin_button_set_value (self->seconds_spin, seconds);
}

void
caravan_video_dialog_set_steps (CaravanVideoDialog *self,
                                guint               first,
                                guint               last)
{
  g_return_if_fail (CARAVAN_IS_VIDEO_DIALOG (self));
  g_return_if_fail (first >= 1 && first <= last);

  gtk_spin_button_set_value (self->last_spin, last);
  gtk_spin_button_set_value (self->first_spin, first);
}

