/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-story-load.c: the loader on good and malformed files: error codes, positions and
 * messages for a corpus of broken stories, warnings, size limits, async loading and the
 * --validate output. */

#define G_LOG_DOMAIN "caravan-test-story-load"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-problem.h"
#include "caravan-story-validate.h"

typedef struct {
  const char *file;         /* under tests/data/bad, without .caravan */
  CaravanStoryError code;   /* of the GError and of the first problem */
  guint line;
  guint column;
  const char *path;
  const char *message_part;
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", CARAVAN_STORY_ERROR_EMPTY, 1, 1, "", "the file is empty" },
  { "whitespace-only", CARAVAN_STORY_ERROR_EMPTY, 1, 1, "", "the file is empty" },
  { "not-json", CARAVAN_STORY_ERROR_SYNTAX, 1, 1, "", "expected a value" },
  { "nul-byte", CARAVAN_STORY_ERROR_INVALID_UTF8, 3, 14, "", "NUL byte" },
  { "invalid-utf8", CARAVAN_STORY_ERROR_INVALID_UTF8, 3, 16, "", "invalid UTF-8 (byte 0xE9)" },
  { "utf16", CARAVAN_STORY_ERROR_INVALID_UTF8, 1, 1, "", "UTF-16" },
  { "utf32", CARAVAN_STORY_ERROR_INVALID_UTF8, 1, 1, "", "the file is UTF-32" },
  { "utf32-be", CARAVAN_STORY_ERROR_INVALID_UTF8, 1, 1, "", "the file is UTF-32" },
  { "trailing-comma", CARAVAN_STORY_ERROR_SYNTAX, 9, 76, "", "trailing comma before “]”" },
  { "missing-colon", CARAVAN_STORY_ERROR_SYNTAX, 2, 20, "", "expected “:” after an object key" },
  { "unterminated-string", CARAVAN_STORY_ERROR_SYNTAX, 3, 17, "", "line break inside a string" },
  { "unterminated-object", CARAVAN_STORY_ERROR_SYNTAX, 4, 1, "", "found end of file" },
  { "two-documents", CARAVAN_STORY_ERROR_SYNTAX, 2, 1, "", "after the end of the document" },
  { "single-quotes", CARAVAN_STORY_ERROR_SYNTAX, 2, 3, "", "expected a string as object key" },
  { "comment", CARAVAN_STORY_ERROR_SYNTAX, 2, 3, "", "found “/”" },
  { "deep-nesting", CARAVAN_STORY_ERROR_TOO_DEEP, 4, 43, "", "deeper than 32 levels" },
  { "bad-escape", CARAVAN_STORY_ERROR_SYNTAX, 3, 16, "", "invalid escape sequence" },
  { "lone-surrogate", CARAVAN_STORY_ERROR_SYNTAX, 3, 23, "", "unpaired UTF-16 surrogate" },
  { "nul-escape", CARAVAN_STORY_ERROR_SYNTAX, 3, 17, "", "“\\u0000” is not allowed" },
  { "raw-tab-in-string", CARAVAN_STORY_ERROR_SYNTAX, 3, 16, "", "control character" },
  { "bad-number", CARAVAN_STORY_ERROR_SYNTAX, 2, 22, "", "found “1”" },
  { "root-array", CARAVAN_STORY_ERROR_WRONG_TYPE, 1, 1, "",
    "expected an object (a story), found an array" },
  { "missing-format-version", CARAVAN_STORY_ERROR_MISSING_FIELD, 1, 1, "",
    "missing required field “format_version”" },
  { "format-version-2", CARAVAN_STORY_ERROR_UNSUPPORTED_VERSION, 2, 21, "format_version",
    "format version 2 is not supported" },
  { "format-version-string", CARAVAN_STORY_ERROR_WRONG_TYPE, 2, 21, "format_version",
    "expected an integer, found a string" },
  { "missing-title", CARAVAN_STORY_ERROR_MISSING_FIELD, 1, 1, "",
    "missing required field “title”" },
  { "empty-title", CARAVAN_STORY_ERROR_EMPTY_VALUE, 3, 12, "title", "must not be empty" },
  { "title-number", CARAVAN_STORY_ERROR_WRONG_TYPE, 3, 12, "title",
    "expected a string, found a number" },
  { "dangling-place", CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE, 12, 68, "events[3].place",
    "unknown place “astna”" },
  { "latitude-out-of-range", CARAVAN_STORY_ERROR_OUT_OF_RANGE, 7, 54, "places[2].lat",
    "95 is outside -90..90" },
  { "longitude-out-of-range", CARAVAN_STORY_ERROR_OUT_OF_RANGE, 6, 14, "places[0].lon",
    "181.5 is outside -180..180" },
  { "huge-number", CARAVAN_STORY_ERROR_OUT_OF_RANGE, 5, 38, "places[0].lat", "is outside -90..90" },
  { "integer-overflow", CARAVAN_STORY_ERROR_SYNTAX, 5, 38, "", "number out of range" },
  { "format-version-overflow", CARAVAN_STORY_ERROR_SYNTAX, 2, 21, "", "number out of range" },
  { "duplicate-place-id", CARAVAN_STORY_ERROR_DUPLICATE_ID, 6, 13, "places[1].id",
    "duplicate id “astana” (also used by places[0])" },
  { "duplicate-event-id", CARAVAN_STORY_ERROR_DUPLICATE_ID, 10, 13, "events[1].id",
    "duplicate id “vote”" },
  { "end-before-start", CARAVAN_STORY_ERROR_DATE_ORDER, 9, 67, "events[0].end",
    "end 2022-01-06 is before start 2022-01-19" },
  { "invalid-date", CARAVAN_STORY_ERROR_INVALID_DATE, 5, 43, "events[0].date",
    "is not a day of the calendar" },
  { "date-wrong-format", CARAVAN_STORY_ERROR_INVALID_DATE, 6, 15, "events[0].date",
    "use YYYY, YYYY-MM or YYYY-MM-DD" },
  { "missing-date", CARAVAN_STORY_ERROR_MISSING_FIELD, 5, 5, "events[0]",
    "missing required field “date”" },
  { "places-not-array", CARAVAN_STORY_ERROR_WRONG_TYPE, 4, 13, "places",
    "expected an array, found an object" },
  { "event-not-object", CARAVAN_STORY_ERROR_WRONG_TYPE, 5, 5, "events[0]",
    "expected an object, found a string" },
  { "featured-not-boolean", CARAVAN_STORY_ERROR_WRONG_TYPE, 5, 85, "places[0].featured",
    "expected true or false" },
  { "tag-not-string", CARAVAN_STORY_ERROR_WRONG_TYPE, 5, 69, "events[0].tags[1]",
    "expected a string, found a number" },
  { "missing-latitude", CARAVAN_STORY_ERROR_MISSING_FIELD, 5, 5, "places[0]",
    "missing required field “lat”" },
  { "excerpt-unknown-event", CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE, 13, 62, "excerpts[0].events[1]",
    "unknown event “e9”" },
  { "excerpt-empty-text", CARAVAN_STORY_ERROR_EMPTY_VALUE, 5, 26, "excerpts[0].text",
    "must not be empty" },
  { "excerpt-unknown-article", CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE, 8, 46, "excerpts[0].article",
    "unknown article “b”" },
  { "route-one-point", CARAVAN_STORY_ERROR_OUT_OF_RANGE, 9, 48, "routes[0].points",
    "at least two points" },
  { "route-unknown-place", CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE, 9, 56, "routes[0].points[1]",
    "unknown place “moscow”" },
  { "camera-zoom-out-of-range", CARAVAN_STORY_ERROR_OUT_OF_RANGE, 5, 68, "events[0].camera.zoom",
    "30 is outside 0..22" },
  { "name-history-order", CARAVAN_STORY_ERROR_DATE_ORDER, 7, 64, "places[0].name_history[0].until",
    "is before start" },
  { "initial-view-type", CARAVAN_STORY_ERROR_WRONG_TYPE, 4, 28, "initial_view.lat",
    "expected a number, found a string" },
  /* several kinds of error: the GError code is INVALID, the first problem keeps its own */
  { "several-problems", CARAVAN_STORY_ERROR_INVALID, 9, 28, "events[0].title",
    "must not be empty" },
};

