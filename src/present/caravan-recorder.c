/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recorder.c: records the presentation as a video: the object, its options and the
 * driver that runs a recording in steps from the main loop. Time is a frame counter, not the
 * clock: each step holds seconds-per-step × fps frames and starts with the map's flight, and
 * each frame waits for its base-map tiles, so the same story always gives the same frames and
 * nothing waits on the network. Filming the presentation is in caravan-recorder-frames.c, the
 * GStreamer side in caravan-recorder-encoder.c. */

#define G_LOG_DOMAIN "caravan-recorder"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-map-source.h"
#include "caravan-presentation.h"
#include "caravan-recorder-private.h"
#include "caravan-story.h"

G_DEFINE_FINAL_TYPE (CaravanRecorder, caravan_recorder, G_TYPE_OBJECT)
G_DEFINE_QUARK (caravan-recorder-error-quark, caravan_recorder_error)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Main-loop passes given to a frame's idles (caption layout, camera, tile requests). */
#define SETTLE_PASSES 2

static gboolean on_work (gpointer user_data);

static double
effective_seconds_per_step (CaravanRecorder *self)
{
  if (self->seconds_per_step > 0)
    return self->seconds_per_step;
  if (self->presentation != NULL)
    return caravan_presentation_get_seconds_per_step (self->presentation);
  return CARAVAN_RECORDER_DEFAULT_SECONDS_PER_STEP;
}

guint
caravan_recorder_get_frames_per_step (CaravanRecorder *self)
{
  return MAX (1, (guint) round (effective_seconds_per_step (self) * self->fps));
}

static guint
last_step (CaravanRecorder *self)
{
  guint n = g_list_model_get_n_items (caravan_story_get_events (self->story));

  return n == 0 ? 0 : MIN (self->last_step, n - 1);
}

void
caravan_recorder_schedule_work (CaravanRecorder *self,
                                guint            delay_ms)
{
  if (self->work_source != 0)
    return;
  /* Below every idle of GTK, libshumate and the presentation: when a pass runs, they ran. */
  if (delay_ms == 0)
    self->work_source = g_idle_add_full (G_PRIORITY_LOW, on_work, self, NULL);
  else
    self->work_source = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, on_work, self, NULL);
}

static void
push_frame (CaravanRecorder *self,
            GstBuffer       *buffer)
{
  caravan_recorder_push (self, buffer, self->frames_done);
  self->frames_done++;
  self->frame_in_step++;
  g_signal_emit (self, signals[PROGRESS], 0, self->frames_done,
                 caravan_recorder_get_n_frames (self));
}

static gboolean
on_work (gpointer user_data)
{
  CaravanRecorder *self = user_data;
  GCancellable *cancellable;

  self->work_source = 0;
  if (self->task == NULL)
    return G_SOURCE_REMOVE;
  cancellable = g_task_get_cancellable (self->task);

  if (self->phase != PHASE_FINISHING &&
      (self->error != NULL || g_cancellable_is_cancelled (cancellable) ||
       self->frames_done >= caravan_recorder_get_n_frames (self)))
    {
      self->phase = PHASE_FINISHING;
      caravan_recorder_end_stream (self);
      return G_SOURCE_REMOVE;
    }

  switch (self->phase)
    {
    case PHASE_STEP:
      caravan_recorder_begin_step (self);
      self->phase = PHASE_TARGET;
      break;

    case PHASE_TARGET:
      caravan_recorder_plan_flight (self);
      self->phase = PHASE_FRAME;
      self->settle_passes = 0;
      caravan_recorder_place_camera (self);
      break;

    case PHASE_FRAME:
      if (caravan_recorder_encoder_busy (self))
        {
          caravan_recorder_schedule_work (self, 2);
          return G_SOURCE_REMOVE;
        }
      caravan_recorder_lay_out (self);
      if (self->settle_passes++ < SETTLE_PASSES)
        break;
      if (caravan_map_source_get_tiles_pending (self->map_source) > 0)
        return G_SOURCE_REMOVE;   /* on_tiles_done() goes on */

      if (self->frame_in_step < self->flight_frames)
        {
          push_frame (self, caravan_recorder_draw_frame (self));
          caravan_recorder_place_camera (self);
          self->settle_passes = 0;
        }
      else
        {
          self->still = caravan_recorder_draw_frame (self);
          self->phase = PHASE_HOLD;
        }
      break;

    case PHASE_HOLD:
      /* Nothing moves until the next step: the same picture, without drawing it again. */
      while (self->frame_in_step < self->frames_per_step &&
             !caravan_recorder_encoder_busy (self))
        push_frame (self, gst_buffer_ref (self->still));
      if (self->frame_in_step < self->frames_per_step)
        {
          caravan_recorder_schedule_work (self, 2);
          return G_SOURCE_REMOVE;
        }
      self->step++;
      self->phase = PHASE_STEP;
      break;

    case PHASE_FINISHING:
      return G_SOURCE_REMOVE;
    }

  caravan_recorder_schedule_work (self, 0);
  return G_SOURCE_REMOVE;
}

