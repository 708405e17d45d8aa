/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-application.c: the application object: command line, app-wide actions, About. */

#define G_LOG_DOMAIN "caravan-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "caravan-shortcuts.h"
#include "caravan-application.h"
#include "caravan-command-line.h"
#include "caravan-event.h"
#include "caravan-basemap.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-file.h"
#include "caravan-window.h"

struct _CaravanApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GSignalGroup   *remote_signals;  /* the active selection, whose state the actions show */
  gboolean        opened_files;  /* files came on the command line: no bundled story */
  gboolean        present;       /* --present: start straight into presentation mode */
  GtkWindow      *about;         /* weak */
  gboolean        recovery_offered;
};

G_DEFINE_FINAL_TYPE (CaravanApplication, caravan_application, ADW_TYPE_APPLICATION)

void caravan_ui_register_resource (void);

/* GDK_DEBUG as it was before caravan_application_prepare_environment() changed it. */
static gboolean gdk_debug_changed;
static char *gdk_debug_before;

/**
 * caravan_application_prepare_environment:
 *
 * Call first thing in main(), before GTK starts. GTK before 4.16 loads the OpenGL driver on X11
 * when it opens the display, even when the user forced the cairo renderer (GSK_RENDERER=cairo,
 * the usual way round a broken GL driver, and the fastest renderer where GL is software).
 * Caravan draws nothing with GL itself, so then it tells GDK to leave GL alone: under Xvfb
 * with Mesa's llvmpipe that is 110–120 ms less start-up. The variable is put back once GTK
 * has started, so programs Caravan opens (a browser for an article) do not inherit it.
 */
void
caravan_application_prepare_environment (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0 || gtk_get_major_version () != 4 ||
      gtk_get_minor_version () >= 16 || (debug != NULL && strstr (debug, "gl") != NULL))
    return;

  gdk_debug_changed = TRUE;
  gdk_debug_before = g_strdup (debug);
  if (debug != NULL && *debug != '\0')
    {
      g_autofree char *value = g_strconcat (debug, ":gl-disable", NULL);

      g_setenv ("GDK_DEBUG", value, TRUE);
    }
  else
    {
      g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
    }
}

static void
restore_environment (void)
{
  if (!gdk_debug_changed)
    return;

  if (gdk_debug_before != NULL)
    g_setenv ("GDK_DEBUG", gdk_debug_before, TRUE);
  else
    g_unsetenv ("GDK_DEBUG");
  g_clear_pointer (&gdk_debug_before, g_free);
  gdk_debug_changed = FALSE;
}

/* The most recently focused main window; a presentation in front of it does not count. */
static CaravanWindow *
get_active_window (CaravanApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CARAVAN_IS_WINDOW (l->data))
      return CARAVAN_WINDOW (l->data);

  return NULL;
}

/* The remote-control actions' state mirrors the active selection: a presentation's while one
 * runs, else the window's. */
static void
on_remote_selection_changed (CaravanSelection   *selection,
                             GParamSpec         *pspec,
                             CaravanApplication *self)
{
  CaravanPlace *place = caravan_selection_get_place (selection);
  CaravanEvent *event = caravan_selection_get_event (selection);
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "select-place");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (place ? caravan_place_get_id (place) : ""));
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "select-event");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (event ? caravan_event_get_id (event) : ""));
}

static void
on_window_active_selection_changed (CaravanWindow      *window,
                                    GParamSpec         *pspec,
                                    CaravanApplication *self)
{
  CaravanSelection *selection = caravan_window_get_active_selection (window);

  g_signal_group_set_target (self->remote_signals, selection);
  if (pspec != NULL)
    on_remote_selection_changed (selection, NULL, self);
}

static gboolean
offer_recovery (gpointer window)
{
  if (gtk_widget_get_realized (window))
    caravan_window_offer_recovery (window);
  return G_SOURCE_REMOVE;
}

static CaravanWindow *
get_or_create_window (CaravanApplication *self)
{
  CaravanWindow *window = get_active_window (self);

  if (window != NULL)
    return window;

  window = caravan_window_new (self);
  g_signal_connect_object (window, "notify::active-selection",
                           G_CALLBACK (on_window_active_selection_changed), self, 0);
  on_window_active_selection_changed (window, NULL, self);
  /* Edits a crash left unsaved are offered once, over the first window. */
  if (!self->recovery_offered)
    {
      self->recovery_offered = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_recovery, g_object_ref (window),
                       g_object_unref);
    }
  return window;
}