static char *
data_path (const char *dir,
           const char *name)
{
  g_autofree char *file = g_strconcat (name, ".caravan", NULL);

  return g_test_build_filename (G_TEST_DIST, "data", dir, file, NULL);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = data_path ("bad", bad->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(CaravanStoryProblem) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *position = NULL;
  g_autofree char *summary = NULL;

  story = caravan_story_loader_load_file (file, NULL, &problems, &error);
  g_assert_null (story);
  g_assert_error (error, CARAVAN_STORY_ERROR, (int) bad->code);
  g_assert_nonnull (strstr (error->message, bad->message_part));

  g_assert_nonnull (problems);
  g_assert_cmpuint (g_list_model_get_n_items (problems), >=, 1);
  first = g_list_model_get_item (problems, 0);
  g_assert_cmpint (caravan_story_problem_get_severity (first), ==, CARAVAN_STORY_SEVERITY_ERROR);
  if (bad->code != CARAVAN_STORY_ERROR_INVALID)
    g_assert_cmpint (caravan_story_problem_get_code (first), ==, bad->code);
  g_assert_cmpuint (caravan_story_problem_get_line (first), ==, bad->line);
  g_assert_cmpuint (caravan_story_problem_get_column (first), ==, bad->column);
  g_assert_cmpstr (caravan_story_problem_get_path (first), ==, bad->path);
  g_assert_nonnull (strstr (caravan_story_problem_get_message (first), bad->message_part));

  /* the summary names the position */
  position = g_strdup_printf ("line %u, column %u", bad->line, bad->column);
  summary = g_ascii_strdown (error->message, -1);
  g_assert_nonnull (strstr (summary, position));
}

/* At least 30 malformed files, and every file in tests/data/bad is in the table. */
static void
test_bad_corpus_complete (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  g_assert_cmpuint (G_N_ELEMENTS (bad_cases), >=, 30);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      if (!g_str_has_suffix (name, ".caravan"))
        continue;
      n_files++;
      for (guint i = 0; i < G_N_ELEMENTS (bad_cases) && !found; i++)
        found = strlen (name) == strlen (bad_cases[i].file) + strlen (".caravan") &&
                g_str_has_prefix (name, bad_cases[i].file);
      if (!found)
        g_test_message ("%s is not in the table", name);
      g_assert_true (found);
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (bad_cases));
}

