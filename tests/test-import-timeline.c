/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-timeline.c: TimelineJS3 and TimelineJS2 files from Knight Lab's repository,
 * the Google Sheets template as CSV, and the corners: BCE years, display dates, huge years. */

#include <glib.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "import-test-utils.h"

static void
assert_event_date (CaravanStory *story,
                   const char   *id,
                   const char   *iso)
{
  CaravanEvent *event = caravan_story_lookup_event (story, id);
  g_autofree char *date = NULL;

  g_assert_nonnull (event);
  date = iso_date (event);
  g_assert_cmpstr (date, ==, iso);
}

static void
test_houston3 (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("timelinejs3-houston.json", &report, &error);
  CaravanEvent *first;
  CaravanImportNoteKind kind;
  const char *location;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "TimelineJS3 JSON");
  assert_counts (story, 0, 18, 0, 0);
  g_assert_cmpstr (caravan_story_get_title (story), ==, "Whitney Houston 1963 - 2012");
  first = item (caravan_story_get_events (story), 0);
  g_assert_cmpstr (caravan_event_get_title (first), ==, "A Musical Heritage");
  assert_event_date (story, "a-musical-heritage", "1963-08-09");
  g_assert_cmpint (caravan_event_get_date (first)->precision, ==, CARAVAN_DATE_PRECISION_DAY);
  g_assert_null (caravan_event_get_first_place (first));
  g_assert_true (g_str_has_prefix (caravan_event_get_description (first),
                                   "Born in New Jersey on August 9th, 1963"));
  /* A media path relative to the timeline's web site cannot be a link. */
  g_assert_nonnull (find_note (report, "/static/img/examples/houston/family.jpg", &kind,
                               &location));
  g_assert_cmpint (kind, ==, CARAVAN_IMPORT_NOTE_DROPPED);
  g_assert_cmpstr (location, ==, "14:7 (events[0])");
}

static void
test_houston2 (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("timelinejs2-houston.json", &report, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "TimelineJS2 JSON");
  /* The same story as the TimelineJS3 file: "startDate": "1963,8,9". */
  assert_counts (story, 0, 18, 0, 0);
  assert_event_date (story, "a-musical-heritage", "1963-08-09");
  assert_event_date (story, "first-recording", "1978");
}

static void
test_eras (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("timelinejs3-eras.json", NULL, &error);
  CaravanEvent *era;

  g_assert_no_error (error);
  /* 20 events and 3 eras. */
  assert_counts (story, 0, 23, 0, 0);
  era = caravan_story_lookup_event (story, "era-test-650-700");
  g_assert_nonnull (era);
  g_assert_cmpstr (caravan_event_get_category (era), ==, "era");
  assert_event_date (story, "era-test-650-700", "0650/0700");
  assert_event_date (story, "last-great-roman-persian-war", "0602/0629");
}

static void
test_cosmological (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("timelinejs3-cosmo.json", &report, &error);
  CaravanImportNoteKind kind;
  const char *location;

  /* Every date is before 1 AD: nothing is left, and each is said why. */
  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (find_note (report, "“The Big Bang”: 13.8 billion years ago is a geological "
                               "or cosmological date", &kind, &location));
  g_assert_cmpint (kind, ==, CARAVAN_IMPORT_NOTE_DROPPED);
  g_assert_cmpstr (location, ==, "20:27 (events[0].start_date)");
  g_assert_nonnull (find_note (report, "3500 BC is before 1 AD", NULL, NULL));
}

static void
test_sheet (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_sample ("timelinejs-sheet.csv", &report, &error);
  CaravanExcerpt *excerpt;
  CaravanEvent *ada;

  g_assert_no_error (error);
  g_assert_cmpstr (caravan_import_report_get_format (report), ==, "TimelineJS CSV");
  assert_counts (story, 0, 10, 1, 0);
  g_assert_cmpstr (caravan_story_get_title (story), ==, "MY OWN CSV");
  assert_event_date (story, "ada-lovelace", "1815-12-10/1852-11-27");
  assert_event_date (story, "and-the-women-who-made-it-work", "1943-07/1946");
  ada = caravan_story_lookup_event (story, "ada-lovelace");
  /* Links stay, written out after their text. */
  g_assert_nonnull (strstr (caravan_event_get_description (ada),
                            "Take Ada Lovelace (https://en.wikipedia.org/wiki/Ada_Lovelace):"));
  /* The sheet's quote slide has a <blockquote> in its media column. */
  excerpt = item (caravan_story_get_excerpts (story), 0);
  g_assert_true (g_str_has_prefix (caravan_excerpt_get_text (excerpt),
                                   "There is no demand for women engineers"));
  g_assert_cmpstr (caravan_article_get_title (caravan_excerpt_get_article (excerpt)), ==,
                   "Edith Clarke, first female professor of electrical engineering in the "
                   "United States");
}

