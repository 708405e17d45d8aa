/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-undo-stack.c: edits of a story, without a display: set, undo and redo; typing in one
 * field is one step; an event whose date changes moves in the events list and back; the saved
 * state; a saved file differs from the original only where the edit was. */

#include "config.h"

#include <glib.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-writer.h"
#include "caravan-undo-stack.h"

static CaravanStory *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  CaravanStory *story = caravan_story_load_bundled (&error);

  g_assert_no_error (error);
  return story;
}

static void
set_string (CaravanUndoStack *stack,
            gpointer          item,
            const char       *property,
            const char       *text,
            gboolean          merge)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_assert_true (caravan_undo_stack_set (stack, item, property, &value, "Rename Place", merge));
}

typedef struct
{
  guint  n;
  char  *last_property;
  gpointer last_item;
} Changes;

static void
on_item_changed (CaravanStory *story,
                 GObject      *item,
                 const char   *property,
                 Changes      *changes)
{
  changes->n++;
  g_free (changes->last_property);
  changes->last_property = g_strdup (property);
  changes->last_item = item;
}

static void
count (guint *counter)
{
  (*counter)++;
}

static void
test_set_undo_redo (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  g_autoptr(CaravanUndoStack) stack = caravan_undo_stack_new (story);
  CaravanPlace *place = caravan_story_lookup_place (story, "khorgos");
  g_autofree char *old_name = g_strdup (caravan_place_get_name (place));
  Changes changes = { 0 };
  guint notified = 0;

  g_signal_connect (story, "item-changed::name", G_CALLBACK (on_item_changed), &changes);
  g_signal_connect_swapped (place, "notify::name", G_CALLBACK (count), &notified);

  g_assert_false (caravan_undo_stack_can_undo (stack));
  g_assert_false (caravan_undo_stack_get_modified (stack));

  set_string (stack, place, "name", "Khorgos Pass", FALSE);
  g_assert_cmpstr (caravan_place_get_name (place), ==, "Khorgos Pass");
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpstr (changes.last_property, ==, "name");
  g_assert_true (changes.last_item == (gpointer) place);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (caravan_undo_stack_can_undo (stack));
  g_assert_false (caravan_undo_stack_can_redo (stack));
  g_assert_true (caravan_undo_stack_get_modified (stack));
  g_assert_cmpstr (caravan_undo_stack_get_undo_label (stack), ==, "Rename Place");

  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_cmpstr (caravan_place_get_name (place), ==, old_name);
  g_assert_cmpuint (changes.n, ==, 2);
  g_assert_false (caravan_undo_stack_get_modified (stack));
  g_assert_true (caravan_undo_stack_can_redo (stack));
  g_assert_false (caravan_undo_stack_undo (stack));

  g_assert_true (caravan_undo_stack_redo (stack));
  g_assert_cmpstr (caravan_place_get_name (place), ==, "Khorgos Pass");
  g_assert_true (caravan_undo_stack_get_modified (stack));
  g_assert_false (caravan_undo_stack_redo (stack));
  g_free (changes.last_property);
}

/* Keystrokes in one field are one step until the field is sealed (it loses the focus);
 * typing back to the old text leaves no step at all. */
static void
test_merge_typing (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  g_autoptr(CaravanUndoStack) stack = caravan_undo_stack_new (story);
  CaravanPlace *place = caravan_story_lookup_place (story, "astana");
  CaravanPlace *other = caravan_story_lookup_place (story, "khorgos");
  g_autofree char *old_name = g_strdup (caravan_place_get_name (place));
  g_autofree char *typed = g_strconcat (old_name, "!", NULL);

  set_string (stack, place, "name", "A", TRUE);
  set_string (stack, place, "name", "Ab", TRUE);
  set_string (stack, place, "name", "Abc", TRUE);
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 1);
  /* Another item is another step, even while merging. */
  set_string (stack, other, "name", "K", TRUE);
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 2);
  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_cmpstr (caravan_place_get_name (place), ==, old_name);

  /* A redo history is dropped by a new edit. */
  set_string (stack, place, "name", typed, TRUE);
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 1);
  g_assert_false (caravan_undo_stack_can_redo (stack));
  caravan_undo_stack_seal (stack);
  set_string (stack, place, "name", "Astana City", TRUE);
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 2);
  caravan_undo_stack_seal (stack);

  /* Typed, then deleted again: nothing to undo. */
  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_true (caravan_undo_stack_undo (stack));
  set_string (stack, place, "name", typed, TRUE);
  set_string (stack, place, "name", old_name, TRUE);
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 0);
  g_assert_false (caravan_undo_stack_can_undo (stack));
  g_assert_false (caravan_undo_stack_get_modified (stack));

  /* Setting what is already there is no edit. */
  set_string (stack, place, "name", old_name, FALSE);
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 0);
}

