/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-recorder.c: CaravanRecorder, read back with GStreamer: the video's duration, size and
 * frame rate as asked; the same frames on every run; frames that change between steps and
 * during a flight but not while a step holds; errors for bad paths, unknown formats and a
 * GStreamer without encoders; cancelling leaves a playable file; nothing of it is on a screen
 * while it records. */

#define G_LOG_DOMAIN "caravan-test-recorder"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gst/app/gstappsink.h>
#include <gst/pbutils/pbutils.h>

#include "caravan-application.h"
#include "caravan-presentation.h"
#include "caravan-recorder.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-test-utils.h"

/* Steps 2 and 3 of the bundled story (from 0: 1 and 2): the map flies from Akmola, where the
 * story has zoomed in, out to the capital's move across Kazakhstan. */
#define FIRST_STEP 1
#define LAST_STEP  2
#define WIDTH      320
#define HEIGHT     180
#define FPS        10
#define SECONDS    1.0

/* Frames of the recording below: step 2 holds frames 0-9, step 3 flies over frames 10-18 and
 * holds frame 19 (the flight is 0.9 s). */
#define FLIGHT_START 10

typedef struct
{
  gboolean      done;
  GError       *error;
  guint         cancel_after;   /* frames; 0 never */
  GCancellable *cancellable;
  guint         progress_calls;
  guint         last_done;
  guint         last_total;
  guint         presentations_seen;
} Recording;

static char *tmp_dir;

static CaravanStory *
load_story (void)
{
  g_autoptr(GError) error = NULL;
  CaravanStory *story = caravan_story_load_bundled (&error);

  g_assert_no_error (error);
  return story;
}

static CaravanRecorder *
new_recorder (void)
{
  g_autoptr(CaravanStory) story = load_story ();
  CaravanRecorder *recorder = caravan_recorder_new (story);

  caravan_recorder_set_size (recorder, WIDTH, HEIGHT);
  caravan_recorder_set_fps (recorder, FPS);
  caravan_recorder_set_seconds_per_step (recorder, SECONDS);
  caravan_recorder_set_steps (recorder, FIRST_STEP, LAST_STEP);
  return recorder;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
on_progress (CaravanRecorder *recorder,
             guint            done,
             guint            total,
             Recording       *recording)
{
  g_assert_cmpuint (done, ==, recording->last_done + 1);
  recording->progress_calls++;
  recording->last_done = done;
  recording->last_total = total;
  /* The recorder films a presentation that no screen shows (the tests here show no window). */
  recording->presentations_seen += caravan_test_assert_off_screen (CARAVAN_TYPE_PRESENTATION);
  if (recording->cancel_after > 0 && done == recording->cancel_after)
    g_cancellable_cancel (recording->cancellable);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Recording *recording = user_data;

  caravan_recorder_record_finish (CARAVAN_RECORDER (source), result, &recording->error);
  recording->done = TRUE;
}

static gboolean
is_done (gpointer user_data)
{
  return ((Recording *) user_data)->done;
}

/* Records synchronously; the error (or NULL) is returned. Each frame checks that the
 * presentation is off screen; @presentations_seen (if not NULL) says on how many frames one
 * was found. */
static GError *
record_counting (CaravanRecorder *recorder,
                 const char      *path,
                 guint            cancel_after,
                 guint           *presentations_seen)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Recording recording = { .cancel_after = cancel_after };
  gulong handler;

  recording.cancellable = g_cancellable_new ();
  handler = g_signal_connect (recorder, "progress", G_CALLBACK (on_progress), &recording);
  caravan_recorder_record_async (recorder, file, recording.cancellable, on_recorded, &recording);
  g_assert_true (caravan_test_wait_until (is_done, &recording, 60000));
  g_signal_handler_disconnect (recorder, handler);
  g_clear_object (&recording.cancellable);

  if (recording.error == NULL)
    {
      g_assert_cmpuint (recording.last_done, ==, recording.last_total);
      g_assert_cmpuint (recording.progress_calls, ==, caravan_recorder_get_n_frames (recorder));
    }
  g_assert_cmpuint (caravan_recorder_get_frames_done (recorder), ==, recording.last_done);
  if (presentations_seen != NULL)
    *presentations_seen = recording.presentations_seen;
  return recording.error;
}

