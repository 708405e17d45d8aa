/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-flights.c: frame times during the presentation's fly-to between steps, at 1920×1080
 * and 3840×2160, from the frame clock: the interval between painted frames (what the audience
 * sees) and the work of each frame (layout to the end of paint), with p50, p95 and the frames
 * dropped (intervals over 1.5 refresh periods, each counting the periods it skipped).
 * Run under a display big enough for 4K, with the renderer to be measured:
 *   xvfb-run -s '-screen 0 3840x2160x24' env GSK_RENDERER=cairo \
 *     GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=memory \
 *     ./_build/tests/bench/bench-flights [FLIGHTS] */

#define G_LOG_DOMAIN "caravan-bench-flights"

#include <adwaita.h>

#include "caravan-application.h"
#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

typedef struct
{
  CaravanMapView *map_view;
  gboolean        recording;
  gint64          layout_start;
  gint64          last_paint;
  GArray         *intervals;   /* ms between the ends of two painted frames */
  GArray         *work;        /* ms from layout to the end of paint */
} FrameWatch;

static void
on_layout (GdkFrameClock *clock,
           FrameWatch    *watch)
{
  watch->layout_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameWatch    *watch)
{
  gint64 now = g_get_monotonic_time ();

  if (watch->recording && caravan_map_view_get_flying (watch->map_view))
    {
      double work = (now - watch->layout_start) / 1000.0;

      if (watch->last_paint > 0)
        {
          double interval = (now - watch->last_paint) / 1000.0;

          g_array_append_val (watch->intervals, interval);
        }
      g_array_append_val (watch->work, work);
      watch->last_paint = now;
    }
  else
    watch->last_paint = 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  if (times->len == 0)
    return 0;
  return g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * p)));
}

static void
iterate_for (GdkFrameClock *clock,
                    guint          ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
measure (CaravanStory *story,
         int           width,
         int           height,
         guint         n_flights)
{
  g_autoptr(CaravanSelection) selection = caravan_selection_new ();
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  FrameWatch watch = { 0 };
  CaravanPresentation *presentation;
  GdkFrameClock *clock;
  GdkMonitor *monitor;
  double refresh_ms = 1000.0 / 60;
  guint dropped = 0, flights = 0;

  caravan_selection_set_story (selection, story);
  caravan_selection_first (selection);
  presentation = caravan_presentation_new (selection, NULL);
  gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
  gtk_window_present (GTK_WINDOW (presentation));
  watch.map_view = caravan_presentation_get_map_view (presentation);
  watch.intervals = intervals;
  watch.work = work;

  while (!gtk_widget_get_mapped (GTK_WIDGET (presentation)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (presentation));
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (presentation)),
                                                gtk_native_get_surface (GTK_NATIVE (presentation)));
  if (monitor != NULL && gdk_monitor_get_refresh_rate (monitor) > 0)
    refresh_ms = 1e6 / gdk_monitor_get_refresh_rate (monitor);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &watch);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &watch);
  iterate_for (clock, 1500);

  /* Step through the story; each step flies from the last camera to the next. */
  for (guint step = 1; step < caravan_presentation_get_n_steps (presentation) &&
                       flights < n_flights; step++)
    {
      gint64 deadline;

      caravan_presentation_go_to_step (presentation, step);
      watch.recording = TRUE;
      deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      iterate_for (clock, 50);
      if (!caravan_map_view_get_flying (watch.map_view))
        {
          watch.recording = FALSE;
          continue;
        }
      flights++;
      while (caravan_map_view_get_flying (watch.map_view) && g_get_monotonic_time () < deadline)
        iterate_for (clock, 5);
      watch.recording = FALSE;
      iterate_for (clock, 300);
    }

  for (guint i = 0; i < intervals->len; i++)
    {
      double interval = g_array_index (intervals, double, i);

      if (interval > 1.5 * refresh_ms)
        dropped += (guint) floor (interval / refresh_ms + 0.5) - 1;
    }
  g_array_sort (intervals, compare_doubles);
  g_array_sort (work, compare_doubles);
  g_print ("%4dx%-4d %2u flights, %4u frames: interval p50 %5.1f ms  p95 %5.1f ms  max %6.1f ms"
           "  | work p50 %5.1f ms  p95 %5.1f ms | dropped %u (refresh %.1f ms)\n",
           width, height, flights, intervals->len, percentile (intervals, 0.5),
           percentile (intervals, 0.95), percentile (intervals, 1.0), percentile (work, 0.5),
           percentile (work, 0.95), dropped, refresh_ms);

  g_signal_handlers_disconnect_by_data (clock, &watch);
  gtk_window_destroy (GTK_WINDOW (presentation));
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
  measure (story, 1920, 1080, n_flights);
  measure (story, 3840, 2160, n_flights);
  return 0;
}
