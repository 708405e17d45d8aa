/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-problems.c: prints how long the window takes from opening a story with N problems to
 * the first frame that shows them (the loader's worker thread included), and the longest main
 * loop stall meanwhile, for N = 1,000, 5,000 and 100,000. Before the problems became a list
 * view, 1,000 stalled 1.2 s and 100,000 never came back. Run: tests/headless.sh 1280x800
 * _build/tests/bench/bench-problems (needs GSETTINGS_SCHEMA_DIR=_build/data). */

#define G_LOG_DOMAIN "caravan-bench-problems"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "caravan-application.h"
#include "caravan-window.h"

typedef struct
{
  gint64 last_tick;
  gint64 longest_stall;
} Stall;

static gboolean
on_tick (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last_tick > 0)
    stall->longest_stall = MAX (stall->longest_stall, now - stall->last_tick);
  stall->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static GtkRevealer *
find_revealer (GtkWidget *root)
{
  if (GTK_IS_REVEALER (root))
    return GTK_REVEALER (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found = find_revealer (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
run (GtkWindow *window,
     guint      n)
{
  g_autofree char *dir = g_dir_make_tmp ("caravan-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.caravan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GString *json = g_string_new ("{\"format_version\": 1, \"title\": \"Many\", \"places\": [\n");
  GtkRevealer *revealer = find_revealer (GTK_WIDGET (window));
  Stall stall = { 0 };
  gint64 start;
  guint tick;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"p%u\", \"name\": \"P\", \"lat\": 95, \"lon\": 0}",
                            i > 0 ? ",\n" : "", i);
  g_string_append (json, "]}\n");
  g_file_set_contents (path, json->str, json->len, NULL);
  g_string_free (json, TRUE);

  gtk_revealer_set_reveal_child (revealer, FALSE);
  tick = g_timeout_add (5, on_tick, &stall);
  start = g_get_monotonic_time ();
  caravan_window_open_file (CARAVAN_WINDOW (window), file);
  while (!gtk_revealer_get_reveal_child (revealer))
    g_main_context_iteration (NULL, TRUE);
  /* one frame drawn after the list was filled */
  for (gint64 until = g_get_monotonic_time () + 100000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  printf ("%7u problems: shown in %7.1f ms, longest main loop stall %6.1f ms\n", n,
          (g_get_monotonic_time () - start - 100000) / 1000.0, stall.longest_stall / 1000.0);
  g_source_remove (tick);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaravanApplication) app = NULL;
  GtkWindow *window;

  gtk_init ();
  app = caravan_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  for (gint64 until = g_get_monotonic_time () + 2000000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);

  run (window, 1000);
  run (window, 5000);
  run (window, 100000);
  return 0;
}
