/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: round trips. The bundled story and small stories with every kind of date are
 * exported to GeoJSON, KML and StoryMapJS, imported back with Caravan's own importers, and the
 * places, events, dates, quotes and step order compared, as far as each format carries them;
 * what a format cannot carry is asserted too. test-export-kml.c checks the KML's structure. */

#define G_LOG_DOMAIN "caravan-test-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "caravan-export-private.h"
#include "caravan-story-loader.h"
#include "export-test-stories.h"
#include "import-test-utils.h"

typedef struct
{
  CaravanStory *story;
  CaravanStory *back;
  char *data;
  gsize length;
} RoundTrip;

static void
round_trip_clear (RoundTrip *trip)
{
  g_clear_object (&trip->story);
  g_clear_object (&trip->back);
  g_clear_pointer (&trip->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoundTrip, round_trip_clear)

/* Exports @text (NULL: the bundled story) as @format and imports the file back. */
static void
round_trip (RoundTrip           *trip,
            const char          *text,
            CaravanExportFormat  format,
            const char          *basename)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  trip->story = load_story (text);
  trip->data = caravan_export_to_data (trip->story, format, &trip->length);
  bytes = g_bytes_new_static (trip->data, trip->length);
  trip->back = caravan_import_bytes (bytes, basename, &report, &error);
  g_assert_no_error (error);
  summary = caravan_import_report_to_string (report);
  g_test_message ("%s", summary);
}

static CaravanPlace *
find_place (CaravanStory *story,
            const char   *name,
            double        latitude,
            double        longitude)
{
  GListModel *places = caravan_story_get_places (story);

  for (guint i = 0; i < count (places); i++)
    {
      CaravanPlace *place = item (places, i);

      if (g_strcmp0 (caravan_place_get_name (place), name) == 0 &&
          fabs (caravan_place_get_latitude (place) - latitude) < 1e-6 &&
          fabs (caravan_place_get_longitude (place) - longitude) < 1e-6)
        return place;
    }
  return NULL;
}

/* Every place of the story comes back with its name and its point. */
static void
assert_places_kept (RoundTrip *trip)
{
  GListModel *places = caravan_story_get_places (trip->story);

  for (guint i = 0; i < count (places); i++)
    {
      CaravanPlace *place = item (places, i);
      CaravanPlace *back = find_place (trip->back, caravan_place_get_name (place),
                                       caravan_place_get_latitude (place),
                                       caravan_place_get_longitude (place));

      if (back == NULL)
        g_error ("place “%s” did not come back", caravan_place_get_name (place));
    }
}

static void
assert_same_point (CaravanPlace *a,
                   CaravanPlace *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpfloat_with_epsilon (caravan_place_get_latitude (a),
                                  caravan_place_get_latitude (b), 1e-6);
  g_assert_cmpfloat_with_epsilon (caravan_place_get_longitude (a),
                                  caravan_place_get_longitude (b), 1e-6);
}

/* The events come back in the same order (the steps) with their titles, dates at their
 * precision, ranges, and first place's point; circa only where @circa_kept; an event without
 * a place without one unless @placeless_placed (then at its camera). */
