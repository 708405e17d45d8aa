/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window.c: the main window: header bar, primary menu, story states, window state. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-application.h"
#include "caravan-window.h"

struct _CaravanWindow
{
  AdwApplicationWindow  parent_instance;

  GCancellable         *cancellable;
  GFile                *file;

  /* template children */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
};

G_DEFINE_FINAL_TYPE (CaravanWindow, caravan_window, ADW_TYPE_APPLICATION_WINDOW)

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
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (settings);
}

static void
show_state (CaravanWindow *self,
            const char    *name)
{
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  gtk_stack_set_visible_child_name (self->main_stack, name);
}

static void
on_file_chooser_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(CaravanWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        caravan_window_open_file (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
caravan_window_open_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  g_autoptr(GtkFileFilter) stories = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  /* GtkFileChooserNative goes through the file chooser portal inside a sandbox. */
  dialog = gtk_file_chooser_native_new (_("Open Story"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (stories, _("Caravan Stories"));
  gtk_file_filter_add_mime_type (stories, "application/x-caravan-story");
  gtk_file_filter_add_suffix (stories, "caravan");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), stories);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);

  g_signal_connect (dialog, "response", G_CALLBACK (on_file_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
caravan_window_close_request (GtkWindow *window)
{
  save_window_state (CARAVAN_WINDOW (window));

  return GTK_WINDOW_CLASS (caravan_window_parent_class)->close_request (window);
}

static void
caravan_window_dispose (GObject *object)
{
  CaravanWindow *self = CARAVAN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);

  gtk_widget_dispose_template (GTK_WIDGET (self), CARAVAN_TYPE_WINDOW);

  G_OBJECT_CLASS (caravan_window_parent_class)->dispose (object);
}

static void
caravan_window_class_init (CaravanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = caravan_window_dispose;
  window_class->close_request = caravan_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/caravan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, loading_spinner);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, caravan_window_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
caravan_window_init (CaravanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

CaravanWindow *
caravan_window_new (CaravanApplication *application)
{
  CaravanWindow *self;

  g_return_val_if_fail (CARAVAN_IS_APPLICATION (application), NULL);

  self = g_object_new (CARAVAN_TYPE_WINDOW, "application", application, NULL);
  restore_window_state (self);

  return self;
}

/* Opens a story file in this window; the current story stays until the new one has loaded. */
void
caravan_window_open_file (CaravanWindow *self,
                          GFile         *file)
{
  g_return_if_fail (CARAVAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  show_state (self, "loading");
}
