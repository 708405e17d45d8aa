/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-story-writer.c: the bundled story, written and read back, is the same story; saving
 * replaces the file and keeps a backup. */

#include <glib.h>
#include <glib/gstdio.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-writer.h"

static void
assert_same_dates (const CaravanDate *a,
                   const CaravanDate *b)
{
  g_autofree char *iso_a = caravan_date_to_iso (a);
  g_autofree char *iso_b = caravan_date_to_iso (b);

  g_assert_cmpstr (iso_a, ==, iso_b);
  g_assert_cmpint (a->circa, ==, b->circa);
}

static void
assert_same_places (CaravanPlace *a,
                    CaravanPlace *b)
{
  static const char * const langs[] = { "en", "ru", "kk", "zh", NULL };
  CaravanDate dates[3];

  g_assert_cmpstr (caravan_place_get_id (a), ==, caravan_place_get_id (b));
  g_assert_cmpstr (caravan_place_get_name (a), ==, caravan_place_get_name (b));
  g_assert_cmpstr (caravan_place_get_kind (a), ==, caravan_place_get_kind (b));
  g_assert_cmpstr (caravan_place_get_description (a), ==, caravan_place_get_description (b));
  g_assert_cmpfloat (caravan_place_get_latitude (a), ==, caravan_place_get_latitude (b));
  g_assert_cmpfloat (caravan_place_get_longitude (a), ==, caravan_place_get_longitude (b));
  g_assert_cmpint (caravan_place_get_featured (a), ==, caravan_place_get_featured (b));
  g_assert_cmpuint (caravan_place_get_n_name_periods (a), ==, caravan_place_get_n_name_periods (b));
  caravan_date_init_day (&dates[0], 1997, 1, 1);
  caravan_date_init_day (&dates[1], 2020, 6, 1);
  caravan_date_init_day (&dates[2], 2023, 6, 1);
  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (guint l = 0; langs[l] != NULL; l++)
      g_assert_cmpstr (caravan_place_get_name_at (a, &dates[d], langs[l]), ==,
                       caravan_place_get_name_at (b, &dates[d], langs[l]));
}

static void
assert_same_events (CaravanEvent *a,
                    CaravanEvent *b)
{
  const char * const *tags_a = caravan_event_get_tags (a);
  const char * const *tags_b = caravan_event_get_tags (b);
  double lat_a = 0, lon_a = 0, zoom_a = 0, lat_b = 0, lon_b = 0, zoom_b = 0;

  g_assert_cmpstr (caravan_event_get_id (a), ==, caravan_event_get_id (b));
  g_assert_cmpstr (caravan_event_get_title (a), ==, caravan_event_get_title (b));
  g_assert_cmpstr (caravan_event_get_description (a), ==, caravan_event_get_description (b));
  g_assert_cmpstr (caravan_event_get_category (a), ==, caravan_event_get_category (b));
  g_assert_cmpstr (caravan_event_get_notes (a), ==, caravan_event_get_notes (b));
  g_assert_cmpint (caravan_event_get_derived (a), ==, caravan_event_get_derived (b));
  assert_same_dates (caravan_event_get_date (a), caravan_event_get_date (b));
  g_assert_cmpuint (g_strv_length ((GStrv) tags_a), ==, g_strv_length ((GStrv) tags_b));
  for (guint i = 0; tags_a[i] != NULL; i++)
    g_assert_cmpstr (tags_a[i], ==, tags_b[i]);
  g_assert_cmpuint (caravan_event_get_n_places (a), ==, caravan_event_get_n_places (b));
  for (guint i = 0; i < caravan_event_get_n_places (a); i++)
    g_assert_cmpstr (caravan_place_get_id (caravan_event_get_place (a, i)), ==,
                     caravan_place_get_id (caravan_event_get_place (b, i)));
  g_assert_cmpint (caravan_event_get_camera (a, &lat_a, &lon_a, &zoom_a), ==,
                   caravan_event_get_camera (b, &lat_b, &lon_b, &zoom_b));
  if (caravan_event_get_camera (a, NULL, NULL, NULL))
    g_assert_cmpfloat (zoom_a, ==, zoom_b);
}

