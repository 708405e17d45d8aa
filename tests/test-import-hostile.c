/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-hostile.c: files made to hurt: entity expansion, a ZIP bomb, huge numbers,
 * deep nesting, missing fields, wrong encodings. Each gives a clear error or note. */

#include <archive.h>
#include <archive_entry.h>
#include <glib.h>

#include "caravan-import-report.h"
#include "import-test-utils.h"

static const char billion_laughs[] =
  "<?xml version=\"1.0\"?>\n"
  "<!DOCTYPE kml [\n"
  " <!ENTITY lol \"lol\">\n"
  " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
  " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
  " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
  " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
  " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
  " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
  " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
  " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
  "]>\n"
  "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>&lol9;</name>"
  "<Point><coordinates>1,2</coordinates></Point></Placemark></kml>\n";

static void
test_billion_laughs (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("laughs.kml", billion_laughs, &report, &error);

  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "billion laughs"));
  g_assert_true (g_str_has_prefix (error->message, "2: "));
}

static const char external_entity[] =
  "<?xml version=\"1.0\"?>\n"
  "<gpx><wpt lat=\"1\" lon=\"2\"><name>&xxe;</name></wpt></gpx>\n";

static void
test_undeclared_entity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("xxe.gpx", external_entity, NULL, &error);

  g_assert_null (story);
  g_assert_true (g_error_matches (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX) ||
                 g_error_matches (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_UNSAFE));
  g_assert_true (g_str_has_prefix (error->message, "2:"));
}

/* A KMZ whose doc.kml inflates past the cap: 300 MB of spaces compress to about 300 kB. */
static GBytes *
make_zip_bomb (void)
{
  struct archive *archive = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();
  gsize size = 300 * 1000 * 1000, used = 0, capacity = 2 * 1000 * 1000;
  guint8 *buffer = g_malloc (capacity);
  g_autofree char *chunk = g_malloc (1000 * 1000);

  memset (chunk, ' ', 1000 * 1000);
  archive_write_set_format_zip (archive);
  archive_write_set_bytes_in_last_block (archive, 1);
  g_assert_cmpint (archive_write_open_memory (archive, buffer, capacity, &used), ==, ARCHIVE_OK);
  archive_entry_set_pathname (entry, "doc.kml");
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_size (entry, size);
  archive_entry_set_perm (entry, 0644);
  g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
  for (gsize written = 0; written < size; written += 1000 * 1000)
    g_assert_cmpint (archive_write_data (archive, chunk, 1000 * 1000), ==, 1000 * 1000);
  archive_write_close (archive);
  archive_write_free (archive);
  archive_entry_free (entry);
  g_assert_cmpuint (used, <, capacity);
  return g_bytes_new_take (buffer, used);
}

static void
test_zip_bomb (void)
{
  g_autoptr(GBytes) bomb = make_zip_bomb ();
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_import_bytes (bomb, "bomb.kmz", &report, &error);

  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "doc.kml in the KMZ inflates to more than 256 MB"));
}

static void
test_not_a_zip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("broken.kmz", "PK\x03\x04garbage", NULL, &error);

  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX);
}

static const char huge_numbers[] =
  "{ \"type\": \"FeatureCollection\", \"features\": [\n"
  "  { \"type\": \"Feature\", \"properties\": { \"name\": \"Huge\", \"time\": 1e300 },\n"
  "    \"geometry\": { \"type\": \"Point\", \"coordinates\": [1e308, -1e308] } },\n"
  "  { \"type\": \"Feature\", \"properties\": { \"name\": \"Fine\" },\n"
  "    \"geometry\": { \"type\": \"LineString\", "
  "\"coordinates\": [[1, 2], [1e200, 3], [4, 5]] } }\n"
  "] }\n";

static void
test_huge_numbers (void)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("huge.geojson", huge_numbers, &report, &error);
  const char *location;

  g_assert_no_error (error);
  assert_counts (story, 0, 0, 0, 1);
  g_assert_cmpuint (caravan_route_get_n_points (item (caravan_story_get_routes (story), 0)), ==,
                    2);
  g_assert_nonnull (find_note (report, "is not a date between 1 AD and 9999", NULL, &location));
  g_assert_cmpstr (location, ==, "2:3 (features[0])");
  g_assert_nonnull (find_note (report, "Huge: -1e+308, 1e+308 is not a point on Earth", NULL,
                               NULL));
  g_assert_nonnull (find_note (report, "Fine: 1 point is not on Earth", NULL, NULL));
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  story = import_text ("deep.geojson", text->str, NULL, &error);
  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "1:"));
}

