/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-shortcuts.c: the shortcuts window (Ctrl+?) shows, for every entry, keys that really are
 * bound: read back from the widgets' shortcut controllers, the application's accelerators and
 * the presentation's key table, and the keycaps carry readable names. */

#define G_LOG_DOMAIN "caravan-test-shortcuts"

#include "config.h"

#include "caravan-application.h"
#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-shortcuts.h"
#include "caravan-test-utils.h"
#include "caravan-timeline.h"
#include "caravan-window.h"

static CaravanApplication *app;

static CaravanWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CARAVAN_IS_WINDOW (window));
  return CARAVAN_WINDOW (window);
}

/* "action|accelerator" for every keyval shortcut in the controllers of @widget. */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *bindings)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          GtkKeyvalTrigger *keys;
          const char *name;
          g_autofree char *detailed = NULL;
          g_autofree char *accel = NULL;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          detailed = g_action_print_detailed_name (name, gtk_shortcut_get_arguments (shortcut));
          keys = GTK_KEYVAL_TRIGGER (trigger);
          accel = gtk_accelerator_name (gtk_keyval_trigger_get_keyval (keys),
                                        gtk_keyval_trigger_get_modifiers (keys));
          g_hash_table_add (bindings, g_strdup_printf ("%s|%s", detailed, accel));
        }
    }
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *shortcuts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        g_ptr_array_add (shortcuts, child);
      else
        collect_shortcuts (child, shortcuts);
    }
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_ptr_array_add (labels, child);
      collect_labels (child, labels);
    }
}

/* TRUE when @keyval + @mods triggers @action: as a class binding, an application accelerator
 * or a presentation key. */
static gboolean
is_bound (GHashTable      *bindings,
          const char      *action,
          guint            keyval,
          GdkModifierType  mods)
{
  g_autofree char *accel = gtk_accelerator_name (keyval, mods);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) app_accels = NULL;
  const CaravanShortcut *presentation_key;

  /* The controllers print targets their own way: "(-1, 0)". */
  g_assert_true (g_action_parse_detailed_name (action, &name, &target, NULL));
  canonical = g_action_print_detailed_name (name, target);
  key = g_strdup_printf ("%s|%s", canonical, accel);
  app_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  if (g_hash_table_contains (bindings, key))
    return TRUE;
  for (guint i = 0; app_accels[i] != NULL; i++)
    {
      guint app_keyval;
      GdkModifierType app_mods;

      if (gtk_accelerator_parse (app_accels[i], &app_keyval, &app_mods)
          && app_keyval == keyval && app_mods == mods)
        return TRUE;
    }
  presentation_key = caravan_shortcuts_find (CARAVAN_SHORTCUTS_PRESENTATION, keyval, mods);
  return presentation_key != NULL && g_str_equal (presentation_key->action, action);
}

static gboolean
has_class_action (GType       type,
                  const char *action,
                  const char *parameter_type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const char *name;
  const GVariantType *type_of_parameter;
  const char *property;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (GTK_WIDGET_CLASS (klass), i, &owner, &name,
                                                   &type_of_parameter, &property); i++)
    if (g_str_equal (name, action))
      return type_of_parameter != NULL && g_variant_type_equal (type_of_parameter,
                                                                G_VARIANT_TYPE (parameter_type));
  return FALSE;
}

static void
test_every_entry_has_bound_keys (void)
{
  CaravanWindow *window = get_window ();
  GtkWidget *overlay =
    GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_autoptr(GHashTable) bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  guint n_with_action = 0;

  g_assert_nonnull (overlay);
  collect_bindings (GTK_WIDGET (window), bindings);
  collect_bindings (caravan_test_find_widget (GTK_WIDGET (window), CARAVAN_TYPE_MAP_VIEW, NULL),
                    bindings);
  collect_bindings (caravan_test_find_widget (GTK_WIDGET (window), CARAVAN_TYPE_TIMELINE, NULL),
                    bindings);
  g_assert_cmpuint (g_hash_table_size (bindings), >, 20);

  collect_shortcuts (overlay, shortcuts);
  g_assert_cmpuint (shortcuts->len, >=, 30);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      GObject *entry = g_ptr_array_index (shortcuts, i);
      const char *actions = g_object_get_data (entry, "caravan-actions");
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) keys = NULL;
      g_auto(GStrv) names = NULL;

      g_object_get (entry, "title", &title, "accelerator", &accelerator, NULL);
      g_test_message ("%s: %s (%s)", title, accelerator, actions ? actions : "focus keys");
      g_assert_nonnull (accelerator);
      g_assert_cmpstr (accelerator, !=, "");

      keys = g_strsplit (accelerator, " ", -1);
      if (actions == NULL)
        {
          /* Moving focus and activating the focused pin are GTK's own keys. */
          g_assert_true (g_str_equal (accelerator, "Tab") || g_str_equal (accelerator, "Return"));
          continue;
        }
      n_with_action++;
      names = g_strsplit (actions, " ", -1);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          guint keyval;
          GdkModifierType mods;
          gboolean bound = FALSE;

          if (g_str_equal (keys[k], "0...9"))
            {
              /* Typed step numbers: the presentation reads digits itself, then goes there. */
              g_assert_cmpstr (actions, ==, "presentation.go-to-step");
              g_assert_true (has_class_action (CARAVAN_TYPE_PRESENTATION, actions, "u"));
              continue;
            }
          g_assert_true (gtk_accelerator_parse (keys[k], &keyval, &mods));
          for (guint a = 0; names[a] != NULL && !bound; a++)
            bound = is_bound (bindings, names[a], keyval, mods);
          if (!bound)
            g_error ("“%s” shows %s, which does not trigger %s", title, keys[k], actions);
        }
    }
  /* Every entry but the two focus keys names its actions; the window keeps a copy of each
   * entry for its search page, which must show the same keys. */
  g_assert_cmpuint (n_with_action, ==, shortcuts->len - 4);
}