static void
assert_same_excerpts (CaravanExcerpt *a,
                      CaravanExcerpt *b)
{
  g_assert_cmpstr (caravan_excerpt_get_id (a), ==, caravan_excerpt_get_id (b));
  g_assert_cmpstr (caravan_excerpt_get_text (a), ==, caravan_excerpt_get_text (b));
  g_assert_cmpstr (caravan_excerpt_get_note (a), ==, caravan_excerpt_get_note (b));
  g_assert_true ((caravan_excerpt_get_article (a) == NULL) ==
                 (caravan_excerpt_get_article (b) == NULL));
  g_assert_cmpuint (caravan_excerpt_get_n_places (a), ==, caravan_excerpt_get_n_places (b));
  g_assert_cmpuint (caravan_excerpt_get_n_events (a), ==, caravan_excerpt_get_n_events (b));
  for (guint i = 0; i < caravan_excerpt_get_n_events (a); i++)
    g_assert_cmpstr (caravan_event_get_id (caravan_excerpt_get_event (a, i)), ==,
                     caravan_event_get_id (caravan_excerpt_get_event (b, i)));
}

static void
assert_same_routes (CaravanRoute *a,
                    CaravanRoute *b)
{
  g_assert_cmpstr (caravan_route_get_id (a), ==, caravan_route_get_id (b));
  g_assert_cmpstr (caravan_route_get_label (a), ==, caravan_route_get_label (b));
  g_assert_cmpstr (caravan_route_get_style (a), ==, caravan_route_get_style (b));
  g_assert_cmpint (caravan_route_get_schematic (a), ==, caravan_route_get_schematic (b));
  g_assert_cmpuint (caravan_route_get_n_points (a), ==, caravan_route_get_n_points (b));
  for (guint i = 0; i < caravan_route_get_n_points (a); i++)
    {
      double lat_a, lon_a, lat_b, lon_b;
      CaravanPlace *pa = caravan_route_get_point (a, i, &lat_a, &lon_a);
      CaravanPlace *pb = caravan_route_get_point (b, i, &lat_b, &lon_b);

      g_assert_true ((pa == NULL) == (pb == NULL));
      g_assert_cmpfloat (lat_a, ==, lat_b);
      g_assert_cmpfloat (lon_a, ==, lon_b);
    }
}

#define FOR_EACH_PAIR(list_a, list_b, type, check) G_STMT_START { \
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b)); \
  for (guint i_ = 0; i_ < g_list_model_get_n_items (list_a); i_++) \
    { \
      g_autoptr(type) a_ = g_list_model_get_item (list_a, i_); \
      g_autoptr(type) b_ = g_list_model_get_item (list_b, i_); \
      check (a_, b_); \
    } \
} G_STMT_END

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autoptr(CaravanStory) again = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  double a[3], b[3];
  gsize length;

  g_assert_no_error (error);
  data = caravan_story_writer_to_data (story, &length);
  bytes = g_bytes_new (data, length);
  again = caravan_story_loader_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  /* No warnings either: the writer writes no field the reader does not know. */
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);

  g_assert_cmpstr (caravan_story_get_id (story), ==, caravan_story_get_id (again));
  g_assert_cmpstr (caravan_story_get_title (story), ==, caravan_story_get_title (again));
  g_assert_cmpstr (caravan_story_get_subtitle (story), ==, caravan_story_get_subtitle (again));
  g_assert_cmpstr (caravan_story_get_language (story), ==, caravan_story_get_language (again));
  g_assert_cmpstr (caravan_story_get_credits (story), ==, caravan_story_get_credits (again));
  g_assert_cmpstr (caravan_story_get_license (story), ==, caravan_story_get_license (again));
  caravan_story_get_initial_view (story, &a[0], &a[1], &a[2]);
  caravan_story_get_initial_view (again, &b[0], &b[1], &b[2]);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (a[i], ==, b[i]);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_articles (story)), ==,
                    g_list_model_get_n_items (caravan_story_get_articles (again)));
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_places (story)), >, 10);
  FOR_EACH_PAIR (caravan_story_get_places (story), caravan_story_get_places (again),
                 CaravanPlace, assert_same_places);
  FOR_EACH_PAIR (caravan_story_get_events (story), caravan_story_get_events (again),
                 CaravanEvent, assert_same_events);
  FOR_EACH_PAIR (caravan_story_get_excerpts (story), caravan_story_get_excerpts (again),
                 CaravanExcerpt, assert_same_excerpts);
  FOR_EACH_PAIR (caravan_story_get_routes (story), caravan_story_get_routes (again),
                 CaravanRoute, assert_same_routes);

  /* Written again, byte for byte the same file. */
  data_again = caravan_story_writer_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data_again);
}

