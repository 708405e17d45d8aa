/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-shortcuts.c: the one table of keyboard shortcuts: bindings, application accelerators,
 * the presentation's capture-phase shortcuts and the shortcuts window all read it. */

#define G_LOG_DOMAIN "caravan-shortcuts"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-shortcuts.h"

static const CaravanShortcut application_shortcuts[] = {
  { "app.quit", "<Control>q", NULL },
  { "win.show-help-overlay", "<Control>question", NULL },
  { "window.close", "<Control>w", NULL },
};

static const CaravanShortcut window_shortcuts[] = {
  { "win.open", "<Control>o", NULL },
  { "win.new", "<Control>n", NULL },
  { "win.save", "<Control>s", NULL },
  { "win.save-as", "<Control><Shift>s", NULL },
  { "win.edit-mode", "<Control>e", NULL },
  { "win.undo", "<Control>z", NULL },
  { "win.redo", "<Control><Shift>z", NULL },
  { "win.export", "<Control><Shift>e", NULL },
  { "win.print", "<Control>p", NULL },
  { "win.fit-story", "<Control>0", NULL },
  { "win.next-event", "<Control>Page_Down", NULL },
  { "win.previous-event", "<Control>Page_Up", NULL },
  { "win.filter-by-time", "<Control>t", NULL },
  { "win.present", "F5", NULL },
  { "win.present-from-start", "<Shift>F5", NULL },
};

static const CaravanShortcut map_shortcuts[] = {
  { "map.pan((-1,0))", "Left KP_Left", NULL },
  { "map.pan((1,0))", "Right KP_Right", NULL, "map.pan((-1,0))" },
  { "map.pan((0,-1))", "Up KP_Up", NULL, "map.pan((-1,0))" },
  { "map.pan((0,1))", "Down KP_Down", NULL, "map.pan((-1,0))" },
  { "map.zoom-in", "plus equal KP_Add <Control>plus", "plus <Control>plus" },
  { "map.zoom-out", "minus KP_Subtract <Control>minus", "minus <Control>minus" },
  { "map.fit-story", "<Control>0", NULL },
};

static const CaravanShortcut timeline_shortcuts[] = {
  { "timeline.zoom-in", "plus equal KP_Add <Control>plus <Control>equal", "plus" },
  { "timeline.zoom-out", "minus KP_Subtract <Control>minus", "minus" },
  { "timeline.fit-all", "0 <Control>0", "0" },
  { "timeline.fit-selection", "f", NULL },
  { "timeline.select-previous", "Left KP_Left", NULL },
  { "timeline.select-next", "Right KP_Right", NULL, "timeline.select-previous" },
  { "timeline.select-first", "Home KP_Home", NULL },
  { "timeline.select-last", "End KP_End", NULL, "timeline.select-first" },
  { "timeline.activate", "Return KP_Enter space", NULL },
};

/* Clickers send Page Up/Down, B or period. Typed step numbers (with Return, BackSpace and
 * Escape while typing) and "any key ends the blank" are read by the presentation itself. */
static const CaravanShortcut presentation_shortcuts[] = {
  { "presentation.next", "Right Page_Down space Down Return KP_Right KP_Down KP_Page_Down KP_Enter",
    "Right Page_Down space" },
  { "presentation.previous", "Left Page_Up BackSpace Up KP_Left KP_Up KP_Page_Up",
    "Left Page_Up BackSpace" },
  { "presentation.first", "Home KP_Home", NULL },
  { "presentation.last", "End KP_End", NULL, "presentation.first" },
  { "presentation.go-to-step", "0...9", NULL },
  { "presentation.blank('black')", "b period KP_Decimal", NULL },
  { "presentation.blank('white')", "w", NULL },
  { "presentation.toggle-autoplay", "p", NULL },
  { "presentation.toggle-loop", "l", NULL },
  { "presentation.cycle-theme", "t", NULL },
  { "presentation.leave", "Escape", NULL },
};

static const struct {
  const CaravanShortcut *shortcuts;
  gsize                  n;
} scopes[CARAVAN_SHORTCUTS_N_SCOPES] = {
  [CARAVAN_SHORTCUTS_APPLICATION] = { application_shortcuts, G_N_ELEMENTS (application_shortcuts) },
  [CARAVAN_SHORTCUTS_WINDOW] = { window_shortcuts, G_N_ELEMENTS (window_shortcuts) },
  [CARAVAN_SHORTCUTS_MAP] = { map_shortcuts, G_N_ELEMENTS (map_shortcuts) },
  [CARAVAN_SHORTCUTS_TIMELINE] = { timeline_shortcuts, G_N_ELEMENTS (timeline_shortcuts) },
  [CARAVAN_SHORTCUTS_PRESENTATION] = { presentation_shortcuts,
                                       G_N_ELEMENTS (presentation_shortcuts) },
};

