/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-flights.c: frame times during the presentation's fly-to between steps, at 1920×1080
 * and 3840×2160, from the frame clock's timings. Two figures per frame, and they differ:
 *
 * - interval: from the start of one frame to the start of the next (GdkFrameTimings'
 *   frame_time). This is what the audience sees: 16.7 ms is every refresh of a 60 Hz
 *   display, 33.3 ms every other one. Dropped frames are the refreshes skipped (an interval
 *   over 1.5 periods counts the periods it skipped). It includes everything the main loop
 *   does between frames (tiles arriving, idles) and any wait for the CPU.
 * - work: from the start of a frame to the end of its paint, the X server's copy of the
 *   frame included, on the main thread; with the main thread's CPU time in that span
 *   beside it (less than the wall time when tile workers or the X server take the CPU).
 *
 * Work under the refresh period is needed for every frame to make its refresh, but it is not
 * enough: the interval is the figure the targets are about.
 *
 * Run under a display big enough for 4K, with the renderer to be measured:
 *   xvfb-run -a -s '-screen 0 3840x2160x24' env GSK_RENDERER=cairo \
 *     GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=memory \
 *     ./_build/tests/bench/bench-flights [FLIGHTS [WIDTHxHEIGHT…]]
 * BENCH_PHASES=1 also prints where a frame's work goes (update and layout, paint);
 * BENCH_SCREENSHOTS=DIR saves the screen after each flight (with ImageMagick's import) to
 * DIR/WIDTHxHEIGHT-step-N.png, to compare the map before and after a change. */

#define G_LOG_DOMAIN "caravan-bench-flights"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "caravan-application.h"
#include "caravan-map-source.h"
#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

typedef struct
{
  CaravanMapView *map_view;
  gboolean        recording;
  gint64          last_frame_time;  /* of the last frame painted in a flight, or 0 */
  gint64          frame_cpu;        /* the main thread's CPU time at the frame's start */
  gint64          layout_end;
  gint64          paint_end;
  GArray         *intervals;        /* ms from the start of a frame to the start of the next */
  GArray         *work;             /* ms from the start of a frame to the end of its paint */
  GArray         *work_cpu;         /* the main thread's CPU ms in the same span */
  GArray         *layout;           /* ms: update and layout phases */
  GArray         *paint;            /* ms: paint phase (snapshot, render, copy to X) */
} FrameWatch;

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
process_cpu_time (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* The X server's CPU time in µs, if it is an Xvfb started for our display (xvfb-run starts it
 * with the display on its command line), else -1. */
static gint64
x_server_cpu_time (void)
{
  const char *display = g_getenv ("DISPLAY");
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;

  if (display == NULL || dir == NULL)
    return -1;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *comm = NULL, *cmdline = NULL, *stat = NULL;
      g_autofree char *comm_path = g_build_filename ("/proc", name, "comm", NULL);
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_auto(GStrv) fields = NULL;
      gboolean ours = FALSE;
      gsize length = 0;
      char *end;

      if (!g_file_get_contents (comm_path, &comm, NULL, NULL) || !g_str_has_prefix (comm, "Xvfb") ||
          !g_file_get_contents (cmdline_path, &cmdline, &length, NULL))
        continue;
      for (gsize i = 0; i < length && !ours; i += strlen (cmdline + i) + 1)
        ours = g_str_equal (cmdline + i, display);
      if (!ours || !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          (end = strrchr (stat, ')')) == NULL)
        continue;
      /* After the ")": state is field 3, utime 14 and stime 15. */
      fields = g_strsplit (end + 2, " ", 0);
      if (g_strv_length (fields) < 13)
        continue;
      return (g_ascii_strtoll (fields[11], NULL, 10) + g_ascii_strtoll (fields[12], NULL, 10)) *
             G_USEC_PER_SEC / sysconf (_SC_CLK_TCK);
    }
  return -1;
}

static void
on_before_paint (GdkFrameClock *clock,
                 FrameWatch    *watch)
{
  watch->frame_cpu = thread_cpu_time ();
  watch->layout_end = watch->paint_end = 0;
}

/* Connected after GDK's own handlers: these mark the ends of the phases. */
static void
on_layout (GdkFrameClock *clock,
           FrameWatch    *watch)
{
  watch->layout_end = g_get_monotonic_time ();
}

static void
on_paint (GdkFrameClock *clock,
          FrameWatch    *watch)
{
  watch->paint_end = g_get_monotonic_time ();
}

