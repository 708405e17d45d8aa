/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-recorder.c: records steps of the bundled story at 1280x720, 30 fps (the presentation's
 * 10 s a step) and prints the frames, the seconds of video, the wall time, the speed as a
 * multiple of real time and the longest the main loop went without running (what a window
 * beside the recording would feel). BENCH_STEPS=N records N steps from the second (default 6),
 * BENCH_SECONDS_PER_STEP=S changes the timing, BENCH_OUTPUT=FILE keeps the video.
 * Run under a display: tests/headless.sh 1280x800 env GSK_RENDERER=cairo \
 *   GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=memory \
 *   ./_build/tests/bench/bench-recorder */

#define G_LOG_DOMAIN "caravan-bench-recorder"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "caravan-application.h"
#include "caravan-recorder.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

#define TICK_MS 1

typedef struct
{
  GMainLoop *loop;
  GError    *error;
  gint64     last_tick;
  gint64     longest_gap;
  GArray    *gaps;           /* µs between ticks of a 1 ms timeout */
  guint      frames_drawn;
} Bench;

static gboolean
on_tick (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 gap = now - bench->last_tick;

  bench->last_tick = now;
  bench->longest_gap = MAX (bench->longest_gap, gap);
  g_array_append_val (bench->gaps, gap);
  return G_SOURCE_CONTINUE;
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Bench *bench = user_data;

  caravan_recorder_record_finish (CARAVAN_RECORDER (source), result, &bench->error);
  g_main_loop_quit (bench->loop);
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 n;

  return value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 1000, &n, NULL)
         ? (guint) n : fallback;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(CaravanRecorder) recorder = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Bench bench = { 0 };
  guint steps = env_uint ("BENCH_STEPS", 6);
  guint seconds_per_step = env_uint ("BENCH_SECONDS_PER_STEP", 0);
  guint tick, frames;
  gint64 start;
  double wall, video;

  gtk_init ();
  adw_init ();
  /* The application's class registers the UI resources (styles, the presentation). */
  g_type_class_unref (g_type_class_ref (CARAVAN_TYPE_APPLICATION));

  story = caravan_story_load_bundled (&error);
  g_assert_no_error (error);
  recorder = caravan_recorder_new (story);
  caravan_recorder_set_size (recorder, 1280, 720);
  caravan_recorder_set_fps (recorder, 30);
  caravan_recorder_set_seconds_per_step (recorder, seconds_per_step);
  caravan_recorder_set_steps (recorder, 1, steps);

  if (g_getenv ("BENCH_OUTPUT") != NULL)
    path = g_strdup (g_getenv ("BENCH_OUTPUT"));
  else
    {
      int fd = g_file_open_tmp ("bench-recorder-XXXXXX.webm", &path, &error);

      g_assert_no_error (error);
      close (fd);
    }
  output = g_file_new_for_path (path);

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.last_tick = g_get_monotonic_time ();
  tick = g_timeout_add_full (G_PRIORITY_HIGH, TICK_MS, on_tick, &bench, NULL);

  start = g_get_monotonic_time ();
  caravan_recorder_record_async (recorder, output, NULL, on_recorded, &bench);
  g_main_loop_run (bench.loop);
  wall = (g_get_monotonic_time () - start) / 1e6;
  g_source_remove (tick);

  if (bench.error != NULL)
    {
      g_printerr ("bench-recorder: %s\n", bench.error->message);
      return 1;
    }

  frames = caravan_recorder_get_frames_done (recorder);
  video = frames / 30.0;
  g_array_sort (bench.gaps, compare_gaps);
  g_print ("recorded %u steps of the bundled story at 1280x720, 30 fps, %.1f s a step\n",
           caravan_recorder_get_n_steps (recorder),
           caravan_recorder_get_seconds_per_step (recorder));
  g_print ("frames            %u\n", frames);
  g_print ("video             %.1f s\n", video);
  g_print ("wall              %.1f s\n", wall);
  g_print ("speed             %.2f× real time (%.1f frames/s)\n", video / wall, frames / wall);
  g_print ("main loop stalls  longest %.1f ms, p99 %.1f ms, median %.1f ms (1 ms timer)\n",
           bench.longest_gap / 1000.0,
           g_array_index (bench.gaps, gint64, (guint) (bench.gaps->len * 0.99)) / 1000.0,
           g_array_index (bench.gaps, gint64, bench.gaps->len / 2) / 1000.0);
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      g_print ("file              %.1f MB%s%s\n", st.st_size / 1e6,
               g_getenv ("BENCH_OUTPUT") ? ", " : "", g_getenv ("BENCH_OUTPUT") ? path : "");
  }

  if (g_getenv ("BENCH_OUTPUT") == NULL)
    g_unlink (path);
  g_array_unref (bench.gaps);
  g_main_loop_unref (bench.loop);
  return 0;
}