static CaravanSelection *
get_active_selection (CaravanApplication *self)
{
  CaravanWindow *window = get_active_window (self);

  return window ? caravan_window_get_active_selection (window) : NULL;
}

/* Ids come from other programs: a log line never repeats more than the start of one. */
static char *
shorten_id (const char *id)
{
  g_autofree char *start = NULL;

  if (strlen (id) <= 256)
    return g_strdup (id);
  start = g_utf8_substring (id, 0, 64);
  return g_strdup_printf ("%s… (%zu bytes)", start, strlen (id));
}

static void
caravan_application_select_place_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  CaravanSelection *selection = get_active_selection (user_data);
  CaravanStory *story = selection ? caravan_selection_get_story (selection) : NULL;
  const char *id = g_variant_get_string (parameter, NULL);
  CaravanPlace *place;

  if (story == NULL)
    return;

  place = *id ? caravan_story_lookup_place (story, id) : NULL;
  if (*id && place == NULL)
    {
      g_autofree char *shown = shorten_id (id);

      g_warning ("No place “%s” in this story", shown);
      return;
    }
  caravan_selection_select_place (selection, place);
}

static void
caravan_application_select_event_action (GSimpleAction *action,
                                         GVariant      *parameter,
                                         gpointer       user_data)
{
  CaravanSelection *selection = get_active_selection (user_data);
  CaravanStory *story = selection ? caravan_selection_get_story (selection) : NULL;
  const char *id = g_variant_get_string (parameter, NULL);
  CaravanEvent *event;

  if (story == NULL)
    return;

  event = *id ? caravan_story_lookup_event (story, id) : NULL;
  if (*id && event == NULL)
    {
      g_autofree char *shown = shorten_id (id);

      g_warning ("No event “%s” in this story", shown);
      return;
    }
  caravan_selection_select_event (selection, event);
}

static void
caravan_application_step_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  CaravanSelection *selection = get_active_selection (user_data);
  const char *name = g_action_get_name (G_ACTION (action));

  if (selection == NULL)
    return;

  if (g_str_equal (name, "next-event"))
    caravan_selection_next_event (selection);
  else if (g_str_equal (name, "previous-event"))
    caravan_selection_previous_event (selection);
  else if (g_str_equal (name, "first-event"))
    caravan_selection_first (selection);
  else if (g_str_equal (name, "last-event"))
    caravan_selection_last (selection);
}

static void
caravan_application_zoom_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  CaravanWindow *window = get_active_window (user_data);

  if (window != NULL)
    caravan_window_zoom_map (window, g_str_equal (g_action_get_name (G_ACTION (action)),
                                                  "zoom-in") ? 1 : -1);
}

static void
caravan_application_present_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  CaravanWindow *window = get_active_window (user_data);

  if (window != NULL)
    caravan_window_start_presentation (window, TRUE);
}

/* undo, redo, save: the active window's actions of the same name. */
static void
caravan_application_window_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  CaravanWindow *window = get_active_window (user_data);
  g_autofree char *name = g_strconcat ("win.", g_action_get_name (G_ACTION (action)), NULL);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), name, NULL);
}

static void
caravan_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  CaravanApplication *self = user_data;
  static const char *developers[] = { "The Caravan developers", NULL };
  GtkWidget *about;

  /* one About window: activating About again brings it to the front */
  if (self->about != NULL)
    {
      gtk_window_present (self->about);
      return;
    }

  /* Deprecated in libadwaita 1.6 for AdwAboutDialog, which 1.2 lacks; see docs/architecture.md. */
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
                                         "M. K. Bhadrakumar, “Multipolarity shows up in "
                                         "Kazakh steppes”, 20 November 2022",
                                         NULL });
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Base map data"), NULL,
                                      GTK_LICENSE_CUSTOM, caravan_basemap_get_license_text ());
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Online map tiles"),
                                      _("© OpenStreetMap contributors"), GTK_LICENSE_CUSTOM,
                                      _("Map data is available under the Open Database License "
                                        "(https://www.openstreetmap.org/copyright). Tiles are only "
                                        "fetched when the online map is switched on."));
  self->about = GTK_WINDOW (about);
  g_object_add_weak_pointer (G_OBJECT (about), (gpointer *) &self->about);
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

/* Besides the menu's actions, these let scripts drive a running Caravan over D-Bus:
 * gapplication action io.github.caravanmaps.Caravan select-place "'khorgos'" */