static GError *
record (CaravanRecorder *recorder,
        const char      *path,
        guint            cancel_after)
{
  return record_counting (recorder, path, cancel_after, NULL);
}

typedef struct
{
  GstClockTime duration;
  guint        width;
  guint        height;
  guint        fps_n;
  guint        fps_d;
} VideoInfo;

static void
discover (const char *path,
          VideoInfo  *info)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = gst_filename_to_uri (path, &error);
  g_autoptr(GstDiscoverer) discoverer = gst_discoverer_new (20 * GST_SECOND, &error);
  g_autoptr(GstDiscovererInfo) result = NULL;
  GList *streams;
  GstDiscovererVideoInfo *video;

  g_assert_no_error (error);
  result = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (result), ==, GST_DISCOVERER_OK);
  streams = gst_discoverer_info_get_video_streams (result);
  g_assert_cmpuint (g_list_length (streams), ==, 1);
  video = streams->data;
  info->duration = gst_discoverer_info_get_duration (result);
  info->width = gst_discoverer_video_info_get_width (video);
  info->height = gst_discoverer_video_info_get_height (video);
  info->fps_n = gst_discoverer_video_info_get_framerate_num (video);
  info->fps_d = gst_discoverer_video_info_get_framerate_denom (video);
  gst_discoverer_stream_info_list_free (streams);
  g_test_message ("%s: %" GST_TIME_FORMAT ", %ux%u at %u/%u", path,
                  GST_TIME_ARGS (info->duration), info->width, info->height, info->fps_n,
                  info->fps_d);
}

/* Every decoded frame of @path as a texture, in order. */
static GPtrArray *
decode (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = gst_filename_to_uri (path, &error);
  g_autofree char *description = g_strdup_printf ("uridecodebin uri=\"%s\" ! videoconvert ! "
                                                  "video/x-raw,format=BGRA ! "
                                                  "appsink name=sink sync=false", uri);
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) sink = NULL;
  GPtrArray *frames = g_ptr_array_new_with_free_func (g_object_unref);
  GstSample *sample;

  g_assert_no_error (error);
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=,
                   GST_STATE_CHANGE_FAILURE);
  while ((sample = gst_app_sink_pull_sample (GST_APP_SINK (sink))) != NULL)
    {
      GstBuffer *buffer = gst_sample_get_buffer (sample);
      GstStructure *caps = gst_caps_get_structure (gst_sample_get_caps (sample), 0);
      g_autoptr(GBytes) bytes = NULL;
      GstMapInfo map;
      int width, height;

      g_assert_true (gst_structure_get_int (caps, "width", &width));
      g_assert_true (gst_structure_get_int (caps, "height", &height));
      g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));
      bytes = g_bytes_new (map.data, map.size);
      gst_buffer_unmap (buffer, &map);
      g_ptr_array_add (frames, gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8A8,
                                                       bytes, (gsize) width * 4));
      gst_sample_unref (sample);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return frames;
}

static GdkTexture *
frame (GPtrArray *frames,
       guint      index)
{
  g_assert_cmpuint (index, <, frames->len);
  return g_ptr_array_index (frames, index);
}

static void
save_frame (GPtrArray  *frames,
            guint       index,
            const char *name)
{
  const char *dir = g_getenv ("CARAVAN_SCREENSHOT_DIR");
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), file, NULL);

  g_mkdir_with_parents (dir ? dir : g_get_tmp_dir (), 0755);
  g_assert_true (gdk_texture_save_to_png (frame (frames, index), path));
  g_test_message ("Frame %u saved to %s", index, path);
}

