/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-video-dialog.c: Export Video… in the window's menu, enabled only with a story; the
 * dialog records the steps asked for at the size and frame rate asked for (read back with
 * GStreamer's discoverer), its progress bar runs from 0 to 1 with the frame counts, the main
 * loop keeps running while it records; Cancel and closing the dialog leave a playable file;
 * a missing folder is an error that names the file and the reason, and writes nothing; the
 * presentation it films is never on the screen. */

#define G_LOG_DOMAIN "caravan-test-video-dialog"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gst/pbutils/pbutils.h>

#include "caravan-application.h"
#include "caravan-presentation.h"
#include "caravan-test-utils.h"
#include "caravan-video-dialog.h"
#include "caravan-window.h"

#define WIDTH  320
#define HEIGHT 180
#define FPS    10

static CaravanApplication *app;
static CaravanWindow *window;
static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static CaravanVideoDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CARAVAN_IS_VIDEO_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return CARAVAN_VIDEO_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

static gboolean
is_gone (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static gboolean
is_idle (gpointer user_data)
{
  return !caravan_video_dialog_get_recording (user_data);
}

/* The dialog of Export Video…, on the window's story, asked for @n_steps steps from step 2
 * of @seconds each, at WIDTH×HEIGHT and FPS. */
static CaravanVideoDialog *
open_dialog (guint  n_steps,
             double seconds)
{
  CaravanVideoDialog *dialog;

  g_assert_null (find_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-video", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (caravan_test_wait_until (is_drawn, dialog, 5000));

  caravan_video_dialog_set_video_size (dialog, WIDTH, HEIGHT);
  caravan_video_dialog_set_fps (dialog, FPS);
  caravan_video_dialog_set_seconds_per_step (dialog, seconds);
  caravan_video_dialog_set_steps (dialog, 2, 1 + n_steps);
  return dialog;
}

static void
close_dialog (CaravanVideoDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (caravan_test_wait_until (is_gone, &weak, 60000));
}

static GtkProgressBar *
get_progress_bar (CaravanVideoDialog *dialog)
{
  return GTK_PROGRESS_BAR (caravan_test_find_widget (GTK_WIDGET (dialog),
                                                     GTK_TYPE_PROGRESS_BAR, NULL));
}

static void
assert_status_has (CaravanVideoDialog *dialog,
                   const char         *text)
{
  const char *status = caravan_video_dialog_get_status (dialog);

  if (strstr (status, text) == NULL)
    g_error ("“%s” is not in the status “%s”", text, status);
}

typedef struct
{
  GstClockTime duration;
  guint        width;
  guint        height;
  guint        fps_n;
  guint        fps_d;
} VideoInfo;

static void
discover (const char *path,
          VideoInfo  *info)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = gst_filename_to_uri (path, &error);
  g_autoptr(GstDiscoverer) discoverer = gst_discoverer_new (20 * GST_SECOND, &error);
  g_autoptr(GstDiscovererInfo) result = NULL;
  GstDiscovererVideoInfo *video;
  GList *streams;

  g_assert_no_error (error);
  result = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (result), ==, GST_DISCOVERER_OK);
  streams = gst_discoverer_info_get_video_streams (result);
  g_assert_cmpuint (g_list_length (streams), ==, 1);
  video = streams->data;
  info->duration = gst_discoverer_info_get_duration (result);
  info->width = gst_discoverer_video_info_get_width (video);
  info->height = gst_discoverer_video_info_get_height (video);
  info->fps_n = gst_discoverer_video_info_get_framerate_num (video);
  info->fps_d = gst_discoverer_video_info_get_framerate_denom (video);
  gst_discoverer_stream_info_list_free (streams);
  g_test_message ("%s: %" GST_TIME_FORMAT ", %ux%u at %u/%u", path,
                  GST_TIME_ARGS (info->duration), info->width, info->height, info->fps_n,
                  info->fps_d);
}

/* A 1 ms timeout: how often and how regularly the main loop ran. */
typedef struct
{
  guint  id;
  guint  n_ticks;
  gint64 last;
  gint64 longest_gap;
} Ticker;

static gboolean
on_tick (gpointer user_data)
{
  Ticker *ticker = user_data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last > 0)
    ticker->longest_gap = MAX (ticker->longest_gap, now - ticker->last);
  ticker->last = now;
  ticker->n_ticks++;
  return G_SOURCE_CONTINUE;
}

