/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: sets up the locale and runs CaravanApplication. */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "caravan-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CaravanApplication) app = NULL;

  caravan_application_prepare_environment ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = caravan_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
