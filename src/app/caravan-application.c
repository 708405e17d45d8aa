/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-application.c: the application object: command line, app-wide actions, About. */

#define G_LOG_DOMAIN "caravan-application"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-application.h"
#include "caravan-window.h"

struct _CaravanApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CaravanApplication, caravan_application, ADW_TYPE_APPLICATION)

void caravan_ui_register_resource (void);

static CaravanWindow *
get_or_create_window (CaravanApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CARAVAN_IS_WINDOW (window))
    return CARAVAN_WINDOW (window);

  return caravan_window_new (self);
}

static void
caravan_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  CaravanApplication *self = user_data;
  static const char *developers[] = { "The Caravan developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Caravan"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Caravan developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/caravanmaps/caravan",
                        "issue-url", "https://github.com/caravanmaps/caravan/issues",
                        "copyright", "© 2026 The Caravan developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "comments", _("Tell a story on a map with a synchronized timeline"),
                        NULL);

  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about),
                                       _("Bundled story based on"),
                                       (const char *[]) {
                                         "M. K. Bhadrakumar, “Multipolarity shows up in Kazakh steppes”, 20 November 2022",
                                         NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
caravan_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  CaravanApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close windows first so they save their state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = caravan_application_about_action },
  { .name = "quit", .activate = caravan_application_quit_action },
};

static int
caravan_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "caravan", PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (caravan_application_parent_class)->handle_local_options (app, options);
}

static void
caravan_application_activate (GApplication *app)
{
  CaravanApplication *self = CARAVAN_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (get_or_create_window (self)));
}

static void
caravan_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  CaravanApplication *self = CARAVAN_APPLICATION (app);
  CaravanWindow *window = get_or_create_window (self);

  /* One window shows one story: the last file named wins. */
  if (n_files > 0)
    caravan_window_open_file (window, files[n_files - 1]);

  gtk_window_present (GTK_WINDOW (window));
}

static void
caravan_application_startup (GApplication *app)
{
  CaravanApplication *self = CARAVAN_APPLICATION (app);

  G_APPLICATION_CLASS (caravan_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}

static void
caravan_application_dispose (GObject *object)
{
  CaravanApplication *self = CARAVAN_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (caravan_application_parent_class)->dispose (object);
}

static void
caravan_application_class_init (CaravanApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = caravan_application_dispose;

  app_class->activate = caravan_application_activate;
  app_class->open = caravan_application_open;
  app_class->startup = caravan_application_startup;
  app_class->handle_local_options = caravan_application_handle_local_options;

  caravan_ui_register_resource ();
}

static void
caravan_application_init (CaravanApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Tell a story on a map with a synchronized timeline."));
}

CaravanApplication *
caravan_application_new (void)
{
  return g_object_new (CARAVAN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/* Returns the application's settings, created on first use. */
GSettings *
caravan_application_get_settings (CaravanApplication *self)
{
  g_return_val_if_fail (CARAVAN_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}
