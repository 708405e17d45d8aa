/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window.c: the main window: owns the selection the views follow, the base map source,
 * the layout (side by side or stacked) and the window state. Loading, actions, presentation and
 * Export Video… live in caravan-window-{story,actions,presentation,video}.c. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-accessible.h"
#include "caravan-map-source.h"
#include "caravan-map-theme.h"
#include "caravan-selection.h"
#include "caravan-shortcuts.h"
#include "caravan-place.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-window-private.h"

G_DEFINE_FINAL_TYPE (CaravanWindow, caravan_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ACTIVE_SELECTION,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
caravan_window_notify_active_selection (CaravanWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_SELECTION]);
}

static GSettings *
get_settings (CaravanWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return CARAVAN_IS_APPLICATION (app)
         ? caravan_application_get_settings (CARAVAN_APPLICATION (app))
         : NULL;
}

static void
restore_window_state (CaravanWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (CaravanWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (settings);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}

void
caravan_window_show_state (CaravanWindow *self,
                           const char    *name)
{
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  gtk_stack_set_visible_child_name (self->main_stack, name);
  caravan_window_update_export_actions (self);
}

static CaravanMapTheme
get_map_theme (CaravanWindow *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *name = settings ? g_settings_get_string (settings, "map-theme") : NULL;
  CaravanMapTheme theme;

  if (name != NULL && caravan_map_theme_from_string (name, &theme))
    return theme;

  /* "auto" follows the system's dark style. */
  return adw_style_manager_get_dark (adw_style_manager_get_default ())
         ? CARAVAN_MAP_THEME_DARK : CARAVAN_MAP_THEME_LIGHT;
}

/* The map view owns its base map; the window only hands it the theme of its settings. */
static void
update_map_theme (CaravanWindow *self)
{
  caravan_map_view_set_theme (self->map_view, get_map_theme (self));
}

static void
on_map_theme_changed (GSettings     *settings,
                      const char    *key,
                      CaravanWindow *self)
{
  update_map_theme (self);
}

static void
on_dark_changed (AdwStyleManager *style_manager,
                 GParamSpec      *pspec,
                 CaravanWindow   *self)
{
  update_map_theme (self);
}

/* Stateful actions that mirror the selection and the settings (the menus show their state). */
static void
add_state_actions (CaravanWindow *self)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GPropertyAction) filter = NULL;

  filter = g_property_action_new ("filter-by-time", self->selection, "filter-by-time");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (filter));

  if (settings != NULL)
    {
      g_autoptr(GAction) theme = g_settings_create_action (settings, "map-theme");
      g_autoptr(GAction) online = g_settings_create_action (settings, "online-tiles");

      g_action_map_add_action (G_ACTION_MAP (self), theme);
      g_action_map_add_action (G_ACTION_MAP (self), online);
      g_signal_connect_object (settings, "changed::map-theme", G_CALLBACK (on_map_theme_changed),
                               self, 0);
      g_settings_bind (settings, "online-tiles", self->map_view, "online", G_SETTINGS_BIND_GET);
    }
}

static void
update_layout (CaravanWindow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->views_box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL
                                               : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->views_separator),
                                  self->narrow ? GTK_ORIENTATION_HORIZONTAL
                                               : GTK_ORIENTATION_VERTICAL);
  /* Stacked, the three views share the height: 150 + 130 + 160 px and the header bar fit a
   * 800×600 screen with room for a panel; side by side, the map and timeline get more. */
  gtk_widget_set_size_request (GTK_WIDGET (self->map_view), -1, self->narrow ? 150 : 200);
  gtk_widget_set_size_request (GTK_WIDGET (self->timeline), -1, self->narrow ? 130 : 200);
  gtk_widget_set_size_request (GTK_WIDGET (self->excerpts_panel), self->narrow ? -1 : 380,
                               self->narrow ? 160 : -1);
  gtk_widget_set_vexpand (GTK_WIDGET (self->excerpts_panel), self->narrow);
  if (self->narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
}

static gboolean
on_layout_idle (gpointer user_data)
{
  CaravanWindow *self = user_data;

  self->layout_idle = 0;
  update_layout (self);
  return G_SOURCE_REMOVE;
}

static void
caravan_window_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  gboolean narrow = width < NARROW_WIDTH;

  GTK_WIDGET_CLASS (caravan_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* The layout can't change during allocation: switch on the next idle. */
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->layout_idle == 0)
        self->layout_idle = g_idle_add (on_layout_idle, self);
    }
}