/* What the progress bar showed, in order, and on how many of its steps a presentation was
 * being filmed (off screen: it is checked at each). */
typedef struct
{
  GArray    *fractions;
  GPtrArray *texts;
  guint      presentations_seen;
} Progress;

static void
on_fraction (GtkProgressBar *bar,
             GParamSpec     *pspec,
             Progress       *progress)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  g_array_append_val (progress->fractions, fraction);
  progress->presentations_seen += caravan_test_assert_off_screen (CARAVAN_TYPE_PRESENTATION);
}

static void
on_text (GtkProgressBar *bar,
         GParamSpec     *pspec,
         Progress       *progress)
{
  g_ptr_array_add (progress->texts, g_strdup (gtk_progress_bar_get_text (bar)));
}

static gboolean
has_recorded_a_quarter (gpointer user_data)
{
  return !caravan_video_dialog_get_recording (user_data) ||
         gtk_progress_bar_get_fraction (get_progress_bar (user_data)) >= 0.25;
}

static void
save_screenshot (CaravanVideoDialog *dialog,
                 const char         *name)
{
  g_autoptr(GdkTexture) texture = caravan_test_save_screenshot (GTK_WIDGET (dialog), name);
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The window's menu offers Export Video… with the other exports, after Open and Save. */
static void
test_menu_item (void)
{
  GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (window));
  GMenuModel *menu;
  int open_section = -1, video_section = -1, export_section = -1;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          if (g_strcmp0 (action, "win.open") == 0)
            open_section = i;
          if (g_strcmp0 (action, "win.export") == 0)
            export_section = i;
          if (g_strcmp0 (action, "win.export-video") == 0)
            {
              video_section = i;
              g_assert_cmpstr (label, ==, "Export _Video…");
            }
        }
    }
  g_assert_cmpint (open_section, >=, 0);
  g_assert_cmpint (video_section, >, open_section);
  g_assert_cmpint (video_section, ==, export_section);
}

/* Without a story there is nothing to record: the action opens no dialog. */
static void
test_needs_story (void)
{
  CaravanWindow *empty = caravan_window_new (app);
  CaravanVideoDialog *dialog;

  gtk_window_present (GTK_WINDOW (empty));
  g_assert_false (caravan_window_has_story (empty));
  gtk_widget_activate_action (GTK_WIDGET (empty), "win.export-video", NULL);
  caravan_test_iterate (100);
  g_assert_null (find_dialog ());

  caravan_window_open_bundled (empty);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (empty), "win.export-video", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (empty));
  close_dialog (dialog);
  gtk_window_destroy (GTK_WINDOW (empty));
  caravan_test_iterate (100);
}