/* Every event's index agrees with its place in the list, and the list is in date order. */
static void
assert_events_in_order (CaravanStory *story)
{
  GListModel *events = caravan_story_get_events (story);
  g_autoptr(CaravanEvent) previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);

      g_assert_cmpuint (caravan_story_get_event_index (story, event), ==, i);
      if (previous != NULL)
        g_assert_cmpint (caravan_date_get_first_julian (caravan_event_get_date (previous)), <=,
                         caravan_date_get_first_julian (caravan_event_get_date (event)));
      g_set_object (&previous, event);
    }
}

typedef struct
{
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *counts)
{
  counts->removed += removed;
  counts->added += added;
}

static void
test_event_date_moves (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  g_autoptr(CaravanUndoStack) stack = caravan_undo_stack_new (story);
  GListModel *events = caravan_story_get_events (story);
  guint n = g_list_model_get_n_items (events);
  g_autoptr(CaravanEvent) first = g_list_model_get_item (events, 0);
  g_auto(GValue) value = G_VALUE_INIT;
  CaravanDate later;
  ItemsChanged counts = { 0 };

  g_assert_cmpuint (n, >, 3);
  g_signal_connect (events, "items-changed", G_CALLBACK (on_items_changed), &counts);
  caravan_date_init_day (&later, 2030, 1, 1);
  g_value_init (&value, CARAVAN_TYPE_DATE);
  g_value_set_boxed (&value, &later);

  g_assert_true (caravan_undo_stack_set (stack, first, "date", &value, "Change Date", FALSE));
  g_assert_cmpint (caravan_event_get_date (first)->year, ==, 2030);
  g_assert_cmpuint (caravan_story_get_event_index (story, first), ==, n - 1);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n);
  g_assert_cmpuint (counts.removed, ==, 1);
  g_assert_cmpuint (counts.added, ==, 1);
  assert_events_in_order (story);

  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_cmpuint (caravan_story_get_event_index (story, first), ==, 0);
  assert_events_in_order (story);
  g_assert_true (caravan_undo_stack_redo (stack));
  g_assert_cmpuint (caravan_story_get_event_index (story, first), ==, n - 1);
  assert_events_in_order (story);
}

/* Undoing back to the saved state is unmodified; once a new edit replaces the redo history
 * past the saved state, that state can no longer be reached. */
static void
test_saved_state (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  g_autoptr(CaravanUndoStack) stack = caravan_undo_stack_new (story);
  CaravanPlace *place = caravan_story_lookup_place (story, "samarkand");
  guint modified_notifications = 0;

  g_signal_connect_swapped (stack, "notify::modified", G_CALLBACK (count),
                            &modified_notifications);
  set_string (stack, place, "name", "One", FALSE);
  set_string (stack, place, "name", "Two", FALSE);
  g_assert_cmpuint (modified_notifications, ==, 1);
  caravan_undo_stack_mark_saved (stack);
  g_assert_false (caravan_undo_stack_get_modified (stack));
  g_assert_cmpuint (modified_notifications, ==, 2);

  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_true (caravan_undo_stack_get_modified (stack));
  g_assert_true (caravan_undo_stack_redo (stack));
  g_assert_false (caravan_undo_stack_get_modified (stack));
  /* An edit right after a save is a step of its own, not merged into the saved one. */
  set_string (stack, place, "name", "Three", TRUE);
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 3);
  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_false (caravan_undo_stack_get_modified (stack));

  g_assert_true (caravan_undo_stack_undo (stack));
  set_string (stack, place, "name", "Four", FALSE);
  g_assert_true (caravan_undo_stack_get_modified (stack));
  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_true (caravan_undo_stack_get_modified (stack));
}

/* Lines of @a and @b that differ, with the same number of lines. */
static guint
count_different_lines (const char *a,
                       const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  guint n = 0;

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i] != NULL; i++)
    n += g_strcmp0 (la[i], lb[i]) != 0;
  return n;
}

static void
test_saved_file_differs_only_there (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  g_autoptr(CaravanUndoStack) stack = caravan_undo_stack_new (story);
  CaravanPlace *place = caravan_story_lookup_place (story, "khorgos");
  g_autofree char *before = caravan_story_writer_to_data (story, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CaravanStory) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  set_string (stack, place, "description", "A dry port on the border.", FALSE);
  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 44.25);
  g_assert_true (caravan_undo_stack_set (stack, place, "latitude", &value, "Move Place", FALSE));
  after = caravan_story_writer_to_data (story, NULL);
  g_assert_cmpuint (count_different_lines (before, after), ==, 2);
  g_assert_nonnull (strstr (after, "\"description\": \"A dry port on the border.\""));

  bytes = g_bytes_new (after, strlen (after));
  reloaded = caravan_story_loader_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (caravan_place_get_description (caravan_story_lookup_place (reloaded,
                                                                              "khorgos")),
                   ==, "A dry port on the border.");
  g_assert_cmpfloat (caravan_place_get_latitude (caravan_story_lookup_place (reloaded,
                                                                            "khorgos")),
                     ==, 44.25);

  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_true (caravan_undo_stack_undo (stack));
  undone = caravan_story_writer_to_data (story, NULL);
  g_assert_cmpstr (undone, ==, before);
}

