/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-record-command.c: `caravan --record OUT STORY`: checks the options, finds a display
 * to draw on (without one it starts a headless X server of its own), runs CaravanRecorder and
 * prints its progress. Ctrl+C stops at the next frame and still leaves a playable file. */

#define G_LOG_DOMAIN "caravan-record-command"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "caravan-map-theme.h"
#include "caravan-record-command.h"
#include "caravan-recorder.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

typedef struct
{
  GMainLoop       *loop;
  GCancellable    *cancellable;
  CaravanRecorder *recorder;
  GError          *error;
  gint64           started;
  int              last_percent;
  gboolean         interrupted;
  gboolean         tty;
} RecordRun;

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL)
    return FALSE;
  parts = g_strsplit (text, "x", 3);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 16, 7680, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 16, 4320, &h, NULL) ||
      w % 2 != 0 || h % 2 != 0)
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

/* A headless X server for machines without a display (servers, CI), as tests/headless.sh
 * starts one: -displayfd lets it pick a free display number. */
static GSubprocess *
start_xvfb (int width,
            int height)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) xvfb = NULL;
  g_autofree char *screen = g_strdup_printf ("%dx%dx24", width, height);
  g_autofree char *xvfb_path = g_find_program_in_path ("Xvfb");
  char number[32] = { 0 };
  int fds[2];
  ssize_t n;

  if (xvfb_path == NULL || !g_unix_open_pipe (fds, FD_CLOEXEC, NULL))
    return NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  xvfb = g_subprocess_launcher_spawn (launcher, NULL, xvfb_path, "-displayfd", "3", "-screen", "0",
                                      screen, "-nolisten", "tcp", NULL);
  g_clear_object (&launcher);   /* closes our copy of the write end */
  /* Xvfb writes the number and the newline separately: closing the pipe after the first
   * write killed it with SIGPIPE on the second, and GTK then found no display. */
  n = 0;
  while (xvfb != NULL && n < (ssize_t) sizeof number - 1 && strchr (number, '\n') == NULL)
    {
      ssize_t got = read (fds[0], number + n, sizeof number - 1 - n);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        break;
      n += got;
    }
  close (fds[0]);
  if (n <= 0 || strchr (number, '\n') == NULL)
    {
      if (xvfb != NULL)
        g_subprocess_force_exit (xvfb);
      return NULL;
    }

  g_strstrip (number);
  {
    g_autofree char *display = g_strconcat (":", number, NULL);

    g_setenv ("DISPLAY", display, TRUE);
    g_setenv ("GDK_BACKEND", "x11", TRUE);
    g_unsetenv ("WAYLAND_DISPLAY");
  }
  return g_steal_pointer (&xvfb);
}

