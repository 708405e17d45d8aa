/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window.c: the main window: loads stories, owns the selection the views follow,
 * shows the loader's problems, and switches between wide and narrow layouts. */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-application.h"
#include "caravan-excerpts-panel.h"
#include "caravan-map-source.h"
#include "caravan-map-theme.h"
#include "caravan-map-view.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-presentation.h"
#include "caravan-ready-check.h"
#include "caravan-story-loader.h"
#include "caravan-story-problem.h"
#include "caravan-timeline.h"
#include "caravan-window.h"

/* Below this width the views are stacked instead of side by side. */
#define NARROW_WIDTH 860
/* Editors write files in several steps: wait for quiet before reloading. */
#define RELOAD_DELAY_MS 300

struct _CaravanWindow
{
  AdwApplicationWindow  parent_instance;

  CaravanSelection     *selection;
  GCancellable         *cancellable;   /* cancelled in dispose */
  GCancellable         *load_cancellable;
  GFile                *file;          /* the story on screen, NULL for the bundled one */
  GFile                *loading_file;
  GFileMonitor         *monitor;
  guint                 reload_timeout;
  guint                 layout_idle;
  gboolean              narrow;

  /* Presentation mode, and what to return to when it ends. */
  CaravanPresentation  *presentation;
  gboolean              present_when_loaded;
  CaravanPlace         *saved_place;
  CaravanEvent         *saved_event;
  double                saved_visible_start;
  double                saved_visible_end;
  double                saved_latitude;
  double                saved_longitude;
  double                saved_zoom;
  guint                 restore_idle;

  /* template children */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_title;
  GtkLabel             *problems_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *loading_spinner;
  GtkBox               *views_box;
  GtkBox               *map_box;
  CaravanMapView       *map_view;
  CaravanTimeline      *timeline;
  GtkWidget            *views_separator;
  CaravanExcerptsPanel *excerpts_panel;
};

G_DEFINE_FINAL_TYPE (CaravanWindow, caravan_window, ADW_TYPE_APPLICATION_WINDOW)

static void start_loading (CaravanWindow *self, GFile *file);
static void start_presentation (CaravanWindow *self, gboolean from_start);

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

static char *
get_display_name (GFile *file)
{
  return file ? g_file_get_basename (file) : g_strdup (_("Bundled story"));
}

/* Lists every problem as FILE:LINE:COLUMN: message, the form compilers and editors use. */
static void
show_problems (CaravanWindow *self,
               GFile         *file,
               GListModel    *problems,
               const GError  *error)
{
  g_autofree char *name = get_display_name (file);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  guint n = problems ? g_list_model_get_n_items (problems) : 0;
  gboolean keeping = caravan_selection_get_story (self->selection) != NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *message = caravan_story_problem_to_string (problem);

      g_string_append_printf (text, "%s%s:%u:%u: %s%s", text->len ? "\n" : "", name,
                              caravan_story_problem_get_line (problem),
                              caravan_story_problem_get_column (problem),
                              caravan_story_problem_get_severity (problem) == CARAVAN_STORY_SEVERITY_WARNING
                                ? _("warning: ") : "",
                              message);
    }
  if (n == 0 && error != NULL)
    g_string_append_printf (text, "%s: %s", name, error->message);

  if (keeping)
    /* Translators: %s is a file name; the story already on screen stays there */
    title = g_strdup_printf (_("“%s” could not be opened, so the current story stays on screen"), name);
  else
    title = g_strdup_printf (_("“%s” could not be opened"), name);

  gtk_label_set_text (self->problems_title, title);
  gtk_label_set_text (self->problems_label, text->str);
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
  if (!keeping)
    show_state (self, "empty");
}

static void
hide_problems (CaravanWindow *self)
{
  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
}