/* Places and events added and removed, and put back by undo where they were. */
static void
test_add_remove (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  g_autoptr(CaravanUndoStack) stack = caravan_undo_stack_new (story);
  GListModel *places = caravan_story_get_places (story);
  GListModel *events = caravan_story_get_events (story);
  guint n_places = g_list_model_get_n_items (places);
  guint n_events = g_list_model_get_n_items (events);
  g_autoptr(CaravanEdit) add = caravan_edit_new_add_place (story, "New Place", 43.2, 76.9,
                                                           "Add Place");
  g_autoptr(CaravanEdit) again = NULL;
  CaravanPlace *place = CARAVAN_PLACE (caravan_edit_get_item (add));
  g_autoptr(CaravanEdit) add_event = NULL;
  g_autoptr(CaravanEdit) remove = NULL;
  g_autoptr(CaravanPlace) second = NULL;
  CaravanEvent *event;
  CaravanDate date;
  guint position;

  g_assert_cmpstr (caravan_place_get_id (place), ==, "new-place");
  caravan_undo_stack_push (stack, add, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, n_places + 1);
  g_assert_true (caravan_story_lookup_place (story, "new-place") == place);
  /* A second new place gets an id of its own. */
  again = caravan_edit_new_add_place (story, "New Place", 0, 0, "Add");
  g_assert_cmpstr (caravan_place_get_id (CARAVAN_PLACE (caravan_edit_get_item (again))), ==,
                   "new-place-2");

  caravan_date_init_day (&date, 2000, 6, 1);
  add_event = caravan_edit_new_add_event (story, "Founded", &date, place, "Add Event");
  event = CARAVAN_EVENT (caravan_edit_get_item (add_event));
  caravan_undo_stack_push (stack, add_event, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events + 1);
  assert_events_in_order (story);
  g_assert_true (caravan_event_has_place (event, place));
  /* Now the place is named by an event, and the event by nothing. */
  g_assert_cmpuint (caravan_story_count_place_uses (story, place), ==, 1);
  g_assert_cmpuint (caravan_story_count_event_uses (story, event), ==, 0);
  g_assert_cmpuint (caravan_story_count_place_uses (story,
                                                    caravan_story_lookup_place (story,
                                                                                "khorgos")),
                    >, 3);

  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events);
  g_assert_null (caravan_story_lookup_event (story, caravan_event_get_id (event)));
  assert_events_in_order (story);
  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, n_places);
  g_assert_null (caravan_story_lookup_place (story, "new-place"));
  g_assert_true (caravan_undo_stack_redo (stack));
  g_assert_true (caravan_undo_stack_redo (stack));
  g_assert_cmpuint (caravan_story_get_event_index (story, event), !=, G_MAXUINT);

  /* Removing a place and undoing puts it back at its position. */
  second = g_list_model_get_item (places, 1);
  remove = caravan_edit_new_remove (G_OBJECT (second), "Delete Place");
  caravan_undo_stack_push (stack, remove, FALSE);
  g_assert_null (caravan_story_lookup_place (story, caravan_place_get_id (second)));
  g_assert_true (caravan_undo_stack_undo (stack));
  g_assert_true (g_list_store_find (G_LIST_STORE (places), second, &position));
  g_assert_cmpuint (position, ==, 1);
}

static void
test_refused (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  g_autoptr(CaravanUndoStack) stack = caravan_undo_stack_new (story);
  CaravanPlace *place = caravan_story_lookup_place (story, "khorgos");
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) number = G_VALUE_INIT;

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "other-id");
  /* The id is not editable: references depend on it. */
  g_assert_false (caravan_undo_stack_set (stack, place, "id", &text, "", FALSE));
  g_assert_false (caravan_undo_stack_set (stack, place, "no-such-field", &text, "", FALSE));
  g_assert_false (caravan_undo_stack_set (stack, place, "latitude", &text, "", FALSE));
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 0);

  /* Out of range is brought into range, as the property says. */
  g_value_init (&number, G_TYPE_DOUBLE);
  g_value_set_double (&number, 123.0);
  g_assert_true (caravan_undo_stack_set (stack, place, "latitude", &number, "", FALSE));
  g_assert_cmpfloat (caravan_place_get_latitude (place), ==, 90.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo-stack/set-undo-redo", test_set_undo_redo);
  g_test_add_func ("/undo-stack/merge-typing", test_merge_typing);
  g_test_add_func ("/undo-stack/event-date-moves", test_event_date_moves);
  g_test_add_func ("/undo-stack/saved-state", test_saved_state);
  g_test_add_func ("/undo-stack/saved-file-differs-only-there",
                   test_saved_file_differs_only_there);
  g_test_add_func ("/undo-stack/add-remove", test_add_remove);
  g_test_add_func ("/undo-stack/refused", test_refused);

  return g_test_run ();
}
