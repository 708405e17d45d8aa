/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-edit.c: editing in the window as a user does it: the edit mode shows the
 * inspector for the selected place or event; typing in a field renames the pin at once and
 * is one undo step; Ctrl+Z and Ctrl+Shift+Z (the window's actions) undo and redo in the
 * fields and on the map; the title marks unsaved edits; Save writes the file and Caravan does
 * not reload its own save; another program's change with unsaved edits asks instead of
 * loading over them; closing with unsaved edits asks; a date moves the event; a bad date
 * says why and changes nothing. */

#include "config.h"

#include <glib/gstdio.h>

#include "caravan-application.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-inspector.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-writer.h"
#include "caravan-test-utils.h"
#include "caravan-timeline.h"
#include "caravan-window.h"

static CaravanApplication *app;
static char *tmpdir;

static CaravanWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CARAVAN_IS_WINDOW (window));
  return CARAVAN_WINDOW (window);
}

static gboolean
has_story (gpointer user_data)
{
  return caravan_window_has_story (user_data);
}

/* The bundled story, fresh, in edit mode. */
static CaravanWindow *
start_editing (void)
{
  CaravanWindow *window = get_window ();

  caravan_window_open_bundled (window);
  g_assert_true (caravan_test_wait_until (has_story, window, 10000));
  g_assert_false (caravan_window_get_modified (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-mode", NULL));
  g_assert_true (caravan_window_get_editing (window));
  caravan_test_iterate (100);
  return window;
}

static void
stop_editing (CaravanWindow *window)
{
  /* Leaves nothing unsaved behind for the next case. */
  while (caravan_window_get_modified (window) &&
         caravan_undo_stack_can_undo (caravan_window_get_undo_stack (window)))
    caravan_undo_stack_undo (caravan_window_get_undo_stack (window));
  /* Undone past a save: the story differs from its file; the next case may forget it. */
  if (caravan_window_get_modified (window))
    caravan_undo_stack_mark_saved (caravan_window_get_undo_stack (window));
  caravan_window_set_editing (window, FALSE);
}

/* The inspector's row titled @title (a user finds a field by its label too). */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_inspector (CaravanWindow *window)
{
  GtkWidget *inspector = caravan_test_find_widget (GTK_WIDGET (window), CARAVAN_TYPE_INSPECTOR,
                                                   NULL);

  g_assert_nonnull (inspector);
  g_assert_true (gtk_widget_get_mapped (inspector));
  return inspector;
}

/* Types @text at the end of @editable one character at a time, as keystrokes do. */
static void
type_text (GtkWidget  *editable,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = -1;

      gtk_editable_insert_text (GTK_EDITABLE (editable), p, g_utf8_next_char (p) - p,
                                &position);
    }
}

static void
test_rename_undo_save (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  CaravanPlace *place = caravan_story_lookup_place (story, "khorgos");
  CaravanMapView *map = CARAVAN_MAP_VIEW (caravan_test_find_widget (GTK_WIDGET (window),
                                                                    CARAVAN_TYPE_MAP_VIEW,
                                                                    NULL));
  CaravanUndoStack *stack = caravan_window_get_undo_stack (window);
  g_autofree char *path = g_build_filename (tmpdir, "edited.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *inspector, *name_row;

  caravan_selection_select_place (selection, place);
  caravan_test_iterate (200);
  inspector = get_inspector (window);
  g_assert_cmpstr (caravan_inspector_get_page (CARAVAN_INSPECTOR (inspector)), ==, "place");
  name_row = find_row (inspector, "Name");
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Khorgos");

  /* Typing is one step, and the pin's name follows each key. */
  type_text (name_row, " Gateway");
  caravan_test_iterate (100);
  g_assert_cmpstr (caravan_place_get_name (place), ==, "Khorgos Gateway");
  g_assert_cmpstr (caravan_map_view_get_pin_label (map, place), ==, "Khorgos Gateway");
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 1);
  g_assert_true (caravan_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* Undo: the field, the model and the pin go back; the title loses its mark. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  caravan_test_iterate (100);
  g_assert_cmpstr (caravan_place_get_name (place), ==, "Khorgos");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Khorgos");
  g_assert_cmpstr (caravan_map_view_get_pin_label (map, place), ==, "Khorgos");
  g_assert_false (caravan_window_get_modified (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  caravan_test_iterate (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Khorgos Gateway");

  /* Save: the file has the new name, the mark goes, and Caravan's own write is no reload
   * (the same undo stack stays). */
  g_assert_true (caravan_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (caravan_window_get_modified (window));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"name\": \"Khorgos Gateway\""));
  caravan_test_iterate (1500);
  g_assert_true (caravan_window_get_undo_stack (window) == stack);
  g_assert_true (caravan_undo_stack_can_undo (stack));

  stop_editing (window);
}

static gboolean
dialog_shown (gpointer user_data)
{
  return caravan_test_find_message_dialog () != NULL;
}

static gboolean
story_replaced (gpointer user_data)
{
  CaravanWindow *window = get_window ();

  return caravan_selection_get_story (caravan_window_get_selection (window)) != user_data;
}

/* Another program writes the file while there are unsaved edits: Caravan asks; keeping the
 * edits keeps them; loading from disk then shows the file's story. */
static void
test_changed_on_disk (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  g_autofree char *path = g_build_filename (tmpdir, "watched.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  GtkWindow *dialog;
  GtkWidget *name_row;

  g_assert_true (caravan_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  caravan_selection_select_place (selection, caravan_story_lookup_place (story, "astana"));
  caravan_test_iterate (200);
  name_row = find_row (get_inspector (window), "Name");
  type_text (name_row, " (edited)");
  g_assert_true (caravan_window_get_modified (window));

  /* Another program retitles the story in the file. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (contents, "Multipolarity in the Kazakh steppes", 2);

    changed = g_strjoinv ("Multipolarity, changed elsewhere", parts);
  }
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));

  g_assert_true (caravan_test_wait_until (dialog_shown, NULL, 10000));
  dialog = caravan_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "“watched.caravan” changed on disk");
  /* Nothing was loaded over the edits while asking. */
  g_assert_true (caravan_selection_get_story (selection) == story);
  /* As a click does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (dialog);
  g_assert_true (caravan_test_wait_until (story_replaced, story, 10000));
  g_assert_cmpstr (caravan_story_get_title (caravan_selection_get_story (selection)), ==,
                   "Multipolarity, changed elsewhere");
  g_assert_false (caravan_window_get_modified (window));
  caravan_window_set_editing (window, FALSE);
}

/* Closing with unsaved edits asks; Cancel keeps the window and the edits. */
static void
test_close_asks (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  GtkWindow *dialog;

  caravan_selection_select_place (selection, caravan_story_lookup_place (story, "samarkand"));
  caravan_test_iterate (200);
  type_text (find_row (get_inspector (window), "Name"), "!");
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (caravan_test_wait_until (dialog_shown, NULL, 5000));
  dialog = caravan_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Save changes to “Multipolarity in the Kazakh steppes”?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  caravan_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (caravan_window_get_modified (window));
  g_assert_cmpstr (caravan_place_get_name (caravan_story_lookup_place (story, "samarkand")), ==,
                   "Samarkand!");
  stop_editing (window);
}

/* A date typed and applied moves the event along the timeline; a date Caravan cannot read
 * says why under the field and changes nothing. */
static void
test_event_date (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  GListModel *events = caravan_story_get_events (story);
  g_autoptr(CaravanEvent) first = g_list_model_get_item (events, 0);
  guint n = g_list_model_get_n_items (events);
  CaravanUndoStack *stack = caravan_window_get_undo_stack (window);
  CaravanTimeline *timeline = CARAVAN_TIMELINE (caravan_test_find_widget (GTK_WIDGET (window),
                                                                          CARAVAN_TYPE_TIMELINE,
                                                                          NULL));
  graphene_rect_t before, after;
  GtkWidget *inspector, *date_row, *error_label;

  caravan_selection_select_event (selection, first);
  caravan_test_iterate (200);
  g_assert_true (caravan_timeline_get_event_bounds (timeline, first, &before));
  inspector = get_inspector (window);
  g_assert_cmpstr (caravan_inspector_get_page (CARAVAN_INSPECTOR (inspector)), ==, "event");
  date_row = find_row (inspector, "Date (as 1961, 20 March 1961 or 1991–1994)");
  g_assert_nonnull (date_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "20 March 1961");

  gtk_editable_set_text (GTK_EDITABLE (date_row), "banana");
  g_signal_emit_by_name (date_row, "apply");
  error_label = caravan_test_find_widget (inspector, GTK_TYPE_LABEL, "error");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (error_label)),
                                   "Not a date Caravan can read: "));
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (date_row), "2030");
  g_signal_emit_by_name (date_row, "apply");
  caravan_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpint (caravan_event_get_date (first)->year, ==, 2030);
  g_assert_cmpuint (caravan_story_get_event_index (story, first), ==, n - 1);
  /* Still the event selected and shown; on the timeline it has left 1961 for 2030, past the
   * visible range's end. */
  g_assert_true (caravan_selection_get_event (selection) == first);
  g_assert_true (!caravan_timeline_get_event_bounds (timeline, first, &after) ||
                 after.origin.x > before.origin.x + 100);
  g_assert_true (caravan_timeline_event_at (timeline, before.origin.x + before.size.width / 2,
                                            before.origin.y + before.size.height / 2) != first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  caravan_test_iterate (100);
  g_assert_cmpuint (caravan_story_get_event_index (story, first), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "20 March 1961");
  g_assert_true (caravan_timeline_get_event_bounds (timeline, first, &after));
  g_assert_cmpfloat_with_epsilon (after.origin.x, before.origin.x, 0.5);

  /* Tags as a list typed with commas: one more, then undone. */
  {
    GtkWidget *tags_row = find_row (inspector, "Tags (separated by commas)");
    g_autofree char *old_tags = g_strjoinv (", ", (char **) caravan_event_get_tags (first));
    guint n_tags = g_strv_length ((char **) caravan_event_get_tags (first));

    g_assert_nonnull (tags_row);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags_row)), ==, old_tags);
    type_text (tags_row, ", virgin lands ,");
    g_assert_cmpuint (g_strv_length ((char **) caravan_event_get_tags (first)), ==, n_tags + 1);
    g_assert_cmpstr (caravan_event_get_tags (first)[n_tags], ==, "virgin lands");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    caravan_test_iterate (50);
    g_assert_cmpuint (g_strv_length ((char **) caravan_event_get_tags (first)), ==, n_tags);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags_row)), ==, old_tags);
  }

  /* Typed as a person writes it. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "c. May 1962");
  g_signal_emit_by_name (date_row, "apply");
  g_assert_cmpint (caravan_event_get_date (first)->year, ==, 1962);
  g_assert_cmpint (caravan_event_get_date (first)->month, ==, 5);
  g_assert_cmpint (caravan_event_get_date (first)->precision, ==, CARAVAN_DATE_PRECISION_MONTH);
  g_assert_true (caravan_event_get_date (first)->circa);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  stop_editing (window);
}

static gboolean
has_toast_text (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_toast_text (child, text))
      return TRUE;
  return FALSE;
}

/* Add Place (at the map's centre, and at a point as "Add Place Here" does), name it, add an
 * event there, delete both; undo brings each back. A place the story still uses stays. */