static const GActionEntry app_actions[] = {
  { .name = "about", .activate = caravan_application_about_action },
  { .name = "quit", .activate = caravan_application_quit_action },
  /* Setting the state selects too; the state then follows the selection, so an unknown id
   * leaves it as it was. */
  { .name = "select-place", .activate = caravan_application_select_place_action,
    .parameter_type = "s", .state = "''", .change_state = caravan_application_select_place_action },
  { .name = "select-event", .activate = caravan_application_select_event_action,
    .parameter_type = "s", .state = "''", .change_state = caravan_application_select_event_action },
  { .name = "next-event", .activate = caravan_application_step_action },
  { .name = "previous-event", .activate = caravan_application_step_action },
  { .name = "first-event", .activate = caravan_application_step_action },
  { .name = "last-event", .activate = caravan_application_step_action },
  { .name = "zoom-in", .activate = caravan_application_zoom_action },
  { .name = "zoom-out", .activate = caravan_application_zoom_action },
  { .name = "present", .activate = caravan_application_present_action },
  { .name = "undo", .activate = caravan_application_window_action },
  { .name = "redo", .activate = caravan_application_window_action },
  { .name = "save", .activate = caravan_application_window_action },
};

/* Commands that need no display run here, before GTK starts; the rest open files or present
 * in the primary instance. */
static int
caravan_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  GApplicationClass *parent_class;
  int status = caravan_command_line_run (options);

  if (status >= 0)
    return status;

  CARAVAN_APPLICATION (app)->present = g_variant_dict_contains (options, "present");

  /* Our own FILE… entry (needed by --validate) hides the files from GApplication: open them
   * here, in the primary instance (which may be another process). */
  {
    g_autofree const char **paths = NULL;

    if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths) && paths[0] != NULL)
      {
        g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
        g_autoptr(GError) error = NULL;

        for (guint i = 0; paths[i] != NULL; i++)
          g_ptr_array_add (files, caravan_story_file_new_for_arg (paths[i]));

        if (!g_application_register (app, NULL, &error))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        CARAVAN_APPLICATION (app)->opened_files = TRUE;
        g_application_open (app, (GFile **) files->pdata, files->len,
                            CARAVAN_APPLICATION (app)->present ? "present" : "");
        return g_application_get_is_remote (app) ? 0 : -1;
      }
  }

  if (CARAVAN_APPLICATION (app)->present)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_application_activate (app);
          g_action_group_activate_action (G_ACTION_GROUP (app), "present", NULL);
          return 0;
        }
    }

  parent_class = G_APPLICATION_CLASS (caravan_application_parent_class);
  return parent_class->handle_local_options (app, options);
}

static void
caravan_application_activate (GApplication *app)
{
  CaravanApplication *self = CARAVAN_APPLICATION (app);
  CaravanWindow *window = get_or_create_window (self);

  /* The bundled story is the default. */
  if (!caravan_window_has_story (window) && !self->opened_files)
    caravan_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));

  if (self->present && !self->opened_files)
    {
      self->present = FALSE;
      caravan_window_start_presentation (window, TRUE);
    }
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

  /* caravan --present FILE: starts once the file has loaded. */
  if (g_strcmp0 (hint, "present") == 0)
    {
      self->present = FALSE;
      caravan_window_start_presentation (window, TRUE);
    }
}

static void
caravan_application_startup (GApplication *app)
{
  CaravanApplication *self = CARAVAN_APPLICATION (app);

  G_APPLICATION_CLASS (caravan_application_parent_class)->startup (app);
  /* GTK has read GDK_DEBUG by now. */
  restore_environment ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  caravan_shortcuts_set_accels (GTK_APPLICATION (self));

  /* Tabbing through the excerpts must not select every quote it passes (GTK's default for
   * selectable labels): a keyboard user reads on, and a stray Ctrl+C would copy it. */
  if (gtk_settings_get_default () != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);
}

static void
caravan_application_dispose (GObject *object)
{
  CaravanApplication *self = CARAVAN_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->remote_signals);
  g_clear_weak_pointer (&self->about);

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

  self->remote_signals = g_signal_group_new (CARAVAN_TYPE_SELECTION);
  g_signal_group_connect_object (self->remote_signals, "notify::place",
                                 G_CALLBACK (on_remote_selection_changed), self, 0);
  g_signal_group_connect_object (self->remote_signals, "notify::event",
                                 G_CALLBACK (on_remote_selection_changed), self, 0);

  caravan_command_line_add_options (G_APPLICATION (self));
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