static void
test_missing_fields (void)
{
  g_autoptr(GError) slides_error = NULL;
  g_autoptr(GError) gpx_error = NULL;
  g_autoptr(GError) empty_error = NULL;
  g_autoptr(GError) unknown_error = NULL;
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(CaravanStory) no_slides = import_text ("a.json", "{\"storymap\": {}}", NULL,
                                                   &slides_error);
  g_autoptr(CaravanStory) gpx = import_text ("b.gpx", "<gpx><wpt lon=\"3\"><name>X</name>"
                                             "</wpt><wpt lat=\"1\" lon=\"2\"/></gpx>", &report,
                                             &gpx_error);
  g_autoptr(CaravanStory) empty = import_text ("c.kml", "", NULL, &empty_error);
  g_autoptr(CaravanStory) unknown = import_text ("d.txt", "hello", NULL, &unknown_error);
  const char *location;

  g_assert_null (no_slides);
  g_assert_error (slides_error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX);
  g_assert_cmpstr (slides_error->message, ==, "storymap: missing the “slides” list");

  g_assert_no_error (gpx_error);
  assert_counts (gpx, 1, 0, 0, 0);
  g_assert_nonnull (find_note (report, "X: the coordinates are not numbers", NULL, &location));
  g_assert_cmpstr (location, ==, "1");

  g_assert_error (empty_error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_EMPTY);
  g_assert_error (unknown_error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_UNKNOWN_FORMAT);
}

static void
test_not_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("latin1.csv", "Year,Headline\n1990,Caf\xe9\n",
                                               NULL, &error);

  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "byte 23 is not UTF-8; save the file as UTF-8");
}

static void
test_broken_xml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = import_text ("broken.kml",
                                               "<kml>\n<Placemark>\n<name>x</nam>\n</kml>",
                                               NULL, &error);

  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "3: "));
}

/* A spreadsheet with a million columns is refused at its header, before a row of a million
 * cells is made. */
static void
test_csv_million_columns (void)
{
  GString *csv = g_string_new ("Year,Month,Day,Headline,Text");
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (csv, ",x");
  g_string_append (csv, "\n1990,1,1,A,B\n");
  text = g_string_free (csv, FALSE);
  story = import_text ("wide.csv", text, NULL, &error);

  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "line 1: more than 1000 columns"));
}

/* A 100 MB cell is refused as soon as it passes 1 MB, with its line and column. */
static void
test_csv_huge_cell (void)
{
  gsize big = 100 * 1000 * 1000;
  g_autoptr(GString) csv = g_string_sized_new (big + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;

  g_string_append (csv, "Year,Headline,Text\n1990,Fine,Short\n1991,Big,\"");
  for (gsize i = 0; i < big; i += 10)
    g_string_append_len (csv, "xxxxxxxxxx", 10);
  g_string_append (csv, "\"\n");
  story = import_text ("cell.csv", csv->str, NULL, &error);

  g_assert_null (story);
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "line 3, column 3: a cell holds more than 1 MB of text");
}

/* Warnings beyond 1000 are left out with one note that says so; errors are all kept, and no
 * note is added for them (the window counts the notes it does not show). */
static void
test_report_cap (void)
{
  g_autoptr(CaravanImportReport) errors = caravan_import_report_new ("errors.caravan");
  g_autoptr(CaravanImportReport) warnings = caravan_import_report_new ("warnings.csv");
  CaravanImportNoteKind kind;
  const char *message;

  for (guint i = 0; i < 2000; i++)
    caravan_import_report_add (errors, CARAVAN_IMPORT_NOTE_ERROR, NULL, "error %u", i);
  g_assert_cmpuint (caravan_import_report_get_n_notes (errors), ==, 2000);
  g_assert_cmpuint (caravan_import_report_count (errors, CARAVAN_IMPORT_NOTE_DROPPED), ==, 0);
  g_assert_cmpstr (caravan_import_report_get_note (errors, 1999, NULL, NULL), ==, "error 1999");

  for (guint i = 0; i < 2000; i++)
    caravan_import_report_add (warnings, CARAVAN_IMPORT_NOTE_GUESSED, NULL, "guess %u", i);
  g_assert_cmpuint (caravan_import_report_get_n_notes (warnings), ==, 1001);
  message = caravan_import_report_get_note (warnings, 1000, &kind, NULL);
  g_assert_cmpint (kind, ==, CARAVAN_IMPORT_NOTE_DROPPED);
  g_assert_cmpstr (message, ==, "more than 1000 notes; further warnings are left out");
  caravan_import_report_add (warnings, CARAVAN_IMPORT_NOTE_ERROR, "7:1", "the last straw");
  g_assert_cmpuint (caravan_import_report_get_n_notes (warnings), ==, 1002);
  g_assert_cmpstr (caravan_import_report_get_note (warnings, 1001, NULL, NULL), ==,
                   "the last straw");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/hostile/billion-laughs", test_billion_laughs);
  g_test_add_func ("/import/hostile/undeclared-entity", test_undeclared_entity);
  g_test_add_func ("/import/hostile/zip-bomb", test_zip_bomb);
  g_test_add_func ("/import/hostile/not-a-zip", test_not_a_zip);
  g_test_add_func ("/import/hostile/huge-numbers", test_huge_numbers);
  g_test_add_func ("/import/hostile/deep-nesting", test_deep_nesting);
  g_test_add_func ("/import/hostile/missing-fields", test_missing_fields);
  g_test_add_func ("/import/hostile/not-utf8", test_not_utf8);
  g_test_add_func ("/import/hostile/broken-xml", test_broken_xml);
  g_test_add_func ("/import/hostile/csv-million-columns", test_csv_million_columns);
  g_test_add_func ("/import/hostile/csv-huge-cell", test_csv_huge_cell);
  g_test_add_func ("/import/hostile/report-cap", test_report_cap);

  return g_test_run ();
}
