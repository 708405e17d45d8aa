/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-dbus.c: the D-Bus remote control under misuse: SetState with an unknown id, a 1 MB id,
 * About activated twice, and a flood of asynchronous calls from another connection while the
 * window presents and reloads its story (the "stress" suite, also run under AddressSanitizer
 * by build-aux/test.sh). */

#define G_LOG_DOMAIN "caravan-test-dbus"

#include "config.h"

#include <glib/gstdio.h>

#include "caravan-application.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-test-utils.h"
#include "caravan-window.h"

static CaravanApplication *app;

static CaravanWindow *
get_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CARAVAN_IS_WINDOW (l->data))
      return l->data;
  g_assert_not_reached ();
}

static CaravanSelection *
get_selection (void)
{
  return caravan_window_get_selection (get_window ());
}

/* A second connection to the bus: calls from it arrive as another program's would. */
static GDBusConnection *
connect_other (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  GDBusConnection *connection;

  g_assert_no_error (error);
  connection =
    g_dbus_connection_new_for_address_sync (address,
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static const char *
get_app_name (void)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));

  return g_dbus_connection_get_unique_name (connection);
}

static void
on_call_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint *pending = user_data;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  (*pending)--;
}

/* Calls org.gtk.Actions.@method on the app from @connection and counts it in @pending. */
static void
call_async (GDBusConnection *connection,
            const char      *method,
            GVariant        *parameters,
            guint           *pending)
{
  (*pending)++;
  g_dbus_connection_call (connection, get_app_name (),
                          g_application_get_dbus_object_path (G_APPLICATION (app)),
                          "org.gtk.Actions", method, parameters, NULL, G_DBUS_CALL_FLAGS_NONE,
                          -1, NULL, on_call_done, pending);
}

static GVariant *
activate_args (const char *action,
               GVariant   *parameter)
{
  GVariantBuilder parameters;

  g_variant_builder_init (&parameters, G_VARIANT_TYPE ("av"));
  if (parameter != NULL)
    g_variant_builder_add (&parameters, "v", parameter);
  return g_variant_new ("(sava{sv})", action, &parameters, NULL);
}

static GVariant *
set_state_args (const char *action,
                GVariant   *value)
{
  return g_variant_new ("(sva{sv})", action, value, NULL);
}

static gboolean
none_pending (gpointer user_data)
{
  return *(guint *) user_data == 0;
}

static const char *
get_state (const char *action)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app), action);
  static char buffer[256];

  g_strlcpy (buffer, g_variant_get_string (state, NULL), sizeof buffer);
  return buffer;
}

/* SetState on select-place selects a known place and ignores an unknown id: the state always
 * names the place that is selected. */
static void
test_set_state (void)
{
  g_autoptr(GDBusConnection) other = connect_other ();
  guint pending = 0;

  caravan_window_open_bundled (get_window ());
  caravan_test_iterate (50);
  call_async (other, "SetState", set_state_args ("select-place", g_variant_new_string ("astana")),
              &pending);
  g_assert_true (caravan_test_wait_until (none_pending, &pending, 5000));
  caravan_test_iterate (50);
  g_assert_cmpstr (caravan_place_get_id (caravan_selection_get_place (get_selection ())), ==,
                   "astana");
  g_assert_cmpstr (get_state ("select-place"), ==, "astana");

  g_test_expect_message ("caravan-application", G_LOG_LEVEL_WARNING, "No place “nowhere”*");
  call_async (other, "SetState", set_state_args ("select-place", g_variant_new_string ("nowhere")),
              &pending);
  g_assert_true (caravan_test_wait_until (none_pending, &pending, 5000));
  caravan_test_iterate (50);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (caravan_place_get_id (caravan_selection_get_place (get_selection ())), ==,
                   "astana");
  g_assert_cmpstr (get_state ("select-place"), ==, "astana");
}

static GLogWriterOutput
count_log_bytes (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  gsize *longest = user_data;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      *longest = MAX (*longest, strlen (fields[i].value));
  return G_LOG_WRITER_HANDLED;
}

/* A 1 MB id is refused, and the log line names only its start. */
static void
test_huge_id (void)
{
  g_autoptr(GDBusConnection) other = connect_other ();
  g_autofree char *id = g_strnfill (1024 * 1024, 'x');
  guint pending = 0;
  gsize longest = 0;

  caravan_window_open_bundled (get_window ());
  caravan_selection_clear (get_selection ());
  caravan_test_iterate (50);
  /* only this test's messages go to the counting writer (see main) */
  g_object_set_data (G_OBJECT (app), "log-writer-longest", &longest);
  call_async (other, "Activate", activate_args ("select-event", g_variant_new_string (id)),
              &pending);
  call_async (other, "Activate", activate_args ("select-place", g_variant_new_string (id)),
              &pending);
  g_assert_true (caravan_test_wait_until (none_pending, &pending, 10000));
  caravan_test_iterate (50);
  g_object_set_data (G_OBJECT (app), "log-writer-longest", NULL);
  g_test_message ("longest log message: %zu bytes", longest);
  g_assert_cmpuint (longest, >, 0);
  g_assert_cmpuint (longest, <, 300);
  g_assert_cmpstr (get_state ("select-place"), ==, "");
}

