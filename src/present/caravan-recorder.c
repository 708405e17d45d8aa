/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recorder.c: records the presentation as a video. It draws the real presentation
 * window (map, pins, caption, strip) offscreen: the window is laid out and drawn by hand on a
 * display connection of its own and never shown. Time is a frame counter, not the clock: each
 * step holds seconds-per-step × fps frames and starts with the map's flight, interpolated
 * frame by frame as libshumate's go-to does, and each frame waits for its base-map tiles, so
 * the same story always gives the same frames and nothing waits on the network.
 * The GStreamer side is in caravan-recorder-encoder.c. */

#define G_LOG_DOMAIN "caravan-recorder"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-event.h"
#include "caravan-map-source.h"
#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-recorder-private.h"
#include "caravan-selection.h"
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
  return 10.0;
}

static guint
last_step (CaravanRecorder *self)
{
  guint n = g_list_model_get_n_items (caravan_story_get_events (self->story));

  return n == 0 ? 0 : MIN (self->last_step, n - 1);
}

static void
schedule_work (CaravanRecorder *self,
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
lay_out (CaravanRecorder *self)
{
  GtkWidget *window = GTK_WIDGET (self->presentation);

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, self->width, NULL, NULL, NULL, NULL);
  gtk_widget_allocate (window, self->width, self->height, -1, NULL);
}

/* Draws the window's content straight into a video frame with GSK's cairo drawing. */
static GstBuffer *
draw_frame (CaravanRecorder *self)
{
  GtkWidget *window = GTK_WIDGET (self->presentation);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GstBuffer *buffer = caravan_recorder_new_buffer (self);
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;
  GstMapInfo map;

  for (GtkWidget *child = gtk_widget_get_first_child (window);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (window, child, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);

  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  surface = cairo_image_surface_create_for_data (map.data, CAIRO_FORMAT_ARGB32,
                                                 self->width, self->height, self->width * 4);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  gst_buffer_unmap (buffer, &map);
  g_clear_pointer (&node, gsk_render_node_unref);

  return buffer;
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

static void
on_tiles_done (CaravanMapSource *source,
               CaravanRecorder  *self)
{
  schedule_work (self, 0);
}

/* A display connection of the process's own for recordings, opened once: its settings have
 * animations off (the map then jumps, and the recorder flies it), and nothing drawn for it
 * reaches the screen. Styles and icons as the application has them on its own display. */
static GdkDisplay *
get_recording_display (void)
{
  static GdkDisplay *display;
  const char *css[] = { RESOURCE_PATH "/style.css", "/org/gnome/shumate/license.css",
                        "/org/gnome/shumate/scale.css" };
  GdkDisplay *default_display;

  if (display != NULL)
    return display;

  default_display = gdk_display_get_default ();
  display = default_display ? gdk_display_open (gdk_display_get_name (default_display)) : NULL;
  if (display == NULL)
    return NULL;

  g_object_set (gtk_settings_get_for_display (display), "gtk-enable-animations", FALSE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (css); i++)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, css[i]);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  i == 0 ? GTK_STYLE_PROVIDER_PRIORITY_APPLICATION
                                                         : GTK_STYLE_PROVIDER_PRIORITY_FALLBACK);
    }
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    RESOURCE_PATH "/icons");
  return display;
}

static gboolean
create_presentation (CaravanRecorder  *self,
                     GError          **error)
{
  GdkDisplay *display = get_recording_display ();
  g_autoptr(CaravanEvent) first = NULL;
  GtkWidget *window;

  if (display == NULL)
    {
      g_set_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_DISPLAY,
                   _("No display to draw the presentation on"));
      return FALSE;
    }

  /* A selection of our own: the main window stays where the user left it. */
  self->selection = caravan_selection_new ();
  caravan_selection_set_story (self->selection, self->story);
  first = g_list_model_get_item (caravan_story_get_events (self->story), self->first_step);
  caravan_selection_select_event (self->selection, first);

  self->presentation = g_object_ref_sink (caravan_presentation_new (self->selection, NULL));
  window = GTK_WIDGET (self->presentation);
  gtk_window_set_display (GTK_WINDOW (window), display);
  gtk_window_set_default_size (GTK_WINDOW (window), self->width, self->height);
  caravan_presentation_set_theme (self->presentation, self->theme);
  gtk_widget_realize (window);
  /* GtkWindow's map would show the surface: map the widgets only, so they lay out and draw. */
  GTK_WIDGET_CLASS (g_type_class_peek (GTK_TYPE_WIDGET))->map (window);

  self->map_source = CARAVAN_MAP_SOURCE (caravan_map_view_get_map_source (
                       caravan_presentation_get_map_view (self->presentation)));
  g_object_ref (self->map_source);
  self->tiles_handler = g_signal_connect (self->map_source, "tiles-done",
                                          G_CALLBACK (on_tiles_done), self);
  lay_out (self);
  return TRUE;
}

