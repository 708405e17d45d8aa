/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-export.c: the window's exports as a user gets them: Export… writes every format
 * in a thread while the window keeps running, Export Map Image… draws the map as it is on
 * screen (centre, zoom, the selected pin) at the size and scale asked, a file that cannot be
 * written gives a dialog that names it and says why and leaves nothing behind, and Print's
 * pages are the handout's (read back from GTK's own PDF export with pdftotext). */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "caravan-application.h"
#include "caravan-event.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-overlay.h"
#include "caravan-test-utils.h"
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

static gboolean
export_done (gpointer user_data)
{
  return !caravan_window_is_exporting (user_data);
}

static CaravanWindow *
window_with_story (void)
{
  CaravanWindow *window = get_window ();

  if (!caravan_window_has_story (window))
    caravan_window_open_bundled (window);
  g_assert_true (caravan_test_wait_until (has_story, window, 10000));
  return window;
}

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

typedef struct
{
  gint64 last;
  gint64 longest;
  guint  ticks;
} Ticker;

static gboolean
on_tick (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64 now = g_get_monotonic_time ();

  ticker->longest = MAX (ticker->longest, now - ticker->last);
  ticker->last = now;
  ticker->ticks++;
  return G_SOURCE_CONTINUE;
}

/* Exports @name and waits for it, counting how long the main loop went without running. */
static char *
export_file (CaravanWindow *window,
             const char    *name,
             gint64        *longest_stall)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Ticker ticker = { g_get_monotonic_time (), 0, 0 };
  guint tick = g_timeout_add (5, on_tick, &ticker);

  caravan_window_export_to_file (window, file, CARAVAN_PAPER_A4);
  /* Written in a thread: the call returns at once, and a second export waits for the first. */
  g_assert_true (caravan_window_is_exporting (window));
  g_assert_true (caravan_test_wait_until (export_done, window, 30000));
  g_source_remove (tick);
  if (longest_stall != NULL)
    *longest_stall = ticker.longest;
  return g_steal_pointer (&path);
}

static void
test_export_formats (void)
{
  CaravanWindow *window = window_with_story ();
  CaravanStory *story = caravan_selection_get_story (caravan_window_get_selection (window));
  g_autoptr(CaravanEvent) first = g_list_model_get_item (caravan_story_get_events (story), 0);
  static const struct { const char *name; const char *starts; } formats[] = {
    { "story.geojson", "{" },
    { "story.kml", "<?xml" },
    { "story.json", "{" },
    { "story.caravan", "{" },
    { "handout.pdf", "%PDF-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      gint64 stall = 0;
      g_autofree char *path = export_file (window, formats[i].name, &stall);
      g_autofree char *data = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (g_str_has_prefix (data, formats[i].starts));
      /* The title is in every format (in the PDF only as text: see below). */
      if (!g_str_has_suffix (path, ".pdf"))
        g_assert_nonnull (g_strstr_len (data, length, caravan_story_get_title (story)));
      g_test_message ("%s: %" G_GSIZE_FORMAT " bytes, main loop stalled at most %.0f ms",
                      formats[i].name, length, stall / 1000.0);
      /* The main loop kept running while the file was written. */
      g_assert_cmpint (stall, <, 500 * 1000);
    }

  {
    g_autofree char *pdf = g_build_filename (tmpdir, "handout.pdf", NULL);
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    g_autofree char *text = run (argv);
    g_autofree char *event_title = g_strdup (caravan_event_get_title (first));

    g_assert_nonnull (strstr (text, "Multipolarity"));
    /* The first step's title starts page 2 (its first words, as Pango may wrap it). */
    event_title[MIN (strlen (event_title), 12)] = '\0';
    g_assert_nonnull (strstr (text, event_title));
  }
}

/* A file in a folder that does not exist: a dialog names it and says why, nothing is
 * written, and the window can export again. */
static void
test_export_error (void)
{
  CaravanWindow *window = window_with_story ();
  g_autofree char *path = g_build_filename (tmpdir, "missing", "story.kml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog = NULL;

  caravan_window_export_to_file (window, file, CARAVAN_PAPER_A4);
  g_assert_true (caravan_test_wait_until (export_done, window, 30000));
  caravan_test_iterate (100);

  dialog = caravan_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "“story.kml” could not be exported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "No such file or directory"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (dialog);

  {
    g_autofree char *again = export_file (window, "again.kml", NULL);

    g_assert_true (g_file_test (again, G_FILE_TEST_IS_REGULAR));
  }
}

static gboolean
not_flying (gpointer user_data)
{
  return !caravan_map_view_get_flying (user_data);
}

static GdkPixbuf *
load_png (const char *path)
{
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf = gdk_pixbuf_new_from_file (path, &error);

  g_assert_no_error (error);
  return pixbuf;
}

/* Whether a pixel within @radius of (x, y) is within 40 (summed) of @rgb. */
static gboolean
has_colour_near (GdkPixbuf    *pixbuf,
                 double        x,
                 double        y,
                 int           radius,
                 const double  rgb[3])
{
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        int px = (int) round (x) + dx, py = (int) round (y) + dy;
        const guint8 *p;

        if (px < 0 || py < 0 || px >= gdk_pixbuf_get_width (pixbuf) ||
            py >= gdk_pixbuf_get_height (pixbuf))
          continue;
        p = pixels + py * stride + px * channels;
        if (fabs (p[0] - rgb[0] * 255) + fabs (p[1] - rgb[1] * 255) +
            fabs (p[2] - rgb[2] * 255) < 40)
          return TRUE;
      }
  return FALSE;
}

static void
export_image (CaravanWindow *window,
              const char    *name,
              int            width,
              int            height,
              double         scale,
              char         **out_path)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  caravan_window_export_image_to_file (window, file, width, height, scale);
  g_assert_true (caravan_window_is_exporting (window));
  g_assert_true (caravan_test_wait_until (export_done, window, 30000));
  *out_path = g_steal_pointer (&path);
}