static void
test_record (void)
{
  CaravanVideoDialog *dialog = open_dialog (2, 2);
  GtkProgressBar *bar = get_progress_bar (dialog);
  g_autofree char *path = tmp_path ("video.webm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)),
                        g_ptr_array_new_with_free_func (g_free) };
  Ticker ticker = { 0 };
  guint n_between = 0;
  VideoInfo info;

  /* 2 steps × 2 s × 10 fps */
  assert_status_has (dialog, "The video will last 0:04 (40 frames).");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  save_screenshot (dialog, "video-dialog-before");

  g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction), &progress);
  g_signal_connect (bar, "notify::text", G_CALLBACK (on_text), &progress);
  ticker.id = g_timeout_add (1, on_tick, &ticker);
  caravan_video_dialog_record_to (dialog, file);

  g_assert_true (caravan_video_dialog_get_recording (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 0);
  g_assert_cmpstr (gtk_progress_bar_get_text (bar), ==, "Frame 0 of 40 · 0:00 of 0:04");
  assert_status_has (dialog, "Recording “video.webm”");

  g_assert_true (caravan_test_wait_until (has_recorded_a_quarter, dialog, 60000));
  if (caravan_video_dialog_get_recording (dialog))
    save_screenshot (dialog, "video-dialog-recording");
  g_assert_true (caravan_test_wait_until (is_idle, dialog, 60000));
  g_source_remove (ticker.id);
  g_signal_handlers_disconnect_by_data (bar, &progress);

  /* From 0 to 1, never back, with the frame counts on the bar. */
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 1);
  g_assert_cmpstr (gtk_progress_bar_get_text (bar), ==, "Frame 40 of 40 · 0:04 of 0:04");
  for (guint i = 1; i < progress.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (progress.fractions, double, i), >=,
                       g_array_index (progress.fractions, double, i - 1));
  for (guint i = 0; i < progress.texts->len; i++)
    {
      const char *text = progress.texts->pdata[i];

      g_assert_true (g_str_has_prefix (text, "Frame "));
      g_assert_nonnull (strstr (text, " of 40 · "));
      n_between += !g_str_has_prefix (text, "Frame 0 ") && !g_str_has_prefix (text, "Frame 40 ");
    }
  g_test_message ("the bar showed %u texts, %u between the first and the last frame",
                  progress.texts->len, n_between);
  g_assert_cmpuint (n_between, >, 0);
  /* Issue 18: the recorder's presentation covered the screen's corner while it recorded. */
  g_assert_cmpuint (progress.presentations_seen, >, 0);
  g_assert_cmpuint (caravan_test_assert_off_screen (CARAVAN_TYPE_PRESENTATION), ==, 0);
  g_array_unref (progress.fractions);
  g_ptr_array_unref (progress.texts);

  /* The window did not freeze: the main loop ran all along. */
  g_test_message ("1 ms timeout: %u ticks, longest gap %.1f ms", ticker.n_ticks,
                  ticker.longest_gap / 1000.0);
  g_assert_cmpuint (ticker.n_ticks, >, 40);
  g_assert_cmpint (ticker.longest_gap, <, 500 * 1000);

  assert_status_has (dialog, "Saved “video.webm”, 0:04 of video.");
  save_screenshot (dialog, "video-dialog-done");
  discover (path, &info);
  g_assert_cmpuint (info.width, ==, WIDTH);
  g_assert_cmpuint (info.height, ==, HEIGHT);
  g_assert_cmpuint (info.fps_n, ==, FPS);
  g_assert_cmpuint (info.fps_d, ==, 1);
  g_assert_cmpuint (info.duration, >=, 4 * GST_SECOND - GST_SECOND / FPS);
  g_assert_cmpuint (info.duration, <=, 4 * GST_SECOND + GST_SECOND / FPS);

  close_dialog (dialog);
}

static gboolean
has_recorded_20_frames (gpointer user_data)
{
  return gtk_progress_bar_get_fraction (get_progress_bar (user_data)) >= 20.0 / 80;
}