static void
assert_events_kept (RoundTrip *trip,
                    gboolean   circa_kept,
                    gboolean   placeless_placed)
{
  GListModel *events = caravan_story_get_events (trip->story);
  GListModel *back = caravan_story_get_events (trip->back);

  g_assert_cmpuint (count (back), ==, count (events));
  for (guint i = 0; i < count (events); i++)
    {
      CaravanEvent *event = item (events, i), *event_back = item (back, i);
      g_autofree char *iso = iso_date (event), *iso_back = iso_date (event_back);

      g_assert_cmpstr (caravan_event_get_title (event_back), ==, caravan_event_get_title (event));
      g_assert_cmpstr (iso_back, ==, iso);
      g_assert_cmpint (caravan_event_get_date (event_back)->precision, ==,
                       caravan_event_get_date (event)->precision);
      g_assert_cmpint (caravan_event_get_date (event_back)->end_precision, ==,
                       caravan_event_get_date (event)->end_precision);
      if (circa_kept)
        g_assert_cmpint (caravan_event_get_date (event_back)->circa, ==,
                         caravan_event_get_date (event)->circa);
      else
        g_assert_false (caravan_event_get_date (event_back)->circa);
      if (caravan_event_get_first_place (event) == NULL && placeless_placed)
        {
          double lat, lon;

          /* Its own centre, else where the story opens (StoryMapJS needs a point a slide). */
          caravan_event_get_camera (event, &lat, &lon, NULL);
          if (lat == 0 && lon == 0)
            caravan_story_get_initial_view (trip->story, &lat, &lon, NULL);
          g_assert_cmpfloat_with_epsilon (caravan_place_get_latitude (
                                            caravan_event_get_first_place (event_back)), lat, 1e-6);
          g_assert_cmpfloat_with_epsilon (caravan_place_get_longitude (
                                            caravan_event_get_first_place (event_back)), lon, 1e-6);
        }
      else if (caravan_event_get_first_place (event) == NULL)
        g_assert_null (caravan_event_get_first_place (event_back));
      else
        assert_same_point (caravan_event_get_first_place (event_back),
                           caravan_event_get_first_place (event));
    }
}

static CaravanExcerpt *
find_quote (GListModel *excerpts,
            const char *text)
{
  for (guint i = 0; i < count (excerpts); i++)
    if (g_strcmp0 (caravan_excerpt_get_text (item (excerpts, i)), text) == 0)
      return item (excerpts, i);
  return NULL;
}

static gboolean
has_quote (GListModel *excerpts,
           const char *text)
{
  return find_quote (excerpts, text) != NULL;
}

/* Every quote comes back word for word with its source; each step's own quote with its step. A
 * quote shown at several steps may come back once a step. Fact-check notes come back in the
 * event's text, not as notes. */
static void
assert_quotes_kept (RoundTrip *trip)
{
  GListModel *excerpts = caravan_story_get_excerpts (trip->story);
  GListModel *back = caravan_story_get_excerpts (trip->back);
  GListModel *events = caravan_story_get_events (trip->story);

  for (guint i = 0; i < count (excerpts); i++)
    {
      CaravanExcerpt *excerpt = item (excerpts, i);

      if (!has_quote (back, caravan_excerpt_get_text (excerpt)))
        g_error ("quote “%s” did not come back", caravan_excerpt_get_text (excerpt));
    }
  for (guint i = 0; i < count (back); i++)
    {
      CaravanExcerpt *excerpt = item (back, i);
      CaravanExcerpt *original = find_quote (excerpts, caravan_excerpt_get_text (excerpt));
      CaravanArticle *article = caravan_excerpt_get_article (excerpt);

      g_assert_nonnull (original);
      g_assert_null (caravan_excerpt_get_note (excerpt));
      /* The source comes back as an article named by the original's citation. */
      if (caravan_excerpt_get_article (original) == NULL)
        g_assert_null (article);
      else
        {
          g_autofree char *citation =
            caravan_article_format_citation (caravan_excerpt_get_article (original),
                                             caravan_story_get_language (trip->story));

          g_assert_nonnull (article);
          g_assert_cmpstr (caravan_article_get_title (article), ==, citation);
        }
    }
  for (guint i = 0; i < count (events); i++)
    {
      CaravanEvent *event = item (events, i);
      CaravanEvent *event_back = item (caravan_story_get_events (trip->back), i);
      g_autoptr(CaravanExcerpt) quote = caravan_story_dup_step_excerpt (trip->story, event);
      g_autoptr(GListModel) quotes_back = caravan_story_list_excerpts_of_event (trip->back,
                                                                               event_back);

      if (quote == NULL)
        continue;
      g_assert_true (has_quote (quotes_back, caravan_excerpt_get_text (quote)));
      if (caravan_excerpt_get_note (quote) != NULL)
        g_assert_nonnull (strstr (caravan_event_get_description (event_back),
                                  caravan_excerpt_get_note (quote)));
    }
}

