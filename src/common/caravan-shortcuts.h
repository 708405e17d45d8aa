/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-shortcuts.h: every keyboard shortcut of Caravan in one table, which both installs the
 * bindings and fills the shortcuts window, so the window can never show other keys. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  CARAVAN_SHORTCUTS_APPLICATION,   /* gtk_application_set_accels_for_action */
  CARAVAN_SHORTCUTS_WINDOW,        /* CaravanWindow class bindings */
  CARAVAN_SHORTCUTS_MAP,           /* CaravanMapView class bindings (when focused) */
  CARAVAN_SHORTCUTS_TIMELINE,      /* CaravanTimeline class bindings (when focused) */
  CARAVAN_SHORTCUTS_PRESENTATION,  /* CaravanPresentation, capture phase */
  CARAVAN_SHORTCUTS_N_SCOPES
} CaravanShortcutScope;

typedef struct {
  /* Detailed action name, with its target if any: "presentation.blank('black')". */
  const char *action;
  /* Every accelerator that triggers it (gtk_accelerator_parse syntax), space separated. A
   * range "0...9" is a key the widget reads itself (typed step numbers). */
  const char *keys;
  /* What the shortcuts window shows; NULL shows @keys without their keypad twins. */
  const char *shown;
  /* The action of the shortcuts window entry that shows these keys too ("Pan" shows all four
   * directions); NULL: the entry of @action itself. */
  const char *shown_with;
} CaravanShortcut;

const CaravanShortcut *caravan_shortcuts_get            (CaravanShortcutScope  scope,
                                                         gsize                *n_shortcuts);
/* The entry of the action a shortcuts window entry names, or NULL. */
const CaravanShortcut *caravan_shortcuts_lookup         (const char           *action,
                                                         CaravanShortcutScope *scope);
/* The shortcut of @scope that @keyval with @mods triggers (letters in either case), or NULL. */
const CaravanShortcut *caravan_shortcuts_find           (CaravanShortcutScope  scope,
                                                         guint                 keyval,
                                                         GdkModifierType       mods);
/* Activates the shortcut's action, with its target, on @widget. */
void                   caravan_shortcuts_activate       (const CaravanShortcut *shortcut,
                                                         GtkWidget             *widget);
/* The accelerators the shortcuts window shows, space separated. */
char                  *caravan_shortcut_dup_shown       (const CaravanShortcut *shortcut);

/* Installs the scope's bindings on a widget class. */
void                   caravan_shortcuts_add_bindings   (GtkWidgetClass       *widget_class,
                                                         CaravanShortcutScope  scope);
/* Sets the application accelerators of CARAVAN_SHORTCUTS_APPLICATION. */
void                   caravan_shortcuts_set_accels     (GtkApplication       *application);
/* Gives every entry of @window the keys of the table (GtkShortcutsShortcut cannot look up class
 * bindings) and readable key names; entries whose action is not in the table stay empty. */
void                   caravan_shortcuts_fill_window    (GtkWidget            *window);

G_END_DECLS