static void
append (GArray *times,
        double  ms)
{
  g_array_append_val (times, ms);
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameWatch    *watch)
{
  GdkFrameTimings *timings = gdk_frame_clock_get_current_timings (clock);
  gint64 frame_time = timings ? gdk_frame_timings_get_frame_time (timings) : 0;
  gint64 now = g_get_monotonic_time ();

  if (!watch->recording || !caravan_map_view_get_flying (watch->map_view) || frame_time == 0)
    {
      watch->last_frame_time = 0;
      return;
    }

  if (watch->last_frame_time > 0)
    append (watch->intervals, (frame_time - watch->last_frame_time) / 1000.0);
  append (watch->work, (now - frame_time) / 1000.0);
  append (watch->work_cpu, (thread_cpu_time () - watch->frame_cpu) / 1000.0);
  if (watch->layout_end > 0)
    append (watch->layout, (watch->layout_end - frame_time) / 1000.0);
  if (watch->layout_end > 0 && watch->paint_end > 0)
    append (watch->paint, (watch->paint_end - watch->layout_end) / 1000.0);
  watch->last_frame_time = frame_time;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @times and returns its @p quantile (nearest rank). */
static double
percentile (GArray *times,
            double  p)
{
  if (times->len == 0)
    return 0;
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * p)));
}

static gboolean
on_wake (gpointer user_data)
{
  gboolean *woken = user_data;

  *woken = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop as the application does, until the map flies or for @ms at most. */
static void
iterate_until_flying (CaravanMapView *map_view,
                      guint           ms)
{
  gboolean woken = FALSE;
  guint wake = g_timeout_add (ms, on_wake, &woken);

  while (!woken && !caravan_map_view_get_flying (map_view))
    g_main_context_iteration (NULL, TRUE);
  if (!woken)
    g_source_remove (wake);
}

/* Runs the main loop as the application does, for @ms. */
static void
iterate_for (guint ms)
{
  gboolean woken = FALSE;

  g_timeout_add (ms, on_wake, &woken);
  while (!woken)
    g_main_context_iteration (NULL, TRUE);
}

/* Saves the screen as the X server shows it, once the map has all its tiles (or after 5 s). */
static void
save_screenshot (CaravanMapView *map_view,
                 int             width,
                 int             height,
                 guint           step)
{
  ShumateMapSource *source = caravan_map_view_get_map_source (map_view);
  const char *dir = g_getenv ("BENCH_SCREENSHOTS");
  g_autofree char *name = NULL, *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };
  int status = 0;

  if (dir == NULL)
    return;

  for (guint i = 0; i < 50 && CARAVAN_IS_MAP_SOURCE (source) &&
                   caravan_map_source_get_tiles_pending (CARAVAN_MAP_SOURCE (source)) > 0; i++)
    iterate_for (100);
  iterate_for (300);
  name = g_strdup_printf ("%dx%d-step-%u.png", width, height, step);
  path = g_build_filename (dir, name, NULL);
  argv[3] = path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error) || !g_spawn_check_wait_status (status, &error))
    g_printerr ("bench-flights: no screenshot %s: %s\n", path, error->message);
}

static void
print_figures (const char *name,
               GArray     *times)
{
  g_print ("p50 %5.1f ms  p95 %5.1f ms  max %6.1f ms  (%s)", percentile (times, 0.5),
           percentile (times, 0.95), percentile (times, 1.0), name);
}