/* Cancel stops the recording; what was recorded plays, and the dialog says so. */
static void
test_cancel (void)
{
  CaravanVideoDialog *dialog = open_dialog (4, 2);
  GtkProgressBar *bar = get_progress_bar (dialog);
  g_autofree char *path = tmp_path ("cancelled.webm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VideoInfo info;
  guint done;

  caravan_video_dialog_record_to (dialog, file);
  g_assert_true (caravan_test_wait_until (has_recorded_20_frames, dialog, 60000));
  g_assert_true (caravan_video_dialog_get_recording (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "video.cancel", NULL));
  assert_status_has (dialog, "Stopping");
  g_assert_true (caravan_test_wait_until (is_idle, dialog, 60000));

  done = (guint) (gtk_progress_bar_get_fraction (bar) * 80 + 0.5);
  g_test_message ("%s; %u frames", caravan_video_dialog_get_status (dialog), done);
  g_assert_cmpuint (done, >=, 20);
  g_assert_cmpuint (done, <, 80);
  assert_status_has (dialog, "Recording cancelled after ");
  assert_status_has (dialog, " of 0:08. “cancelled.webm” holds the video so far and plays.");
  save_screenshot (dialog, "video-dialog-cancelled");

  discover (path, &info);
  g_assert_cmpuint (info.width, ==, WIDTH);
  g_assert_cmpuint (info.height, ==, HEIGHT);
  g_assert_cmpuint (info.duration, >=, (done - 1) * GST_SECOND / FPS);
  g_assert_cmpuint (info.duration, <=, (done + 1) * GST_SECOND / FPS);

  close_dialog (dialog);
}

/* A folder that does not exist: the error names the file and the reason; nothing is written. */
static void
test_missing_folder (void)
{
  CaravanVideoDialog *dialog = open_dialog (2, 1);
  g_autofree char *folder = tmp_path ("no-such-folder");
  /* Shown as typed, never as markup. */
  g_autofree char *path = g_build_filename (folder, "<big>lost & found.webm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  caravan_video_dialog_record_to (dialog, file);
  g_assert_true (caravan_test_wait_until (is_idle, dialog, 60000));
  g_test_message ("%s", caravan_video_dialog_get_status (dialog));
  assert_status_has (dialog, "“<big>lost & found.webm” was not recorded.");
  assert_status_has (dialog, "No such file or directory");
  /* No frame was recorded: no "Frame 0 of 20" either. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (get_progress_bar (dialog))));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  /* Another try is a click away. */
  g_assert_true (gtk_widget_get_visible (caravan_test_find_widget (GTK_WIDGET (dialog),
                                                                   GTK_TYPE_BUTTON,
                                                                   "suggested-action")));
  save_screenshot (dialog, "video-dialog-error");

  close_dialog (dialog);
}

static gboolean
has_recorded_10_frames (gpointer user_data)
{
  return gtk_progress_bar_get_fraction (get_progress_bar (user_data)) >= 10.0 / 80;
}

/* Closing the dialog while it records cancels: the dialog goes, the file is finished. */
static void
test_close_while_recording (void)
{
  CaravanVideoDialog *dialog = open_dialog (4, 2);
  g_autofree char *path = tmp_path ("closed.webm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gpointer weak = dialog;
  VideoInfo info;

  caravan_video_dialog_record_to (dialog, file);
  g_assert_true (caravan_test_wait_until (has_recorded_10_frames, dialog, 60000));
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (find_dialog ());
  g_assert_true (caravan_test_wait_until (is_gone, &weak, 60000));

  discover (path, &info);
  g_assert_cmpuint (info.width, ==, WIDTH);
  g_assert_cmpuint (info.duration, >=, GST_SECOND);
  g_assert_cmpuint (info.duration, <, 8 * GST_SECOND);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  caravan_test_init (&argc, &argv);
  gst_init (NULL, NULL);
  tmp_dir = g_dir_make_tmp ("caravan-test-video-dialog-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  app = caravan_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = CARAVAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (caravan_window_has_story (window));

  g_test_add_func ("/video-dialog/menu-item", test_menu_item);
  g_test_add_func ("/video-dialog/needs-story", test_needs_story);
  g_test_add_func ("/video-dialog/record", test_record);
  g_test_add_func ("/video-dialog/cancel", test_cancel);
  g_test_add_func ("/video-dialog/missing-folder", test_missing_folder);
  g_test_add_func ("/video-dialog/close-while-recording", test_close_while_recording);
  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_clear_object (&app);
  return status;
}
