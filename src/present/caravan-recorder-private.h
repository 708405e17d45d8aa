/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recorder-private.h: the recorder's instance struct and the functions its files
 * share: the driver (caravan-recorder.c), the frames (caravan-recorder-frames.c) and the
 * GStreamer pipeline (caravan-recorder-encoder.c). */

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
  guint                  finish_source;   /* waits for tiles in flight */
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

/* caravan-recorder.c */
guint      caravan_recorder_get_frames_per_step (CaravanRecorder *self);
/* Runs the next pass of the recording from the main loop, after @delay_ms. */
void       caravan_recorder_schedule_work  (CaravanRecorder *self,
                                            guint            delay_ms);

/* caravan-recorder-frames.c */
gboolean   caravan_recorder_create_presentation  (CaravanRecorder  *self,
                                                  GError          **error);
void       caravan_recorder_destroy_presentation (CaravanRecorder  *self);
void       caravan_recorder_lay_out        (CaravanRecorder *self);
GstBuffer *caravan_recorder_draw_frame     (CaravanRecorder *self);
void       caravan_recorder_begin_step     (CaravanRecorder *self);
void       caravan_recorder_plan_flight    (CaravanRecorder *self);
void       caravan_recorder_place_camera   (CaravanRecorder *self);

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

G_END_DECLS