static void
measure (CaravanStory *story,
         int           width,
         int           height,
         guint         n_flights)
{
  g_autoptr(CaravanSelection) selection = caravan_selection_new ();
  FrameWatch watch = { 0 };
  CaravanPresentation *presentation;
  CaravanMapSource *source;
  GdkFrameClock *clock;
  GdkMonitor *monitor;
  double refresh_ms = 1000.0 / 60;
  guint dropped = 0, flights = 0, tiles = 0, refreshes = 0;
  gint64 flying = 0, main_cpu = 0, process_cpu = 0, x_cpu = 0;

  caravan_selection_set_story (selection, story);
  caravan_selection_first (selection);
  presentation = caravan_presentation_new (selection, NULL);
  gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
  gtk_window_present (GTK_WINDOW (presentation));
  watch.map_view = caravan_presentation_get_map_view (presentation);
  watch.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  watch.work = g_array_new (FALSE, FALSE, sizeof (double));
  watch.work_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  watch.layout = g_array_new (FALSE, FALSE, sizeof (double));
  watch.paint = g_array_new (FALSE, FALSE, sizeof (double));

  while (!gtk_widget_get_mapped (GTK_WIDGET (presentation)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (presentation));
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (presentation)),
                                                gtk_native_get_surface (GTK_NATIVE (presentation)));
  if (monitor != NULL && gdk_monitor_get_refresh_rate (monitor) > 0)
    refresh_ms = 1e6 / gdk_monitor_get_refresh_rate (monitor);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &watch);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &watch);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &watch);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &watch);
  iterate_for (1500);

  /* Step through the story; each step flies from the last camera to the next. */
  for (guint step = 1; step < caravan_presentation_get_n_steps (presentation) &&
                       flights < n_flights; step++)
    {
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      gint64 start = g_get_monotonic_time (), start_main = thread_cpu_time ();
      gint64 start_process = process_cpu_time (), start_x = x_server_cpu_time ();
      guint start_tiles;

      source = CARAVAN_MAP_SOURCE (caravan_map_view_get_map_source (watch.map_view));
      start_tiles = caravan_map_source_get_tiles_rendered (source);
      caravan_presentation_go_to_step (presentation, step);
      watch.recording = TRUE;
      iterate_until_flying (watch.map_view, 50);
      if (!caravan_map_view_get_flying (watch.map_view))
        {
          watch.recording = FALSE;
          continue;
        }
      flights++;
      while (caravan_map_view_get_flying (watch.map_view) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      watch.recording = FALSE;
      flying += g_get_monotonic_time () - start;
      main_cpu += thread_cpu_time () - start_main;
      process_cpu += process_cpu_time () - start_process;
      x_cpu = x_cpu < 0 || start_x < 0 ? -1 : x_cpu + x_server_cpu_time () - start_x;
      tiles += caravan_map_source_get_tiles_rendered (source) - start_tiles;
      iterate_for (300);
      save_screenshot (watch.map_view, width, height, step);
    }

  for (guint i = 0; i < watch.intervals->len; i++)
    {
      double interval = g_array_index (watch.intervals, double, i);
      guint periods = MAX (1, (guint) floor (interval / refresh_ms + 0.5));

      refreshes += periods;
      if (interval > 1.5 * refresh_ms)
        dropped += periods - 1;
    }

  g_print ("%dx%d: %u flights, %u frames in %.1f s, %u tiles drawn during them, "
           "refresh %.1f ms\n", width, height, flights, watch.work->len, flying / 1e6, tiles,
           refresh_ms);
  g_print ("  interval ");
  print_figures ("frame start to frame start: what the audience sees", watch.intervals);
  g_print ("\n  dropped  %u of %u refreshes (%.0f %% of frames on time)\n", dropped, refreshes,
           refreshes ? 100.0 * (refreshes - dropped) / refreshes : 0);
  g_print ("  work     ");
  print_figures ("frame start to end of paint, main thread", watch.work);
  g_print ("\n  work CPU ");
  print_figures ("main thread's CPU time in the same span", watch.work_cpu);
  g_print ("\n");
  if (g_getenv ("BENCH_PHASES") != NULL)
    {
      g_print ("  layout   ");
      print_figures ("frame start to end of layout: animation, notifies, allocation",
                     watch.layout);
      g_print ("\n  paint    ");
      print_figures ("snapshot, render, copy to the X server", watch.paint);
      g_print ("\n");
    }
  g_print ("  CPU during the flights: %.2f s Caravan (%.2f s main thread, %.2f s others)",
           process_cpu / 1e6, main_cpu / 1e6, (process_cpu - main_cpu) / 1e6);
  if (x_cpu >= 0)
    g_print (", %.2f s X server", x_cpu / 1e6);
  g_print ("\n");

  g_signal_handlers_disconnect_by_data (clock, &watch);
  gtk_window_destroy (GTK_WINDOW (presentation));
  g_array_unref (watch.intervals);
  g_array_unref (watch.work);
  g_array_unref (watch.work_cpu);
  g_array_unref (watch.layout);
  g_array_unref (watch.paint);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(CaravanApplication) app = NULL;
  guint n_flights = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 8;

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  /* The application brings the UI resources and the style sheet (pins, captions). */
  app = caravan_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));

  story = caravan_story_load_bundled (&error);
  if (story == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("renderer: %s\n", g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  if (argc > 2)
    for (int i = 2; i < argc; i++)
      {
        int width = 0, height = 0;

        if (sscanf (argv[i], "%dx%d", &width, &height) != 2 || width <= 0 || height <= 0)
          {
            g_printerr ("bench-flights: %s is not WIDTHxHEIGHT\n", argv[i]);
            return 2;
          }
        measure (story, width, height, n_flights);
      }
  else
    {
      measure (story, 1920, 1080, n_flights);
      measure (story, 3840, 2160, n_flights);
    }
  return 0;
}