static void
test_add_and_delete (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  CaravanMapView *map = CARAVAN_MAP_VIEW (caravan_test_find_widget (GTK_WIDGET (window),
                                                                    CARAVAN_TYPE_MAP_VIEW,
                                                                    NULL));
  GListModel *places = caravan_story_get_places (story);
  GListModel *events = caravan_story_get_events (story);
  guint n_places = g_list_model_get_n_items (places);
  guint n_events = g_list_model_get_n_items (events);
  CaravanPlace *place, *khorgos = caravan_story_lookup_place (story, "khorgos");
  CaravanEvent *event;
  GtkWidget *name_row;

  /* "Add Place Here" at Almaty's old airport. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-place-at", "(dd)",
                                             43.35, 77.04));
  caravan_test_iterate (200);
  place = caravan_selection_get_place (selection);
  g_assert_nonnull (place);
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, n_places + 1);
  g_assert_cmpfloat_with_epsilon (caravan_place_get_latitude (place), 43.35, 1e-9);
  g_assert_nonnull (caravan_map_view_get_pin (map, place));
  name_row = find_row (get_inspector (window), "Name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "New Place");
  /* The name is ready to be typed over. */
  g_assert_true (gtk_widget_has_focus (name_row) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), name_row));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Almaty airport (1930s)");
  g_assert_cmpstr (caravan_map_view_get_pin_label (map, place), ==, "Almaty airport (1930s)");

  /* An event there, then deleting: the event goes, then the place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-event", NULL));
  caravan_test_iterate (200);
  event = caravan_selection_get_event (selection);
  g_assert_nonnull (event);
  g_assert_true (caravan_event_has_place (event, place));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events + 1);
  g_assert_cmpstr (caravan_inspector_get_page (CARAVAN_INSPECTOR (get_inspector (window))), ==,
                   "event");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-selected", NULL));
  caravan_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events);
  g_assert_null (caravan_selection_get_event (selection));
  caravan_selection_select_place (selection, place);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-selected", NULL));
  caravan_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, n_places);
  g_assert_null (caravan_map_view_get_pin (map, place));
  g_assert_null (caravan_selection_get_place (selection));

  /* Undo: the place comes back with its pin, then its event. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  caravan_test_iterate (100);
  g_assert_nonnull (caravan_map_view_get_pin (map, place));
  g_assert_cmpstr (caravan_map_view_get_pin_label (map, place), ==, "Almaty airport (1930s)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events + 1);

  /* Khorgos has events, excerpts and a route: it stays, and a toast says why. */
  caravan_selection_select_place (selection, khorgos);
  caravan_test_iterate (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-selected", NULL));
  caravan_test_iterate (200);
  g_assert_true (caravan_story_lookup_place (story, "khorgos") == khorgos);
  g_assert_true (has_toast_text (GTK_WIDGET (window), "“Khorgos” has "));
  g_assert_true (has_toast_text (GTK_WIDGET (window), "so it stays"));

  /* The centre of the map, the keyboard's way. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-place", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, n_places + 2);
  stop_editing (window);
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, n_places);
}

/* New, with unsaved edits: asked first; then an empty story in the edit mode that takes a
 * place and saves to a file that opens again. */
static void
test_new_story (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *bundled = caravan_selection_get_story (selection);
  g_autofree char *path = g_build_filename (tmpdir, "new.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CaravanStory) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  CaravanStory *story;
  GtkWindow *dialog;

  caravan_selection_select_place (selection, caravan_story_lookup_place (bundled, "astana"));
  caravan_test_iterate (100);
  type_text (find_row (get_inspector (window), "Name"), "?");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL));
  g_assert_true (caravan_test_wait_until (dialog_shown, NULL, 5000));
  dialog = caravan_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Save changes to “Multipolarity in the Kazakh steppes”?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (dialog);
  caravan_test_iterate (200);

  story = caravan_selection_get_story (selection);
  g_assert_true (story != bundled);
  g_assert_cmpstr (caravan_story_get_title (story), ==, "Untitled Story");
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_places (story)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_events (story)), ==, 0);
  g_assert_true (caravan_window_get_editing (window));
  g_assert_false (caravan_window_get_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-place-at", "(dd)",
                                             39.65, 66.96));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-event", NULL));
  caravan_test_iterate (200);
  g_assert_true (caravan_window_save_to_file (window, file, &error));
  g_assert_no_error (error);
  reloaded = caravan_story_loader_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (caravan_story_get_title (reloaded), ==, "Untitled Story");
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_places (reloaded)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_events (reloaded)), ==, 1);
  caravan_window_set_editing (window, FALSE);
}