static void
test_several_problems (void)
{
  g_autofree char *path = data_path ("bad", "several-problems");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  const struct {
    CaravanStoryError code;
    guint line, column;
    const char *path;
  } expected[] = {
    { CARAVAN_STORY_ERROR_EMPTY_VALUE, 9, 28, "events[0].title" },
    { CARAVAN_STORY_ERROR_INVALID_DATE, 10, 43, "events[1].date" },
    { CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE, 11, 68, "events[2].place" },
  };

  g_assert_null (caravan_story_loader_load_file (file, NULL, &problems, &error));
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "3 problems"));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);

      g_assert_cmpint (caravan_story_problem_get_code (problem), ==, expected[i].code);
      g_assert_cmpuint (caravan_story_problem_get_line (problem), ==, expected[i].line);
      g_assert_cmpuint (caravan_story_problem_get_column (problem), ==, expected[i].column);
      g_assert_cmpstr (caravan_story_problem_get_path (problem), ==, expected[i].path);
    }
}

static void
test_unknown_fields_warn (void)
{
  g_autofree char *path = data_path ("good", "unknown-fields");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;
  const struct {
    guint line, column;
    const char *path;
  } expected[] = {
    { 4, 3, "theme" },
    { 7, 7, "places[0].population" },
    { 11, 50, "events[0].camera.tilt" },
  };
  double zoom;

  story = caravan_story_loader_load_file (file, NULL, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);

      g_assert_cmpint (caravan_story_problem_get_severity (problem), ==,
                       CARAVAN_STORY_SEVERITY_WARNING);
      g_assert_cmpint (caravan_story_problem_get_code (problem), ==,
                       CARAVAN_STORY_ERROR_UNKNOWN_FIELD);
      g_assert_cmpuint (caravan_story_problem_get_line (problem), ==, expected[i].line);
      g_assert_cmpuint (caravan_story_problem_get_column (problem), ==, expected[i].column);
      g_assert_cmpstr (caravan_story_problem_get_path (problem), ==, expected[i].path);
      g_assert_nonnull (strstr (caravan_story_problem_get_message (problem), "unknown field"));
    }

  /* the known parts were still read */
  g_assert_true (caravan_event_get_camera (caravan_story_lookup_event (story, "csto"),
                                           NULL, NULL, &zoom));
  g_assert_cmpfloat (zoom, ==, 10);
}

static void
test_minimal_and_bom (void)
{
  const char *names[] = { "minimal", "bom" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path ("good", names[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GListModel) problems = NULL;
      g_autoptr(CaravanStory) story = NULL;
      g_autoptr(GError) error = NULL;

      story = caravan_story_loader_load_file (file, NULL, &problems, &error);
      g_assert_no_error (error);
      g_assert_nonnull (story);
      g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 0);
      g_assert_cmpstr (caravan_story_get_language (story), ==, "en");
      g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_events (story)), ==, 0);
      g_assert_false (caravan_story_get_time_span (story, NULL, NULL));
    }
}

