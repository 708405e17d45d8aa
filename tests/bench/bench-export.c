/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-export.c: exports the bundled story to GeoJSON, KML, StoryMapJS and the PDF handout (A4
 * and Letter) and prints, for each, the median wall and CPU time of a few runs, the size, and
 * the PDF's page count. The machine is shared: CPU time is printed beside wall time. */

#define G_LOG_DOMAIN "caravan-bench-export"
#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "caravan-export.h"
#include "caravan-handout.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

#define RUNS 5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
cpu_seconds (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

/* Runs @format (or the handout on @paper when format is UNKNOWN) RUNS times. */
static void
bench (CaravanStory        *story,
       const char          *name,
       CaravanExportFormat  format,
       CaravanPaper         paper)
{
  double wall[RUNS], cpu[RUNS];
  gsize size = 0;
  guint pages = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_seconds ();

      if (format != CARAVAN_EXPORT_FORMAT_UNKNOWN)
        {
          g_autofree char *data = caravan_export_to_data (story, format, &size);
        }
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) pdf = caravan_handout_to_pdf (story, paper, &error);
          const char *data;

          if (pdf == NULL)
            g_error ("%s", error->message);
          size = g_bytes_get_size (pdf);
          data = g_bytes_get_data (pdf, NULL);
          pages = 0;
          /* Each page object of cairo's PDF says "/Type /Page " (the tree says /Pages). The
           * file holds binary streams: search with memmem, not as a string. */
          for (const char *p = data; (p = memmem (p, data + size - p, "/Type /Page", 11)) != NULL;
               p++)
            pages += p + 11 < data + size && p[11] != 's';
        }
      wall[r] = (g_get_monotonic_time () - start) / 1e6;
      cpu[r] = cpu_seconds () - cpu_start;
    }
  qsort (wall, RUNS, sizeof (double), compare_doubles);
  qsort (cpu, RUNS, sizeof (double), compare_doubles);
  printf ("%-22s %8.1f ms wall %8.1f ms CPU %10.1f KB", name, wall[RUNS / 2] * 1000,
          cpu[RUNS / 2] * 1000, size / 1024.0);
  if (pages > 0)
    printf ("  %u pages", pages);
  printf ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);

  if (story == NULL)
    g_error ("%s", error->message);
  printf ("The bundled story: %u places, %u events, %u excerpts, %u routes; median of %d runs\n",
          g_list_model_get_n_items (caravan_story_get_places (story)),
          g_list_model_get_n_items (caravan_story_get_events (story)),
          g_list_model_get_n_items (caravan_story_get_excerpts (story)),
          g_list_model_get_n_items (caravan_story_get_routes (story)), RUNS);
  bench (story, "GeoJSON", CARAVAN_EXPORT_FORMAT_GEOJSON, 0);
  bench (story, "KML", CARAVAN_EXPORT_FORMAT_KML, 0);
  bench (story, "StoryMapJS JSON", CARAVAN_EXPORT_FORMAT_STORYMAP_JSON, 0);
  bench (story, "PDF handout, A4", CARAVAN_EXPORT_FORMAT_UNKNOWN, CARAVAN_PAPER_A4);
  bench (story, "PDF handout, Letter", CARAVAN_EXPORT_FORMAT_UNKNOWN, CARAVAN_PAPER_LETTER);
  return 0;
}