/* A pin dropped elsewhere (win.move-place, what the drag ends in): latitude and longitude
 * change, the pin and the inspector follow, and one undo puts both back. */
static void
test_move_place (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  CaravanPlace *place = caravan_story_lookup_place (story, "samarkand");
  CaravanMapView *map = CARAVAN_MAP_VIEW (caravan_test_find_widget (GTK_WIDGET (window),
                                                                    CARAVAN_TYPE_MAP_VIEW,
                                                                    NULL));
  CaravanUndoStack *stack = caravan_window_get_undo_stack (window);
  double old_lat = caravan_place_get_latitude (place);
  double old_lon = caravan_place_get_longitude (place);
  GtkWidget *pin;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.move-place", "(sdd)",
                                             "samarkand", 39.7, 67.1));
  caravan_test_iterate (100);
  g_assert_cmpfloat (caravan_place_get_latitude (place), ==, 39.7);
  g_assert_cmpfloat (caravan_place_get_longitude (place), ==, 67.1);
  /* The marker is the pin's button's parent. */
  pin = gtk_widget_get_parent (caravan_map_view_get_pin (map, place));
  g_assert_true (SHUMATE_IS_LOCATION (pin));
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (pin)), ==, 39.7);
  g_assert_true (caravan_selection_get_place (selection) == place);
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (stack), ==, 1);
  g_assert_cmpstr (caravan_undo_stack_get_undo_label (stack), ==, "Move Place");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  caravan_test_iterate (100);
  g_assert_cmpfloat (caravan_place_get_latitude (place), ==, old_lat);
  g_assert_cmpfloat (caravan_place_get_longitude (place), ==, old_lon);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (pin)), ==, old_lon);
  stop_editing (window);
}

