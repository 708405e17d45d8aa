/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-story.c: the bundled story loads cleanly and has the expected content, and the model's
 * helpers (names at a date, excerpts of a place) work on it. Its quotes are checked against the
 * article in test-article-digest.c. */

#define G_LOG_DOMAIN "caravan-test-story"

#include "config.h"

#include <locale.h>
#include <math.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-problem.h"

#define BUNDLED_EVENTS 37
#define BUNDLED_PLACES 21

static CaravanStory *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  CaravanStory *story = caravan_story_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_true (CARAVAN_IS_STORY (story));
  return story;
}

static CaravanDate
day (int y,
     int m,
     int d)
{
  CaravanDate date;

  caravan_date_init_day (&date, y, m, d);
  return date;
}

static void
test_bundled_no_problems (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("CARAVAN_SOURCE_DIR"), "data", "stories",
                                            "multipolarity-kazakh-steppes.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;

  /* the file in the source tree, so warnings are visible too */
  story = caravan_story_loader_load_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);
  for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *text = caravan_story_problem_to_string (problem);

      g_test_message ("%u:%u: %s", caravan_story_problem_get_line (problem),
                      caravan_story_problem_get_column (problem), text);
    }
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
}

static void
test_bundled_counts (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  g_autoptr(GListModel) featured = NULL;
  const char *places[] = {
    "astana", "khorgos", "samarkand", "almaty", "bangkok", "bruges", "beijing", "moscow",
    "zhanaozen", "jakarta", "nay-pyi-taw", "sharm-el-sheikh", "khorgos-dry-port",
    "khorgos-altynkol", "horgos-city",
  };
  double lat, lon, zoom;

  g_assert_cmpstr (caravan_story_get_title (story), ==, "Multipolarity in the Kazakh steppes");
  g_assert_cmpint (caravan_story_get_format_version (story), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_events (story)), ==,
                    BUNDLED_EVENTS);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_places (story)), ==,
                    BUNDLED_PLACES);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_excerpts (story)), >=, 25);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_routes (story)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_articles (story)), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    g_assert_nonnull (caravan_story_lookup_place (story, places[i]));

  featured = caravan_story_list_featured_places (story);
  g_assert_cmpuint (g_list_model_get_n_items (featured), ==, 3);

  caravan_story_get_initial_view (story, &lat, &lon, &zoom);
  g_assert_cmpfloat (zoom, >, 0);
  g_assert_cmpfloat (lat, >, 30);
  g_assert_cmpfloat (lat, <, 60);
}

static void
test_bundled_article (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanArticle *article = caravan_story_lookup_article (story, "bhadrakumar-2022");
  g_autofree char *date = NULL;

  g_assert_nonnull (article);
  g_assert_cmpstr (caravan_article_get_author (article), ==, "M. K. Bhadrakumar");
  g_assert_cmpstr (caravan_article_get_title (article), ==,
                   "Multipolarity shows up in Kazakh steppes");
  g_assert_true (g_str_has_prefix (caravan_article_get_url (article), "https://"));
  date = caravan_date_to_iso (caravan_article_get_date (article));
  g_assert_cmpstr (date, ==, "2022-11-20");
}

static void
test_bundled_featured_excerpts (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  const char *featured[] = { "astana", "khorgos", "samarkand" };

  for (guint i = 0; i < G_N_ELEMENTS (featured); i++)
    {
      CaravanPlace *place = caravan_story_lookup_place (story, featured[i]);
      g_autoptr(GListModel) excerpts = caravan_story_list_excerpts_of_place (story, place);
      g_autoptr(GListModel) events = caravan_story_list_events_of_place (story, place);

      g_assert_true (caravan_place_get_featured (place));
      g_assert_cmpuint (g_list_model_get_n_items (excerpts), >=, 3);
      g_assert_cmpuint (g_list_model_get_n_items (events), >=, 1);
    }
}

/* The two claims the article gets wrong carry a factual note. */
static void
test_bundled_factual_notes (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanExcerpt *csto = caravan_story_lookup_excerpt (story, "csto-to-astana");
  CaravanExcerpt *bri = caravan_story_lookup_excerpt (story, "bri-from-nur-sultan");

  g_assert_nonnull (strstr (caravan_excerpt_get_text (csto), "deployed to Astana"));
  g_assert_nonnull (strstr (caravan_excerpt_get_note (csto), "Almaty"));
  g_assert_true (caravan_excerpt_has_place (csto, caravan_story_lookup_place (story, "almaty")));

  g_assert_nonnull (strstr (caravan_excerpt_get_text (bri), "Nur-Sultan"));
  g_assert_nonnull (strstr (caravan_excerpt_get_note (bri), "called Astana"));
}