static void
test_escapes (void)
{
  g_autofree char *path = data_path ("good", "escapes");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;

  story = caravan_story_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (caravan_story_get_title (story), ==, "Café 🐫 \"/\\\t");
}

static void
assert_too_large (CaravanStory *story,
                  GListModel   *problems,
                  GError       *error)
{
  g_autoptr(CaravanStoryProblem) problem = NULL;

  g_assert_null (story);
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpuint (caravan_story_problem_get_line (problem), ==, 1);
  g_assert_cmpuint (caravan_story_problem_get_column (problem), ==, 1);
}

static void
test_too_large (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GListModel) bytes_problems = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(CaravanStory) bytes_story = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bytes_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int fd;

  /* a sparse file: the size is checked before anything is read */
  fd = g_file_open_tmp ("caravan-large-XXXXXX.caravan", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, CARAVAN_STORY_MAX_SIZE + 1), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  story = caravan_story_loader_load_file (file, NULL, &problems, &error);
  assert_too_large (story, problems, error);
  g_unlink (path);

  bytes = g_bytes_new_take (g_malloc0 (CARAVAN_STORY_MAX_SIZE + 1), CARAVAN_STORY_MAX_SIZE + 1);
  bytes_story = caravan_story_loader_load_bytes (bytes, &bytes_problems, &bytes_error);
  assert_too_large (bytes_story, bytes_problems, bytes_error);
}

/* A small file can still describe a huge tree; the number of values is bounded too. */
static void
test_too_many_values (void)
{
  g_autoptr(GString) json = g_string_new ("{\n\"format_version\": 1,\n\"title\": \"T\",\n\"x\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStoryProblem) problem = NULL;

  /* the root, the two members and the array are 4 values; the array then overflows */
  for (guint i = 0; i < CARAVAN_STORY_MAX_VALUES; i++)
    g_string_append (json, "0,");
  g_string_append (json, "0]\n}\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));

  g_assert_null (caravan_story_loader_load_bytes (bytes, &problems, &error));
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "more than 2000000 values"));
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpuint (caravan_story_problem_get_line (problem), ==, 4);
  /* "\"x\": [" is 6 characters; value n sits at column 7 + 2 (n - 1) */
  g_assert_cmpuint (caravan_story_problem_get_column (problem), ==,
                    7 + 2 * (CARAVAN_STORY_MAX_VALUES - 4));
}

/* The largest 64-bit integers still read as numbers; one beyond is a syntax error at the
 * number, never a wrapped value. */
static void
test_integer_limits (void)
{
  static const struct { const char *number; CaravanStoryError code; } cases[] = {
    { "9223372036854775807", CARAVAN_STORY_ERROR_UNSUPPORTED_VERSION },
    { "-9223372036854775808", CARAVAN_STORY_ERROR_UNSUPPORTED_VERSION },
    { "9223372036854775808", CARAVAN_STORY_ERROR_SYNTAX },
    { "-9223372036854775809", CARAVAN_STORY_ERROR_SYNTAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format_version\": %s, \"title\": \"T\"}",
                                               cases[i].number);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(GListModel) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CaravanStoryProblem) problem = NULL;

      g_assert_null (caravan_story_loader_load_bytes (bytes, &problems, &error));
      g_assert_error (error, CARAVAN_STORY_ERROR, (int) cases[i].code);
      problem = g_list_model_get_item (problems, 0);
      g_assert_cmpuint (caravan_story_problem_get_line (problem), ==, 1);
      g_assert_cmpuint (caravan_story_problem_get_column (problem), ==, 20);
      if (cases[i].code == CARAVAN_STORY_ERROR_UNSUPPORTED_VERSION)
        g_assert_nonnull (strstr (error->message, cases[i].number));
    }
}

/* One bad field in a place is one problem: the events, excerpts and routes that refer to the
 * place do not each add "unknown place". */