static gboolean
on_interrupt (gpointer user_data)
{
  RecordRun *run = user_data;

  if (!run->interrupted)
    g_printerr ("\n%s\n", _("Stopping: finishing the video so far…"));
  run->interrupted = TRUE;
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

static void
on_progress (CaravanRecorder *recorder,
             guint            done,
             guint            total,
             RecordRun       *run)
{
  int percent = total > 0 ? (int) (100 * (guint64) done / total) : 100;
  double seconds = (g_get_monotonic_time () - run->started) / 1e6;

  if (percent == run->last_percent && done != total)
    return;
  run->last_percent = percent;
  /* Translators: progress of caravan --record: frames, percentage, frames per second */
  g_print (_("%sRecording: frame %u of %u (%d%%), %.1f frames/s"), run->tty ? "\r" : "", done,
           total, percent, seconds > 0 ? done / seconds : 0);
  g_print ("%s", run->tty && done != total ? "" : "\n");
  fflush (stdout);
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RecordRun *run = user_data;

  caravan_recorder_record_finish (CARAVAN_RECORDER (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static CaravanStory *
load_story (const char *path)
{
  g_autoptr(GError) error = NULL;
  CaravanStory *story;

  if (path == NULL)
    story = caravan_story_load_bundled (&error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      story = caravan_story_loader_load_file (file, NULL, NULL, &error);
    }
  if (story == NULL)
    g_printerr ("%s: %s\n", path ? path : _("bundled story"), error->message);
  return story;
}

static int
record (const CaravanRecordOptions *options,
        CaravanRecorder            *recorder,
        GFile                      *output)
{
  RecordRun run = { .last_percent = -1, .tty = isatty (STDOUT_FILENO) };
  guint sigint, sigterm;
  double seconds;
  int status;

  run.loop = g_main_loop_new (NULL, FALSE);
  run.cancellable = g_cancellable_new ();
  run.started = g_get_monotonic_time ();
  sigint = g_unix_signal_add (SIGINT, on_interrupt, &run);
  sigterm = g_unix_signal_add (SIGTERM, on_interrupt, &run);
  g_signal_connect (recorder, "progress", G_CALLBACK (on_progress), &run);

  caravan_recorder_record_async (recorder, output, run.cancellable, on_recorded, &run);
  g_main_loop_run (run.loop);

  g_source_remove (sigint);
  g_source_remove (sigterm);
  seconds = (g_get_monotonic_time () - run.started) / 1e6;

  if (run.error == NULL || (run.interrupted && g_error_matches (run.error, G_IO_ERROR,
                                                                G_IO_ERROR_CANCELLED)))
    {
      guint frames = caravan_recorder_get_frames_done (recorder);
      int fps = options->fps > 0 ? options->fps : CARAVAN_RECORDER_DEFAULT_FPS;

      /* Translators: the summary of caravan --record */
      g_print (_("%s: %u frames, %.1f s of video, encoded in %.1f s (%.1f frames/s, %.2f× "
                 "real time)\n"),
               options->output, frames, (double) frames / fps, seconds,
               seconds > 0 ? frames / seconds : 0,
               seconds > 0 ? frames / (double) fps / seconds : 0);
      if (run.interrupted)
        g_printerr ("%s\n", run.error->message);
      status = run.interrupted ? CARAVAN_RECORD_INTERRUPTED : CARAVAN_RECORD_OK;
    }
  else
    {
      g_printerr ("%s: %s\n", options->output, run.error->message);
      status = CARAVAN_RECORD_FAILED;
    }

  g_clear_error (&run.error);
  g_clear_object (&run.cancellable);
  g_main_loop_unref (run.loop);
  return status;
}

int
caravan_record_command (const CaravanRecordOptions *options)
{
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(CaravanRecorder) recorder = NULL;
  g_autoptr(GSubprocess) xvfb = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  CaravanMapTheme theme = CARAVAN_MAP_THEME_PROJECTOR;
  int width = CARAVAN_RECORDER_DEFAULT_WIDTH, height = CARAVAN_RECORDER_DEFAULT_HEIGHT;
  guint n_events;
  int status;

  if (options->size != NULL && !parse_size (options->size, &width, &height))
    {
      g_printerr (_("--size needs WxH in pixels, even numbers such as 1280x720 (16…7680 by "
                    "16…4320), not “%s”.\n"), options->size);
      return CARAVAN_RECORD_BAD_ARGUMENTS;
    }
  if (options->theme != NULL && !caravan_map_theme_from_string (options->theme, &theme))
    {
      g_printerr (_("--theme must be light, dark or projector, not “%s”.\n"), options->theme);
      return CARAVAN_RECORD_BAD_ARGUMENTS;
    }
  if (options->fps < 0 || options->fps > 120)
    {
      g_printerr (_("--fps must be between 1 and 120, not %d.\n"), options->fps);
      return CARAVAN_RECORD_BAD_ARGUMENTS;
    }
  if (options->seconds_per_step < 0 || options->seconds_per_step > 3600 ||
      (options->seconds_per_step > 0 && options->seconds_per_step < 0.1))
    {
      g_printerr (_("--seconds-per-step must be between 0.1 and 3600, not %g.\n"),
                  options->seconds_per_step);
      return CARAVAN_RECORD_BAD_ARGUMENTS;
    }
  if (options->from < 0 || options->to < 0 || (options->to > 0 && options->from > options->to))
    {
      g_printerr (_("--from and --to are step numbers from 1, with --from not after --to.\n"));
      return CARAVAN_RECORD_BAD_ARGUMENTS;
    }

  /* Format, encoder and file first: these errors need no display. */
  output = g_file_new_for_commandline_arg (options->output);
  if (!caravan_recorder_check_output (output, &error))
    {
      g_printerr ("%s\n", error->message);
      /* A name that is no video file is a usage error, as in --convert. */
      return g_error_matches (error, CARAVAN_RECORDER_ERROR, CARAVAN_RECORDER_ERROR_FORMAT)
             ? CARAVAN_RECORD_BAD_ARGUMENTS : CARAVAN_RECORD_FAILED;
    }

  story = load_story (options->story);
  if (story == NULL)
    return CARAVAN_RECORD_FAILED;
  n_events = g_list_model_get_n_items (caravan_story_get_events (story));
  if ((guint) MAX (options->from, 1) > n_events)
    {
      g_printerr (_("%s: the story has %u steps; --from %d is past its end.\n"),
                  options->story ? options->story : _("bundled story"), n_events, options->from);
      return CARAVAN_RECORD_BAD_ARGUMENTS;
    }

  /* GTK opens the display once only: start our own server before, when there is none. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    xvfb = start_xvfb (width, height);
  if (!gtk_init_check ())
    {
      g_printerr ("%s\n", _("No display to draw on: run caravan --record in a desktop session, "
                            "or install Xvfb (the xvfb package)."));
      if (xvfb != NULL)
        g_subprocess_force_exit (xvfb);
      return CARAVAN_RECORD_FAILED;
    }
  adw_init ();

  recorder = caravan_recorder_new (story);
  caravan_recorder_set_size (recorder, width, height);
  caravan_recorder_set_fps (recorder,
                            options->fps > 0 ? (guint) options->fps : CARAVAN_RECORDER_DEFAULT_FPS);
  caravan_recorder_set_seconds_per_step (recorder, options->seconds_per_step);
  caravan_recorder_set_theme (recorder, theme);
  caravan_recorder_set_steps (recorder, options->from > 0 ? (guint) options->from - 1 : 0,
                              options->to > 0 ? (guint) options->to - 1 : G_MAXUINT);

  status = record (options, recorder, output);

  if (xvfb != NULL)
    {
      g_subprocess_send_signal (xvfb, SIGTERM);
      g_subprocess_wait (xvfb, NULL, NULL);
    }
  return status;
}