static void
test_bundled_dates (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  const struct {
    const char *id;
    const char *iso;
    CaravanDatePrecision precision;
  } cases[] = {
    { "tokayev-multi-vector-remark", "2022-11-20", CARAVAN_DATE_PRECISION_DAY },
    { "borrell-samarkand-speech", "2022-11-18", CARAVAN_DATE_PRECISION_DAY },
    { "xi-apec-bangkok", "2022-11-18", CARAVAN_DATE_PRECISION_DAY },
    { "borrell-garden-jungle", "2022-10-13", CARAVAN_DATE_PRECISION_DAY },
    { "xi-visits-kazakhstan", "2022-09-14", CARAVAN_DATE_PRECISION_DAY },
    { "csto-deployed-to-almaty", "2022-01-06/2022-01-19", CARAVAN_DATE_PRECISION_DAY },
    { "xi-proposes-silk-road-economic-belt", "2013-09-07", CARAVAN_DATE_PRECISION_DAY },
    { "tselinograd-renamed-akmola", "1992", CARAVAN_DATE_PRECISION_YEAR },
    { "khorgos-rail-link", "2012-12", CARAVAN_DATE_PRECISION_MONTH },
    { "khorgos-dry-port-opens", "2014-12", CARAVAN_DATE_PRECISION_MONTH },
    { "nur-sultan-renamed-astana", "2022-09-17", CARAVAN_DATE_PRECISION_DAY },
    { "third-belt-and-road-forum", "2023-10-17/2023-10-18", CARAVAN_DATE_PRECISION_DAY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CaravanEvent *event = caravan_story_lookup_event (story, cases[i].id);
      g_autofree char *iso = NULL;

      g_assert_nonnull (event);
      iso = caravan_date_to_iso (caravan_event_get_date (event));
      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpint (caravan_event_get_date (event)->precision, ==, cases[i].precision);
    }
}

static void
test_events_sorted (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  GListModel *events = caravan_story_get_events (story);
  guint n = g_list_model_get_n_items (events);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(CaravanEvent) a = g_list_model_get_item (events, i - 1);
      g_autoptr(CaravanEvent) b = g_list_model_get_item (events, i);

      g_assert_cmpint (caravan_date_compare (caravan_event_get_date (a),
                                             caravan_event_get_date (b)), <=, 0);
      g_assert_cmpuint (caravan_story_get_event_index (story, b), ==, i);
    }
}

