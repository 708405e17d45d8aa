/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-geo.c: GeoJSON, KML, KMZ and GPX files made by Leaflet.TimeDimension, Google
 * Earth's samples and GPSBabel, and hand-made corners (inherited KML times, year 0). */

#include <glib.h>

#include "caravan-date.h"
#include "import-test-utils.h"

static void
assert_date (CaravanEvent *event,
             const char   *iso)
{
  g_autofree char *date = iso_date (event);

  g_assert_cmpstr (date, ==, iso);
}

static void
test_geojson_track (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("geojson-track_bus699.geojson", &report,
                                                 &error);
  CaravanRoute *route;
  double lat, lon;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "GeoJSON");
  assert_counts (story, 0, 1, 0, 1);
  route = item (caravan_story_get_routes (story), 0);
  g_assert_cmpstr (caravan_route_get_label (route), ==, "Track of bus 699");
  g_assert_cmpuint (caravan_route_get_n_points (route), ==, 39);
  caravan_route_get_point (route, 0, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lat, 36.73835, 1e-9);
  g_assert_cmpfloat_with_epsilon (lon, -4.4214296, 1e-9);
  /* "times" from 10:51 to 11:29 on one day: that day. */
  assert_date (item (caravan_story_get_events (story), 0), "2019-11-23");
}

static const char collection[] =
  "{ \"type\": \"FeatureCollection\", \"features\": [\n"
  "  { \"type\": \"Feature\", \"properties\": { \"name\": \"Khorgos\", \"when\": \"2014-12\" },\n"
  "    \"geometry\": { \"type\": \"Point\", \"coordinates\": [80.42, 44.21] } },\n"
  "  { \"type\": \"Feature\", \"properties\": { \"title\": \"Quake\", \"time\": 1572484279125 },\n"
  "    \"geometry\": { \"type\": \"Point\", \"coordinates\": [125.1534, 6.908, 10] } },\n"
  "  { \"type\": \"Feature\", \"properties\": { \"name\": \"Park\", \"start\": \"0000\", "
  "\"end\": \"2001\" },\n"
  "    \"geometry\": { \"type\": \"Polygon\", \"coordinates\": [[[0,0],[2,0],[2,2],[0,2]]] } },\n"
  "  { \"type\": \"Feature\", \"properties\": { \"name\": \"Span\",\n"
  "      \"when\": { \"start\": \"1998-05-06\", \"end\": \"2019-03-22\" } }, "
  "\"geometry\": null },\n"
  "  { \"type\": \"Feature\", \"properties\": { \"name\": \"Far\" },\n"
  "    \"geometry\": { \"type\": \"Point\", \"coordinates\": [500, 500] } },\n"
  "  { \"type\": \"Feature\", \"properties\": {}, \"geometry\": null }\n"
  "] }\n";

static void
test_geojson_collection (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("points.json", collection, &report, &error);
  CaravanPlace *park;
  const char *location;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "GeoJSON");
  assert_counts (story, 3, 3, 0, 0);
  assert_date (caravan_story_lookup_event (story, "khorgos"), "2014-12");
  /* Unix milliseconds (USGS feeds): 2019-10-31 01:11 UTC. */
  assert_date (caravan_story_lookup_event (story, "quake"), "2019-10-31");
  assert_date (caravan_story_lookup_event (story, "span"), "1998-05-06/2019-03-22");
  g_assert_null (caravan_event_get_first_place (caravan_story_lookup_event (story, "span")));

  park = caravan_story_lookup_place (story, "park");
  g_assert_cmpstr (caravan_place_get_kind (park), ==, "region");
  g_assert_cmpfloat_with_epsilon (caravan_place_get_latitude (park), 1.0, 1e-9);
  g_assert_nonnull (find_note (report, "“Park” is shown as a place at its centre", NULL,
                               &location));
  g_assert_cmpstr (location, ==, "6:3 (features[2])");
  /* ISO year 0 is 1 BC. */
  g_assert_nonnull (find_note (report, "1 BC is before 1 AD", NULL, NULL));
  g_assert_nonnull (find_note (report, "Far: 500, 500 is not a point on Earth", NULL,
                               &location));
  g_assert_cmpstr (location, ==, "10:3 (features[4])");
  g_assert_nonnull (find_note (report, "neither a geometry nor a time", NULL, &location));
  g_assert_cmpstr (location, ==, "12:3 (features[5])");
}

