/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_VIDEO_DIALOG (caravan_video_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CaravanVideoDialog, caravan_video_dialog, CARAVAN, VIDEO_DIALOG, AdwWindow)

/* Export Video…: the options of `caravan --record` for @story, a file chooser, then the
 * recording with its progress and a Cancel button. Modal to @parent. */
CaravanVideoDialog *caravan_video_dialog_new            (GtkWindow          *parent,
                                                         CaravanStory       *story);

/* The options as the rows show them. A size or frame rate that is none of the rows' choices
 * is added to them. Steps count from 1. */
void                caravan_video_dialog_set_video_size (CaravanVideoDialog *self,
                                                         int                 width,
                                                         int                 height);
void                caravan_video_dialog_set_fps        (CaravanVideoDialog *self,
                                                         guint               fps);
void                caravan_video_dialog_set_seconds_per_step (CaravanVideoDialog *self,
                                                               double              seconds);
void                caravan_video_dialog_set_steps      (CaravanVideoDialog *self,
                                                         guint               first,
                                                         guint               last);

/* Records into @output with the options shown, as Record… does after its file chooser. */
void                caravan_video_dialog_record_to      (CaravanVideoDialog *self,
                                                         GFile              *output);
gboolean            caravan_video_dialog_get_recording  (CaravanVideoDialog *self);
/* The sentence under the options: the video's length, the progress, or how it ended. */
const char         *caravan_video_dialog_get_status     (CaravanVideoDialog *self);

G_END_DECLS