/* Keys GtkShortcutLabel shows by their keysym name (GTK 4.8 leaves them to gtk40's
 * translations, which English lacks), with the words a keyboard's keycap says. */
static const char *
readable_key_name (const char *keysym_name)
{
  static const struct {
    const char *keysym;
    const char *context_and_label;
  } names[] = {
    /* Translators: key names on keycaps in the shortcuts window */
    { "Page_Up", NC_ ("keyboard label", "Page Up") },
    { "Page_Down", NC_ ("keyboard label", "Page Down") },
    { "BackSpace", NC_ ("keyboard label", "Backspace") },
    { "Escape", NC_ ("keyboard label", "Esc") },
    { "Return", NC_ ("keyboard label", "Enter") },
    { "Home", NC_ ("keyboard label", "Home") },
    { "End", NC_ ("keyboard label", "End") },
    { "Tab", NC_ ("keyboard label", "Tab") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (keysym_name, names[i].keysym))
      return g_dpgettext2 (GETTEXT_PACKAGE, "keyboard label", names[i].context_and_label);
  return NULL;
}

static gboolean
is_range (const char *accelerator)
{
  return strstr (accelerator, "...") != NULL;
}

const CaravanShortcut *
caravan_shortcuts_get (CaravanShortcutScope  scope,
                       gsize                *n_shortcuts)
{
  g_return_val_if_fail (scope < CARAVAN_SHORTCUTS_N_SCOPES, NULL);

  if (n_shortcuts != NULL)
    *n_shortcuts = scopes[scope].n;
  return scopes[scope].shortcuts;
}

const CaravanShortcut *
caravan_shortcuts_lookup (const char           *action,
                          CaravanShortcutScope *scope)
{
  g_return_val_if_fail (action != NULL, NULL);

  for (guint s = 0; s < CARAVAN_SHORTCUTS_N_SCOPES; s++)
    for (gsize i = 0; i < scopes[s].n; i++)
      if (g_str_equal (scopes[s].shortcuts[i].action, action))
        {
          if (scope != NULL)
            *scope = s;
          return &scopes[s].shortcuts[i];
        }
  return NULL;
}

char *
caravan_shortcut_dup_shown (const CaravanShortcut *shortcut)
{
  g_auto(GStrv) keys = NULL;
  GString *shown;

  g_return_val_if_fail (shortcut != NULL, NULL);

  if (shortcut->shown != NULL)
    return g_strdup (shortcut->shown);

  keys = g_strsplit (shortcut->keys, " ", -1);
  shown = g_string_new (NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (g_str_has_prefix (keys[i], "KP_"))
        continue;
      if (shown->len > 0)
        g_string_append_c (shown, ' ');
      g_string_append (shown, keys[i]);
    }
  return g_string_free (shown, FALSE);
}

/* Calls @func for every accelerator of @scope that is a binding (not a range). */
static void
foreach_binding (CaravanShortcutScope scope,
                 void               (*func) (const char      *action,
                                             GVariant        *target,
                                             guint            keyval,
                                             GdkModifierType  mods,
                                             gpointer         data),
                 gpointer             data)
{
  for (gsize i = 0; i < scopes[scope].n; i++)
    {
      const CaravanShortcut *shortcut = &scopes[scope].shortcuts[i];
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) keys = g_strsplit (shortcut->keys, " ", -1);

      if (!g_action_parse_detailed_name (shortcut->action, &name, &target, &error))
        g_error ("Shortcut table: %s: %s", shortcut->action, error->message);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          guint keyval;
          GdkModifierType mods;

          if (is_range (keys[k]))
            continue;
          if (!gtk_accelerator_parse (keys[k], &keyval, &mods))
            g_error ("Shortcut table: %s: “%s” is not an accelerator", shortcut->action, keys[k]);
          func (name, target, keyval, mods, data);
        }
    }
}

static void
add_class_binding (const char      *action,
                   GVariant        *target,
                   guint            keyval,
                   GdkModifierType  mods,
                   gpointer         data)
{
  GtkWidgetClass *widget_class = data;
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, mods),
                                            gtk_named_action_new (action));

  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