static void
on_reload_timeout (gpointer user_data)
{
  CaravanWindow *self = user_data;

  self->reload_timeout = 0;
  if (self->file != NULL)
    start_loading (self, self->file);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 CaravanWindow     *self)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      g_clear_handle_id (&self->reload_timeout, g_source_remove);
      self->reload_timeout = g_timeout_add_once (RELOAD_DELAY_MS, on_reload_timeout, self);
      break;
    default:
      break;
    }
}

static void
watch_file (CaravanWindow *self,
            GFile         *file)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->reload_timeout, g_source_remove);

  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, self->cancellable, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s for changes: %s", g_file_peek_path (file), error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, 0);
}

/* Puts @story on screen; a reload of the same file keeps the selected place and event. */
static void
show_story (CaravanWindow *self,
            CaravanStory  *story,
            GFile         *file)
{
  gboolean same_file = (file == NULL && self->file == NULL) ||
                       (file != NULL && self->file != NULL && g_file_equal (file, self->file));
  CaravanPlace *old_place = caravan_selection_get_place (self->selection);
  CaravanEvent *old_event = caravan_selection_get_event (self->selection);
  g_autofree char *place_id = old_place ? g_strdup (caravan_place_get_id (old_place)) : NULL;
  g_autofree char *event_id = old_event ? g_strdup (caravan_event_get_id (old_event)) : NULL;
  g_autofree char *subtitle = get_display_name (file);

  if (!same_file || file == NULL)
    watch_file (self, file);
  g_set_object (&self->file, file);

  caravan_selection_set_story (self->selection, story);
  if (same_file && event_id != NULL && caravan_story_lookup_event (story, event_id) != NULL)
    caravan_selection_select_event (self->selection, caravan_story_lookup_event (story, event_id));
  else if (same_file && place_id != NULL && caravan_story_lookup_place (story, place_id) != NULL)
    caravan_selection_select_place (self->selection, caravan_story_lookup_place (story, place_id));

  adw_window_title_set_title (self->window_title, caravan_story_get_title (story));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), caravan_story_get_title (story));
  hide_problems (self);
  show_state (self, "story");

  if (self->present_when_loaded)
    {
      self->present_when_loaded = FALSE;
      start_presentation (self, TRUE);
    }
}

static void
on_story_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CaravanWindow) self = user_data;
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GFile) file = NULL;

  story = caravan_story_loader_load_file_finish (result, &problems, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->loading_file);
  if (story == NULL)
    {
      g_debug ("Loading %s failed: %s", file ? g_file_peek_path (file) : "?", error->message);
      /* A broken file never replaces the story on screen. */
      show_problems (self, file, problems, error);
      if (file != NULL && caravan_selection_get_story (self->selection) == NULL)
        {
          /* Nothing on screen yet: watch the broken file so that fixing it shows the story. */
          watch_file (self, file);
          g_set_object (&self->file, file);
        }
      return;
    }

  show_story (self, story, file);
}

static void
start_loading (CaravanWindow *self,
               GFile         *file)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  /* The current story stays on screen while the new one loads. */
  if (caravan_selection_get_story (self->selection) == NULL)
    show_state (self, "loading");

  g_set_object (&self->loading_file, file);
  caravan_story_loader_load_file_async (file, self->load_cancellable, on_story_loaded,
                                        g_object_ref (self));
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

/* The offline base map by default; OpenStreetMap tiles only when asked for. */
static void
update_map_source (CaravanWindow *self)
{
  GSettings *settings = get_settings (self);
  ShumateMapSource *current = caravan_map_view_get_map_source (self->map_view);
  guint scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  if (settings != NULL && g_settings_get_boolean (settings, "online-tiles"))
    {
      g_autoptr(ShumateMapSourceRegistry) registry = NULL;

      if (current != NULL && !CARAVAN_IS_MAP_SOURCE (current))
        return;
      registry = shumate_map_source_registry_new_with_defaults ();
      caravan_map_view_set_map_source (self->map_view,
                                       shumate_map_source_registry_get_by_id (registry,
                                                                              SHUMATE_MAP_SOURCE_OSM_MAPNIK));
      return;
    }

  /* libshumate keeps the tiles on screen when a source changes its id, so a new theme or
   * scale needs a new source. */
  if (!CARAVAN_IS_MAP_SOURCE (current) ||
      caravan_map_source_get_theme (CARAVAN_MAP_SOURCE (current)) != get_map_theme (self) ||
      caravan_map_source_get_scale_factor (CARAVAN_MAP_SOURCE (current)) != scale)
    {
      g_autoptr(CaravanMapSource) source = caravan_map_source_new (get_map_theme (self), scale);

      caravan_map_view_set_map_source (self->map_view, SHUMATE_MAP_SOURCE (source));
    }
}