static void
assert_routes_kept (RoundTrip *trip,
                    guint      n_more)
{
  GListModel *routes = caravan_story_get_routes (trip->story);
  GListModel *back = caravan_story_get_routes (trip->back);

  g_assert_cmpuint (count (back), ==, count (routes) + n_more);
  for (guint i = 0; i < count (routes); i++)
    {
      CaravanRoute *route = item (routes, i), *route_back = item (back, i);

      g_assert_cmpstr (caravan_route_get_label (route_back), ==, caravan_route_get_label (route));
      g_assert_cmpuint (caravan_route_get_n_points (route_back), ==,
                        caravan_route_get_n_points (route));
      for (guint p = 0; p < caravan_route_get_n_points (route); p++)
        {
          double lat, lon, lat_back, lon_back;

          caravan_route_get_point (route, p, &lat, &lon);
          caravan_route_get_point (route_back, p, &lat_back, &lon_back);
          g_assert_cmpfloat_with_epsilon (lat_back, lat, 1e-6);
          g_assert_cmpfloat_with_epsilon (lon_back, lon, 1e-6);
        }
    }
}

/* An event of a feature-per-item format comes back as a place of its own too, named after the
 * event, at its first place: those formats have no links between items. */
static void
assert_event_places (RoundTrip *trip)
{
  GListModel *events = caravan_story_get_events (trip->story);
  guint n_placed = 0;

  for (guint i = 0; i < count (events); i++)
    {
      CaravanEvent *event = item (events, i);
      CaravanPlace *place = caravan_event_get_first_place (event);

      if (place == NULL)
        continue;
      n_placed++;
      g_assert_nonnull (find_place (trip->back, caravan_event_get_title (event),
                                    caravan_place_get_latitude (place),
                                    caravan_place_get_longitude (place)));
    }
  g_assert_cmpuint (count (caravan_story_get_places (trip->back)), ==,
                    count (caravan_story_get_places (trip->story)) + n_placed);
}

/* GeoJSON carries places, events with their dates (circa too) and routes. It cannot carry links:
 * each event's point comes back as a place of its own, an event keeps only its first place,
 * and the quotes are properties ("quote", "quote_source", "fact_check") the importer does not
 * read back; the story's title becomes the layer's name, which the importer does not read. */
static void
check_geojson (const char *text)
{
  g_auto(RoundTrip) trip = { 0 };

  round_trip (&trip, text, CARAVAN_EXPORT_FORMAT_GEOJSON, "story.geojson");
  assert_places_kept (&trip);
  assert_event_places (&trip);
  assert_events_kept (&trip, TRUE, FALSE);
  assert_routes_kept (&trip, 0);
  g_assert_cmpuint (count (caravan_story_get_excerpts (trip.back)), ==, 0);
  g_assert_nonnull (strstr (trip.data, "\"quote\""));
}

static void
test_geojson_bundled (void)
{
  check_geojson (NULL);
}

static void
test_geojson_dates (void)
{
  check_geojson (dates_story);
}

/* KML carries places, events with TimeStamp or TimeSpan at their precision, quotes in the
 * balloons with their sources, routes, and the tour, which comes back as a route through the
 * steps' views in step order. It has no circa (the balloon says "c."), no links between
 * placemarks (an event's placemark comes back as a place of its own), and keeps an event's
 * first place only. */