static void
test_name_at_date (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanPlace *astana = caravan_story_lookup_place (story, "astana");
  const struct {
    int y, m, d;
    const char *lang;
    const char *expected;
  } cases[] = {
    { 1950, 1, 1, NULL, "Akmolinsk" },
    { 1961, 3, 20, NULL, "Tselinograd" },
    { 1990, 6, 1, NULL, "Tselinograd" },
    { 1992, 1, 1, NULL, "Akmola" },
    { 1997, 12, 10, NULL, "Akmola" },
    { 1998, 5, 5, NULL, "Akmola" },
    { 1998, 5, 6, NULL, "Astana" },
    { 2013, 9, 7, NULL, "Astana" },
    { 2019, 3, 22, NULL, "Astana" },
    { 2019, 3, 23, NULL, "Nur-Sultan" },
    { 2022, 1, 6, NULL, "Nur-Sultan" },
    { 2022, 9, 16, NULL, "Nur-Sultan" },
    { 2022, 9, 17, NULL, "Astana" },
    { 2022, 11, 20, NULL, "Astana" },
    { 2020, 1, 1, "ru", "Нур-Султан" },
    { 2020, 1, 1, "kk", "Нұр-Сұлтан" },
    { 2020, 1, 1, "zh_CN", "努尔苏丹" },
    { 2020, 1, 1, "en", "Nur-Sultan" },
    { 1995, 1, 1, "ru", "Акмола" },
    { 2023, 1, 1, "zh", "阿斯塔纳" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CaravanDate date = day (cases[i].y, cases[i].m, cases[i].d);

      g_assert_cmpstr (caravan_place_get_name_at (astana, &date, cases[i].lang), ==,
                       cases[i].expected);
    }

  g_assert_cmpstr (caravan_place_get_name_at (astana, NULL, NULL), ==, "Astana");
  g_assert_cmpstr (caravan_place_get_translated_name (astana, "ru"), ==, "Астана");
  g_assert_cmpstr (caravan_place_get_translated_name (astana, "xx"), ==, "Astana");
  g_assert_cmpuint (caravan_place_get_n_name_periods (astana), ==, 6);
}

static void
test_khorgos_names (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanPlace *khorgos = caravan_story_lookup_place (story, "khorgos");
  CaravanPlace *horgos = caravan_story_lookup_place (story, "horgos-city");
  CaravanDate before = day (2010, 1, 1);
  CaravanDate after = day (2015, 1, 1);

  g_assert_cmpstr (caravan_place_get_translated_name (khorgos, "ru"), ==, "Хоргос");
  g_assert_cmpstr (caravan_place_get_translated_name (khorgos, "kk"), ==, "Қорғас");
  g_assert_cmpstr (caravan_place_get_translated_name (khorgos, "zh"), ==, "霍尔果斯");
  g_assert_cmpstr (caravan_place_get_name_at (horgos, &before, NULL), ==,
                   "Port of Khorgos (Huocheng County)");
  g_assert_cmpstr (caravan_place_get_name_at (horgos, &after, NULL), ==, "Horgos");
}

static void
test_rail_route (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanRoute *route = caravan_story_lookup_route (story, "china-europe-rail");
  CaravanPlace *start;
  double lat, lon, last_lon;
  guint n;

  g_assert_nonnull (route);
  g_assert_true (caravan_route_get_schematic (route));
  g_assert_cmpstr (caravan_route_get_style (route), ==, "rail");
  n = caravan_route_get_n_points (route);
  g_assert_cmpuint (n, >=, 4);

  start = caravan_route_get_point (route, 0, &lat, &lon);
  g_assert_nonnull (start);
  g_assert_cmpstr (caravan_place_get_id (start), ==, "khorgos-altynkol");
  g_assert_cmpfloat_with_epsilon (lat, 44.1649, 1e-9);

  /* ends in Western Europe */
  caravan_route_get_point (route, n - 1, &lat, &last_lon);
  g_assert_cmpfloat (last_lon, <, 15);
  g_assert_cmpfloat (last_lon, <, lon);
}

static void
test_excerpts_of_event (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanEvent *speech = caravan_story_lookup_event (story, "borrell-samarkand-speech");
  g_autoptr(GListModel) excerpts = caravan_story_list_excerpts_of_event (story, speech);
  CaravanEvent *derived = caravan_story_lookup_event (story, "akmola-renamed-astana");
  CaravanEvent *article = caravan_story_lookup_event (story, "article-written");

  g_assert_cmpuint (g_list_model_get_n_items (excerpts), >=, 4);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      g_assert_true (caravan_excerpt_has_event (excerpt, speech));
    }

  g_assert_true (caravan_event_get_derived (derived));
  g_assert_cmpuint (caravan_event_get_n_places (article), ==, 0);
  g_assert_null (caravan_event_get_first_place (article));
}

static void
test_event_format_and_camera (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanEvent *csto = caravan_story_lookup_event (story, "csto-deployed-to-almaty");
  g_autofree char *text = NULL;
  double lat, lon, zoom;

  setlocale (LC_ALL, "C.UTF-8");
  text = caravan_event_format_date (csto);
  g_assert_cmpstr (text, ==, "6–19 January 2022");

  /* a camera with only a zoom centres on the event's place */
  g_assert_true (caravan_event_get_camera (csto, &lat, &lon, &zoom));
  g_assert_cmpfloat (zoom, ==, 10);
  g_assert_cmpfloat (lat, ==, caravan_place_get_latitude (caravan_event_get_first_place (csto)));
  g_assert_cmpfloat (lon, ==, caravan_place_get_longitude (caravan_event_get_first_place (csto)));
  g_assert_nonnull (caravan_event_get_notes (csto));
  g_assert_cmpstr (caravan_place_get_id (caravan_event_get_first_place (csto)), ==, "almaty");
}

