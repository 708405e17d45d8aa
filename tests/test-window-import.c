/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-import.c: other tools' files open in the window (open, drag and drop) through
 * the importer, and the window shows the import report; a refused file keeps the story. */

#define G_LOG_DOMAIN "caravan-test-window-import"

#include "config.h"

#include "caravan-application.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-test-utils.h"
#include "caravan-window.h"

static CaravanApplication *app;

static CaravanWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CARAVAN_IS_WINDOW (window));
  return CARAVAN_WINDOW (window);
}

static CaravanStory *
get_story (void)
{
  return caravan_selection_get_story (caravan_window_get_selection (get_window ()));
}

static GFile *
sample (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CARAVAN_SOURCE_DIR"), "tests", "data",
                                            "import", name, NULL);

  return g_file_new_for_path (path);
}

static GtkWidget *
get_revealer (void)
{
  return caravan_test_find_widget (GTK_WIDGET (get_window ()), GTK_TYPE_REVEALER, NULL);
}

static gboolean
report_shown (gpointer user_data)
{
  GtkWidget *revealer = get_revealer ();

  return revealer != NULL && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static const char *
get_report_title (void)
{
  return gtk_label_get_text (GTK_LABEL (caravan_test_find_widget (get_revealer (),
                                                                  GTK_TYPE_LABEL, "heading")));
}

/* The report's rows, one per line. */
static const char *
get_report_text (void)
{
  static char *text;
  GtkWidget *list = caravan_test_find_widget (get_revealer (), GTK_TYPE_LIST_VIEW, NULL);
  GListModel *rows;
  GString *joined = g_string_new (NULL);

  g_assert_nonnull (list);
  rows = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkStringObject) row = g_list_model_get_item (rows, i);

      g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "",
                              gtk_string_object_get_string (row));
    }
  g_free (text);
  text = g_string_free (joined, FALSE);
  return text;
}

static gboolean
story_titled (gpointer user_data)
{
  return get_story () != NULL &&
         g_strcmp0 (caravan_story_get_title (get_story ()), user_data) == 0;
}

static void
dismiss_report (void)
{
  if (report_shown (NULL))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (get_window ()),
                                               "win.dismiss-problems", NULL));
}

static void
test_open_gpx (void)
{
  g_autoptr(GFile) file = sample ("gpx-cerknicko-jezero.gpx");

  dismiss_report ();
  caravan_window_open_file (get_window (), file);
  g_assert_true (caravan_test_wait_until (story_titled, (gpointer) "gpx-cerknicko-jezero.gpx",
                                          5000));
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_places (get_story ())), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_routes (get_story ())), ==, 7);
  g_assert_true (report_shown (NULL));
  g_assert_cmpstr (get_report_title (), ==,
                   "“gpx-cerknicko-jezero.gpx” was imported from GPX: converted 7 places, "
                   "8 events, 0 excerpts and 7 routes");
  g_assert_cmpstr (get_report_text (), ==,
                   "gpx-cerknicko-jezero.gpx:59: dropped: ACTIVE LOG: a route needs at least "
                   "two points");
  caravan_test_save_screenshot (GTK_WIDGET (get_window ()), "window-import-gpx");
}

static void
test_drop_kml (void)
{
  g_autoptr(GFile) file = sample ("kml-Time.Time_Stamps.kml");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (get_window ()));
  GValue value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_value_init (&value, GDK_TYPE_FILE_LIST);
          g_value_set_boxed (&value, files);
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &handled);
          g_value_unset (&value);
          break;
        }
    }
  g_slist_free (files);
  g_assert_true (handled);
  g_assert_true (caravan_test_wait_until (story_titled, (gpointer) "Points with TimeStamps",
                                          5000));
  g_assert_cmpuint (g_list_model_get_n_items (caravan_story_get_events (get_story ())), ==, 3);
  /* Nothing dropped or guessed: the report is only the summary. */
  g_assert_cmpstr (get_report_text (), ==, "");
  g_assert_nonnull (strstr (get_report_title (), "imported from KML: converted 3 places"));
}

static void
test_refused_keeps_story (void)
{
  g_autoptr(GFile) kml = sample ("kml-Time.Time_Stamps.kml");
  g_autoptr(GFile) seurat = sample ("storymapjs-seurat-gigapixel.json");
  CaravanStory *before;

  caravan_window_open_file (get_window (), kml);
  g_assert_true (caravan_test_wait_until (story_titled, (gpointer) "Points with TimeStamps",
                                          5000));
  dismiss_report ();
  before = get_story ();
  caravan_window_open_file (get_window (), seurat);
  g_assert_true (caravan_test_wait_until (report_shown, NULL, 5000));
  g_assert_true (get_story () == before);
  g_assert_cmpstr (get_report_title (), ==,
                   "“storymapjs-seurat-gigapixel.json” could not be opened, so the current "
                   "story stays on screen");
  g_assert_nonnull (strstr (get_report_text (), "“gigapixel” story map"));
  caravan_test_save_screenshot (GTK_WIDGET (get_window ()), "window-import-refused");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);

  app = caravan_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/window-import/open-gpx", test_open_gpx);
  g_test_add_func ("/window-import/drop-kml", test_drop_kml);
  g_test_add_func ("/window-import/refused-keeps-story", test_refused_keeps_story);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
