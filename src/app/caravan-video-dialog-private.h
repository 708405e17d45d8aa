/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-video-dialog-private.h: the Export Video dialog's instance struct and the functions
 * its two files share: the options (caravan-video-dialog.c) and the recording
 * (caravan-video-dialog-recording.c). */

#pragma once

#include "caravan-recorder.h"
#include "caravan-video-dialog.h"

G_BEGIN_DECLS

typedef struct
{
  int width;
  int height;
} VideoSize;

struct _CaravanVideoDialog
{
  AdwWindow        parent_instance;

  CaravanStory    *story;
  GArray          *sizes;          /* VideoSize, one per row of size_model */
  GArray          *rates;          /* guint, one per row of fps_model */
  const char      *extensions[2];  /* one per row of format_model */
  guint            n_formats;

  /* While recording */
  CaravanRecorder *recorder;
  GCancellable    *cancellable;
  GFile           *output;
  guint            poll_timeout;
  guint            n_frames;
  guint            fps;
  gboolean         close_when_done;
  gboolean         disposed;

  /* template children */
  AdwWindowTitle  *window_title;
  GtkWidget       *options_page;
  AdwComboRow     *size_row;
  GtkStringList   *size_model;
  AdwComboRow     *fps_row;
  GtkStringList   *fps_model;
  AdwComboRow     *theme_row;
  AdwComboRow     *format_row;
  GtkStringList   *format_model;
  AdwActionRow    *first_row;
  GtkSpinButton   *first_spin;
  AdwActionRow    *last_row;
  GtkSpinButton   *last_spin;
  GtkSpinButton   *seconds_spin;
  GtkProgressBar  *progress_bar;
  GtkLabel        *status_label;
  GtkWidget       *record_button;
  GtkWidget       *cancel_button;
};


/* caravan-video-dialog.c */
guint            caravan_video_dialog_get_selected_fps (CaravanVideoDialog *self);
/* A recorder with the options the rows show. */
CaravanRecorder *caravan_video_dialog_new_recorder      (CaravanVideoDialog *self);

/* caravan-video-dialog-recording.c */
/* "0:04", "1:20", "1:02:03": video time, as players show it. */
char            *caravan_video_dialog_format_time       (double              seconds);
void             caravan_video_dialog_record_action     (GtkWidget          *widget,
                                                         const char         *action_name,
                                                         GVariant           *parameter);
void             caravan_video_dialog_cancel_action     (GtkWidget          *widget,
                                                         const char         *action_name,
                                                         GVariant           *parameter);

G_END_DECLS
