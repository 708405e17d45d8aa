/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ready-check.c: "check before presenting" without a display: typed findings for the bundled
 * story and for stories made to fail each check. */

#define G_LOG_DOMAIN "caravan-test-ready-check"

#include "config.h"

#include <string.h>

#include "caravan-event.h"
#include "caravan-ready-check.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

static CaravanStory *
load_story (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  CaravanStory *story = caravan_story_loader_load_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (story);
  return story;
}

static const CaravanReadyFinding *
find_kind (GPtrArray        *findings,
           CaravanReadyKind  kind)
{
  for (guint i = 0; i < findings->len; i++)
    if (((CaravanReadyFinding *) findings->pdata[i])->kind == kind)
      return findings->pdata[i];
  return NULL;
}

/* The bundled story is ready; its steps without a place are remarks, not problems. */
static void
test_bundled_story_is_ready (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autoptr(GPtrArray) findings = NULL;
  GListModel *events;
  guint placeless = 0, no_place = 0;

  g_assert_no_error (error);
  events = caravan_story_get_events (story);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);

      placeless += caravan_event_get_first_place (event) == NULL;
    }
  g_assert_cmpuint (placeless, >, 0);

  findings = caravan_ready_check_story (story, CARAVAN_MAP_THEME_PROJECTOR);
  for (guint i = 0; i < findings->len; i++)
    {
      const CaravanReadyFinding *finding = findings->pdata[i];

      g_test_message ("%s", finding->message);
      g_assert_false (caravan_ready_finding_is_problem (finding));
      g_assert_cmpuint (finding->step, >=, 1);
      g_assert_nonnull (caravan_story_lookup_event (story, finding->event_id));
      g_assert_true (g_str_has_prefix (finding->message, "Step "));
      no_place += finding->kind == CARAVAN_READY_NO_PLACE;
      /* Steps that ask for zoom 13-15 get the map's deepest zoom: no shortfall to report. */
      g_assert_cmpint (finding->kind, !=, CARAVAN_READY_ZOOM_CLAMPED);
    }
  g_assert_cmpuint (caravan_ready_count_problems (findings), ==, 0);
  g_assert_cmpuint (no_place, ==, placeless);
}

/* A place beyond the Mercator map is a problem; a zoom below the map's is a remark; problems
 * come first whatever their step. */
static void
test_problems_and_remarks (void)
{
  g_autoptr(CaravanStory) story = load_story (
    "{ \"format_version\": 1, \"title\": \"Checks\","
    "  \"places\": ["
    "    { \"id\": \"astana\", \"name\": \"Astana\", \"kind\": \"city\", "
    "\"lat\": 51.13, \"lon\": 71.43 },"
    "    { \"id\": \"pole\", \"name\": \"Pole camp\", \"kind\": \"site\", "
    "\"lat\": 89.5, \"lon\": 10 } ],"
    "  \"events\": ["
    "    { \"id\": \"close-up\", \"title\": \"Close up\", \"date\": \"2022\", "
    "\"place\": \"astana\","
    "      \"camera\": { \"zoom\": 1 } },"
    "    { \"id\": \"north\", \"title\": \"North\", \"date\": \"2023\", \"place\": \"pole\" } ] }");
  g_autoptr(GPtrArray) findings = caravan_ready_check_story (story, CARAVAN_MAP_THEME_LIGHT);
  const CaravanReadyFinding *outside, *clamped;

  g_assert_cmpuint (caravan_ready_count_problems (findings), ==, 1);
  outside = find_kind (findings, CARAVAN_READY_OUTSIDE_MAP);
  clamped = find_kind (findings, CARAVAN_READY_ZOOM_CLAMPED);
  g_assert_nonnull (outside);
  g_assert_nonnull (clamped);
  g_assert_true (findings->pdata[0] == outside);
  g_assert_cmpuint (outside->step, ==, 2);
  g_assert_cmpstr (outside->event_id, ==, "north");
  g_assert_nonnull (strstr (outside->message, "Pole camp"));
  g_assert_cmpuint (clamped->step, ==, 1);
  g_assert_false (caravan_ready_finding_is_problem (clamped));
  g_assert_nonnull (strstr (clamped->message, "zoom 1;"));
}

static void
test_no_events (void)
{
  g_autoptr(CaravanStory) story = load_story ("{ \"format_version\": 1, \"title\": \"Empty\" }");
  g_autoptr(GPtrArray) findings = caravan_ready_check_story (story, CARAVAN_MAP_THEME_DARK);

  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((CaravanReadyFinding *) findings->pdata[0])->kind, ==, CARAVAN_READY_NO_EVENTS);
  g_assert_cmpuint (((CaravanReadyFinding *) findings->pdata[0])->step, ==, 0);
  g_assert_null (((CaravanReadyFinding *) findings->pdata[0])->event_id);
  g_assert_cmpuint (caravan_ready_count_problems (findings), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ready-check/bundled-story", test_bundled_story_is_ready);
  g_test_add_func ("/ready-check/problems-and-remarks", test_problems_and_remarks);
  g_test_add_func ("/ready-check/no-events", test_no_events);

  return g_test_run ();
}