static void
check_kml (const char *text)
{
  g_auto(RoundTrip) trip = { 0 };
  g_autoptr(GArray) steps = NULL;
  CaravanRoute *tour;

  round_trip (&trip, text, CARAVAN_EXPORT_FORMAT_KML, "story.kml");
  g_assert_cmpstr (caravan_story_get_title (trip.back), ==, caravan_story_get_title (trip.story));
  assert_places_kept (&trip);
  assert_event_places (&trip);
  assert_events_kept (&trip, FALSE, FALSE);
  assert_quotes_kept (&trip);
  assert_routes_kept (&trip, 1);

  steps = caravan_export_list_steps (trip.story);
  tour = item (caravan_story_get_routes (trip.back), count (caravan_story_get_routes (trip.story)));
  g_assert_cmpstr (caravan_route_get_style (tour), ==, "flight");
  g_assert_cmpuint (caravan_route_get_n_points (tour), ==, steps->len);
  for (guint i = 0; i < steps->len; i++)
    {
      CaravanExportStep *step = &g_array_index (steps, CaravanExportStep, i);
      double lat, lon;

      caravan_route_get_point (tour, i, &lat, &lon);
      g_assert_cmpfloat_with_epsilon (lat, step->latitude, 1e-6);
      g_assert_cmpfloat_with_epsilon (lon, step->longitude, 1e-6);
    }
}

static void
test_kml_bundled (void)
{
  check_kml (NULL);
}

static void
test_kml_dates (void)
{
  check_kml (dates_story);
}

/* StoryMapJS carries the steps: each slide comes back as an event (title, date from the slide's
 * "date", zoom) and a place at the step's place, named by the place's name at that date; every
 * quote comes back (the step's quote as its media, the event's other quotes and those of no
 * event as blockquotes). It has no places of their own (a place without events is lost), no
 * routes, one place a slide. */
static void
check_storymap (const char *text)
{
  g_auto(RoundTrip) trip = { 0 };
  g_autoptr(GArray) steps = NULL;
  GListModel *events_back;

  round_trip (&trip, text, CARAVAN_EXPORT_FORMAT_STORYMAP_JSON, "story.json");
  g_assert_cmpstr (caravan_story_get_title (trip.back), ==, caravan_story_get_title (trip.story));
  steps = caravan_export_list_steps (trip.story);
  events_back = caravan_story_get_events (trip.back);
  g_assert_cmpuint (count (caravan_story_get_places (trip.back)), ==, steps->len);
  assert_events_kept (&trip, TRUE, TRUE);
  assert_quotes_kept (&trip);
  g_assert_cmpuint (count (caravan_story_get_routes (trip.back)), ==, 0);
  for (guint i = 0; i < steps->len; i++)
    {
      CaravanExportStep *step = &g_array_index (steps, CaravanExportStep, i);
      CaravanEvent *event = item (events_back, i);
      double lat, lon, zoom;

      g_assert_true (caravan_event_get_camera (event, &lat, &lon, &zoom));
      g_assert_cmpfloat (zoom, ==, step->zoom);
      if (step->place != NULL)
        g_assert_cmpstr (caravan_place_get_name (caravan_event_get_first_place (event)), ==,
                         caravan_export_step_place_name (step));
    }
}

static void
test_storymap_bundled (void)
{
  check_storymap (NULL);
}

static void
test_storymap_dates (void)
{
  check_storymap (dates_story);
}

/* Names that need escaping come back through every format. The StoryMapJS headline is HTML, so
 * the writer escapes it and every title comes back as it was. GeoJSON properties and KML names
 * are plain text in the file (test-export-text checks that they are exactly the story's), but
 * Caravan's importers read them as HTML, since other tools put markup there: a lone <, > or &
 * comes back, a name that looks like markup ("<b>…</b>", "&amp;") is read as markup. */
