/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-environment.c: caravan_application_prepare_environment() (needs a display). With the
 * cairo renderer forced, GTK 4.8 must not load OpenGL, and GDK_DEBUG is as it was once GTK has
 * started. Each case runs in a subprocess, since GTK reads GDK_DEBUG once per process. */

#define G_LOG_DOMAIN "caravan-test-environment"

#include "config.h"

#include <gtk/gtk.h>

#include "caravan-application.h"

typedef struct
{
  const char *renderer;         /* GSK_RENDERER, or NULL */
  const char *debug;            /* GDK_DEBUG before, or NULL */
  const char *debug_for_gtk;    /* GDK_DEBUG while GTK starts, or NULL */
  gboolean gl_disabled;         /* GL must be off */
} EnvironmentCase;

static const EnvironmentCase cases[] = {
  { "cairo", NULL, "gl-disable", TRUE },
  { "cairo", "nograbs", "nograbs:gl-disable", TRUE },
  { "cairo", "gl-glx", "gl-glx", FALSE },
  { NULL, NULL, NULL, FALSE },
  { "ngl", NULL, NULL, FALSE },
};

static void
set_or_unset (const char *variable,
              const char *value)
{
  if (value != NULL)
    g_setenv (variable, value, TRUE);
  else
    g_unsetenv (variable);
}

static void
run_case (const EnvironmentCase *c)
{
  g_autoptr(CaravanApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  set_or_unset ("GSK_RENDERER", c->renderer);
  set_or_unset ("GDK_DEBUG", c->debug);

  caravan_application_prepare_environment ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==,
                   gtk_get_minor_version () < 16 ? c->debug_for_gtk : c->debug);

  /* GTK starts with the application; then GDK_DEBUG is put back. */
  app = caravan_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, c->debug);

  if (c->gl_disabled && gtk_get_minor_version () < 16)
    {
      g_assert_false (gdk_display_prepare_gl (gdk_display_get_default (), &error));
      g_assert_error (error, GDK_GL_ERROR, GDK_GL_ERROR_NOT_AVAILABLE);
    }
}

static void
test_environment (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);

  if (g_test_subprocess ())
    {
      run_case (&cases[index]);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  /* No GTK here: each case starts it in its own process. */
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/environment/gsk-renderer-%s/gdk-debug-%s",
                                               cases[i].renderer ? cases[i].renderer : "unset",
                                               cases[i].debug ? cases[i].debug : "unset");

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_environment);
    }

  return g_test_run ();
}
