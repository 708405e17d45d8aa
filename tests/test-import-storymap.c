/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-storymap.c: StoryMapJS files from Knight Lab's repository, the CSV sheet, and an
 * image-based story map that must be refused. */

#include <glib.h>

#include "caravan-date.h"
#include "import-test-utils.h"

static void
test_demo (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("storymapjs-demo.json", &report, &error);
  CaravanPlace *place;
  CaravanEvent *event;
  CaravanRoute *route;
  g_autofree char *date = NULL;
  double lat, lon, zoom;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "StoryMapJS JSON");
  /* 24 slides with a location, each dated by its census year; the overview is the title. */
  assert_counts (story, 24, 24, 0, 1);
  g_assert_cmpstr (caravan_story_get_title (story), ==,
                   "US Westward Expansion Mean center of United States population");
  g_assert_true (g_str_has_prefix (caravan_story_get_subtitle (story),
                                   "The mean center of U.S. population is determined"));

  place = caravan_story_lookup_place (story, "kent-county-maryland");
  g_assert_nonnull (place);
  g_assert_cmpstr (caravan_place_get_name (place), ==, "Kent County, Maryland");
  g_assert_cmpfloat_with_epsilon (caravan_place_get_latitude (place), 39.275, 1e-9);
  g_assert_cmpfloat_with_epsilon (caravan_place_get_longitude (place), -76.18667, 1e-9);
  /* The slide's media stays a link in the text; nothing is fetched. */
  g_assert_nonnull (strstr (caravan_place_get_description (place),
                            "Media: https://upload.wikimedia.org/wikipedia/commons/2/2e/"
                            "United_States_1789-08-1790.png"));
  g_assert_null (strstr (caravan_place_get_description (place), "<"));

  event = item (caravan_story_get_events (story), 0);
  date = iso_date (event);
  g_assert_cmpstr (date, ==, "1790");
  g_assert_cmpint (caravan_event_get_date (event)->precision, ==, CARAVAN_DATE_PRECISION_YEAR);
  g_assert_true (caravan_event_get_first_place (event) == place);
  g_assert_true (caravan_event_get_camera (event, &lat, &lon, &zoom));

  route = item (caravan_story_get_routes (story), 0);
  g_assert_cmpstr (caravan_route_get_label (route), ==, "Slide order");
  g_assert_cmpuint (caravan_route_get_n_points (route), ==, 24);
}

static void
test_sochi (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("storymapjs-sochi.json", &report, &error);
  CaravanPlace *moscow;

  g_assert_no_error (error);
  /* Undated slides are places only, in slide order along the route. */
  assert_counts (story, 10, 0, 0, 1);
  g_assert_cmpstr (caravan_story_get_title (story), ==,
                   "Sochi 2014 Olympic Torch Relay Highlights");
  moscow = item (caravan_story_get_places (story), 0);
  g_assert_cmpstr (caravan_place_get_name (moscow), ==, "Kickoff in Moscow");
  g_assert_cmpfloat_with_epsilon (caravan_place_get_latitude (moscow), 55.755826, 1e-9);
  /* "&nbsp;" and <span> are plain text now. */
  g_assert_true (g_str_has_prefix (caravan_story_get_subtitle (story),
                                   "The Sochi 2014 Olympic torch relay marks the longest relay"));
  g_assert_nonnull (strstr (caravan_story_get_subtitle (story), "October 7, 2013 to February"));
}

static void
test_gigapixel_refused (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("storymapjs-seurat-gigapixel.json", &report,
                                                 &error);

  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "gigapixel"));
  g_assert_cmpuint (caravan_import_report_count (report, CARAVAN_IMPORT_NOTE_ERROR), ==, 1);
}

/* A sheet saved by a spreadsheet: BOM, CRLF, a quoted cell over two lines, a quote in it. */
static const char sheet[] =
  "\xef\xbb\xbf" "Type,Headline,Text,Date,Location,Latitude,Longitude,Zoom,Media,Media Credit\r\n"
  "overview,Silk Road <b>stops</b>,\"Two cities\",,,,,,,\r\n"
  ",Almaty,\"<p>First line</p>\r\n<p>He said \"\"hello\"\"</p>"
  "<blockquote>The steppe is wide.<cite>A traveller</cite></blockquote>\",c. 1850,"
  "Almaty,43.2525,76.9115,9,https://example.org/a.jpg,Someone\r\n"
  ",Beijing,No date,,,116.4074,39.9042,,javascript:alert(1),\r\n"
  ",Nowhere,Missing coordinates,,,,,,,\r\n";

static void
test_csv (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("stops.csv", sheet, &report, &error);
  CaravanPlace *almaty, *beijing;
  CaravanEvent *event;
  CaravanExcerpt *excerpt;
  CaravanImportNoteKind kind;
  const char *location;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "StoryMapJS CSV");
  assert_counts (story, 2, 1, 1, 1);
  g_assert_cmpstr (caravan_story_get_title (story), ==, "Silk Road stops");

  almaty = caravan_story_lookup_place (story, "almaty");
  g_assert_cmpstr (caravan_place_get_description (almaty), ==,
                   "First line\n\nHe said \"hello\"\n\n"
                   "Media: https://example.org/a.jpg (Someone)");
  event = item (caravan_story_get_events (story), 0);
  g_assert_true (caravan_event_get_date (event)->circa);
  g_assert_cmpint (caravan_event_get_date (event)->year, ==, 1850);

  excerpt = item (caravan_story_get_excerpts (story), 0);
  g_assert_cmpstr (caravan_excerpt_get_text (excerpt), ==, "The steppe is wide.");
  g_assert_cmpstr (caravan_article_get_title (caravan_excerpt_get_article (excerpt)), ==,
                   "A traveller");
  g_assert_true (caravan_excerpt_get_place (excerpt, 0) == almaty);

  /* A latitude of 116.4 only makes sense as Beijing's longitude. */
  beijing = caravan_story_lookup_place (story, "beijing");
  g_assert_cmpfloat_with_epsilon (caravan_place_get_latitude (beijing), 39.9042, 1e-9);
  g_assert_cmpfloat_with_epsilon (caravan_place_get_longitude (beijing), 116.4074, 1e-9);
  g_assert_nonnull (find_note (report, "swapped", &kind, &location));
  g_assert_cmpint (kind, ==, CARAVAN_IMPORT_NOTE_GUESSED);
  g_assert_cmpstr (location, ==, "5");
  g_assert_nonnull (find_note (report, "javascript:alert(1)", &kind, &location));
  g_assert_cmpint (kind, ==, CARAVAN_IMPORT_NOTE_DROPPED);
  g_assert_nonnull (find_note (report, "“Nowhere” has no location", &kind, &location));
  g_assert_cmpstr (location, ==, "6");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/storymap/demo", test_demo);
  g_test_add_func ("/import/storymap/sochi", test_sochi);
  g_test_add_func ("/import/storymap/gigapixel-refused", test_gigapixel_refused);
  g_test_add_func ("/import/storymap/csv", test_csv);

  return g_test_run ();
}