/* The recording the format and frame tests share, made once. */
static const char *
shared_recording (void)
{
  static char *path;

  if (path == NULL)
    {
      g_autoptr(CaravanRecorder) recorder = new_recorder ();

      path = tmp_path ("shared.webm");
      g_assert_no_error (record (recorder, path, 0));
    }
  return path;
}

static void
test_format (void)
{
  VideoInfo info;
  GstClockTime expected = 2 * SECONDS * GST_SECOND;
  g_autoptr(CaravanRecorder) recorder = new_recorder ();

  g_assert_cmpuint (caravan_recorder_get_n_steps (recorder), ==, 2);
  g_assert_cmpuint (caravan_recorder_get_n_frames (recorder), ==, 2 * SECONDS * FPS);

  discover (shared_recording (), &info);
  g_assert_cmpuint (info.width, ==, WIDTH);
  g_assert_cmpuint (info.height, ==, HEIGHT);
  g_assert_cmpuint (info.fps_n, ==, FPS);
  g_assert_cmpuint (info.fps_d, ==, 1);
  /* Within one frame of 2 steps × 1 s. */
  g_assert_cmpuint (info.duration, >=, expected - GST_SECOND / FPS);
  g_assert_cmpuint (info.duration, <=, expected + GST_SECOND / FPS);
}

static gboolean
files_equal (const char *a,
             const char *b,
             gsize      *n_different)
{
  g_autofree char *data_a = NULL, *data_b = NULL;
  gsize len_a, len_b;

  g_assert_true (g_file_get_contents (a, &data_a, &len_a, NULL));
  g_assert_true (g_file_get_contents (b, &data_b, &len_b, NULL));
  *n_different = 0;
  for (gsize i = 0; i < MIN (len_a, len_b); i++)
    *n_different += data_a[i] != data_b[i];
  return len_a == len_b && *n_different == 0;
}

/* Two recordings of one story decode to the same frames. The files themselves differ in a few
 * bytes: webmmux writes the date and a random segment UID. */
static void
test_deterministic (void)
{
  g_autoptr(CaravanRecorder) recorder = new_recorder ();
  g_autofree char *again = tmp_path ("again.webm");
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  gsize n_different;

  g_assert_no_error (record (recorder, again, 0));
  first = decode (shared_recording ());
  second = decode (again);
  g_assert_cmpuint (first->len, ==, 2 * SECONDS * FPS);
  g_assert_cmpuint (second->len, ==, first->len);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpuint (caravan_test_count_different_pixels (frame (first, i), frame (second, i)),
                      ==, 0);

  if (files_equal (shared_recording (), again, &n_different))
    g_test_message ("the two files are identical byte for byte");
  else
    g_test_message ("the two files differ in %" G_GSIZE_FORMAT " bytes (muxer date and UID)",
                    n_different);
}

/* Pixels of the selected pin's orange (#e66100, its icon and its name's pill). */
static guint
count_selected_pin_pixels (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  guint n = 0;

  gdk_texture_download (texture, data, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      /* cairo's ARGB32: B, G, R, A on little-endian machines */
      guint32 pixel = ((guint32 *) data)[i];
      int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

      n += ABS (r - 0xe6) < 40 && ABS (g - 0x61) < 40 && b < 60;
    }
  return n;
}

