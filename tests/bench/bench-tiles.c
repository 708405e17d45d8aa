/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-tiles.c: prints base map figures: data load time, label placement per zoom, and tile
 * render time p50/p99 per zoom 3–10 at scale 1 and 2 (100 tiles around Khorgos, Astana,
 * Samarkand and Almaty per zoom and theme). Targets: load ≤ 20 ms, p50 ≤ 1 ms, p99 ≤ 5 ms. */

#define G_LOG_DOMAIN "caravan-bench-tiles"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "caravan-basemap.h"
#include "caravan-tile-renderer.h"

static int
compare_double (const void *a,
                const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
percentile (double *v,
            guint   n,
            double  p)
{
  qsort (v, n, sizeof *v, compare_double);
  return v[MIN (n - 1, (guint) floor (p * n))];
}

/* Thread CPU time: the machine is shared, and wall time mostly measures the neighbours. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
rss_kb (void)
{
  g_autofree char *status = NULL;
  char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

int
main (int   argc,
      char *argv[])
{
  static const double cities[][2] = {
    { 44.2, 80.4 }, { 51.13, 71.43 }, { 39.65, 66.96 }, { 43.25, 76.93 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanBasemap) first = NULL;
  g_autoptr(CaravanTileRenderer) renderer = NULL;
  double loads[20];
  gint64 t0;

  /* Load: the first load maps the resource and checks every index. */
  t0 = g_get_monotonic_time ();
  first = caravan_basemap_get_default (&error);
  if (first == NULL)
    g_error ("%s", error->message);
  printf ("data load (first, resource + validation): %.2f ms\n",
          (g_get_monotonic_time () - t0) / 1000.0);
  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      g_autofree char *base = g_build_filename (CARAVAN_SOURCE_DIR, "data", "basemap",
                                                "basemap.bin", NULL);
      g_autofree char *lakes = g_build_filename (CARAVAN_SOURCE_DIR, "data", "basemap", "lakes.bin",
                                                 NULL);
      g_autoptr(CaravanBasemap) again = NULL;

      t0 = g_get_monotonic_time ();
      again = caravan_basemap_new_from_files (base, lakes, &error);
      loads[i] = (g_get_monotonic_time () - t0) / 1000.0;
      if (again == NULL)
        g_error ("%s", error->message);
    }
  {
    double p50 = percentile (loads, G_N_ELEMENTS (loads), 0.5);     /* sorts */

    printf ("data load (mapped files + validation): p50 %.2f ms, max %.2f ms\n",
            p50, loads[G_N_ELEMENTS (loads) - 1]);
  }

  renderer = caravan_tile_renderer_new (first, "en");

  printf ("\ntile render, thread CPU time per tile\n%-5s %-5s %8s %8s %8s %8s   %s\n", "zoom",
          "scale", "p50 ms", "p99 ms", "max ms", "tiles", "labels placed (first tile)");
  for (guint scale = 1; scale <= 2; scale++)
    for (guint zoom = 3; zoom <= 12; zoom++)
      {
        g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
        double first_ms = -1;

        for (guint theme = 0; theme < CARAVAN_MAP_N_THEMES; theme++)
          for (guint c = 0; c < G_N_ELEMENTS (cities); c++)
            {
              double s = sin (cities[c][0] * G_PI / 180.0);
              int cx = (int) ((cities[c][1] + 180.0) / 360.0 * (1 << zoom));
              int cy = (int) ((0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * (1 << zoom));

              for (int dy = -2; dy <= 2; dy++)
                for (int dx = -2; dx <= 2; dx++)
                  {
                    cairo_surface_t *surface;
                    double ms = cpu_ms ();

                    surface = caravan_tile_renderer_render (renderer, zoom, cx + dx, cy + dy, scale,
                                                            theme, 1);
                    ms = cpu_ms () - ms;
                    cairo_surface_destroy (surface);
                    /* The first tile of a zoom and theme also places that zoom's labels. */
                    if (c == 0 && dx == -2 && dy == -2)
                      {
                        if (theme == 0 && scale == 1)
                          first_ms = ms;
                        continue;
                      }
                    g_array_append_val (times, ms);
                  }
            }

        {
          double *v = (double *) times->data;
          guint n = times->len;
          double p50 = percentile (v, n, 0.5), p99 = percentile (v, n, 0.99);

          if (first_ms >= 0)
            printf ("%-5u %-5u %8.3f %8.3f %8.3f %8u   %.1f ms\n", zoom, scale, p50, p99, v[n - 1],
                    n, first_ms);
          else
            printf ("%-5u %-5u %8.3f %8.3f %8.3f %8u\n", zoom, scale, p50, p99, v[n - 1], n);
        }
      }

  printf ("\nVmRSS after the run: %ld kB\n", rss_kb ());
  return 0;
}
