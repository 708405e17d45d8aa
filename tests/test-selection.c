/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-selection.c: CaravanSelection notifies only on change and walks events in date order. */

#define G_LOG_DOMAIN "caravan-test-selection"

#include "config.h"

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

/* Counts notify emissions per property name. */
typedef struct {
  GHashTable *counts;
} NotifyCounter;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  NotifyCounter *counter = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counter->counts, pspec->name));

  g_hash_table_insert (counter->counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static guint
count (NotifyCounter *counter,
       const char    *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counter->counts, name));
}

static guint
total (NotifyCounter *counter)
{
  GHashTableIter iter;
  gpointer value;
  guint sum = 0;

  g_hash_table_iter_init (&iter, counter->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    sum += GPOINTER_TO_UINT (value);
  return sum;
}

static void
reset (NotifyCounter *counter)
{
  g_hash_table_remove_all (counter->counts);
}

typedef struct {
  CaravanStory *story;
  CaravanSelection *selection;
  NotifyCounter counter;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->story = caravan_story_load_bundled (&error);
  g_assert_no_error (error);
  fixture->selection = caravan_selection_new ();
  fixture->counter.counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (fixture->selection, "notify", G_CALLBACK (on_notify), &fixture->counter);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->selection);
  g_assert_finalize_object (fixture->story);
  g_hash_table_unref (fixture->counter.counts);
}

static void
test_set_story (Fixture       *fixture,
                gconstpointer  data)
{
  CaravanSelection *selection = fixture->selection;
  guint32 first, last;

  caravan_selection_set_story (selection, fixture->story);
  g_assert_true (caravan_selection_get_story (selection) == fixture->story);
  g_assert_cmpuint (count (&fixture->counter, "story"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "visible-start"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "visible-end"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "place"), ==, 0);

  caravan_story_get_time_span (fixture->story, &first, &last);
  g_assert_cmpfloat (caravan_selection_get_visible_start (selection), ==, first);
  g_assert_cmpfloat (caravan_selection_get_visible_end (selection), ==, last + 1.0);

  /* same story again: nothing */
  reset (&fixture->counter);
  caravan_selection_set_story (selection, fixture->story);
  g_object_set (selection, "story", fixture->story, NULL);
  g_assert_cmpuint (total (&fixture->counter), ==, 0);

  /* clearing the story clears the selection */
  caravan_selection_select_event (selection, caravan_story_lookup_event (fixture->story,
                                                                        "xi-apec-bangkok"));
  reset (&fixture->counter);
  caravan_selection_set_story (selection, NULL);
  g_assert_null (caravan_selection_get_event (selection));
  g_assert_null (caravan_selection_get_place (selection));
  g_assert_cmpuint (count (&fixture->counter, "story"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "event"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "place"), ==, 1);
}

static void
test_select_event_selects_place (Fixture       *fixture,
                                 gconstpointer  data)
{
  CaravanSelection *selection = fixture->selection;
  CaravanEvent *csto = caravan_story_lookup_event (fixture->story, "csto-deployed-to-almaty");
  CaravanEvent *crackdown = caravan_story_lookup_event (fixture->story, "security-crackdown");
  CaravanPlace *almaty = caravan_story_lookup_place (fixture->story, "almaty");

  caravan_selection_set_story (selection, fixture->story);
  reset (&fixture->counter);

  caravan_selection_select_event (selection, csto);
  g_assert_true (caravan_selection_get_event (selection) == csto);
  g_assert_true (caravan_selection_get_place (selection) == almaty);
  g_assert_cmpuint (count (&fixture->counter, "event"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "place"), ==, 1);

  /* same event: no notify */
  reset (&fixture->counter);
  caravan_selection_select_event (selection, csto);
  g_object_set (selection, "event", csto, NULL);
  g_assert_cmpuint (total (&fixture->counter), ==, 0);

  /* another event at the same place: only the event changes */
  caravan_selection_select_event (selection, crackdown);
  g_assert_cmpuint (count (&fixture->counter, "event"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "place"), ==, 0);
}

static void
test_select_place (Fixture       *fixture,
                   gconstpointer  data)
{
  CaravanSelection *selection = fixture->selection;
  CaravanEvent *csto = caravan_story_lookup_event (fixture->story, "csto-deployed-to-almaty");
  CaravanPlace *almaty = caravan_story_lookup_place (fixture->story, "almaty");
  CaravanPlace *moscow = caravan_story_lookup_place (fixture->story, "moscow");
  CaravanPlace *samarkand = caravan_story_lookup_place (fixture->story, "samarkand");

  caravan_selection_set_story (selection, fixture->story);
  caravan_selection_select_event (selection, csto);
  reset (&fixture->counter);

  /* the event also happens in Moscow: it stays selected */
  caravan_selection_select_place (selection, moscow);
  g_assert_true (caravan_selection_get_event (selection) == csto);
  g_assert_cmpuint (count (&fixture->counter, "place"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "event"), ==, 0);

  /* Samarkand has nothing to do with it: the event is cleared */
  reset (&fixture->counter);
  caravan_selection_select_place (selection, samarkand);
  g_assert_null (caravan_selection_get_event (selection));
  g_assert_cmpuint (count (&fixture->counter, "place"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "event"), ==, 1);

  reset (&fixture->counter);
  caravan_selection_select_place (selection, samarkand);
  g_assert_cmpuint (total (&fixture->counter), ==, 0);

  caravan_selection_select_place (selection, almaty);
  caravan_selection_clear (selection);
  g_assert_null (caravan_selection_get_place (selection));
}