/* The selected place's pin, orange, where the map view shows it: at the same offset from the
 * centre (times the scale) in every size, and absent from a map with no place selected. */
static void
test_export_image (void)
{
  CaravanWindow *window = window_with_story ();
  CaravanSelection *selection = caravan_window_get_selection (window);
  CaravanStory *story = caravan_selection_get_story (selection);
  CaravanPlace *place = caravan_story_lookup_place (story, "khorgos");
  GtkWidget *map = caravan_test_find_widget (GTK_WIDGET (window), CARAVAN_TYPE_MAP_VIEW, NULL);
  ShumateViewport *viewport = caravan_map_view_get_viewport (CARAVAN_MAP_VIEW (map));
  g_autofree char *view_png = NULL;
  g_autofree char *big_png = NULL;
  g_autoptr(GdkPixbuf) view = NULL;
  g_autoptr(GdkPixbuf) big = NULL;
  double orange[3], zoom, px, py, cx, cy;
  int w, h;

  g_assert_nonnull (place);
  caravan_selection_select_place (selection, place);
  caravan_test_iterate (300);
  g_assert_true (caravan_test_wait_until (not_flying, map, 10000));
  caravan_test_iterate (200);

  w = gtk_widget_get_width (map);
  h = gtk_widget_get_height (map);
  zoom = shumate_viewport_get_zoom_level (viewport);
  caravan_map_project (caravan_place_get_latitude (place), caravan_place_get_longitude (place),
                       zoom, &px, &py);
  caravan_map_project (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                       shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), zoom,
                       &cx, &cy);
  caravan_story_overlay_pin_color (place, TRUE, FALSE, orange);

  export_image (window, "view.png", 0, 0, 1, &view_png);
  view = load_png (view_png);
  g_assert_cmpint (gdk_pixbuf_get_width (view), ==, w);
  g_assert_cmpint (gdk_pixbuf_get_height (view), ==, h);
  g_assert_true (has_colour_near (view, w / 2.0 + px - cx, h / 2.0 + py - cy, 4, orange));

  export_image (window, "big.png", 1280, 720, 2, &big_png);
  big = load_png (big_png);
  g_assert_cmpint (gdk_pixbuf_get_width (big), ==, 2560);
  g_assert_cmpint (gdk_pixbuf_get_height (big), ==, 1440);
  g_assert_true (has_colour_near (big, 1280 + 2 * (px - cx), 720 + 2 * (py - cy), 8, orange));

  caravan_selection_select_place (selection, NULL);
  caravan_test_iterate (100);
  {
    g_autofree char *plain_png = NULL;
    g_autoptr(GdkPixbuf) plain = NULL;

    export_image (window, "plain.png", 1280, 720, 2, &plain_png);
    plain = load_png (plain_png);
    g_assert_false (has_colour_near (plain, 1280 + 2 * (px - cx), 720 + 2 * (py - cy), 8,
                                     orange));
  }
}

/* Print's pages, through GTK's own PDF export of the print operation. */
static void
test_print (void)
{
  CaravanWindow *window = window_with_story ();
  CaravanStory *story = caravan_selection_get_story (caravan_window_get_selection (window));
  guint n_steps = g_list_model_get_n_items (caravan_story_get_events (story));
  g_autoptr(GtkPrintOperation) operation = caravan_window_create_print_operation (window);
  g_autofree char *pdf = g_build_filename (tmpdir, "printed.pdf", NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(GError) error = NULL;
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *last_page = NULL;

  g_assert_nonnull (operation);
  gtk_page_setup_set_paper_size (setup, letter);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  info = run (info_argv);
  text = run (text_argv);
  /* A title page and a page per step, on the page setup's paper. */
  pages = g_strdup_printf ("Pages:           %u\n", n_steps + 1);
  g_assert_nonnull (strstr (info, pages));
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  g_assert_nonnull (strstr (text, "Multipolarity"));
  last_page = g_strdup_printf ("Page %u of %u", n_steps + 1, n_steps + 1);
  g_assert_nonnull (strstr (text, last_page));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);
  /* CARAVAN_SCREENSHOT_DIR keeps the exported files there, to look at. */
  if (g_getenv ("CARAVAN_SCREENSHOT_DIR") != NULL)
    tmpdir = g_build_filename (g_getenv ("CARAVAN_SCREENSHOT_DIR"), "window-export", NULL);
  if (tmpdir != NULL)
    g_mkdir_with_parents (tmpdir, 0755);
  else
    tmpdir = g_dir_make_tmp ("caravan-window-export-XXXXXX", &error);
  g_assert_no_error (error);

  app = caravan_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/window/export/formats", test_export_formats);
  g_test_add_func ("/window/export/error", test_export_error);
  g_test_add_func ("/window/export/image", test_export_image);
  g_test_add_func ("/window/export/print", test_print);

  ret = g_test_run ();
  g_clear_object (&app);
  if (g_getenv ("CARAVAN_SCREENSHOT_DIR") == NULL)
    caravan_test_remove_folder (tmpdir);
  g_free (tmpdir);
  return ret;
}