static gboolean
caravan_window_close_request (GtkWindow *window)
{
  CaravanWindow *self = CARAVAN_WINDOW (window);

  /* Unsaved edits: ask first; the window closes once they are saved or discarded. */
  if (!self->closing && caravan_window_confirm_unsaved (self, CARAVAN_WINDOW_PENDING_CLOSE, NULL))
    return TRUE;
  save_window_state (self);

  return GTK_WINDOW_CLASS (caravan_window_parent_class)->close_request (window);
}

static void
caravan_window_dispose (GObject *object)
{
  CaravanWindow *self = CARAVAN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->reload_timeout, g_source_remove);
  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presentation));
  g_clear_object (&self->presentation);
  g_clear_weak_pointer (&self->focus_before_presentation);
  g_clear_object (&self->export_toast);
  g_clear_object (&self->undo_stack);
  g_clear_handle_id (&self->recovery_timeout, g_source_remove);
  g_clear_object (&self->pending_file);
  g_clear_pointer (&self->saved_stamp, g_free);
  g_clear_weak_pointer (&self->video_dialog);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->loading_file);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARAVAN_TYPE_WINDOW);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (caravan_window_parent_class)->dispose (object);
}

static void
caravan_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ACTIVE_SELECTION:
      g_value_set_object (value, caravan_window_get_active_selection (CARAVAN_WINDOW (object)));
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, caravan_window_get_editing (CARAVAN_WINDOW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_EDITING:
      caravan_window_set_editing (CARAVAN_WINDOW (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_window_class_init (CaravanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = caravan_window_dispose;
  object_class->get_property = caravan_window_get_property;
  object_class->set_property = caravan_window_set_property;
  widget_class->size_allocate = caravan_window_size_allocate;
  window_class->close_request = caravan_window_close_request;

  /* The selection the remote control moves: a running presentation's, else the window's. */
  properties[PROP_ACTIVE_SELECTION] =
    g_param_spec_object ("active-selection", NULL, NULL, CARAVAN_TYPE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The edit mode: the inspector instead of the excerpts, undo and redo in the header bar. */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CARAVAN_TYPE_MAP_VIEW);
  g_type_ensure (CARAVAN_TYPE_EXCERPTS_PANEL);
  g_type_ensure (CARAVAN_TYPE_TIMELINE);
  g_type_ensure (CARAVAN_TYPE_INSPECTOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/caravan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, problems_title);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, problems_selection);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, views_box);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, map_box);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, views_separator);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, excerpts_panel);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, inspector);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, caravan_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL,
                                   caravan_window_open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL,
                                   caravan_window_dismiss_problems_action);
  gtk_widget_class_install_action (widget_class, "win.fit-story", NULL,
                                   caravan_window_fit_story_action);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL,
                                   caravan_window_next_event_action);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL,
                                   caravan_window_previous_event_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL,
                                   caravan_window_present_action);
  gtk_widget_class_install_action (widget_class, "win.present-from-start", NULL,
                                   caravan_window_present_from_start_action);
  gtk_widget_class_install_action (widget_class, "win.check-presentation", NULL,
                                   caravan_window_check_presentation_action);
  gtk_widget_class_install_property_action (widget_class, "win.edit-mode", "editing");
  gtk_widget_class_install_action (widget_class, "win.new", NULL, caravan_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.add-place", NULL,
                                   caravan_window_add_place_action);
  gtk_widget_class_install_action (widget_class, "win.add-place-at", "(dd)",
                                   caravan_window_add_place_at_action);
  gtk_widget_class_install_action (widget_class, "win.move-place", "(sdd)",
                                   caravan_window_move_place_action);
  gtk_widget_class_install_action (widget_class, "win.set-step-camera", NULL,
                                   caravan_window_set_step_camera_action);
  gtk_widget_class_install_action (widget_class, "win.clear-step-camera", NULL,
                                   caravan_window_clear_step_camera_action);
  gtk_widget_class_install_action (widget_class, "win.add-event", NULL,
                                   caravan_window_add_event_action);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL,
                                   caravan_window_delete_selected_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, caravan_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, caravan_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, caravan_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL,
                                   caravan_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL,
                                   caravan_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-image", NULL,
                                   caravan_window_export_image_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL,
                                   caravan_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.export-video", NULL,
                                   caravan_window_export_video_action);
  caravan_shortcuts_add_bindings (widget_class, CARAVAN_SHORTCUTS_WINDOW);
}