static GtkListBoxRow *
find_issue_row (GtkWidget *inspector)
{
  GtkWidget *list = caravan_test_find_widget (inspector, GTK_TYPE_LIST_BOX, "boxed-list");

  g_assert_nonnull (list);
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
}

/* What to fix follows the edits: a name typed away shows up at once above the fields; its row
 * takes the user back to the place; undo makes it go. */
static void
test_issues (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  CaravanPlace *astana = caravan_story_lookup_place (story, "astana");
  GtkWidget *inspector = get_inspector (window);
  GtkListBoxRow *row;

  caravan_test_iterate (100);
  g_assert_null (find_issue_row (inspector));
  caravan_selection_select_place (selection, astana);
  caravan_test_iterate (100);
  gtk_editable_set_text (GTK_EDITABLE (find_row (inspector, "Name")), "");
  caravan_test_iterate (100);
  row = find_issue_row (inspector);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "The place “astana” has no name");

  caravan_selection_select_place (selection, NULL);
  caravan_test_iterate (100);
  g_signal_emit_by_name (row, "activate");
  caravan_test_iterate (100);
  g_assert_true (caravan_selection_get_place (selection) == astana);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  caravan_test_iterate (100);
  g_assert_null (find_issue_row (inspector));
  stop_editing (window);
}