static void
on_map_setting_changed (GSettings     *settings,
                        const char    *key,
                        CaravanWindow *self)
{
  update_map_source (self);
}

static void
on_style_or_scale_changed (GObject       *object,
                           GParamSpec    *pspec,
                           CaravanWindow *self)
{
  update_map_source (self);
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
      g_signal_connect_object (settings, "changed::map-theme", G_CALLBACK (on_map_setting_changed),
                               self, 0);
      g_signal_connect_object (settings, "changed::online-tiles", G_CALLBACK (on_map_setting_changed),
                               self, 0);
    }
}

static void
update_layout (CaravanWindow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->views_box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->views_separator),
                                  self->narrow ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self->excerpts_panel), self->narrow ? -1 : 380,
                               self->narrow ? 220 : -1);
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

static ShumateMap *
get_shumate_map (CaravanWindow *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map_view));

  return SHUMATE_IS_SIMPLE_MAP (child) ? shumate_simple_map_get_map (SHUMATE_SIMPLE_MAP (child)) : NULL;
}

/* Runs after the map view's own camera idle, which flies to the restored selection. */
static gboolean
on_restore_idle (gpointer user_data)
{
  CaravanWindow *self = user_data;
  ShumateViewport *viewport = caravan_map_view_get_viewport (self->map_view);
  ShumateMap *map = get_shumate_map (self);

  self->restore_idle = 0;
  if (map != NULL)
    {
      shumate_map_stop_go_to (map);
      shumate_viewport_set_zoom_level (viewport, self->saved_zoom);
      shumate_map_center_on (map, self->saved_latitude, self->saved_longitude);
    }
  caravan_selection_set_visible_range (self->selection, self->saved_visible_start,
                                       self->saved_visible_end);
  return G_SOURCE_REMOVE;
}

/* Esc: back to exactly what the user saw before: place, event, time range, map camera. */
static gboolean
on_presentation_close_request (GtkWindow     *presentation,
                               CaravanWindow *self)
{
  caravan_selection_select_event (self->selection, self->saved_event);
  if (caravan_selection_get_place (self->selection) != self->saved_place)
    caravan_selection_select_place (self->selection, self->saved_place);
  caravan_selection_set_visible_range (self->selection, self->saved_visible_start,
                                       self->saved_visible_end);
  g_clear_object (&self->saved_event);
  g_clear_object (&self->saved_place);
  g_clear_object (&self->presentation);

  g_clear_handle_id (&self->restore_idle, g_source_remove);
  self->restore_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, on_restore_idle, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_window_present (GTK_WINDOW (self));

  return FALSE;
}

/* The projector: the monitor this window is not on, when there are two. */
static GdkMonitor *
choose_presentation_monitor (CaravanWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *current = surface ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  guint n = g_list_model_get_n_items (monitors);

  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i - 1);

      if (monitor != current || n == 1)
        return monitor;
    }
  return current;
}

