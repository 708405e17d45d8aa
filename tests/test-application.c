/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-application.c: the application shell: window, title, primary menu actions, window state. */

#define G_LOG_DOMAIN "caravan-test-application"

#include "config.h"

#include "caravan-application.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-test-utils.h"
#include "caravan-window.h"

static CaravanApplication *app;

static CaravanWindow *
get_main_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CARAVAN_IS_WINDOW (window));
  return CARAVAN_WINDOW (window);
}

static gboolean
window_is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data)) &&
         gtk_widget_get_width (GTK_WIDGET (user_data)) > 0;
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_toplevels_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        count++;
    }

  return count;
}

static void
close_toplevels_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* An action exists when the window's class installs it or its action map holds it. */
static gboolean
window_has_action (CaravanWindow *window,
                   const char    *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const char *action_name;
  GType owner;
  const GVariantType *parameter_type;
  const char *property_name;

  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type,
                                      &property_name);
       i++)
    {
      if (g_str_equal (action_name, name))
        return TRUE;
    }

  return g_str_has_prefix (name, "win.") &&
         g_action_group_has_action (G_ACTION_GROUP (window), name + strlen ("win."));
}

static void
test_window_opens (void)
{
  CaravanWindow *window = get_main_window ();
  g_autoptr(GdkTexture) shot = NULL;
  CaravanStory *story;

  g_assert_true (caravan_test_wait_until (window_is_drawn, window, 5000));
  /* The bundled story opens by default and names the window. */
  g_assert_true (caravan_window_has_story (window));
  story = caravan_selection_get_story (caravan_window_get_selection (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   caravan_story_get_title (story));
  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (app)), ==, APP_ID);

  shot = caravan_test_save_screenshot (GTK_WIDGET (window), "application-window");
  g_assert_cmpint (gdk_texture_get_width (shot), ==, gtk_widget_get_width (GTK_WIDGET (window)));
}

/* Every item of the primary menu names an action that exists, is enabled and activates. */
static void
test_primary_menu_actions (void)
{
  CaravanWindow *window = get_main_window ();
  GtkMenuButton *button = find_primary_menu_button (GTK_WIDGET (window));
  GMenuModel *menu;
  guint n_actions = 0;
  guint n_about_before;
  guint n_shortcuts_before;

  g_assert_nonnull (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      g_assert_nonnull (section);
      for (int i = 0; i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION,
                                                          "s", &action));
          if (g_str_has_prefix (action, "app."))
            {
              g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), action + 4));
              g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), action + 4));
            }
          else
            {
              g_assert_true (window_has_action (window, action));
            }
          n_actions++;
        }
    }
  /* New, Open, Open Bundled; Save, Save As; Export, Export Map Image, Export Video, Print;
   * Shortcuts, About */
  g_assert_cmpuint (n_actions, ==, 11);

  /* About opens an About window, the shortcuts item a shortcuts window. */
  n_about_before = count_toplevels_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  caravan_test_iterate (100);
  g_assert_cmpuint (count_toplevels_of_type (ADW_TYPE_ABOUT_WINDOW), ==, n_about_before + 1);
  close_toplevels_of_type (ADW_TYPE_ABOUT_WINDOW);

  n_shortcuts_before = count_toplevels_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  caravan_test_iterate (100);
  g_assert_cmpuint (count_toplevels_of_type (GTK_TYPE_SHORTCUTS_WINDOW), ==,
                    n_shortcuts_before + 1);
  close_toplevels_of_type (GTK_TYPE_SHORTCUTS_WINDOW);

  /* Open shows a file chooser; cancelling it leaves the window as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  caravan_test_iterate (200);
  g_assert_cmpuint (count_toplevels_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG), ==, 1);
  close_toplevels_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG);
  caravan_test_iterate (50);
}

static void
test_window_state_saved (void)
{
  CaravanWindow *window = get_main_window ();
  GSettings *settings = caravan_application_get_settings (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_close (GTK_WINDOW (window));
  caravan_test_iterate (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A new window restores the saved size. */
  window = caravan_window_new (app);
  {
    int width, height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1000);
    g_assert_cmpint (height, ==, 700);
  }
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);

  app = caravan_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) |
                           G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/application/window-opens", test_window_opens);
  g_test_add_func ("/application/primary-menu-actions", test_primary_menu_actions);
  g_test_add_func ("/application/window-state-saved", test_window_state_saved);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
