/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recorder.h: records the presentation of a story as a video file (WebM, or MP4 where
 * an H.264 encoder is installed), offscreen and on a clock of its own. */

#pragma once

#include <gio/gio.h>

#include "caravan-types.h"
#include "caravan-map-theme.h"

G_BEGIN_DECLS

#define CARAVAN_RECORDER_ERROR (caravan_recorder_error_quark ())

typedef enum
{
  CARAVAN_RECORDER_ERROR_FORMAT,      /* the file name ends in neither .webm nor .mp4 */
  CARAVAN_RECORDER_ERROR_NO_ENCODER,  /* the GStreamer elements for that format are missing */
  CARAVAN_RECORDER_ERROR_OUTPUT,      /* the file cannot be written */
  CARAVAN_RECORDER_ERROR_STEPS,       /* no steps to record */
  CARAVAN_RECORDER_ERROR_DISPLAY,     /* nowhere to draw the presentation */
  CARAVAN_RECORDER_ERROR_ENCODING,    /* GStreamer failed while encoding */
} CaravanRecorderError;

#define CARAVAN_RECORDER_DEFAULT_WIDTH  1920
#define CARAVAN_RECORDER_DEFAULT_HEIGHT 1080
#define CARAVAN_RECORDER_DEFAULT_FPS    30
/* The presentation's autoplay timing, when nothing else is asked for. */
#define CARAVAN_RECORDER_DEFAULT_SECONDS_PER_STEP 10.0

#define CARAVAN_TYPE_RECORDER (caravan_recorder_get_type ())

G_DECLARE_FINAL_TYPE (CaravanRecorder, caravan_recorder, CARAVAN, RECORDER, GObject)

GQuark           caravan_recorder_error_quark           (void);

CaravanRecorder *caravan_recorder_new                   (CaravanStory        *story);
void             caravan_recorder_set_size              (CaravanRecorder     *self,
                                                         int                  width,
                                                         int                  height);
void             caravan_recorder_set_fps               (CaravanRecorder     *self,
                                                         guint                fps);
/* 0 (the default) takes the presentation's autoplay timing. */
void             caravan_recorder_set_seconds_per_step  (CaravanRecorder     *self,
                                                         double               seconds);
double           caravan_recorder_get_seconds_per_step  (CaravanRecorder     *self);
void             caravan_recorder_set_theme             (CaravanRecorder     *self,
                                                         CaravanMapTheme      theme);
/* Steps from 0, both included; @last G_MAXUINT means the story's last step. */
void             caravan_recorder_set_steps             (CaravanRecorder     *self,
                                                         guint                first,
                                                         guint                last);
guint            caravan_recorder_get_n_steps           (CaravanRecorder     *self);
guint            caravan_recorder_get_n_frames          (CaravanRecorder     *self);
/* Frames encoded so far by the current or last recording. */
guint            caravan_recorder_get_frames_done       (CaravanRecorder     *self);

/* Whether files ending in @extension (".webm", ".mp4") can be encoded here. */
gboolean         caravan_recorder_can_encode            (const char          *extension);
/* Whether @output can be recorded: its format (.webm, .mp4) can be encoded here and the file
 * can be written (it is created, empty). */
gboolean         caravan_recorder_check_output          (GFile               *output,
                                                         GError             **error);

/* Records in steps from the main loop; GStreamer encodes in threads of its own. Cancelling
 * stops at the next frame and still finishes a playable file, then fails with
 * G_IO_ERROR_CANCELLED. Needs GTK initialised (a display; no window is shown). */
void             caravan_recorder_record_async          (CaravanRecorder     *self,
                                                         GFile               *output,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean         caravan_recorder_record_finish         (CaravanRecorder     *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
