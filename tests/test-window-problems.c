/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-problems.c: the window under hostile files: a story with 100,000 problems (on
 * open and on live reload) is listed capped and summed up while the window keeps drawing;
 * FIFOs, devices and symlinks to them are refused with a reason and no position. */

#define G_LOG_DOMAIN "caravan-test-window-problems"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "caravan-application.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-test-utils.h"
#include "caravan-window.h"

#define MAX_PROBLEMS_SHOWN 100  /* caravan-window-private.h */


static CaravanApplication *app;

static CaravanWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CARAVAN_IS_WINDOW (window));
  return CARAVAN_WINDOW (window);
}

static GtkRevealer *
get_revealer (void)
{
  return GTK_REVEALER (caravan_test_find_widget (GTK_WIDGET (get_window ()), GTK_TYPE_REVEALER,
                                                 NULL));
}

/* The problems shown, one row per item of the list view's model. */
static GListModel *
get_problem_rows (void)
{
  GtkWidget *list = caravan_test_find_widget (GTK_WIDGET (get_revealer ()), GTK_TYPE_LIST_VIEW,
                                              NULL);

  g_assert_nonnull (list);
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

static const char *
get_row (guint position)
{
  g_autoptr(GtkStringObject) row = g_list_model_get_item (get_problem_rows (), position);

  g_assert_nonnull (row);
  return gtk_string_object_get_string (row);
}

static gboolean
problems_shown (gpointer user_data)
{
  return gtk_revealer_get_reveal_child (get_revealer ()) &&
         g_list_model_get_n_items (get_problem_rows ()) > 0 &&
         (user_data == NULL || strstr (get_row (0), user_data) != NULL);
}

static void
dismiss_problems (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()), "win.dismiss-problems",
                                             NULL));
  g_assert_false (gtk_revealer_get_reveal_child (get_revealer ()));
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_drawn (gpointer user_data)
{
  return *(guint *) user_data >= 3;
}

/* The window still goes through frames: the main loop is not stuck in a layout. The bound is
 * for liveness, not speed (with the old bug the window never came back): generous, because a
 * 10 s wait ran out once in a local CI run on a loaded 2-core machine. */
static void
assert_window_draws (void)
{
  guint n_frames = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (get_window ()), on_tick, &n_frames, NULL);

  g_assert_true (caravan_test_wait_until (frames_drawn, &n_frames, 45000));
  gtk_widget_remove_tick_callback (GTK_WIDGET (get_window ()), id);
}

/* A story whose @n places all have a latitude of 95: @n problems. */
static char *
build_many_problems (guint n)
{
  GString *json = g_string_new ("{\n\"format_version\": 1,\n\"title\": \"Many\",\n\"places\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"p%u\", \"name\": \"P\", \"lat\": 95, \"lon\": 0}",
                            i > 0 ? ",\n" : "", i);
  g_string_append (json, "\n]\n}\n");
  return g_string_free (json, FALSE);
}

static void
assert_capped (guint n)
{
  g_autofree char *summary = g_strdup_printf ("…and %'u more", n - MAX_PROBLEMS_SHOWN);
  GListModel *rows = get_problem_rows ();

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, MAX_PROBLEMS_SHOWN + 1);
  g_assert_nonnull (strstr (get_row (0), "many.caravan:5:"));
  g_assert_nonnull (strstr (get_row (0), "95 is outside -90..90"));
  g_assert_nonnull (strstr (get_row (MAX_PROBLEMS_SHOWN - 1), "places[99].lat"));
  g_test_message ("summary: %s", get_row (MAX_PROBLEMS_SHOWN));
  g_assert_true (g_str_has_prefix (get_row (MAX_PROBLEMS_SHOWN), summary));
}

/* The summary row counts @user_data problems in all. */
static gboolean
summary_counts (gpointer user_data)
{
  g_autofree char *summary =
    g_strdup_printf ("…and %'u more", GPOINTER_TO_UINT (user_data) - MAX_PROBLEMS_SHOWN);

  return problems_shown (NULL) &&
         g_list_model_get_n_items (get_problem_rows ()) == MAX_PROBLEMS_SHOWN + 1 &&
         g_str_has_prefix (get_row (MAX_PROBLEMS_SHOWN), summary);
}

static gboolean
story_has_title (gpointer user_data)
{
  CaravanStory *story = caravan_selection_get_story (caravan_window_get_selection (get_window ()));

  return story != NULL && g_strcmp0 (caravan_story_get_title (story), user_data) == 0;
}