static void
test_walk_events (Fixture       *fixture,
                  gconstpointer  data)
{
  CaravanSelection *selection = fixture->selection;
  GListModel *events = caravan_story_get_events (fixture->story);
  guint n = g_list_model_get_n_items (events);
  CaravanEvent *previous = NULL;
  guint steps = 0;

  /* no story: nothing to walk */
  g_assert_false (caravan_selection_next_event (selection));
  g_assert_false (caravan_selection_first (selection));

  caravan_selection_set_story (selection, fixture->story);
  reset (&fixture->counter);

  /* next with nothing selected starts at the first event */
  g_assert_true (caravan_selection_next_event (selection));
  g_assert_cmpuint (caravan_story_get_event_index (fixture->story,
                                                   caravan_selection_get_event (selection)), ==, 0);
  g_assert_cmpstr (caravan_event_get_id (caravan_selection_get_event (selection)), ==,
                   "akmolinsk-renamed-tselinograd");
  steps = 1;
  do
    {
      CaravanEvent *current = caravan_selection_get_event (selection);

      if (previous != NULL)
        g_assert_cmpint (caravan_date_compare (caravan_event_get_date (previous),
                                               caravan_event_get_date (current)), <=, 0);
      previous = current;
    }
  while (caravan_selection_next_event (selection) && ++steps);

  g_assert_cmpuint (steps, ==, n);
  g_assert_cmpuint (count (&fixture->counter, "event"), ==, n);
  g_assert_cmpstr (caravan_event_get_id (caravan_selection_get_event (selection)), ==,
                   "third-belt-and-road-forum");

  /* at the end next changes nothing */
  reset (&fixture->counter);
  g_assert_false (caravan_selection_next_event (selection));
  g_assert_cmpuint (total (&fixture->counter), ==, 0);

  g_assert_true (caravan_selection_previous_event (selection));
  g_assert_cmpuint (caravan_story_get_event_index (fixture->story,
                                                   caravan_selection_get_event (selection)), ==,
                    n - 2);

  g_assert_true (caravan_selection_first (selection));
  reset (&fixture->counter);
  g_assert_false (caravan_selection_previous_event (selection));
  g_assert_cmpuint (total (&fixture->counter), ==, 0);

  g_assert_true (caravan_selection_last (selection));
  g_assert_cmpuint (caravan_story_get_event_index (fixture->story,
                                                   caravan_selection_get_event (selection)), ==,
                    n - 1);

  /* previous with nothing selected starts at the last event */
  caravan_selection_clear (selection);
  g_assert_true (caravan_selection_previous_event (selection));
  g_assert_cmpuint (caravan_story_get_event_index (fixture->story,
                                                   caravan_selection_get_event (selection)), ==,
                    n - 1);
}

static void
test_visible_range (Fixture       *fixture,
                    gconstpointer  data)
{
  CaravanSelection *selection = fixture->selection;
  CaravanEvent *csto = caravan_story_lookup_event (fixture->story, "csto-deployed-to-almaty");
  CaravanEvent *bri = caravan_story_lookup_event (fixture->story,
                                                  "xi-proposes-silk-road-economic-belt");
  CaravanDate start, end;

  caravan_selection_set_story (selection, fixture->story);
  caravan_date_init_day (&start, 2022, 1, 1);
  caravan_date_init_day (&end, 2022, 12, 31);
  reset (&fixture->counter);

  caravan_selection_set_visible_range (selection, caravan_date_get_first_julian (&start),
                                       caravan_date_get_last_julian (&end) + 1.0);
  g_assert_cmpuint (count (&fixture->counter, "visible-start"), ==, 1);
  g_assert_cmpuint (count (&fixture->counter, "visible-end"), ==, 1);

  reset (&fixture->counter);
  caravan_selection_set_visible_range (selection, caravan_date_get_first_julian (&start),
                                       caravan_date_get_last_julian (&end) + 1.0);
  g_assert_cmpuint (total (&fixture->counter), ==, 0);

  /* without the filter everything is visible */
  g_assert_true (caravan_selection_event_is_visible (selection, bri));

  caravan_selection_set_filter_by_time (selection, TRUE);
  caravan_selection_set_filter_by_time (selection, TRUE);
  g_assert_cmpuint (count (&fixture->counter, "filter-by-time"), ==, 1);
  g_assert_true (caravan_selection_event_is_visible (selection, csto));
  g_assert_false (caravan_selection_event_is_visible (selection, bri));

  /* a range ending exactly where an event starts does not show it */
  caravan_date_init_day (&end, 2022, 1, 6);
  caravan_selection_set_visible_range (selection, caravan_date_get_first_julian (&start),
                                       caravan_date_get_first_julian (&end));
  g_assert_false (caravan_selection_event_is_visible (selection, csto));
  caravan_selection_set_visible_range (selection, caravan_date_get_first_julian (&start),
                                       caravan_date_get_first_julian (&end) + 0.5);
  g_assert_true (caravan_selection_event_is_visible (selection, csto));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/selection/set-story", test_set_story);
  ADD ("/selection/select-event-selects-place", test_select_event_selects_place);
  ADD ("/selection/select-place", test_select_place);
  ADD ("/selection/walk-events", test_walk_events);
  ADD ("/selection/visible-range", test_visible_range);

#undef ADD

  return g_test_run ();
}