/* A place's names in other languages are fields too; they are saved in "names" and undone
 * as one step per field. */
static void
test_other_names (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  CaravanPlace *khorgos = caravan_story_lookup_place (story, "khorgos");
  g_autofree char *path = g_build_filename (tmpdir, "names.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *saved = NULL;
  GtkWidget *inspector, *russian, *kazakh;

  caravan_selection_select_place (selection, khorgos);
  caravan_test_iterate (100);
  inspector = get_inspector (window);
  russian = find_row (inspector, "Russian");
  kazakh = find_row (inspector, "Kazakh");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (russian)), ==, "Хоргос");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kazakh)), ==, "Қорғас");

  type_text (russian, " (город)");
  g_object_get (khorgos, "names", &names, NULL);
  g_assert_cmpstr (g_hash_table_lookup (names, "ru"), ==, "Хоргос (город)");
  g_assert_cmpstr (g_hash_table_lookup (names, "kk"), ==, "Қорғас");
  g_assert_cmpuint (caravan_undo_stack_get_n_edits (caravan_window_get_undo_stack (window)), ==,
                    1);
  g_assert_true (caravan_window_save_to_file (window, file, NULL));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"ru\": \"Хоргос (город)\""));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  caravan_test_iterate (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (russian)), ==, "Хоргос");
  g_clear_pointer (&names, g_hash_table_unref);
  g_object_get (khorgos, "names", &names, NULL);
  g_assert_cmpstr (g_hash_table_lookup (names, "ru"), ==, "Хоргос");
  stop_editing (window);
}

