/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-timeline.c: frame work of the timeline with 10,000 events while panning and zooming,
 * with the cairo renderer: building the render nodes (snapshot) and rendering them.
 * Run under a display: xvfb-run -a ./_build/tests/bench/bench-timeline */

#define G_LOG_DOMAIN "caravan-bench-timeline"

#include "config.h"

#include <adwaita.h>

#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-timeline.h"

#define N_EVENTS 10000
#define WIDTH 1280
#define HEIGHT 200

/* A story of N_EVENTS events from 1961 to 2023, denser towards the end, with ranges, month and
 * year precision and circa dates mixed in. */
static GBytes *
generate_story (void)
{
  GString *json = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (42);

  g_string_append (json,
                   "{\"format_version\": 1, \"id\": \"bench\", \"title\": \"Bench\", "
                   "\"language\": \"en\", \"places\": [");
  for (guint p = 0; p < 50; p++)
    g_string_append_printf (json,
                            "%s{\"id\": \"p%u\", \"name\": \"Place %u\", \"kind\": \"city\", "
                            "\"lat\": %.3f, \"lon\": %.3f}",
                            p ? ", " : "", p, p, 40.0 + p * 0.1, 70.0 + p * 0.1);
  g_string_append (json, "], \"events\": [");

  for (guint i = 0; i < N_EVENTS; i++)
    {
      double t = g_rand_double (rand);
      int year = 1961 + (int) (62 * (1 - t * t));
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      int kind = g_rand_int_range (rand, 0, 10);

      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"title\": \"Event number %u of the "
                              "generated story\", \"place\": \"p%u\", ",
                              i ? ", " : "", i, i, i % 50);
      if (kind == 0)
        g_string_append_printf (json, "\"date\": \"%d\"", year);
      else if (kind == 1)
        g_string_append_printf (json, "\"date\": \"%d-%02d\", \"circa\": true", year, month);
      else if (kind == 2)
        g_string_append_printf (json, "\"date\": \"%d-%02d-%02d\", \"end\": \"%d-%02d-28\"",
                                year, month, day, year, month);
      else
        g_string_append_printf (json, "\"date\": \"%d-%02d-%02d\"", year, month, day);
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");

  g_rand_free (rand);
  return g_string_free_to_bytes (json);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *name,
        GArray     *samples)
{
  double sum = 0;

  g_array_sort (samples, compare_doubles);
  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);

  g_print ("%-34s n=%3u  median %6.2f ms  p95 %6.2f ms  max %6.2f ms  mean %6.2f ms\n", name,
           samples->len,
           g_array_index (samples, double, samples->len / 2),
           g_array_index (samples, double, (guint) (samples->len * 0.95)),
           g_array_index (samples, double, samples->len - 1),
           sum / samples->len);
}

/* One frame: the widget's own snapshot code (called directly, so GTK's cache of the widget's
 * render node cannot hide the work), then the nodes rendered by the cairo renderer. */
static void
frame (GtkWidget   *widget,
       GskRenderer *renderer,
       GArray      *snapshot_ms,
       GArray      *total_ms)
{
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  gint64 t0 = g_get_monotonic_time ();
  gint64 t1;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert (node != NULL);
  t1 = g_get_monotonic_time ();
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  gsk_render_node_unref (node);

  g_array_append_val (snapshot_ms, ((double) { (t1 - t0) / 1000.0 }));
  g_array_append_val (total_ms, ((double) { (g_get_monotonic_time () - t0) / 1000.0 }));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(CaravanSelection) selection = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GArray) pan_snapshot = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pan_total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_snapshot = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_total = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window, *timeline;
  gint64 t0;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_init ();
  adw_init ();

  bytes = generate_story ();
  t0 = g_get_monotonic_time ();
  story = caravan_story_loader_load_bytes (bytes, NULL, &error);
  if (story == NULL)
    g_error ("Cannot load the generated story: %s", error->message);
  g_print ("story: %u events, loaded in %.1f ms\n",
           g_list_model_get_n_items (caravan_story_get_events (story)),
           (g_get_monotonic_time () - t0) / 1000.0);

  selection = caravan_selection_new ();
  timeline = caravan_timeline_new ();
  caravan_timeline_set_selection (CARAVAN_TIMELINE (timeline), selection);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), timeline);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (timeline) != WIDTH)
    g_main_context_iteration (NULL, TRUE);

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("Cannot realize the cairo renderer: %s", error->message);

  gtk_test_widget_wait_for_draw (timeline);
  caravan_selection_set_story (selection, story);
  /* The first frame measures every title and stacks the lanes for the whole story. */
  frame (timeline, renderer, first_ms, first_total);
  g_print ("first frame after loading (titles measured, lanes stacked): %.1f ms\n",
           g_array_index (first_total, double, 0));

  /* Zoom from the whole story into one week of 2022 and back, around a point at 80 %. */
  for (guint i = 0; i < 120; i++)
    {
      caravan_timeline_zoom_at (CARAVAN_TIMELINE (timeline), WIDTH * 0.8, i < 60 ? 1.15 : 1 / 1.15);
      frame (timeline, renderer, zoom_snapshot, zoom_total);
    }

  /* Pan across the story at three zoom levels, 2 % of the width per step. */
  for (guint level = 0; level < 3; level++)
    {
      double span = level == 0 ? 20000 : level == 1 ? 730 : 60;
      /* From 1972, and from 2018 where it is densest. */
      double start = level == 0 ? 720000 : 737000;

      caravan_selection_set_visible_range (selection, start, start + span);
      for (guint i = 0; i < 60; i++)
        {
          start += span * 0.02;
          caravan_selection_set_visible_range (selection, start, start + span);
          frame (timeline, renderer, pan_snapshot, pan_total);
        }
    }

  g_print ("%d×%d, cairo renderer, %d events:\n", WIDTH, HEIGHT, N_EVENTS);
  report ("zoom step: snapshot", zoom_snapshot);
  report ("zoom step: snapshot + render", zoom_total);
  report ("pan step: snapshot", pan_snapshot);
  report ("pan step: snapshot + render", pan_total);

  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