static void
destroy_presentation (CaravanRecorder *self)
{
  g_clear_signal_handler (&self->tiles_handler, self->map_source);
  g_clear_object (&self->map_source);
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presentation));
  g_clear_object (&self->presentation);
  g_clear_object (&self->selection);
}

static void
begin_step (CaravanRecorder *self)
{
  self->frame_in_step = 0;
  self->frames_per_step = MAX (1, (guint) round (effective_seconds_per_step (self) * self->fps));
  caravan_recorder_get_camera (self, &self->from);
  if (self->step != self->first_step)
    caravan_presentation_go_to_step (self->presentation, self->step);
  gst_clear_buffer (&self->still);
}

/* The map view has jumped to the step's camera: go back and fly there over the next frames. */
static void
plan_flight (CaravanRecorder *self)
{
  caravan_recorder_get_camera (self, &self->to);
  self->flight_frames = 0;
  if (self->step != self->first_step &&
      (self->from.latitude != self->to.latitude || self->from.longitude != self->to.longitude ||
       self->from.zoom != self->to.zoom))
    {
      self->flight_frames = MIN ((guint) round (CARAVAN_RECORDER_FLIGHT_SECONDS * self->fps),
                                 self->frames_per_step - 1);
      caravan_recorder_set_camera (self, &self->from);
    }
}

static void
place_camera_for_frame (CaravanRecorder *self)
{
  CaravanRecorderCamera camera;

  if (self->frame_in_step < self->flight_frames)
    caravan_recorder_interpolate_camera (&self->from, &self->to,
                        (double) (self->frame_in_step + 1) / (self->flight_frames + 1),
                        &camera);
  else
    camera = self->to;
  caravan_recorder_set_camera (self, &camera);
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
      begin_step (self);
      self->phase = PHASE_TARGET;
      break;

    case PHASE_TARGET:
      plan_flight (self);
      self->phase = PHASE_FRAME;
      self->settle_passes = 0;
      place_camera_for_frame (self);
      break;

    case PHASE_FRAME:
      if (caravan_recorder_encoder_busy (self))
        {
          schedule_work (self, 2);
          return G_SOURCE_REMOVE;
        }
      lay_out (self);
      if (self->settle_passes++ < SETTLE_PASSES)
        break;
      if (caravan_map_source_get_tiles_pending (self->map_source) > 0)
        return G_SOURCE_REMOVE;   /* on_tiles_done() goes on */

      if (self->frame_in_step < self->flight_frames)
        {
          push_frame (self, draw_frame (self));
          place_camera_for_frame (self);
          self->settle_passes = 0;
        }
      else
        {
          self->still = draw_frame (self);
          self->phase = PHASE_HOLD;
        }
      break;

    case PHASE_HOLD:
      /* Nothing moves until the next step: the same picture, without drawing it again. */
      while (self->frame_in_step < self->frames_per_step && !caravan_recorder_encoder_busy (self))
        push_frame (self, gst_buffer_ref (self->still));
      if (self->frame_in_step < self->frames_per_step)
        {
          schedule_work (self, 2);
          return G_SOURCE_REMOVE;
        }
      self->step++;
      self->phase = PHASE_STEP;
      break;

    case PHASE_FINISHING:
      return G_SOURCE_REMOVE;
    }

  schedule_work (self, 0);
  return G_SOURCE_REMOVE;
}

/* Cancelled from the main thread (Cancel, Ctrl+C): stop at the next pass. */
static void
on_cancelled (GCancellable    *cancellable,
              CaravanRecorder *self)
{
  schedule_work (self, 0);
}

void
caravan_recorder_finish (CaravanRecorder *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  guint n_frames = caravan_recorder_get_n_frames (self);

  g_clear_handle_id (&self->work_source, g_source_remove);
  gst_clear_buffer (&self->still);
  caravan_recorder_stop_pipeline (self);
  destroy_presentation (self);

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
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
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

  return caravan_recorder_get_n_steps (self) *
         MAX (1, (guint) round (effective_seconds_per_step (self) * self->fps));
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

  self->frames_done = 0;
  self->step = self->first_step;
  self->phase = PHASE_STEP;
  g_clear_error (&self->error);

  if (caravan_recorder_get_n_steps (self) == 0)
    {
      g_task_return_new_error (task, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_STEPS,
                               _("No steps to record: the story has %u, the first asked for is %u"),
                               g_list_model_get_n_items (caravan_story_get_events (self->story)),
                               self->first_step + 1);
      return;
    }

  if (!caravan_recorder_start_pipeline (self, output, &error) ||
      !create_presentation (self, &error))
    {
      caravan_recorder_stop_pipeline (self);
      destroy_presentation (self);
      g_task_return_error (task, error);
      return;
    }

  self->task = g_steal_pointer (&task);
  g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (on_cancelled), self, 0);
  schedule_work (self, 0);
}

gboolean
caravan_recorder_record_finish (CaravanRecorder  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