static const char names_story[] =
  "{ \"format_version\": 1, \"title\": \"Tom & Jerry's <Café> “Ünï” \\\"x\\\"\",\n"
  "  \"places\": [ { \"id\": \"p\", \"name\": \"A < B & C > D 'q' \\\"Астана\\\" 阿斯塔纳\",\n"
  "                \"lat\": 43.25, \"lon\": 76.9 } ],\n"
  "  \"events\": [ { \"id\": \"e\", \"title\": \"<b>not bold</b> & &amp; 🐫\",\n"
  "                \"date\": \"2022-01-06\", \"place\": \"p\" } ],\n"
  "  \"excerpts\": [ { \"id\": \"x\", \"text\": \"She said “<no>” & left\",\n"
  "                  \"events\": [\"e\"] } ] }\n";

static void
test_names (void)
{
  static const struct {
    CaravanExportFormat format;
    const char *basename, *event, *story;
  } formats[] = {
    { CARAVAN_EXPORT_FORMAT_GEOJSON, "names.geojson", "not bold & & 🐫", NULL },
    { CARAVAN_EXPORT_FORMAT_KML, "names.kml", "not bold & & 🐫",
      "Tom & Jerry's “Ünï” \"x\"" },
    { CARAVAN_EXPORT_FORMAT_STORYMAP_JSON, "names.json", "<b>not bold</b> & &amp; 🐫",
      "Tom & Jerry's <Café> “Ünï” \"x\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(RoundTrip) trip = { 0 };
      CaravanEvent *event;

      round_trip (&trip, names_story, formats[i].format, formats[i].basename);
      event = item (caravan_story_get_events (trip.back), 0);
      g_assert_cmpstr (caravan_event_get_title (event), ==, formats[i].event);
      if (formats[i].format != CARAVAN_EXPORT_FORMAT_STORYMAP_JSON)
        assert_places_kept (&trip);
      else
        g_assert_cmpstr (caravan_place_get_name (caravan_event_get_first_place (event)), ==,
                         "A < B & C > D 'q' \"Астана\" 阿斯塔纳");
      if (formats[i].format != CARAVAN_EXPORT_FORMAT_GEOJSON)
        {
          g_assert_cmpstr (caravan_story_get_title (trip.back), ==, formats[i].story);
          assert_quotes_kept (&trip);
        }
    }
}

/* A story of places alone: GeoJSON and KML keep them (the KML has no tour); StoryMapJS has only
 * steps, so the file has nothing to show and the importer says so. */
static void
test_no_events (void)
{
  static const char text[] =
    "{ \"format_version\": 1, \"title\": \"Places\",\n"
    "  \"places\": [ { \"id\": \"p\", \"name\": \"P\", \"lat\": 1.5, \"lon\": 2.5 } ] }\n";
  g_auto(RoundTrip) geojson = { 0 };
  g_auto(RoundTrip) kml = { 0 };
  g_autoptr(CaravanStory) story = load_story (text);
  g_autofree char *data = caravan_export_to_data (story, CARAVAN_EXPORT_FORMAT_STORYMAP_JSON,
                                                  NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) back = NULL;

  round_trip (&geojson, text, CARAVAN_EXPORT_FORMAT_GEOJSON, "p.geojson");
  assert_places_kept (&geojson);
  round_trip (&kml, text, CARAVAN_EXPORT_FORMAT_KML, "p.kml");
  assert_places_kept (&kml);
  g_assert_null (strstr (kml.data, "gx:Tour"));

  back = caravan_import_bytes (bytes, "p.json", NULL, &error);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_EMPTY);
  g_assert_null (back);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/geojson/bundled", test_geojson_bundled);
  g_test_add_func ("/export/geojson/dates", test_geojson_dates);
  g_test_add_func ("/export/kml/bundled", test_kml_bundled);
  g_test_add_func ("/export/kml/dates", test_kml_dates);
  g_test_add_func ("/export/storymap/bundled", test_storymap_bundled);
  g_test_add_func ("/export/storymap/dates", test_storymap_dates);
  g_test_add_func ("/export/names", test_names);
  g_test_add_func ("/export/no-events", test_no_events);

  return g_test_run ();
}