/* "Use the Map's View": the step looks where the map looks now, one undo step, saved as the
 * event's camera; the reset button centres it on its place again. */
static void
test_step_camera (void)
{
  CaravanWindow *window = start_editing ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  CaravanMapView *map = CARAVAN_MAP_VIEW (caravan_test_find_widget (GTK_WIDGET (window),
                                                                    CARAVAN_TYPE_MAP_VIEW,
                                                                    NULL));
  ShumateViewport *viewport = caravan_map_view_get_viewport (map);
  g_autoptr(CaravanEvent) event = g_list_model_get_item (caravan_story_get_events (story), 3);
  g_autofree CaravanCamera *before = NULL;
  g_autofree CaravanCamera *camera = NULL;
  g_autofree CaravanCamera *cleared = NULL;
  g_autofree char *data = NULL;
  GtkWidget *row;

  g_object_get (event, "camera", &before, NULL);
  caravan_selection_select_event (selection, event);
  caravan_test_iterate (300);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 45.0, 70.0);
  shumate_viewport_set_zoom_level (viewport, 6.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-step-camera", NULL));
  caravan_test_iterate (100);
  g_object_get (event, "camera", &camera, NULL);
  g_assert_nonnull (camera);
  g_assert_cmpfloat_with_epsilon (camera->latitude, 45.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (camera->longitude, 70.0, 1e-6);
  g_assert_cmpfloat (camera->zoom, ==, 6.0);
  row = find_row (get_inspector (window), "Map View");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Zoom 6.0 at 45.0000°, 70.0000°");
  data = caravan_story_writer_to_data (story, NULL);
  g_assert_nonnull (strstr (data, "\"camera\": {\n        \"lat\": 45,\n"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-step-camera", NULL));
  g_object_get (event, "camera", &cleared, NULL);
  g_assert_null (cleared);
  g_assert_cmpstr (caravan_undo_stack_get_undo_label (caravan_window_get_undo_stack (window)),
                   ==, "Centre the Step on Its Place");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_pointer (&camera, g_free);
  g_object_get (event, "camera", &camera, NULL);
  g_assert_true ((camera == NULL) == (before == NULL));
  stop_editing (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("caravan-window-edit-XXXXXX", &error);
  g_assert_no_error (error);

  app = caravan_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/window/edit/rename-undo-save", test_rename_undo_save);
  g_test_add_func ("/window/edit/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/edit/close-asks", test_close_asks);
  g_test_add_func ("/window/edit/event-date", test_event_date);
  g_test_add_func ("/window/edit/add-and-delete", test_add_and_delete);
  g_test_add_func ("/window/edit/new-story", test_new_story);
  g_test_add_func ("/window/edit/move-place", test_move_place);
  g_test_add_func ("/window/edit/issues", test_issues);
  g_test_add_func ("/window/edit/other-names", test_other_names);
  g_test_add_func ("/window/edit/step-camera", test_step_camera);

  ret = g_test_run ();
  g_clear_object (&app);
  caravan_test_remove_folder (tmpdir);
  g_free (tmpdir);
  return ret;
}