static void
test_kml_samples (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("kml-KML_Samples.kml", &report, &error);
  CaravanPlace *place;
  CaravanExcerpt *excerpt;
  const char *location;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "KML");
  g_assert_cmpstr (caravan_story_get_title (story), ==, "KML Samples");
  assert_counts (story, 13, 0, 1, 6);
  place = caravan_story_lookup_place (story, "simple-placemark");
  g_assert_cmpfloat_with_epsilon (caravan_place_get_latitude (place), 37.42228990140251, 1e-12);
  g_assert_cmpfloat_with_epsilon (caravan_place_get_longitude (place), -122.0822035425683, 1e-12);
  /* The "Descriptive HTML" placemark quotes T. S. Eliot in a <blockquote>. */
  excerpt = item (caravan_story_get_excerpts (story), 0);
  g_assert_true (g_str_has_prefix (caravan_excerpt_get_text (excerpt),
                                   "We shall not cease from exploration"));
  g_assert_nonnull (find_note (report, "“The Pentagon” is shown as a place at its centre", NULL,
                               &location));
  g_assert_cmpstr (location, ==, "765");
  g_assert_nonnull (find_note (report, "overlays and 3D models are not shown", NULL, NULL));
}

static void
test_kml_time_stamps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("kml-Time.Time_Stamps.kml", NULL, &error);
  CaravanEvent *event;

  g_assert_no_error (error);
  assert_counts (story, 3, 3, 0, 0);
  event = item (caravan_story_get_events (story), 0);
  assert_date (event, "2007-01-01");
  g_assert_cmpfloat (caravan_place_get_longitude (caravan_event_get_first_place (event)), ==,
                     -122);
}

static void
test_kml_track (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("kml-catalina-track.kml", NULL, &error);
  CaravanRoute *route;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_story_get_title (story), ==, "Catalina - gx:Track");
  assert_counts (story, 0, 1, 0, 1);
  route = item (caravan_story_get_routes (story), 0);
  g_assert_cmpuint (caravan_route_get_n_points (route), ==, 213);
  assert_date (item (caravan_story_get_events (story), 0), "2009-08-17");
}

static void
test_kml_tour (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("kml-Touring.Complete_Demo.kml", &report,
                                                 &error);
  CaravanRoute *route;
  double lat, lon;

  /* The file starts with a byte order mark. */
  g_assert_no_error (error);
  assert_counts (story, 3, 0, 0, 1);
  route = item (caravan_story_get_routes (story), 0);
  g_assert_cmpstr (caravan_route_get_label (route), ==, "Tour: Play me!");
  g_assert_cmpstr (caravan_route_get_style (route), ==, "flight");
  g_assert_cmpuint (caravan_route_get_n_points (route), ==, 5);
  caravan_route_get_point (route, 0, &lat, &lon);
  g_assert_cmpfloat (lat, ==, -43.671);
  g_assert_cmpfloat (lon, ==, 170.157);
  caravan_route_get_point (route, 4, &lat, &lon);
  g_assert_cmpfloat (lat, ==, -36.523);
  g_assert_nonnull (find_note (report, "5 views are a route in their FlyTo order", NULL, NULL));
}

static void
test_kmz (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("kml-time-stamp-point.kmz", &report, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "KMZ");
  g_assert_cmpstr (caravan_story_get_title (story), ==, "TimeStamp'ed Points");
  assert_counts (story, 361, 361, 0, 0);
  g_assert_cmpfloat (caravan_place_get_latitude (caravan_story_lookup_place (story, "place-1")),
                     ==, 37.86047);
}