static void
start_presentation (CaravanWindow *self,
                    gboolean       from_start)
{
  CaravanStory *story = caravan_selection_get_story (self->selection);
  CaravanPlace *place = caravan_selection_get_place (self->selection);
  ShumateViewport *viewport = caravan_map_view_get_viewport (self->map_view);

  if (self->presentation != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->presentation));
      return;
    }
  if (story == NULL || g_list_model_get_n_items (caravan_story_get_events (story)) == 0)
    return;

  g_set_object (&self->saved_place, place);
  g_set_object (&self->saved_event, caravan_selection_get_event (self->selection));
  self->saved_visible_start = caravan_selection_get_visible_start (self->selection);
  self->saved_visible_end = caravan_selection_get_visible_end (self->selection);
  self->saved_latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  self->saved_longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  self->saved_zoom = shumate_viewport_get_zoom_level (viewport);

  /* From the current event; with only a place selected, from that place's first event. */
  if (from_start)
    caravan_selection_first (self->selection);
  else if (self->saved_event == NULL && place != NULL)
    {
      g_autoptr(GListModel) events = caravan_story_list_events_of_place (story, place);
      g_autoptr(CaravanEvent) first = g_list_model_get_item (events, 0);

      if (first != NULL)
        caravan_selection_select_event (self->selection, first);
      else
        caravan_selection_first (self->selection);
    }
  else if (self->saved_event == NULL)
    caravan_selection_first (self->selection);

  /* GTK owns the window; this reference keeps it ours until it closes. */
  self->presentation = g_object_ref (caravan_presentation_new (self->selection,
                                                               choose_presentation_monitor (self)));
  gtk_window_set_application (GTK_WINDOW (self->presentation),
                              gtk_window_get_application (GTK_WINDOW (self)));
  g_signal_connect_object (self->presentation, "close-request",
                           G_CALLBACK (on_presentation_close_request), self, 0);
  gtk_window_present (GTK_WINDOW (self->presentation));
  /* Nothing to draw behind a fullscreen presentation: saves the CPU for the map's flights. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
on_ready_check_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CaravanWindow) self = user_data;
  g_autoptr(GPtrArray) lines = g_task_propagate_pointer (G_TASK (result), NULL);
  guint n_problems = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "n-problems"));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scrolled, *label;

  if (lines == NULL)
    return;

  if (n_problems == 0)
    heading = g_strdup (_("Ready to Present"));
  else
    heading = g_strdup_printf (ngettext ("%u Problem Found", "%u Problems Found", n_problems), n_problems);

  g_ptr_array_add (lines, NULL);
  body = g_strjoinv ("\n", (char **) lines->pdata);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   n_problems == 0
                                   ? _("Every step’s place resolves and its map area draws offline.")
                                   : _("Fix these in the story file before presenting."));
  label = gtk_label_new (body);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "presentation-check-list");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_set_visible (scrolled, *body != '\0');
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
run_ready_check (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  caravan_ready_check_story (task_data, CARAVAN_MAP_THEME_PROJECTOR, problems, notes);
  g_object_set_data (G_OBJECT (task), "n-problems", GUINT_TO_POINTER (problems->len));
  /* Problems first, then remarks that need no fixing. */
  g_ptr_array_extend_and_steal (problems, g_steal_pointer (&notes));
  g_task_return_pointer (task, g_steal_pointer (&problems), (GDestroyNotify) g_ptr_array_unref);
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

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         CaravanWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  caravan_window_open_file (self, files->data);
  return TRUE;
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

static void
caravan_window_open_bundled_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  caravan_window_open_bundled (CARAVAN_WINDOW (widget));
}

static void
caravan_window_dismiss_problems_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  hide_problems (CARAVAN_WINDOW (widget));
}

static void
caravan_window_fit_story_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  caravan_map_view_fit_story (CARAVAN_WINDOW (widget)->map_view);
}

static void
caravan_window_next_event_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  caravan_selection_next_event (CARAVAN_WINDOW (widget)->selection);
}

static void
caravan_window_previous_event_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  caravan_selection_previous_event (CARAVAN_WINDOW (widget)->selection);
}

static void
caravan_window_present_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  start_presentation (CARAVAN_WINDOW (widget), FALSE);
}

static void
caravan_window_present_from_start_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  start_presentation (CARAVAN_WINDOW (widget), TRUE);
}

