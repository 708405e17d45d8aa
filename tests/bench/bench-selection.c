/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-selection.c: time from a selection change to a fully drawn frame (map tiles, pins,
 * timeline, excerpts), with the flight itself excluded (animations off).
 * Run under a display: xvfb-run -s '-screen 0 1280x800x24' env GSK_RENDERER=cairo \
 * GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=memory ./_build/tests/bench/bench-selection */

#define G_LOG_DOMAIN "caravan-bench-selection"

#include <adwaita.h>

#include "caravan-application.h"
#include "caravan-event.h"
#include "caravan-map-source.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-window.h"

typedef struct
{
  CaravanMapView *map_view;
  guint           quiet_frames;
  gint64          first_quiet;  /* when the first frame of the final quiet run was painted */
  gboolean        done;
} FrameWatch;

static GtkWidget *
find_map_view (GtkWidget *root)
{
  if (CARAVAN_IS_MAP_VIEW (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_map_view (child);

      if (found)
        return found;
    }
  return NULL;
}

static void
on_after_paint (GdkFrameClock *clock,
                FrameWatch    *watch)
{
  ShumateMapSource *source = caravan_map_view_get_map_source (watch->map_view);
  guint pending = CARAVAN_IS_MAP_SOURCE (source)
                  ? caravan_map_source_get_tiles_pending (CARAVAN_MAP_SOURCE (source)) : 0;

  /* Tiles are requested from an idle after the move, so one frame without pending tiles may
   * come before the requests: the fully drawn frame is the first of two quiet ones in a row. */
  if (pending > 0)
    {
      watch->quiet_frames = 0;
      return;
    }
  if (watch->quiet_frames++ == 0)
    watch->first_quiet = g_get_monotonic_time ();
  if (watch->quiet_frames >= 2)
    watch->done = TRUE;
}

static double
wait_for_full_frame (GtkWidget  *window,
                     FrameWatch *watch,
                     gint64      start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong id;

  watch->done = FALSE;
  watch->quiet_frames = 0;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), watch);
  gtk_widget_queue_draw (window);
  while (!watch->done)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);

  return (watch->first_quiet - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_print ("%-34s n=%3u  median %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", what, times->len,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, MIN (times->len - 1, (guint) (times->len * 0.95))),
           g_array_index (times, double, times->len - 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaravanApplication) app = NULL;
  g_autoptr(GArray) place_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) event_times = g_array_new (FALSE, FALSE, sizeof (double));
  CaravanSelection *selection;
  CaravanStory *story;
  GtkWidget *window;
  FrameWatch watch = { 0 };
  GListModel *places, *events;

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = caravan_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  watch.map_view = CARAVAN_MAP_VIEW (find_map_view (window));
  selection = caravan_window_get_selection (CARAVAN_WINDOW (window));
  story = caravan_selection_get_story (selection);
  wait_for_full_frame (window, &watch, g_get_monotonic_time ());

  /* Two rounds: the first warms the tile cache the way a presenter's rehearsal would not, so
   * report both the cold first round and the warm second. */
  places = caravan_story_get_places (story);
  events = caravan_story_get_events (story);
  for (int round = 0; round < 2; round++)
    {
      g_array_set_size (place_times, 0);
      g_array_set_size (event_times, 0);
      for (guint i = 0; i < g_list_model_get_n_items (places); i++)
        {
          g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);
          gint64 start = g_get_monotonic_time ();
          double ms;

          caravan_selection_select_place (selection, place);
          ms = wait_for_full_frame (window, &watch, start);
          g_array_append_val (place_times, ms);
        }
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
          gint64 start = g_get_monotonic_time ();
          double ms;

          caravan_selection_select_event (selection, event);
          ms = wait_for_full_frame (window, &watch, start);
          g_array_append_val (event_times, ms);
        }
      report (round == 0 ? "select place -> full frame (cold)"
                         : "select place -> full frame (warm)", place_times);
      report (round == 0 ? "select event -> full frame (cold)"
                         : "select event -> full frame (warm)", event_times);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
