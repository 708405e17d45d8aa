/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-story-text.c: the story's strings: length caps (names and titles 1,000 characters,
 * running text 100,000) with their positions, and blank text that is blank in any script. */

#define G_LOG_DOMAIN "caravan-test-story-text"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "caravan-event.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-problem.h"

/* A story whose one event has @title and @description, a tag @tag and a place named @name. */
static char *
build_story (const char *title,
             const char *description,
             const char *tag,
             const char *name)
{
  return g_strdup_printf ("{\n\"format_version\": 1,\n\"title\": \"T\",\n"
                          "\"places\": [{\"id\": \"p\", \"name\": \"%s\", "
                          "\"lat\": 1, \"lon\": 2}],\n"
                          "\"events\": [{\"id\": \"e\", \"title\": \"%s\", \"date\": \"2022\",\n"
                          "  \"description\": \"%s\", \"place\": \"p\", \"tags\": [\"%s\"]}]\n}\n",
                          name, title, description, tag);
}

static CaravanStory *
load_text (const char  *json,
           GListModel **problems,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return caravan_story_loader_load_bytes (bytes, problems, error);
}

static char *
repeat (const char *unit,
        guint       n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* @json must fail with one TOO_LONG problem at @path on @line. */
static void
assert_too_long (const char *json,
                 const char *path,
                 guint       line,
                 const char *limit)
{
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStoryProblem) problem = NULL;

  g_assert_null (load_text (json, &problems, &error));
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_TOO_LONG);
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (caravan_story_problem_get_path (problem), ==, path);
  g_assert_cmpuint (caravan_story_problem_get_line (problem), ==, line);
  g_assert_nonnull (strstr (caravan_story_problem_get_message (problem), limit));
  /* the message says how long, and does not repeat the text */
  g_assert_cmpuint (strlen (error->message), <, 200);
}

static void
test_caps (void)
{
  g_autofree char *name_max = repeat ("я", CARAVAN_STORY_MAX_NAME_LENGTH);
  g_autofree char *name_over = repeat ("a", CARAVAN_STORY_MAX_NAME_LENGTH + 1);
  g_autofree char *text_max = repeat ("ж", CARAVAN_STORY_MAX_TEXT_LENGTH);
  g_autofree char *text_over = repeat ("b", CARAVAN_STORY_MAX_TEXT_LENGTH + 1);
  g_autofree char *at_caps = build_story (name_max, text_max, name_max, name_max);
  g_autofree char *long_title = build_story (name_over, "d", "t", "P");
  g_autofree char *long_description = build_story ("E", text_over, "t", "P");
  g_autofree char *long_tag = build_story ("E", "d", name_over, "P");
  g_autofree char *long_name = build_story ("E", "d", "t", name_over);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;

  /* exactly at the caps, counted in characters (two bytes each here) */
  story = load_text (at_caps, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (caravan_event_get_title (caravan_story_lookup_event (story,
                                                                                        "e")), -1),
                    ==, CARAVAN_STORY_MAX_NAME_LENGTH);

  assert_too_long (long_title, "events[0].title", 5, "at most 1000");
  assert_too_long (long_description, "events[0].description", 6, "at most 100000");
  assert_too_long (long_tag, "events[0].tags[0]", 6, "at most 1000");
  assert_too_long (long_name, "places[0].name", 4, "at most 1000");
}

/* A 10 MB title fails at once, with a short message. */
static void
test_huge_title (void)
{
  g_autofree char *title = repeat ("0123456789", 1000 * 1000);
  g_autofree char *json = build_story (title, "d", "t", "P");

  assert_too_long (json, "events[0].title", 5, "10000000 characters");
}

/* An id that is too long is not echoed back in "unknown place “…”" either. */
static void
test_long_reference (void)
{
  g_autofree char *id = repeat ("x", CARAVAN_STORY_MAX_NAME_LENGTH + 1);
  g_autofree char *json = g_strdup_printf ("{\"format_version\": 1, \"title\": \"T\",\n"
                                           "\"events\": [{\"id\": \"e\", \"title\": \"E\", "
                                           "\"date\": \"2022\", \"place\": \"%s\"}]}", id);

  assert_too_long (json, "events[0].place", 2, "at most 1000");
}

static void
test_blank (void)
{
  /* no-break, ideographic, em and thin spaces, a zero-width space, a line break */
  g_autofree char *blank = build_story ("\u00a0\u3000\u2003\u2009\u200b\\n", "d", "t", "P");
  g_autofree char *visible = build_story ("\u00a0Astana\u3000", "d", "t", "P");
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStoryProblem) problem = NULL;
  g_autoptr(CaravanStory) story = NULL;

  g_assert_null (load_text (blank, &problems, &error));
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_EMPTY_VALUE);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpstr (caravan_story_problem_get_path (problem), ==, "events[0].title");
  g_clear_error (&error);

  story = load_text (visible, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/text/caps", test_caps);
  g_test_add_func ("/story/text/huge-title", test_huge_title);
  g_test_add_func ("/story/text/long-reference", test_long_reference);
  g_test_add_func ("/story/text/blank", test_blank);

  return g_test_run ();
}