static void
test_frames_change (void)
{
  g_autoptr(GPtrArray) frames = decode (shared_recording ());
  guint n_pixels = WIDTH * HEIGHT;
  guint held, between_steps, flight_a, flight_b;

  save_frame (frames, 0, "recorder-step-2");
  save_frame (frames, FLIGHT_START + 4, "recorder-flight");
  save_frame (frames, frames->len - 1, "recorder-step-3");

  /* The selected pin in the presentation's size: a 56 px icon under its name. Pins that
   * missed the presentation's styles were a third of that, with "…" for a name. */
  g_test_message ("selected pin: %u pixels", count_selected_pin_pixels (frame (frames, 0)));
  g_assert_cmpuint (count_selected_pin_pixels (frame (frames, 0)), >, 2500);

  /* A step that holds changes only as the encoder refines the picture. */
  held = caravan_test_count_different_pixels (frame (frames, 2), frame (frames, 8));
  /* The next step: another caption, another place. */
  between_steps = caravan_test_count_different_pixels (frame (frames, 0),
                                                       frame (frames, frames->len - 1));
  /* The flight moves the map on every frame. */
  flight_a = caravan_test_count_different_pixels (frame (frames, FLIGHT_START + 2),
                                                  frame (frames, FLIGHT_START + 3));
  flight_b = caravan_test_count_different_pixels (frame (frames, FLIGHT_START + 5),
                                                  frame (frames, FLIGHT_START + 6));
  g_test_message ("different pixels of %u: held %u, between steps %u, flight %u and %u",
                  n_pixels, held, between_steps, flight_a, flight_b);

  /* Measured at 320x180: held 5 %, flight 30 %, between steps 56 %. */
  g_assert_cmpuint (held, <, n_pixels / 10);
  g_assert_cmpuint (between_steps, >, n_pixels / 3);
  g_assert_cmpuint (flight_a, >, n_pixels / 5);
  g_assert_cmpuint (flight_b, >, n_pixels / 5);
}

static void
assert_output_error (const char *path,
                     int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CaravanRecorder) recorder = new_recorder ();
  g_autoptr(GError) error = NULL;

  g_assert_false (caravan_recorder_check_output (file, &error));
  g_assert_error (error, CARAVAN_RECORDER_ERROR, code);
  g_test_message ("%s: %s", path, error->message);
  g_clear_error (&error);

  error = record (recorder, path, 0);
  g_assert_error (error, CARAVAN_RECORDER_ERROR, code);
  g_assert_cmpuint (caravan_recorder_get_frames_done (recorder), ==, 0);
}