void
caravan_shortcuts_add_bindings (GtkWidgetClass       *widget_class,
                                CaravanShortcutScope  scope)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (scope != CARAVAN_SHORTCUTS_APPLICATION && scope < CARAVAN_SHORTCUTS_N_SCOPES);

  foreach_binding (scope, add_class_binding, widget_class);
}

const CaravanShortcut *
caravan_shortcuts_find (CaravanShortcutScope scope,
                        guint                keyval,
                        GdkModifierType      mods)
{
  g_return_val_if_fail (scope < CARAVAN_SHORTCUTS_N_SCOPES, NULL);

  mods &= gtk_accelerator_get_default_mod_mask ();
  /* Shift+B is B: the letter keys work with Caps Lock or Shift as well. */
  if (gdk_keyval_to_lower (keyval) != keyval)
    {
      keyval = gdk_keyval_to_lower (keyval);
      mods &= ~GDK_SHIFT_MASK;
    }
  for (gsize i = 0; i < scopes[scope].n; i++)
    {
      g_auto(GStrv) keys = g_strsplit (scopes[scope].shortcuts[i].keys, " ", -1);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          guint key_keyval;
          GdkModifierType key_mods;

          if (!is_range (keys[k]) && gtk_accelerator_parse (keys[k], &key_keyval, &key_mods)
              && key_keyval == keyval && key_mods == mods)
            return &scopes[scope].shortcuts[i];
        }
    }
  return NULL;
}

void
caravan_shortcuts_activate (const CaravanShortcut *shortcut,
                            GtkWidget             *widget)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;

  g_return_if_fail (shortcut != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_action_parse_detailed_name (shortcut->action, &name, &target, NULL))
    gtk_widget_activate_action_variant (widget, name, target);
}

void
caravan_shortcuts_set_accels (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (gsize i = 0; i < G_N_ELEMENTS (application_shortcuts); i++)
    {
      g_auto(GStrv) keys = g_strsplit (application_shortcuts[i].keys, " ", -1);

      gtk_application_set_accels_for_action (application, application_shortcuts[i].action,
                                             (const char * const *) keys);
    }
}

/* Replaces keysym names on the keycaps of a GtkShortcutLabel with readable ones. */
static void
relabel_keys (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        {
          const char *readable = readable_key_name (gtk_label_get_label (GTK_LABEL (child)));

          if (readable != NULL)
            gtk_label_set_label (GTK_LABEL (child), readable);
        }
      relabel_keys (child);
    }
}

/* The keys shown for the entry of @action: its own and those of the shortcuts shown with it. */
static char *
dup_shown_for_entry (const char  *action,
                     char       **actions)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint s = 0; s < CARAVAN_SHORTCUTS_N_SCOPES; s++)
    for (gsize i = 0; i < scopes[s].n; i++)
      {
        const CaravanShortcut *shortcut = &scopes[s].shortcuts[i];
        g_autofree char *keys = NULL;

        if (!g_str_equal (shortcut->action, action)
            && g_strcmp0 (shortcut->shown_with, action) != 0)
          continue;
        keys = caravan_shortcut_dup_shown (shortcut);
        if (shown->len > 0)
          {
            g_string_append_c (shown, ' ');
            g_string_append_c (names, ' ');
          }
        g_string_append (shown, keys);
        g_string_append (names, shortcut->action);
      }
  if (shown->len == 0)
    {
      g_critical ("Shortcuts window: no shortcut for “%s” in the table", action);
      return NULL;
    }
  *actions = g_string_free (g_steal_pointer (&names), FALSE);
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

static void
fill_shortcuts (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *action = NULL;
      g_autofree char *actions = NULL;
      g_autofree char *shown = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          fill_shortcuts (child);
          continue;
        }

      g_object_get (child, "action-name", &action, NULL);
      if (action == NULL || (shown = dup_shown_for_entry (action, &actions)) == NULL)
        continue;
      /* Without an action name GTK keeps these keys instead of asking the application. */
      g_object_set (child, "action-name", NULL, "accelerator", shown, NULL);
      g_object_set_data_full (G_OBJECT (child), "caravan-actions", g_steal_pointer (&actions),
                              g_free);
      relabel_keys (child);
    }
}

void
caravan_shortcuts_fill_window (GtkWidget *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  fill_shortcuts (window);
}