static void
test_save_keeps_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autofree char *dir = g_dir_make_tmp ("caravan-writer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.caravan", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_true (caravan_story_writer_save (story, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (backup, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format_version\": 1,"));

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

/* Members Caravan does not know (another tool's, or a newer Caravan's) are warned about when
 * loading and written back on save, in their place, with their values as they were. */
static void
test_keeps_unknown_members (void)
{
  static const char *text =
    "{\n"
    "  \"format_version\": 1,\n"
    "  \"title\": \"Unknown members\",\n"
    "  \"x-editor\": { \"zoom\": 7, \"layers\": [\"rail\", \"roads\"] },\n"
    "  \"places\": [\n"
    "    { \"id\": \"a\", \"name\": \"A\", \"lat\": 1.5, \"lon\": 2.25,\n"
    "      \"marker-color\": \"#ff0000\", \"wikidata\": \"Q1\" }\n"
    "  ],\n"
    "  \"events\": [\n"
    "    { \"id\": \"e\", \"title\": \"E\", \"date\": \"2001\", \"place\": \"a\",\n"
    "      \"source_row\": 12, \"reviewed\": true, \"extra\": null }\n"
    "  ]\n"
    "}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_loader_load_bytes (bytes, &problems, &error);
  g_autofree char *saved = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autoptr(CaravanStory) again = NULL;
  g_autofree char *saved_again = NULL;

  g_assert_no_error (error);
  /* Each is still a warning when loading. */
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 6);
  saved = caravan_story_writer_to_data (story, NULL);
  g_assert_nonnull (strstr (saved, "      \"marker-color\": \"#ff0000\",\n"
                                   "      \"wikidata\": \"Q1\"\n"));
  g_assert_nonnull (strstr (saved, "\"source_row\": 12,\n"
                                   "      \"reviewed\": true,\n"
                                   "      \"extra\": null\n"));
  g_assert_nonnull (strstr (saved, "  \"x-editor\": {\n"
                                   "    \"zoom\": 7,\n"
                                   "    \"layers\": [\n"
                                   "      \"rail\",\n"
                                   "      \"roads\"\n"
                                   "    ]\n"
                                   "  }\n"
                                   "}\n"));
  /* And a second save is the same as the first. */
  saved_bytes = g_bytes_new (saved, strlen (saved));
  again = caravan_story_loader_load_bytes (saved_bytes, NULL, &error);
  g_assert_no_error (error);
  saved_again = caravan_story_writer_to_data (again, NULL);
  g_assert_cmpstr (saved_again, ==, saved);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/writer/round-trip", test_round_trip);
  g_test_add_func ("/story/writer/save-keeps-backup", test_save_keeps_backup);
  g_test_add_func ("/story/writer/keeps-unknown-members", test_keeps_unknown_members);

  return g_test_run ();
}