/* Cancelled from the main thread (Cancel, Ctrl+C): stop at the next pass. */
static void
on_cancelled (GCancellable    *cancellable,
              CaravanRecorder *self)
{
  caravan_recorder_schedule_work (self, 0);
}

static gboolean
on_finish_later (gpointer user_data)
{
  CaravanRecorder *self = user_data;

  self->finish_source = 0;
  caravan_recorder_finish (self);
  return G_SOURCE_REMOVE;
}

/* Tiles still being drawn, for a frame a cancel made unneeded or ahead of the first one. */
static gboolean
tiles_in_flight (CaravanRecorder *self)
{
  return self->map_source != NULL &&
         (caravan_map_source_get_tiles_pending (self->map_source) > 0 ||
          caravan_map_source_get_tiles_prefetching (self->map_source) > 0);
}

void
caravan_recorder_finish (CaravanRecorder *self)
{
  g_autoptr(GTask) task = NULL;
  guint n_frames = caravan_recorder_get_n_frames (self);

  /* The recording is over once no worker draws for it: a program that exits when it returns
   * (caravan --record, the application closing) would otherwise pull the fonts from under a
   * worker that is still shaping a tile's labels. */
  if (tiles_in_flight (self))
    {
      if (self->finish_source == 0)
        self->finish_source = g_timeout_add_full (G_PRIORITY_LOW, 2, on_finish_later, self,
                                                  NULL);
      return;
    }

  task = g_steal_pointer (&self->task);
  g_clear_handle_id (&self->work_source, g_source_remove);
  gst_clear_buffer (&self->still);
  caravan_recorder_stop_pipeline (self);
  caravan_recorder_destroy_presentation (self);

  if (task == NULL)
    return;
  if (self->error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->error));
  else if (self->frames_done < n_frames)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("Recording stopped after %u of %u frames; the video so far is "
                               "complete"),
                             self->frames_done, n_frames);
  else
    g_task_return_boolean (task, TRUE);
}

static void
caravan_recorder_dispose (GObject *object)
{
  CaravanRecorder *self = CARAVAN_RECORDER (object);

  g_assert (self->task == NULL);
  g_clear_object (&self->story);

  G_OBJECT_CLASS (caravan_recorder_parent_class)->dispose (object);
}

static void
caravan_recorder_finalize (GObject *object)
{
  CaravanRecorder *self = CARAVAN_RECORDER (object);

  g_clear_error (&self->error);

  G_OBJECT_CLASS (caravan_recorder_parent_class)->finalize (object);
}

static void
caravan_recorder_class_init (CaravanRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = caravan_recorder_dispose;
  object_class->finalize = caravan_recorder_finalize;

  /* CaravanRecorder::progress: @frames_done of @n_frames are encoded. */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT,
                                    G_TYPE_UINT);
}

static void
caravan_recorder_init (CaravanRecorder *self)
{
  self->width = CARAVAN_RECORDER_DEFAULT_WIDTH;
  self->height = CARAVAN_RECORDER_DEFAULT_HEIGHT;
  self->fps = CARAVAN_RECORDER_DEFAULT_FPS;
  self->theme = CARAVAN_MAP_THEME_PROJECTOR;
  self->last_step = G_MAXUINT;
}