/* AdwSplitButton 1.2 gives its two halves no accessible names: "Present" and its menu. */
static void
name_split_button_parts (GtkWidget  *widget,
                         const char *button_name,
                         const char *menu_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          menu_name, -1);
          name_split_button_parts (child, menu_name, menu_name);
        }
      else if (GTK_IS_BUTTON (child))
        caravan_accessible_name_button (child, button_name);
    }
}

static void
caravan_window_init (CaravanWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  name_split_button_parts (caravan_accessible_find (GTK_WIDGET (self->header_bar),
                                                    ADW_TYPE_SPLIT_BUTTON),
                           _("Present"), _("More Presentation Options"));
  caravan_accessible_name_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = caravan_selection_new ();
  caravan_map_view_set_selection (self->map_view, self->selection);
  caravan_excerpts_panel_set_selection (self->excerpts_panel, self->selection);
  caravan_timeline_set_selection (self->timeline, self->selection);
  caravan_inspector_set_selection (self->inspector, self->selection);
  g_signal_connect_object (self->selection, "item-changed",
                           G_CALLBACK (caravan_window_schedule_recovery), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::place",
                           G_CALLBACK (caravan_window_update_edit_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::event",
                           G_CALLBACK (caravan_window_update_edit_actions), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self, "editing", self->map_view, "editable", G_BINDING_SYNC_CREATE);
  caravan_window_update_edit_actions (self);
  caravan_window_init_video (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (caravan_window_on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, 0);

  update_layout (self);

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

void
caravan_window_show_error (CaravanWindow *self,
                           const char    *heading,
                           const char    *body)
{
  AdwMessageDialog *dialog;

  /* Neither text is markup: a file name or a reason may hold any character. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

CaravanWindow *
caravan_window_new (CaravanApplication *application)
{
  GtkShortcutsWindow *overlay;
  CaravanWindow *self;

  g_return_val_if_fail (CARAVAN_IS_APPLICATION (application), NULL);

  self = g_object_new (CARAVAN_TYPE_WINDOW, "application", application, NULL);
  /* The application has given the window its shortcuts window (gtk/help-overlay.ui) by now. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  if (overlay != NULL)
    caravan_shortcuts_fill_window (GTK_WIDGET (overlay));
  restore_window_state (self);
  add_state_actions (self);
  update_map_theme (self);

  return self;
}

/* Opens a story file in this window; the current story stays until the new one has loaded. */
void
caravan_window_open_file (CaravanWindow *self,
                          GFile         *file)
{
  g_return_if_fail (CARAVAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!caravan_window_confirm_unsaved (self, CARAVAN_WINDOW_PENDING_OPEN_FILE, file))
    caravan_window_start_loading (self, file);
}

static void
show_bundled (CaravanWindow *self)
{
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;

  story = caravan_story_load_bundled (&error);
  if (story == NULL)
    {
      caravan_window_show_problems (self, NULL, NULL, error);
      return;
    }

  caravan_window_show_story (self, story, NULL);
}

void
caravan_window_run_pending (CaravanWindow        *self,
                            CaravanWindowPending  pending,
                            GFile                *file)
{
  switch (pending)
    {
    case CARAVAN_WINDOW_PENDING_CLOSE:
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case CARAVAN_WINDOW_PENDING_OPEN_FILE:
    case CARAVAN_WINDOW_PENDING_RELOAD:
      caravan_window_start_loading (self, file);
      break;
    case CARAVAN_WINDOW_PENDING_OPEN_BUNDLED:
      show_bundled (self);
      break;
    case CARAVAN_WINDOW_PENDING_NEW:
      caravan_window_show_new_story (self);
      break;
    case CARAVAN_WINDOW_PENDING_NONE:
    default:
      break;
    }
}

/* Shows the story that ships with Caravan. */
void
caravan_window_open_bundled (CaravanWindow *self)
{
  g_return_if_fail (CARAVAN_IS_WINDOW (self));

  if (!caravan_window_confirm_unsaved (self, CARAVAN_WINDOW_PENDING_OPEN_BUNDLED, NULL))
    show_bundled (self);
}

CaravanSelection *
caravan_window_get_selection (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), NULL);

  return self->selection;
}

/* Zooms the map by whole levels (remote control). */
void
caravan_window_zoom_map (CaravanWindow *self,
                         int            steps)
{
  g_return_if_fail (CARAVAN_IS_WINDOW (self));

  caravan_map_view_zoom_by (self->map_view, steps);
}

/* TRUE while a story is on screen. */
gboolean
caravan_window_has_story (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), FALSE);

  return caravan_selection_get_story (self->selection) != NULL;
}