static void
test_no_follow_on_errors (void)
{
  const char *json =
    "{\"format_version\": 1, \"title\": \"T\",\n"
    "\"places\": [{\"id\": \"a\", \"name\": \"A\", \"lat\": 95, \"lon\": 0},\n"
    "             {\"id\": \"b\", \"name\": \"B\", \"lat\": 1, \"lon\": 0}],\n"
    "\"events\": [{\"id\": \"e1\", \"title\": \"E\", \"date\": \"2020\", \"place\": \"a\"},\n"
    "           {\"id\": \"e2\", \"title\": \"\", \"date\": \"2021\", "
    "\"places\": [\"a\", \"b\"]}],\n"
    "\"excerpts\": [{\"id\": \"x\", \"text\": \"X\", \"places\": [\"a\"], \"events\": [\"e2\"]}],\n"
    "\"routes\": [{\"id\": \"r\", \"label\": \"R\", \"points\": [\"a\", \"b\", \"c\"]}]}\n";
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { "places[0].lat", "events[1].title", "routes[0].points[2]" };

  g_assert_null (caravan_story_loader_load_bytes (bytes, &problems, &error));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (paths));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);

      g_assert_cmpstr (caravan_story_problem_get_path (problem), ==, paths[i]);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/story.caravan");
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStoryProblem) problem = NULL;

  g_assert_null (caravan_story_loader_load_file (file, NULL, &problems, &error));
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_FAILED);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  /* no position for a file that cannot be read */
  g_assert_cmpuint (caravan_story_problem_get_line (problem), ==, 0);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_load (GFile        *file,
               GCancellable *cancellable)
{
  GAsyncResult *result = NULL;

  caravan_story_loader_load_file_async (file, cancellable, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return result;
}

static void
test_async (void)
{
  g_autofree char *good_path = g_build_filename (g_getenv ("CARAVAN_SOURCE_DIR"), "data",
                                                 "stories",
                                                 "multipolarity-kazakh-steppes.caravan", NULL);
  g_autofree char *bad_path = data_path ("bad", "dangling-place");
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GAsyncResult) good_result = wait_for_load (good, NULL);
  g_autoptr(GAsyncResult) bad_result = wait_for_load (bad, NULL);
  g_autoptr(GListModel) good_problems = NULL;
  g_autoptr(GListModel) bad_problems = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;

  story = caravan_story_loader_load_file_finish (good_result, &good_problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);
  g_assert_cmpuint (g_list_model_get_n_items (good_problems), ==, 0);
  g_assert_nonnull (caravan_story_lookup_place (story, "khorgos"));

  g_assert_null (caravan_story_loader_load_file_finish (bad_result, &bad_problems, &error));
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE);
  g_assert_cmpuint (g_list_model_get_n_items (bad_problems), ==, 1);
}

static void
test_async_cancelled (void)
{
  g_autofree char *path = data_path ("good", "minimal");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  result = wait_for_load (file, cancellable);
  g_assert_null (caravan_story_loader_load_file_finish (result, &problems, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (problems);
}

static void
test_validate (void)
{
  g_autofree char *good = data_path ("good", "minimal");
  g_autofree char *warn = data_path ("good", "unknown-fields");
  g_autofree char *bad = data_path ("bad", "dangling-place");
  g_autofree char *several = data_path ("bad", "several-problems");
  const char *all_good[] = { good, warn, NULL };
  const char *mixed[] = { good, bad, several, NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (caravan_story_validate_files (all_good, out), ==, 0);
  expected = g_strdup_printf ("%s:4:3: warning: theme: unknown field “theme” is kept but not "
                              "used\n", warn);
  g_assert_true (g_str_has_prefix (out->str, expected));

  g_string_truncate (out, 0);
  g_assert_cmpint (caravan_story_validate_files (mixed, out), ==, 1);
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);  /* 4 lines and the empty tail */
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:12:68: events[3].place: unknown place “astna”", bad);
  g_assert_cmpstr (lines[0], ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:11:68: events[2].place: unknown place “astna”", several);
  g_assert_cmpstr (lines[3], ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/story/load/bad/", bad_cases[i].file, NULL);

      g_test_add_data_func (test_path, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/story/load/bad-corpus-complete", test_bad_corpus_complete);
  g_test_add_func ("/story/load/several-problems", test_several_problems);
  g_test_add_func ("/story/load/unknown-fields-warn", test_unknown_fields_warn);
  g_test_add_func ("/story/load/minimal-and-bom", test_minimal_and_bom);
  g_test_add_func ("/story/load/escapes", test_escapes);
  g_test_add_func ("/story/load/too-large", test_too_large);
  g_test_add_func ("/story/load/too-many-values", test_too_many_values);
  g_test_add_func ("/story/load/integer-limits", test_integer_limits);
  g_test_add_func ("/story/load/no-follow-on-errors", test_no_follow_on_errors);
  g_test_add_func ("/story/load/missing-file", test_missing_file);
  g_test_add_func ("/story/load/async", test_async);
  g_test_add_func ("/story/load/async-cancelled", test_async_cancelled);
  g_test_add_func ("/story/validate/output", test_validate);

  return g_test_run ();
}
