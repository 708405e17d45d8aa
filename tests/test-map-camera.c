/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-map-camera.c: where the map looks for stories that leave things out: an event without
 * a camera centres on its place, places beyond the map's ±85° are shown at its edge, and a
 * story without initial_view opens on all its places. Runs with G_DEBUG=fatal-criticals
 * (tests/meson.build), so a libshumate critical fails it. */

#define G_LOG_DOMAIN "caravan-test-map-camera"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "caravan-application.h"
#include "caravan-event.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-test-utils.h"
#include "caravan-window.h"

static const char story_text[] =
  "{\n\"format_version\": 1,\n\"title\": \"Edges\",\n"
  "\"places\": [\n"
  "  {\"id\": \"almaty\", \"name\": \"Almaty\", \"lat\": 43.25, \"lon\": 76.91},\n"
  "  {\"id\": \"aktau\", \"name\": \"Aktau\", \"lat\": 43.65, \"lon\": 51.17},\n"
  "  {\"id\": \"pole\", \"name\": \"Near the pole\", \"lat\": 89.5, \"lon\": 10},\n"
  "  {\"id\": \"south\", \"name\": \"South pole\", \"lat\": -90, \"lon\": 0}\n"
  "],\n\"events\": [\n"
  "  {\"id\": \"plain\", \"title\": \"No camera\", \"date\": \"2020\", \"place\": \"almaty\"},\n"
  "  {\"id\": \"zoom-only\", \"title\": \"Zoom only\", \"date\": \"2021\", \"place\": \"aktau\",\n"
  "   \"camera\": {\"zoom\": 9}},\n"
  "  {\"id\": \"north\", \"title\": \"North\", \"date\": \"2022\", \"place\": \"pole\"},\n"
  "  {\"id\": \"south\", \"title\": \"South\", \"date\": \"2023\", \"place\": \"south\"}\n"
  "]\n}\n";

static const char near_places_text[] =
  "{\n\"format_version\": 1,\n\"title\": \"No initial view\",\n"
  "\"places\": [\n"
  "  {\"id\": \"almaty\", \"name\": \"Almaty\", \"lat\": 43.25, \"lon\": 76.91},\n"
  "  {\"id\": \"astana\", \"name\": \"Astana\", \"lat\": 51.17, \"lon\": 71.45},\n"
  "  {\"id\": \"aktau\", \"name\": \"Aktau\", \"lat\": 43.65, \"lon\": 51.17}\n"
  "]\n}\n";

/* SHUMATE_MAX_LATITUDE, the edge of Web Mercator maps */
#define MAP_MAX_LATITUDE 85.0511287798

static CaravanApplication *app;

static CaravanWindow *
get_window (void)
{
  return CARAVAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static CaravanSelection *
get_selection (void)
{
  return caravan_window_get_selection (get_window ());
}

static CaravanMapView *
get_map_view (void)
{
  return CARAVAN_MAP_VIEW (caravan_test_find_widget (GTK_WIDGET (get_window ()),
                                                     CARAVAN_TYPE_MAP_VIEW, NULL));
}

static ShumateViewport *
get_viewport (void)
{
  return caravan_map_view_get_viewport (get_map_view ());
}

static gboolean
story_has_title (gpointer user_data)
{
  CaravanStory *story = caravan_selection_get_story (get_selection ());

  return story != NULL && g_strcmp0 (caravan_story_get_title (story), user_data) == 0;
}

static void
open_text (const char *text,
           const char *title)
{
  g_autofree char *dir = g_dir_make_tmp ("caravan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  caravan_window_open_file (get_window (), file);
  g_assert_true (caravan_test_wait_until (story_has_title, (gpointer) title, 10000));
  caravan_test_iterate (100);
  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_centre (double lat,
               double lon)
{
  double centre_lat = shumate_location_get_latitude (SHUMATE_LOCATION (get_viewport ()));
  double centre_lon = shumate_location_get_longitude (SHUMATE_LOCATION (get_viewport ()));

  g_test_message ("centre %f, %f", centre_lat, centre_lon);
  g_assert_false (isnan (centre_lat));
  g_assert_cmpfloat_with_epsilon (centre_lat, lat, 0.01);
  g_assert_cmpfloat_with_epsilon (centre_lon, lon, 0.01);
}

static CaravanPlace *
lookup_place (const char *id)
{
  return caravan_story_lookup_place (caravan_selection_get_story (get_selection ()), id);
}

static void
select_event (const char *id)
{
  CaravanStory *story = caravan_selection_get_story (get_selection ());
  CaravanEvent *event = caravan_story_lookup_event (story, id);

  g_assert_nonnull (event);
  caravan_selection_select_event (get_selection (), event);
  caravan_test_iterate (100);
}

/* An event without a camera centres on its place; a camera with only a zoom keeps the place
 * in the middle at that zoom; places at the poles put the view at the map's edge. */
static void
test_events_without_camera (void)
{
  open_text (story_text, "Edges");

  /* from another place first, so that the map has to move */
  caravan_selection_select_place (get_selection (), lookup_place ("aktau"));
  caravan_test_iterate (100);
  select_event ("plain");
  assert_centre (43.25, 76.91);

  select_event ("zoom-only");
  assert_centre (43.65, 51.17);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (get_viewport ()), ==, 9);

  select_event ("north");
  assert_centre (MAP_MAX_LATITUDE, 10);
  select_event ("south");
  assert_centre (-MAP_MAX_LATITUDE, 0);

  /* the pins of the poles are placed too, at the edge */
  g_assert_nonnull (caravan_map_view_get_pin (get_map_view (), lookup_place ("pole")));
  caravan_test_save_screenshot (GTK_WIDGET (get_window ()), "map-camera-south-pole");
  caravan_window_open_bundled (get_window ());
}

/* No initial_view: the story opens with every place in view, not on 0° N 0° E. */
static void
test_fit_without_initial_view (void)
{
  GtkWidget *map;
  CaravanStory *story;
  GListModel *places;
  int width, height;

  open_text (near_places_text, "No initial view");
  story = caravan_selection_get_story (get_selection ());
  places = caravan_story_get_places (story);
  map = caravan_test_find_widget (GTK_WIDGET (get_map_view ()), SHUMATE_TYPE_MAP, NULL);
  width = gtk_widget_get_width (map);
  height = gtk_widget_get_height (map);
  g_assert_cmpint (width, >, 0);

  g_assert_cmpfloat (shumate_viewport_get_zoom_level (get_viewport ()), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);
      double x, y;

      shumate_viewport_location_to_widget_coords (get_viewport (), map,
                                                  caravan_place_get_latitude (place),
                                                  caravan_place_get_longitude (place), &x, &y);
      g_test_message ("%s at %.0f, %.0f of %d x %d", caravan_place_get_id (place), x, y, width,
                      height);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, width);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y, <=, height);
    }
  caravan_test_save_screenshot (GTK_WIDGET (get_window ()), "map-camera-fit-without-initial-view");
  caravan_window_open_bundled (get_window ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);

  app = caravan_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/map/camera/events-without-camera", test_events_without_camera);
  g_test_add_func ("/map/camera/fit-without-initial-view", test_fit_without_initial_view);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