static void
test_keycaps_are_readable (void)
{
  CaravanWindow *window = get_window ();
  GtkWidget *overlay =
    GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  const char *raw[] = { "BackSpace", "Page_Up", "Page_Down", "KP_Enter", "Escape", "question" };

  collect_shortcuts (overlay, shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      GtkWidget *label = caravan_test_find_widget (g_ptr_array_index (shortcuts, i),
                                                   GTK_TYPE_SHORTCUT_LABEL, NULL);
      g_autoptr(GPtrArray) keycaps = g_ptr_array_new ();
      guint n_keycaps = 0;

      g_assert_nonnull (label);
      collect_labels (label, keycaps);
      for (guint k = 0; k < keycaps->len; k++)
        {
          GtkWidget *keycap = g_ptr_array_index (keycaps, k);
          const char *text = gtk_label_get_label (GTK_LABEL (keycap));

          if (!gtk_widget_has_css_class (keycap, "keycap"))
            continue;
          n_keycaps++;
          g_assert_cmpstr (text, !=, "");
          g_assert_null (strchr (text, '_'));
          for (guint r = 0; r < G_N_ELEMENTS (raw); r++)
            g_assert_cmpstr (text, !=, raw[r]);
        }
      g_assert_cmpuint (n_keycaps, >, 0);
    }

  gtk_window_set_default_size (GTK_WINDOW (overlay), 1100, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  caravan_test_iterate (400);
  caravan_test_save_screenshot (overlay, "shortcuts-general");
  g_object_set (overlay, "section-name", "presentation", NULL);
  caravan_test_iterate (400);
  caravan_test_save_screenshot (overlay, "shortcuts-presentation");
  g_object_set (overlay, "section-name", "map-timeline", NULL);
  caravan_test_iterate (400);
  caravan_test_save_screenshot (overlay, "shortcuts-map-timeline");
  gtk_widget_set_visible (overlay, FALSE);
}

/* The table is the only source: each of its bindings is on the widget it names. */
static void
test_table_is_installed (void)
{
  CaravanWindow *window = get_window ();
  g_autoptr(GHashTable) bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CaravanShortcutScope scopes[] = { CARAVAN_SHORTCUTS_WINDOW, CARAVAN_SHORTCUTS_MAP,
                                    CARAVAN_SHORTCUTS_TIMELINE };

  collect_bindings (GTK_WIDGET (window), bindings);
  collect_bindings (caravan_test_find_widget (GTK_WIDGET (window), CARAVAN_TYPE_MAP_VIEW, NULL),
                    bindings);
  collect_bindings (caravan_test_find_widget (GTK_WIDGET (window), CARAVAN_TYPE_TIMELINE, NULL),
                    bindings);

  for (guint s = 0; s < G_N_ELEMENTS (scopes); s++)
    {
      gsize n;
      const CaravanShortcut *table = caravan_shortcuts_get (scopes[s], &n);

      for (gsize i = 0; i < n; i++)
        {
          g_auto(GStrv) keys = g_strsplit (table[i].keys, " ", -1);

          for (guint k = 0; keys[k] != NULL; k++)
            {
              guint keyval;
              GdkModifierType mods;

              g_assert_true (gtk_accelerator_parse (keys[k], &keyval, &mods));
              g_assert_true (is_bound (bindings, table[i].action, keyval, mods));
            }
        }
    }
  /* Shift+B blanks like b does. */
  g_assert_cmpstr (caravan_shortcuts_find (CARAVAN_SHORTCUTS_PRESENTATION, GDK_KEY_B,
                                           GDK_SHIFT_MASK)->action,
                   ==, "presentation.blank('black')");
  g_assert_null (caravan_shortcuts_find (CARAVAN_SHORTCUTS_PRESENTATION, GDK_KEY_b,
                                         GDK_CONTROL_MASK));
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

  g_test_add_func ("/shortcuts/every-entry-has-bound-keys", test_every_entry_has_bound_keys);
  g_test_add_func ("/shortcuts/keycaps-are-readable", test_keycaps_are_readable);
  g_test_add_func ("/shortcuts/table-is-installed", test_table_is_installed);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