CaravanRecorder *
caravan_recorder_new (CaravanStory *story)
{
  CaravanRecorder *self;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);

  self = g_object_new (CARAVAN_TYPE_RECORDER, NULL);
  self->story = g_object_ref (story);
  return self;
}

void
caravan_recorder_set_size (CaravanRecorder *self,
                           int              width,
                           int              height)
{
  g_return_if_fail (CARAVAN_IS_RECORDER (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (width >= 16 && height >= 16 && width % 2 == 0 && height % 2 == 0);

  self->width = width;
  self->height = height;
}

void
caravan_recorder_set_fps (CaravanRecorder *self,
                          guint            fps)
{
  g_return_if_fail (CARAVAN_IS_RECORDER (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (fps >= 1 && fps <= 120);

  self->fps = fps;
}

void
caravan_recorder_set_seconds_per_step (CaravanRecorder *self,
                                       double           seconds)
{
  g_return_if_fail (CARAVAN_IS_RECORDER (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (seconds >= 0);

  self->seconds_per_step = seconds;
}

double
caravan_recorder_get_seconds_per_step (CaravanRecorder *self)
{
  g_return_val_if_fail (CARAVAN_IS_RECORDER (self), 0);

  return effective_seconds_per_step (self);
}

void
caravan_recorder_set_theme (CaravanRecorder *self,
                            CaravanMapTheme  theme)
{
  g_return_if_fail (CARAVAN_IS_RECORDER (self));
  g_return_if_fail (theme < CARAVAN_MAP_N_THEMES);

  self->theme = theme;
}

void
caravan_recorder_set_steps (CaravanRecorder *self,
                            guint            first,
                            guint            last)
{
  g_return_if_fail (CARAVAN_IS_RECORDER (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (first <= last);

  self->first_step = first;
  self->last_step = last;
}

guint
caravan_recorder_get_n_steps (CaravanRecorder *self)
{
  guint n;

  g_return_val_if_fail (CARAVAN_IS_RECORDER (self), 0);

  n = g_list_model_get_n_items (caravan_story_get_events (self->story));
  return n == 0 || self->first_step >= n ? 0 : last_step (self) - self->first_step + 1;
}

guint
caravan_recorder_get_n_frames (CaravanRecorder *self)
{
  g_return_val_if_fail (CARAVAN_IS_RECORDER (self), 0);

  return caravan_recorder_get_n_steps (self) * caravan_recorder_get_frames_per_step (self);
}

guint
caravan_recorder_get_frames_done (CaravanRecorder *self)
{
  g_return_val_if_fail (CARAVAN_IS_RECORDER (self), 0);

  return self->frames_done;
}

void
caravan_recorder_record_async (CaravanRecorder     *self,
                               GFile               *output,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) own_cancellable = NULL;
  GError *error = NULL;

  g_return_if_fail (CARAVAN_IS_RECORDER (self));
  g_return_if_fail (G_IS_FILE (output));
  g_return_if_fail (self->task == NULL);

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, caravan_recorder_record_async);
  /* Cancelling still finishes the file: the task says how much of it there is. */
  g_task_set_check_cancellable (task, FALSE);

  self->frames_done = 0;
  self->step = self->first_step;
  self->phase = PHASE_STEP;
  g_clear_error (&self->error);

  if (caravan_recorder_get_n_steps (self) == 0)
    {
      g_task_return_new_error (task, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_STEPS,
                               _("No steps to record: the story has %u, the first asked for "
                                 "is %u"),
                               g_list_model_get_n_items (caravan_story_get_events (self->story)),
                               self->first_step + 1);
      return;
    }

  if (!caravan_recorder_start_pipeline (self, output, &error) ||
      !caravan_recorder_create_presentation (self, &error))
    {
      caravan_recorder_stop_pipeline (self);
      caravan_recorder_destroy_presentation (self);
      g_task_return_error (task, error);
      return;
    }

  self->task = g_steal_pointer (&task);
  g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled), self, 0);
  caravan_recorder_schedule_work (self, 0);
}

gboolean
caravan_recorder_record_finish (CaravanRecorder  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
