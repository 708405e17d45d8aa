/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-startup.c: prints the time from process start to the first frame in which every tile
 * position of the base map in view was painted with a tile (the map view counts them as it
 * paints: caravan_map_view_get_tiles_painted()), with the bundled story at 1280 × 800, started
 * the way src/main.c starts Caravan. Also the base map's load time and memory.
 * Target: first full frame ≤ 400 ms. Run: GSK_RENDERER=cairo xvfb-run -a bench-startup
 * (BENCH_TRACE=1 prints every frame: tile positions painted and missing, tiles pending). */

#define G_LOG_DOMAIN "caravan-bench-startup"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "caravan-application.h"
#include "caravan-basemap.h"
#include "caravan-map-source.h"
#include "caravan-map-view.h"

#define SETTLE_MS 1500          /* no new tiles for this long: the view has settled */

typedef struct
{
  GtkApplication *app;
  GtkWindow *window;
  CaravanMapView *map_view;
  gint64 t_main;                /* monotonic µs at main() */
  double exec_ms;               /* from exec to main() */
  double first_frame_ms;        /* from main(): the window's first frame */
  double full_frame_ms;         /* from main(): first frame with no tile pending, last one wins */
  guint tiles_at_full;
  gint64 last_change;
  long rss_full_kb;
  double cpu_first_ms;          /* CPU time of all threads, from exec */
  double cpu_full_ms;
} Bench;

/* CPU time of the whole process: on a shared machine, wall time also measures the neighbours. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, field);
  return line != NULL ? strtol (line + strlen (field), NULL, 10) : -1;
}

/* Milliseconds from exec to now. BENCH_LAUNCH_NS, the wall clock in ns taken just before the
 * exec (`BENCH_LAUNCH_NS=$(date +%s%N) exec bench-startup`), measures it to a fraction of a
 * millisecond; without it, the process start time in /proc/self/stat does, in 10 ms ticks. */
static double
ms_since_exec (void)
{
  const char *launch = g_getenv ("BENCH_LAUNCH_NS");
  g_autofree char *stat = NULL, *uptime = NULL;
  unsigned long long start_ticks = 0;
  const char *p;

  if (launch != NULL && g_ascii_strtoll (launch, NULL, 10) > 0)
    {
      struct timespec now;

      clock_gettime (CLOCK_REALTIME, &now);
      return ((gint64) now.tv_sec * G_GINT64_CONSTANT (1000000000) + now.tv_nsec -
              g_ascii_strtoll (launch, NULL, 10)) / 1e6;
    }

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL))
    return -1;
  /* Field 22; the command name (field 2) may hold spaces, so count from its ')'. */
  p = strrchr (stat, ')');
  for (int field = 2; p != NULL && field < 22; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &start_ticks) != 1)
    return -1;
  return g_ascii_strtod (uptime, NULL) * 1000.0 - start_ticks * 1000.0 / sysconf (_SC_CLK_TCK);
}

static double
ms_since_main (Bench *bench)
{
  return (g_get_monotonic_time () - bench->t_main) / 1000.0;
}