/* Renders one tile per step in a worker thread; the answer comes as a dialog. */
static void
caravan_window_check_presentation_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  CaravanWindow *self = CARAVAN_WINDOW (widget);
  CaravanStory *story = caravan_selection_get_story (self->selection);
  g_autoptr(GTask) task = NULL;

  if (story == NULL)
    return;

  task = g_task_new (NULL, self->cancellable, on_ready_check_done, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (story), g_object_unref);
  g_task_run_in_thread (task, run_ready_check);
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
  save_window_state (CARAVAN_WINDOW (window));

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
  g_clear_handle_id (&self->restore_idle, g_source_remove);
  if (self->presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (self->presentation));
  g_clear_object (&self->presentation);
  g_clear_object (&self->saved_place);
  g_clear_object (&self->saved_event);
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
caravan_window_class_init (CaravanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = caravan_window_dispose;
  widget_class->size_allocate = caravan_window_size_allocate;
  window_class->close_request = caravan_window_close_request;

  g_type_ensure (CARAVAN_TYPE_MAP_VIEW);
  g_type_ensure (CARAVAN_TYPE_EXCERPTS_PANEL);
  g_type_ensure (CARAVAN_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/caravan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, problems_title);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, views_box);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, map_box);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, views_separator);
  gtk_widget_class_bind_template_child (widget_class, CaravanWindow, excerpts_panel);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, caravan_window_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL,
                                   caravan_window_open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-problems", NULL,
                                   caravan_window_dismiss_problems_action);
  gtk_widget_class_install_action (widget_class, "win.fit-story", NULL,
                                   caravan_window_fit_story_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.fit-story", NULL);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL,
                                   caravan_window_next_event_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "win.next-event", NULL);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL,
                                   caravan_window_previous_event_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "win.previous-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.filter-by-time", NULL);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, caravan_window_present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_install_action (widget_class, "win.present-from-start", NULL,
                                   caravan_window_present_from_start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, GDK_SHIFT_MASK,
                                       "win.present-from-start", NULL);
  gtk_widget_class_install_action (widget_class, "win.check-presentation", NULL,
                                   caravan_window_check_presentation_action);
}

static void
caravan_window_init (CaravanWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->selection = caravan_selection_new ();
  caravan_map_view_set_selection (self->map_view, self->selection);
  caravan_excerpts_panel_set_selection (self->excerpts_panel, self->selection);
  caravan_timeline_set_selection (self->timeline, self->selection);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_or_scale_changed), self, 0);
  g_signal_connect_object (self, "notify::scale-factor", G_CALLBACK (on_style_or_scale_changed), self, 0);

  update_layout (self);

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
  add_state_actions (self);
  update_map_source (self);

  return self;
}

/* Opens a story file in this window; the current story stays until the new one has loaded. */
void
caravan_window_open_file (CaravanWindow *self,
                          GFile         *file)
{
  g_return_if_fail (CARAVAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_loading (self, file);
}

/* Shows the story that ships with Caravan. */
void
caravan_window_open_bundled (CaravanWindow *self)
{
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CARAVAN_IS_WINDOW (self));

  story = caravan_story_load_bundled (&error);
  if (story == NULL)
    {
      show_problems (self, NULL, NULL, error);
      return;
    }

  show_story (self, story, NULL);
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

/* Starts presentation mode (F5; Shift+F5 with @from_start). While a story is still loading,
 * it starts from the first step once the story is on screen (caravan --present FILE). */
void
caravan_window_start_presentation (CaravanWindow *self,
                                   gboolean       from_start)
{
  g_return_if_fail (CARAVAN_IS_WINDOW (self));

  if (caravan_selection_get_story (self->selection) == NULL || self->loading_file != NULL)
    self->present_when_loaded = TRUE;
  else
    start_presentation (self, from_start);
}

/* The running presentation, or NULL. */
CaravanPresentation *
caravan_window_get_presentation (CaravanWindow *self)
{
  g_return_val_if_fail (CARAVAN_IS_WINDOW (self), NULL);

  return self->presentation;
}