/* undo, redo and save over D-Bus act on the window's story. */
static void
test_undo_redo_save (void)
{
  g_autoptr(GDBusConnection) other = connect_other ();
  CaravanWindow *window = get_window ();
  g_autofree char *dir = g_dir_make_tmp ("caravan-dbus-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  CaravanPlace *place;
  guint pending = 0;

  caravan_window_open_bundled (window);
  caravan_test_iterate (50);
  g_assert_true (caravan_window_save_to_file (window, file, NULL));
  place = caravan_story_lookup_place (caravan_selection_get_story (get_selection ()), "astana");
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Astana (renamed)");
  g_assert_true (caravan_undo_stack_set (caravan_window_get_undo_stack (window), place, "name",
                                         &value, "Rename Place", FALSE));

  call_async (other, "Activate", activate_args ("undo", NULL), &pending);
  g_assert_true (caravan_test_wait_until (none_pending, &pending, 10000));
  caravan_test_iterate (50);
  g_assert_cmpstr (caravan_place_get_name (place), ==, "Astana");
  call_async (other, "Activate", activate_args ("redo", NULL), &pending);
  g_assert_true (caravan_test_wait_until (none_pending, &pending, 10000));
  caravan_test_iterate (50);
  g_assert_cmpstr (caravan_place_get_name (place), ==, "Astana (renamed)");
  g_assert_true (caravan_window_get_modified (window));

  call_async (other, "Activate", activate_args ("save", NULL), &pending);
  g_assert_true (caravan_test_wait_until (none_pending, &pending, 10000));
  caravan_test_iterate (50);
  g_assert_false (caravan_window_get_modified (window));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"name\": \"Astana (renamed)\""));

  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
  g_rmdir (dir);
  caravan_window_open_bundled (window);
}

static guint
count_about_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      n += ADW_IS_ABOUT_WINDOW (window);
    }
  return n;
}

static void
test_about_once (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  caravan_test_iterate (100);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  caravan_test_iterate (100);
  g_assert_cmpuint (count_about_windows (), ==, 1);

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_ABOUT_WINDOW (window))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  caravan_test_iterate (50);
  g_assert_cmpuint (count_about_windows (), ==, 0);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  caravan_test_iterate (100);
  g_assert_cmpuint (count_about_windows (), ==, 1);
}

static const char * const flood_actions[] = {
  "next-event", "previous-event", "first-event", "last-event", "zoom-in", "zoom-out", "present",
};

/* 800 asynchronous calls from another program while the window presents and the
 * story file is rewritten (each save a reload in a worker thread), then the app still answers
 * and its state is the selection's. */
static void
test_flood (void)
{
  g_autoptr(GDBusConnection) other = connect_other ();
  g_autofree char *dir = g_dir_make_tmp ("caravan-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "story.caravan", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *source = g_build_filename (g_getenv ("CARAVAN_SOURCE_DIR"), "data", "stories",
                                              "multipolarity-kazakh-steppes.caravan", NULL);
  const char *places[] = { "astana", "khorgos", "samarkand", "nowhere", "" };
  GRand *rand = g_rand_new_with_seed (19);
  guint pending = 0;
  CaravanPlace *place;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  caravan_window_open_file (get_window (), file);
  caravan_test_iterate (500);
  caravan_window_start_presentation (get_window (), TRUE);

  for (guint round = 0; round < 8; round++)
    {
      for (guint i = 0; i < 100; i++)
        {
          const char *id = places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))];

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              call_async (other, "Activate",
                          activate_args ("select-place", g_variant_new_string (id)), &pending);
              break;
            case 1:
              call_async (other, "SetState",
                          set_state_args ("select-place", g_variant_new_string (id)), &pending);
              break;
            case 2:
              call_async (other, "Describe", g_variant_new ("(s)", "select-event"), &pending);
              break;
            default:
              {
                const char *action =
                  flood_actions[g_rand_int_range (rand, 0, G_N_ELEMENTS (flood_actions))];

                call_async (other, "Activate", activate_args (action, NULL), &pending);
              }
            }
        }
      /* a save every round: the window reloads while calls keep arriving */
      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      caravan_test_iterate (40);
    }
  g_assert_true (caravan_test_wait_until (none_pending, &pending, 60000));
  caravan_test_iterate (1000);
  g_rand_free (rand);

  /* still answering, and the state names the selection */
  call_async (other, "SetState", set_state_args ("select-place", g_variant_new_string ("khorgos")),
              &pending);
  g_assert_true (caravan_test_wait_until (none_pending, &pending, 5000));
  caravan_test_iterate (100);
  /* while presenting, the remote control moves the presentation's own selection */
  place = caravan_selection_get_place (caravan_window_get_active_selection (get_window ()));
  g_assert_nonnull (place);
  g_assert_cmpstr (caravan_place_get_id (place), ==, "khorgos");
  g_assert_cmpstr (get_state ("select-place"), ==, "khorgos");

  caravan_window_open_bundled (get_window ());
  caravan_test_iterate (200);
  g_unlink (path);
  g_rmdir (dir);
}

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  gsize *longest = app ? g_object_get_data (G_OBJECT (app), "log-writer-longest") : NULL;

  if (longest != NULL)
    return count_log_bytes (log_level, fields, n_fields, longest);
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);
  g_log_set_writer_func (log_writer, NULL, NULL);
  /* the app warns about each unknown id, which the flood and the 1 MB id provoke on purpose;
   * criticals stay fatal */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  app = caravan_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/dbus/set-state", test_set_state);
  g_test_add_func ("/dbus/huge-id", test_huge_id);
  g_test_add_func ("/dbus/about-once", test_about_once);
  g_test_add_func ("/dbus/undo-redo-save", test_undo_redo_save);
  if (g_getenv ("CARAVAN_TEST_FLOOD") != NULL)
    g_test_add_func ("/dbus/flood", test_flood);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
