/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-story-input.c: hostile inputs below the JSON level: FIFOs, devices, folders and symlinks
 * to them are refused before they are opened; reads stop at the size cap whatever the file's
 * size says. */

#define G_LOG_DOMAIN "caravan-test-story-input"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "caravan-story.h"
#include "caravan-story-file.h"
#include "caravan-story-loader.h"
#include "caravan-story-problem.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("caravan-input-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Loads @path, which must be refused as "not a story file" naming @what, with no position. */
static void
assert_refused (const char *path,
                const char *what)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStoryProblem) problem = NULL;

  g_assert_null (caravan_story_loader_load_file (file, NULL, &problems, &error));
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, what));
  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, 1);
  problem = g_list_model_get_item (problems, 0);
  g_assert_cmpint (caravan_story_problem_get_code (problem), ==, CARAVAN_STORY_ERROR_NOT_A_FILE);
  g_assert_cmpuint (caravan_story_problem_get_line (problem), ==, 0);
}

/* A FIFO with no writer blocks open() forever: it must be refused without being opened. */
static void
test_fifo (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pipe.caravan", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused (path, "FIFO");
  g_unlink (path);
  g_rmdir (dir);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The window loads in a worker thread: a FIFO must not leave that thread stuck. */
static void
test_fifo_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pipe.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_object (&result);
      g_clear_object (&problems);
      g_clear_error (&error);
      caravan_story_loader_load_file_async (file, NULL, on_loaded, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_null (caravan_story_loader_load_file_finish (result, &problems, &error));
      g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_NOT_A_FILE);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* /dev/zero never ends and says its size is 0; a symlink to it is no better. */
static void
test_device_and_symlink (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *link = g_build_filename (dir, "story.caravan", NULL);

  assert_refused ("/dev/zero", "device");
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  assert_refused (link, "device");
  g_unlink (link);
  g_rmdir (dir);
}

static void
test_directory (void)
{
  g_autofree char *dir = make_temp_dir ();

  assert_refused (dir, "folder");
  g_rmdir (dir);
}

/* /proc files are regular files of size 0 with content: the read itself is bounded. */
static void
test_bounded_read (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/self/maps");
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_size (info), ==, 0);

  bytes = caravan_story_file_read (file, 64, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 bytes"));
  g_clear_error (&error);

  /* the same file, read whole with room to spare */
  bytes = caravan_story_file_read (file, 16 * 1024 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 64);
}

/* Command-line arguments: only GIO's schemes make a URI; other colons are part of a name. */
static void
test_arg_with_colon (void)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = g_build_filename (cwd, "notes:v2.caravan", NULL);
  g_autoptr(GFile) colon = caravan_story_file_new_for_arg ("notes:v2.caravan");
  g_autoptr(GFile) uri = caravan_story_file_new_for_arg ("file:///tmp/a%20b.caravan");
  g_autoptr(GFile) absolute = caravan_story_file_new_for_arg ("/tmp/c:d.caravan");
  g_autoptr(GFile) resource = caravan_story_file_new_for_arg ("resource:///x/y.caravan");

  g_assert_true (g_file_is_native (colon));
  g_assert_cmpstr (g_file_peek_path (colon), ==, expected);
  g_assert_cmpstr (g_file_peek_path (uri), ==, "/tmp/a b.caravan");
  g_assert_cmpstr (g_file_peek_path (absolute), ==, "/tmp/c:d.caravan");
  g_assert_true (g_file_has_uri_scheme (resource, "resource"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/story/input/fifo", test_fifo);
  g_test_add_func ("/story/input/fifo-async", test_fifo_async);
  g_test_add_func ("/story/input/device-and-symlink", test_device_and_symlink);
  g_test_add_func ("/story/input/directory", test_directory);
  g_test_add_func ("/story/input/bounded-read", test_bounded_read);
  g_test_add_func ("/story/input/arg-with-colon", test_arg_with_colon);

  return g_test_run ();
}