/* 100,000 problems on open and on live reload: 100 rows and a summary, and the window draws. */
static void
test_many_problems (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caravan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *many = build_many_problems (100000);
  g_autofree char *fewer = build_many_problems (5000);

  caravan_window_open_bundled (get_window ());
  g_assert_true (g_file_set_contents (path, many, -1, NULL));
  caravan_window_open_file (get_window (), file);
  g_assert_true (caravan_test_wait_until (problems_shown, (gpointer) "many.caravan", 60000));
  assert_capped (100000);
  assert_window_draws ();
  caravan_test_save_screenshot (GTK_WIDGET (get_window ()), "window-many-problems");
  dismiss_problems ();

  /* live reload: a good version on screen, then a save with 100,000 problems, then 5,000 */
  g_assert_true (g_file_set_contents (path, "{\"format_version\": 1, \"title\": \"Fixed\"}", -1,
                                      NULL));
  caravan_window_open_file (get_window (), file);
  g_assert_true (caravan_test_wait_until (story_has_title, (gpointer) "Fixed", 10000));
  g_assert_true (g_file_set_contents (path, many, -1, NULL));
  g_assert_true (caravan_test_wait_until (problems_shown, (gpointer) "many.caravan", 60000));
  assert_capped (100000);
  assert_window_draws ();
  g_assert_true (g_file_set_contents (path, fewer, -1, NULL));
  g_assert_true (caravan_test_wait_until (summary_counts, GUINT_TO_POINTER (5000), 60000));
  assert_capped (5000);
  assert_window_draws ();
  g_assert_true (story_has_title ((gpointer) "Fixed"));
  dismiss_problems ();

  caravan_window_open_bundled (get_window ());
  g_unlink (path);
  g_rmdir (dir);
}

/* Problems without a position read "FILE: message", never "FILE:0:0:". */
static void
assert_refused_in_window (const char *path,
                          const char *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *expected = g_strdup_printf ("%s: %s", base, reason);

  caravan_window_open_file (get_window (), file);
  g_assert_true (caravan_test_wait_until (problems_shown, (gpointer) base, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (get_problem_rows ()), ==, 1);
  g_assert_cmpstr (get_row (0), ==, expected);
  assert_window_draws ();
  dismiss_problems ();
}

static void
test_not_regular_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caravan-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.caravan", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.caravan", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.caravan", NULL);

  caravan_window_open_bundled (get_window ());
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* twice each: no reload attempt leaves a thread stuck on the FIFO */
  for (guint i = 0; i < 2; i++)
    {
      assert_refused_in_window (fifo, "this is a named pipe (FIFO), not a story file");
      assert_refused_in_window (zero, "this is a device, not a story file");
      assert_refused_in_window (folder, "this is a folder, not a story file");
    }
  g_assert_true (caravan_window_has_story (get_window ()));

  g_unlink (fifo);
  g_unlink (zero);
  g_rmdir (folder);
  g_rmdir (dir);
}

/* The longest strings the format allows (a 1,000-character title, 100,000-character
 * description and excerpt) open, show and select while the window keeps drawing. */
static void
test_longest_strings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("caravan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *title = g_strnfill (1000, 'T');
  GString *text = g_string_new (NULL);
  g_autofree char *json = NULL;
  CaravanStory *story;

  for (guint i = 0; i < 100000 / 10; i++)
    g_string_append (text, "word word ");
  json = g_strdup_printf ("{\"format_version\": 1, \"title\": \"%s\",\n"
                          "\"places\": [{\"id\": \"p\", \"name\": \"%s\", \"lat\": 43, \"lon\": 77,"
                          " \"description\": \"%s\"}],\n"
                          "\"events\": [{\"id\": \"e\", \"title\": \"%s\", \"date\": \"2020\","
                          " \"place\": \"p\", \"description\": \"%s\", \"notes\": \"%s\"}],\n"
                          "\"excerpts\": [{\"id\": \"x\", \"text\": \"%s\", \"places\": [\"p\"],"
                          " \"events\": [\"e\"]}]}\n",
                          title, title, text->str, title, text->str, text->str, text->str);
  g_string_free (text, TRUE);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  caravan_window_open_file (get_window (), file);
  g_assert_true (caravan_test_wait_until (story_has_title, title, 20000));
  assert_window_draws ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (get_window ())), <=, 3840);
  story = caravan_selection_get_story (caravan_window_get_selection (get_window ()));
  caravan_selection_select_event (caravan_window_get_selection (get_window ()),
                                  caravan_story_lookup_event (story, "e"));
  assert_window_draws ();
  caravan_test_save_screenshot (GTK_WIDGET (get_window ()), "window-longest-strings");
  /* no string, however long, widens the window beyond the screen */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (get_window ())), <=, 3840);

  caravan_window_open_bundled (get_window ());
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);

  app = caravan_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/window/problems/many", test_many_problems);
  g_test_add_func ("/window/problems/not-regular-files", test_not_regular_files);
  g_test_add_func ("/window/problems/longest-strings", test_longest_strings);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