static void
test_error_missing_folder (void)
{
  g_autofree char *path = tmp_path ("no-such-folder/x.webm");

  assert_output_error (path, CARAVAN_RECORDER_ERROR_OUTPUT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_error_unknown_format (void)
{
  g_autofree char *path = tmp_path ("x.avi");

  assert_output_error (path, CARAVAN_RECORDER_ERROR_FORMAT);
  /* Nothing is written for a name that is no video file. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A GStreamer that finds no plugins at all: a registry of its own, no system plugins and an
 * empty plugin folder. GStreamer reads these when it starts, so in a subprocess. */
static void
test_error_no_encoder (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *empty = tmp_path ("no-plugins");
      g_autofree char *registry = tmp_path ("no-plugins-registry.bin");
      g_autofree char *path = tmp_path ("no-encoder.webm");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_assert_false (gst_is_initialized ());
      g_mkdir_with_parents (empty, 0700);
      g_setenv ("GST_PLUGIN_PATH_1_0", empty, TRUE);
      g_setenv ("GST_PLUGIN_SYSTEM_PATH_1_0", "", TRUE);
      g_setenv ("GST_REGISTRY_1_0", registry, TRUE);
      g_unsetenv ("GST_PLUGIN_PATH");
      g_unsetenv ("GST_PLUGIN_SYSTEM_PATH");

      g_assert_false (caravan_recorder_can_encode (".webm"));
      g_assert_false (caravan_recorder_check_output (file, &error));
      g_assert_error (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_NO_ENCODER);
      g_printerr ("%s\n", error->message);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*GStreamer cannot encode WebM (VP8) here*");
}

static void
test_cancel (void)
{
  g_autoptr(CaravanStory) story = load_story ();
  g_autoptr(CaravanRecorder) recorder = caravan_recorder_new (story);
  g_autofree char *path = tmp_path ("cancelled.webm");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) frames = NULL;
  VideoInfo info;
  guint done;

  caravan_recorder_set_size (recorder, WIDTH, HEIGHT);
  caravan_recorder_set_fps (recorder, FPS);
  caravan_recorder_set_seconds_per_step (recorder, 2);
  caravan_recorder_set_steps (recorder, 0, 3);
  g_assert_cmpuint (caravan_recorder_get_n_frames (recorder), ==, 80);

  error = record (recorder, path, 25);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("%s", error->message);
  /* The message says the file is playable, not only that something was cancelled. */
  g_assert_nonnull (strstr (error->message, "complete"));
  done = caravan_recorder_get_frames_done (recorder);
  g_assert_cmpuint (done, >=, 25);
  g_assert_cmpuint (done, <, 80);

  /* What was recorded is a complete file: it plays for as long as the frames it has. */
  discover (path, &info);
  g_assert_cmpuint (info.width, ==, WIDTH);
  g_assert_cmpuint (info.height, ==, HEIGHT);
  g_assert_cmpuint (info.duration, >=, (done - 1) * GST_SECOND / FPS);
  g_assert_cmpuint (info.duration, <=, (done + 1) * GST_SECOND / FPS);
  frames = decode (path);
  g_assert_cmpuint (frames->len, ==, done);
}

/* Issue 18: GtkWindow's show presented the surface, which mapped a window of the recording's
 * size at the screen's corner for as long as the recording ran. */
static void
test_offscreen (void)
{
  g_autoptr(CaravanRecorder) recorder = new_recorder ();
  g_autofree char *path = tmp_path ("offscreen.webm");
  guint presentations_seen = 0;

  g_assert_no_error (record_counting (recorder, path, 0, &presentations_seen));
  /* One presentation on every frame: the check looked at the window the recorder films. */
  g_assert_cmpuint (presentations_seen, ==, caravan_recorder_get_n_frames (recorder));
  /* Gone once the recording is done. */
  g_assert_cmpuint (caravan_test_assert_off_screen (CARAVAN_TYPE_PRESENTATION), ==, 0);
}

static void
test_can_encode (void)
{
  g_assert_true (caravan_recorder_can_encode (".webm"));
  g_assert_true (caravan_recorder_can_encode (".WEBM"));
  g_assert_false (caravan_recorder_can_encode (".avi"));
  g_test_message ("MP4 (H.264) %s here", caravan_recorder_can_encode (".mp4")
                                         ? "can be encoded" : "cannot be encoded");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  caravan_test_init (&argc, &argv);
  /* The application's class registers the UI resources (styles, the presentation's template). */
  g_type_class_unref (g_type_class_ref (CARAVAN_TYPE_APPLICATION));
  /* A subprocess finds its parent's folder in the environment. */
  if (g_getenv ("CARAVAN_TEST_RECORDER_DIR") != NULL)
    tmp_dir = g_strdup (g_getenv ("CARAVAN_TEST_RECORDER_DIR"));
  else
    {
      tmp_dir = g_dir_make_tmp ("caravan-test-recorder-XXXXXX", NULL);
      g_assert_nonnull (tmp_dir);
      g_setenv ("CARAVAN_TEST_RECORDER_DIR", tmp_dir, TRUE);
    }

  g_test_add_func ("/recorder/can-encode", test_can_encode);
  g_test_add_func ("/recorder/format", test_format);
  g_test_add_func ("/recorder/deterministic", test_deterministic);
  g_test_add_func ("/recorder/frames-change", test_frames_change);
  g_test_add_func ("/recorder/error/missing-folder", test_error_missing_folder);
  g_test_add_func ("/recorder/error/unknown-format", test_error_unknown_format);
  g_test_add_func ("/recorder/error/no-encoder", test_error_no_encoder);
  g_test_add_func ("/recorder/cancel", test_cancel);
  g_test_add_func ("/recorder/offscreen", test_offscreen);
  status = g_test_run ();

  if (!g_test_subprocess ())
    remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