static const char inherited[] =
  "<?xml version=\"1.0\"?>\n"
  "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>Inherited</name>\n"
  "<Folder><TimeSpan><begin>2004-10</begin><end>2004-11</end></TimeSpan>\n"
  "  <Placemark><name>October</name><Point><coordinates>10,20</coordinates></Point></Placemark>\n"
  "  <Folder><TimeStamp><when>2005-03-04T10:00:00Z</when></TimeStamp>\n"
  "    <Placemark><name>Inner</name><Point><coordinates>11,21</coordinates></Point></Placemark>\n"
  "    <Placemark><name>Own</name><TimeStamp><when>-0499</when></TimeStamp>\n"
  "      <Point><coordinates>12,22</coordinates></Point></Placemark>\n"
  "  </Folder>\n"
  "  <Placemark><name>Again</name><Point><coordinates>13,23</coordinates></Point></Placemark>\n"
  "</Folder>\n"
  "<Placemark><name>Undated</name><Point><coordinates>14,24</coordinates></Point></Placemark>\n"
  "<NetworkLink><Link><href>http://example.org/more.kml</href></Link></NetworkLink>\n"
  "</Document></kml>\n";

static void
test_kml_inherited_times (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("inherited.kml", inherited, &report, &error);
  const char *location;

  g_assert_no_error (error);
  assert_counts (story, 5, 3, 0, 0);
  assert_date (caravan_story_lookup_event (story, "october"), "2004-10/2004-11");
  assert_date (caravan_story_lookup_event (story, "inner"), "2005-03-04");
  assert_date (caravan_story_lookup_event (story, "again"), "2004-10/2004-11");
  g_assert_null (caravan_story_lookup_event (story, "undated"));
  /* KML counts a year 0: -0499 is 500 BC. */
  g_assert_nonnull (find_note (report, "500 BC is before 1 AD", NULL, &location));
  g_assert_cmpstr (location, ==, "7");
  g_assert_nonnull (find_note (report, "network links are not followed", NULL, &location));
  g_assert_cmpstr (location, ==, "13");
}

static void
test_gpx (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("gpx-cerknicko-jezero.gpx", &report, &error);
  CaravanPlace *place;
  CaravanEvent *event;
  const char *location;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "GPX");
  /* 7 waypoints (one timed), 7 usable track logs (timed), one log with a single point. */
  assert_counts (story, 7, 8, 0, 7);
  place = caravan_story_lookup_place (story, "back-t-th");
  g_assert_cmpstr (caravan_place_get_name (place), ==, "BACK T TH");
  g_assert_cmpstr (caravan_place_get_description (place), ==, "BACK TO THE ROOTS");
  g_assert_cmpfloat (caravan_place_get_latitude (place), ==, 45.757933259);
  event = caravan_story_lookup_event (story, "001");
  assert_date (event, "2010-08-05");
  g_assert_true (caravan_event_get_first_place (event) == caravan_story_lookup_place (story,
                                                                                       "001"));
  g_assert_nonnull (find_note (report, "ACTIVE LOG: a route needs at least two points", NULL,
                               &location));
  g_assert_cmpstr (location, ==, "59");
}

static void
test_gpx_route (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("gpx-route.gpx", NULL, &error);
  CaravanRoute *route;
  double lat, lon;

  g_assert_no_error (error);
  assert_counts (story, 0, 0, 0, 1);
  route = item (caravan_story_get_routes (story), 0);
  g_assert_cmpuint (caravan_route_get_n_points (route), ==, 55);
  caravan_route_get_point (route, 0, &lat, &lon);
  g_assert_cmpfloat (lat, ==, 45.2787641494);
  g_assert_cmpfloat (lon, ==, 13.726695478);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/geojson/track", test_geojson_track);
  g_test_add_func ("/import/geojson/collection", test_geojson_collection);
  g_test_add_func ("/import/kml/samples", test_kml_samples);
  g_test_add_func ("/import/kml/time-stamps", test_kml_time_stamps);
  g_test_add_func ("/import/kml/track", test_kml_track);
  g_test_add_func ("/import/kml/tour", test_kml_tour);
  g_test_add_func ("/import/kml/kmz", test_kmz);
  g_test_add_func ("/import/kml/inherited-times", test_kml_inherited_times);
  g_test_add_func ("/import/gpx/waypoints-and-tracks", test_gpx);
  g_test_add_func ("/import/gpx/route", test_gpx_route);

  return g_test_run ();
}
