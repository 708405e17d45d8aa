/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recorder-private.h: the recorder's instance struct and the functions its files share:
 * the frames (caravan-recorder.c) and the GStreamer pipeline (caravan-recorder-encoder.c). */

#pragma once

#include <gst/gst.h>
#include <gtk/gtk.h>

#include "caravan-recorder.h"

G_BEGIN_DECLS

/* The map view's flight (FLIGHT_DURATION_MS in the map view) and libshumate 1.0's easing. */
#define CARAVAN_RECORDER_FLIGHT_SECONDS 0.9

typedef struct
{
  double latitude;
  double longitude;
  double zoom;
} CaravanRecorderCamera;

typedef enum
{
  PHASE_STEP,        /* select the next step */
  PHASE_TARGET,      /* the map has jumped to the step's camera: plan the flight */
  PHASE_FRAME,       /* lay out and settle the next frame */
  PHASE_HOLD,        /* repeat the settled frame until the step ends */
  PHASE_FINISHING,   /* end of stream sent */
} CaravanRecorderPhase;

struct _CaravanRecorder
{
  GObject                parent_instance;

  CaravanStory          *story;
  int                    width;
  int                    height;
  guint                  fps;
  double                 seconds_per_step;
  CaravanMapTheme        theme;
  guint                  first_step;
  guint                  last_step;

  /* While recording */
  GTask                 *task;
  CaravanSelection      *selection;
  CaravanPresentation   *presentation;
  CaravanMapSource      *map_source;
  gulong                 tiles_handler;
  guint                  work_source;
  CaravanRecorderPhase   phase;
  guint                  step;
  guint                  frame_in_step;
  guint                  frames_per_step;
  guint                  flight_frames;
  guint                  settle_passes;
  guint                  frames_done;
  CaravanRecorderCamera  from;
  CaravanRecorderCamera  to;
  GstBuffer             *still;

  /* caravan-recorder-encoder.c */
  GstElement            *pipeline;
  GstElement            *appsrc;
  GstBufferPool         *pool;
  guint                  bus_watch;
  gsize                  frame_size;
  GError                *error;
};

/* caravan-recorder-encoder.c */
gboolean   caravan_recorder_start_pipeline (CaravanRecorder *self,
                                            GFile           *output,
                                            GError         **error);
GstBuffer *caravan_recorder_new_buffer     (CaravanRecorder *self);
/* Queues @buffer (transfer full) as frame @frame. */
void       caravan_recorder_push           (CaravanRecorder *self,
                                            GstBuffer       *buffer,
                                            guint            frame);
/* TRUE while the encoder has enough frames waiting. */
gboolean   caravan_recorder_encoder_busy   (CaravanRecorder *self);
void       caravan_recorder_end_stream     (CaravanRecorder *self);
void       caravan_recorder_stop_pipeline  (CaravanRecorder *self);
/* Called by the encoder when the file is complete or encoding failed. */
void       caravan_recorder_finish         (CaravanRecorder *self);

/* caravan-recorder-camera.c */
void       caravan_recorder_get_camera         (CaravanRecorder             *self,
                                                CaravanRecorderCamera       *camera);
void       caravan_recorder_set_camera         (CaravanRecorder             *self,
                                                const CaravanRecorderCamera *camera);
void       caravan_recorder_interpolate_camera (const CaravanRecorderCamera *from,
                                                const CaravanRecorderCamera *to,
                                                double                       progress,
                                                CaravanRecorderCamera       *out);

G_END_DECLS