/* Without a camera the map centres on the place, never on NaN; at most ±85.05°. */
static void
test_event_camera_defaults (void)
{
  const char *json =
    "{\"format_version\": 1, \"title\": \"T\", \"places\": ["
    "{\"id\": \"a\", \"name\": \"A\", \"lat\": 43.25, \"lon\": 76.9},"
    "{\"id\": \"n\", \"name\": \"N\", \"lat\": 90, \"lon\": 5},"
    "{\"id\": \"s\", \"name\": \"S\", \"lat\": -89, \"lon\": 6}], \"events\": ["
    "{\"id\": \"ea\", \"title\": \"E\", \"date\": \"2020\", \"places\": [\"a\", \"n\"]},"
    "{\"id\": \"en\", \"title\": \"E\", \"date\": \"2020\", \"place\": \"n\"},"
    "{\"id\": \"es\", \"title\": \"E\", \"date\": \"2020\", \"place\": \"s\","
    " \"camera\": {\"lat\": -88, \"lon\": 7, \"zoom\": 4}},"
    "{\"id\": \"none\", \"title\": \"E\", \"date\": \"2020\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_loader_load_bytes (bytes, NULL, &error);
  double lat, lon, zoom;

  g_assert_no_error (error);
  g_assert_false (caravan_event_get_camera (caravan_story_lookup_event (story, "ea"), &lat, &lon,
                                            &zoom));
  g_assert_cmpfloat (lat, ==, 43.25);
  g_assert_cmpfloat (lon, ==, 76.9);
  g_assert_cmpfloat (zoom, ==, CARAVAN_EVENT_PLACE_ZOOM);
  /* the event's other place, picked on the map */
  g_assert_false (caravan_event_get_camera_at (caravan_story_lookup_event (story, "ea"),
                                               caravan_story_lookup_place (story, "n"), &lat,
                                               &lon, &zoom));
  g_assert_cmpfloat (lat, ==, CARAVAN_CAMERA_MAX_LATITUDE);
  g_assert_cmpfloat (lon, ==, 5);

  g_assert_false (caravan_event_get_camera (caravan_story_lookup_event (story, "en"), &lat, &lon,
                                            &zoom));
  g_assert_cmpfloat (lat, ==, CARAVAN_CAMERA_MAX_LATITUDE);
  g_assert_true (caravan_event_get_camera (caravan_story_lookup_event (story, "es"), &lat, &lon,
                                           &zoom));
  g_assert_cmpfloat (lat, ==, -CARAVAN_CAMERA_MAX_LATITUDE);
  g_assert_cmpfloat (lon, ==, 7);
  g_assert_cmpfloat (zoom, ==, 4);

  /* no place and no camera: still numbers */
  g_assert_false (caravan_event_get_camera (caravan_story_lookup_event (story, "none"), &lat,
                                            &lon, &zoom));
  g_assert_false (isnan (lat) || isnan (lon) || isnan (zoom));

  /* no initial_view: the map view fits the places instead */
  g_assert_false (caravan_story_get_initial_view (story, &lat, &lon, &zoom));
}

static void
test_time_span (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanDate first = day (1961, 3, 20);
  CaravanDate last = day (2023, 10, 18);
  guint32 start, end;

  g_assert_true (caravan_story_get_time_span (story, &start, &end));
  g_assert_cmpuint (start, ==, caravan_date_get_first_julian (&first));
  g_assert_cmpuint (end, ==, caravan_date_get_last_julian (&last));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/bundled/no-problems", test_bundled_no_problems);
  g_test_add_func ("/story/bundled/counts", test_bundled_counts);
  g_test_add_func ("/story/bundled/article", test_bundled_article);
  g_test_add_func ("/story/bundled/featured-excerpts", test_bundled_featured_excerpts);
  g_test_add_func ("/story/bundled/factual-notes", test_bundled_factual_notes);
  g_test_add_func ("/story/bundled/dates", test_bundled_dates);
  g_test_add_func ("/story/bundled/rail-route", test_rail_route);
  g_test_add_func ("/story/model/events-sorted", test_events_sorted);
  g_test_add_func ("/story/model/name-at-date", test_name_at_date);
  g_test_add_func ("/story/model/khorgos-names", test_khorgos_names);
  g_test_add_func ("/story/model/excerpts-of-event", test_excerpts_of_event);
  g_test_add_func ("/story/model/event-format-and-camera", test_event_format_and_camera);
  g_test_add_func ("/story/model/event-camera-defaults", test_event_camera_defaults);
  g_test_add_func ("/story/model/time-span", test_time_span);

  return g_test_run ();
}