static CaravanMapView *
find_map_view (GtkWidget *widget)
{
  if (CARAVAN_IS_MAP_VIEW (widget))
    return CARAVAN_MAP_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CaravanMapView *found = find_map_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static CaravanMapSource *
current_source (Bench *bench)
{
  ShumateMapSource *source;

  if (bench->map_view == NULL)
    bench->map_view = find_map_view (GTK_WIDGET (bench->window));
  if (bench->map_view == NULL)
    return NULL;
  source = caravan_map_view_get_map_source (bench->map_view);
  return CARAVAN_IS_MAP_SOURCE (source) ? CARAVAN_MAP_SOURCE (source) : NULL;
}

static void
on_tiles_pending (CaravanMapSource *source,
                  GParamSpec       *pspec,
                  Bench            *bench)
{
  bench->last_change = g_get_monotonic_time ();
}

static void
watch_source (Bench            *bench,
              CaravanMapSource *source)
{
  if (source == NULL || g_object_get_data (G_OBJECT (source), "bench-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (source), "bench-watched", GINT_TO_POINTER (1));
  g_signal_connect (source, "notify::tiles-pending", G_CALLBACK (on_tiles_pending), bench);
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  CaravanMapSource *source = current_source (bench);
  guint visible = 0, missing = 0;
  gint64 painted;

  if (bench->first_frame_ms < 0)
    {
      bench->first_frame_ms = ms_since_main (bench);
      bench->cpu_first_ms = cpu_ms ();
    }
  watch_source (bench, source);
  painted = bench->map_view != NULL
            ? caravan_map_view_get_tiles_painted (bench->map_view, &visible, &missing) : -1;
  if (g_getenv ("BENCH_TRACE"))
    g_printerr ("%8.1f ms frame %ld: map painted in frame %ld, %u tile positions, "
                "%u without a tile; source %p: %u tiles pending, %u given to the map\n",
                ms_since_main (bench), (long) gdk_frame_clock_get_frame_counter (clock),
                (long) painted, visible, missing, source,
                source ? caravan_map_source_get_tiles_pending (source) : 0,
                source ? caravan_map_source_get_tiles_rendered (source) : 0);

  /* The first frame in which every tile position in view was painted with a tile. */
  if (bench->full_frame_ms < 0 && painted == gdk_frame_clock_get_frame_counter (clock) &&
      visible > 0 && missing == 0)
    {
      bench->full_frame_ms = ms_since_main (bench);
      bench->tiles_at_full = visible;
      bench->rss_full_kb = status_kb ("VmRSS:");
      bench->cpu_full_ms = cpu_ms ();
    }
}

static void
on_window_realize (GtkWidget *widget,
                   Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint),
                    bench);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  if (bench->window != NULL)
    return;
  bench->window = window;
  gtk_window_set_default_size (window, 1280, 800);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), bench);
}

static gboolean
check_settled (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();

  if (bench->full_frame_ms >= 0 && now - bench->last_change > SETTLE_MS * 1000)
    {
      g_application_quit (G_APPLICATION (bench->app));
      return G_SOURCE_REMOVE;
    }
  if (ms_since_main (bench) > 20000)
    {
      g_printerr ("bench-startup: no full frame within 20 s\n");
      g_application_quit (G_APPLICATION (bench->app));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaravanApplication) app = NULL;
  g_autoptr(CaravanBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;
  Bench bench = { 0, };
  double load_ms;
  int status;

  bench.t_main = g_get_monotonic_time ();
  bench.exec_ms = ms_since_exec ();
  bench.first_frame_ms = bench.full_frame_ms = -1;
  bench.last_change = bench.t_main;

  /* A clean, in-memory configuration: no saved window size or theme. */
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("GSETTINGS_SCHEMA_DIR", CARAVAN_BUILD_DIR "/data", FALSE);

  caravan_application_prepare_environment ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The map source would load the data first thing anyway; timed here on its own. */
  basemap = caravan_basemap_get_default (&error);
  load_ms = ms_since_main (&bench);
  if (basemap == NULL)
    g_printerr ("bench-startup: %s\n", error->message);

  app = caravan_application_new ();
  bench.app = GTK_APPLICATION (app);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &bench);
  g_timeout_add (50, check_settled, &bench);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  printf ("renderer: GSK_RENDERER=%s, %u tiles in the first full frame\n",
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)",
          bench.tiles_at_full);
  printf ("exec to main():                  %7.1f ms\n", bench.exec_ms);
  printf ("base map data load:              %7.1f ms\n", load_ms);
  printf ("main() to first frame:           %7.1f ms\n", bench.first_frame_ms);
  printf ("main() to first full frame:      %7.1f ms   (target ≤ 400 ms)\n", bench.full_frame_ms);
  printf ("exec to first full frame:        %7.1f ms\n", bench.exec_ms + bench.full_frame_ms);
  printf ("CPU time (all threads) from exec: %7.1f ms to the first frame, "
          "%.1f ms to the full frame\n",
          bench.cpu_first_ms, bench.cpu_full_ms);
  printf ("memory: VmRSS at the full frame %ld kB, VmHWM (peak) %ld kB, VmRSS at exit %ld kB\n",
          bench.rss_full_kb, status_kb ("VmHWM:"), status_kb ("VmRSS:"));

  return bench.full_frame_ms >= 0 ? status : 1;
}