static const char corners[] =
  "{ \"title\": { \"text\": { \"headline\": \"Corners\" } },\n"
  "  \"events\": [\n"
  "    { \"start_date\": { \"year\": \"-500\" }, \"text\": { \"headline\": \"Marathon?\" } },\n"
  "    { \"start_date\": { \"year\": 1851, \"month\": \"6\" }, "
  "\"display_date\": \"c. summer 1851\",\n"
  "      \"text\": { \"headline\": \"Circa\" }, \"group\": \"Politics\", "
  "\"unique_id\": \"my-id\" },\n"
  "    { \"start_date\": { \"year\": \"99999999999999999999\" }, "
  "\"text\": { \"headline\": \"Huge\" } },\n"
  "    { \"start_date\": { \"year\": 2000, \"month\": 2, \"day\": 30 }, "
  "\"text\": { \"headline\": \"Feb\" } },\n"
  "    { \"start_date\": { \"year\": 2010 }, \"end_date\": { \"year\": 2001 },\n"
  "      \"text\": { \"headline\": \"Backwards\", "
  "\"text\": \"<script>alert(1)</script>Safe\" } },\n"
  "    { \"text\": { \"headline\": \"No date\" } }\n"
  "  ] }\n";

static void
test_corners (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("corners.json", corners, &report, &error);
  CaravanEvent *circa, *backwards;
  const char *location;

  g_assert_no_error (error);
  assert_counts (story, 0, 2, 0, 0);
  /* TimelineJS counts no year 0: -500 is 500 BC, which Caravan's dates cannot hold. */
  g_assert_nonnull (find_note (report, "“Marathon?”: 500 BC is before 1 AD", NULL, &location));
  g_assert_cmpstr (location, ==, "3:21 (events[0].start_date)");

  circa = caravan_story_lookup_event (story, "my-id");
  g_assert_nonnull (circa);
  g_assert_true (caravan_event_get_date (circa)->circa);
  g_assert_cmpint (caravan_event_get_date (circa)->precision, ==, CARAVAN_DATE_PRECISION_MONTH);
  g_assert_cmpstr (caravan_event_get_category (circa), ==, "politics");
  g_assert_true (g_str_has_prefix (caravan_event_get_description (circa), "c. summer 1851"));

  g_assert_nonnull (find_note (report, "year 99999999999999999999 is out of range", NULL, NULL));
  g_assert_nonnull (find_note (report, "2000-02-30 is not a day of the calendar", NULL, NULL));
  g_assert_nonnull (find_note (report, "“No date”: the slide has no start_date", NULL, NULL));

  backwards = caravan_story_lookup_event (story, "backwards");
  g_assert_false (caravan_event_get_date (backwards)->has_end);
  g_assert_cmpstr (caravan_event_get_description (backwards), ==, "Safe");
  g_assert_nonnull (find_note (report, "the end date is left out", NULL, &location));
  g_assert_cmpstr (location, ==, "8:51 (events[4].end_date)");
  g_assert_nonnull (find_note (report, "1 script, frame or embedded object", NULL, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/timeline/houston-3", test_houston3);
  g_test_add_func ("/import/timeline/houston-2", test_houston2);
  g_test_add_func ("/import/timeline/eras", test_eras);
  g_test_add_func ("/import/timeline/cosmological", test_cosmological);
  g_test_add_func ("/import/timeline/sheet", test_sheet);
  g_test_add_func ("/import/timeline/corners", test_corners);

  return g_test_run ();
}
