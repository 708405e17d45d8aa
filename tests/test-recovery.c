/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-recovery.c: unsaved edits survive a crash. A child process edits a saved story and is
 * killed with SIGKILL, as a crash or a power cut would end it; its copy of the edits is on
 * disk, and the next start offers to restore them; restored, the story has the edits and is
 * marked unsaved, its file is the original one, and saving removes the copy. Discarding
 * removes it too. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caravan-application.h"
#include "caravan-place.h"
#include "caravan-recovery.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-test-utils.h"
#include "caravan-undo-stack.h"
#include "caravan-window.h"

static char *
get_story_path (void)
{
  return g_build_filename (g_getenv ("XDG_STATE_HOME"), "story.caravan", NULL);
}

static gboolean
has_story (gpointer window)
{
  return caravan_window_has_story (window);
}

static gboolean
has_copy (gpointer user_data)
{
  g_autoptr(GPtrArray) entries = caravan_recovery_list ();

  return entries->len > 0;
}

static CaravanApplication *app;

/* Starts Caravan the first time, which offers what a crash left; later cases reuse the
 * application (one per process) and ask its window to offer again. */
static CaravanWindow *
start_app (void)
{
  g_autoptr(GError) error = NULL;
  CaravanWindow *window;

  if (app == NULL)
    {
      app = caravan_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
      g_application_activate (G_APPLICATION (app));
      window = CARAVAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
    }
  else
    {
      window = CARAVAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
      caravan_window_open_bundled (window);
      caravan_window_offer_recovery (window);
    }
  g_assert_true (caravan_test_wait_until (has_story, window, 10000));
  return window;
}

/* The child: saves the bundled story to a file, renames a place, waits for the copy, and
 * is killed before it can save or clean up. */
static void
edit_then_crash (void)
{
  CaravanWindow *window = start_app ();
  g_autofree char *path = get_story_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GValue) value = G_VALUE_INIT;
  CaravanStory *story;

  g_assert_true (caravan_window_save_to_file (window, file, NULL));
  story = caravan_selection_get_story (caravan_window_get_selection (window));
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Samarkand (before the crash)");
  g_assert_true (caravan_undo_stack_set (caravan_window_get_undo_stack (window),
                                         caravan_story_lookup_place (story, "samarkand"),
                                         "name", &value, "Rename Place", FALSE));
  g_assert_true (caravan_test_wait_until (has_copy, NULL, 10000));
  kill (getpid (), SIGKILL);
}

static gboolean
dialog_shown (gpointer user_data)
{
  return caravan_test_find_message_dialog () != NULL;
}

static void
crash_child (void)
{
  /* The same test again, in a child process that takes the other branch (see below). */
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  /* Killed, not finished. */
  g_test_trap_assert_failed ();
  g_assert_true (has_copy (NULL));
}

static gboolean
renamed_on_screen (gpointer window)
{
  CaravanStory *story = caravan_selection_get_story (caravan_window_get_selection (window));
  CaravanPlace *place = story ? caravan_story_lookup_place (story, "samarkand") : NULL;

  return place != NULL &&
         g_strcmp0 (caravan_place_get_name (place), "Samarkand (before the crash)") == 0;
}

static void
test_restore (void)
{
  g_autofree char *path = get_story_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *saved = NULL;
  CaravanWindow *window;
  GtkWindow *dialog;

  if (g_test_subprocess ())
    {
      edit_then_crash ();
      return;
    }
  crash_child ();

  window = start_app ();
  g_assert_true (caravan_test_wait_until (dialog_shown, NULL, 10000));
  dialog = caravan_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Restore Unsaved Edits?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "“story.caravan”"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gtk_window_destroy (dialog);

  g_assert_true (caravan_test_wait_until (renamed_on_screen, window, 5000));
  g_assert_true (caravan_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  /* The file on disk was never touched; saving goes to it and removes the copy. */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_null (strstr (saved, "before the crash"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  caravan_test_iterate (100);
  g_clear_pointer (&saved, g_free);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"name\": \"Samarkand (before the crash)\""));
  g_assert_false (caravan_window_get_modified (window));
  g_assert_false (has_copy (NULL));
}

static void
test_discard (void)
{
  CaravanWindow *window;
  GtkWindow *dialog;

  if (g_test_subprocess ())
    {
      edit_then_crash ();
      return;
    }
  crash_child ();

  window = start_app ();
  g_assert_true (caravan_test_wait_until (dialog_shown, NULL, 10000));
  dialog = caravan_test_find_message_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_destroy (dialog);
  caravan_test_iterate (100);
  g_assert_false (has_copy (NULL));
  g_assert_false (renamed_on_screen (window));
  g_assert_false (caravan_window_get_modified (window));
}

int
main (int   argc,
      char *argv[])
{
  caravan_test_init (&argc, &argv);

  g_test_add_func ("/recovery/restore", test_restore);
  g_test_add_func ("/recovery/discard", test_discard);

  {
    int ret = g_test_run ();

    g_clear_object (&app);
    return ret;
  }
}
