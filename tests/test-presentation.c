/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-presentation.c: presentation mode: start from the main window, step with real key
 * events, blank, autoplay, leave back to the previous view; caption size, contrast and pin
 * clearance at projector sizes; the presenter view; the offline ready check. */

#define G_LOG_DOMAIN "caravan-test-presentation"

#include "config.h"

#include <math.h>

#include "caravan-application.h"
#include "caravan-event.h"
#include "caravan-map-view.h"
#include "caravan-place.h"
#include "caravan-presentation.h"
#include "caravan-presenter-view.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-step-map.h"
#include "caravan-test-utils.h"
#include "caravan-window.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

static CaravanApplication *app;

static CaravanWindow *
get_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    if (CARAVAN_IS_WINDOW (l->data))
      return l->data;
  g_assert_not_reached ();
}

static CaravanSelection *
get_selection (void)
{
  return caravan_window_get_selection (get_window ());
}

static CaravanStory *
get_story (void)
{
  CaravanStory *story = caravan_selection_get_story (get_selection ());

  g_assert_nonnull (story);
  return story;
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *css_class)
{
  GtkWidget *label = caravan_test_find_widget (root, GTK_TYPE_LABEL, css_class);

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static guint
event_index (const char *id)
{
  CaravanEvent *event = caravan_story_lookup_event (get_story (), id);

  g_assert_nonnull (event);
  return caravan_story_get_event_index (get_story (), event);
}

static gboolean
is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data)) &&
         gtk_widget_get_width (GTK_WIDGET (user_data)) > 0;
}

static gboolean
presentation_is_gone (gpointer user_data)
{
  return caravan_window_get_presentation (get_window ()) == NULL;
}

/* Real key presses through the X server (xdotool, XTEST) when we can; otherwise the same
 * GdkEvent path is not available in GTK 4.8, so emit the window's key controller signal. */
static gboolean
can_send_real_keys (void)
{
#ifdef GDK_WINDOWING_X11
  static int usable = -1;

  if (usable < 0)
    {
      g_autofree char *xdotool = g_find_program_in_path ("xdotool");

      usable = xdotool != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ());
      if (!usable)
        g_test_message ("xdotool or X11 missing: keys go to the key controller directly");
    }
  return usable;
#else
  return FALSE;
#endif
}

static void
emit_key (GtkWidget *window,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
          break;
        }
    }
  g_assert_true (handled);
}

static void
press_key (GtkWidget  *window,
           const char *name)
{
  if (can_send_real_keys ())
    {
      g_autoptr(GError) error = NULL;
      int status = 0;
      char *argv[] = { (char *) "xdotool", (char *) "key", (char *) "--clearmodifiers",
                       (char *) name, NULL };

      g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
    }
  else
    emit_key (window, gdk_keyval_from_name (name));

  caravan_test_iterate (150);
}

typedef struct
{
  ShumateViewport *viewport;
  double           latitude;
  double           longitude;
} CentreWait;

static gboolean
centre_is_near (gpointer user_data)
{
  CentreWait *wait = user_data;
  ShumateLocation *centre = SHUMATE_LOCATION (wait->viewport);

  return fabs (shumate_location_get_latitude (centre) - wait->latitude) < 0.01 &&
         fabs (shumate_location_get_longitude (centre) - wait->longitude) < 0.01;
}

/* The map view flies (about a second) when the selection changes: wait for it to land. */
static void
assert_map_centre_near (CaravanMapView *map_view,
                        double          lat,
                        double          lon)
{
  CentreWait wait = { caravan_map_view_get_viewport (map_view), lat, lon };

  caravan_test_wait_until (centre_is_near, &wait, 3000);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (wait.viewport)),
                                  lat, 0.01);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (wait.viewport)),
                                  lon, 0.01);
}

static void
assert_shows_step (CaravanPresentation *presentation,
                   guint                step)
{
  g_autoptr(CaravanEvent) event = g_list_model_get_item (caravan_story_get_events (get_story ()),
                                                         step);
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (app),
                                                               "select-event");
  CaravanPlace *place = caravan_event_get_first_place (event);

  g_assert_cmpuint (caravan_presentation_get_step (presentation), ==, step);
  g_assert_true (caravan_selection_get_event (caravan_presentation_get_selection (presentation)) ==
                 event);
  /* The remote-control state shows the presentation's position. */
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, caravan_event_get_id (event));
  if (place != NULL)
    assert_map_centre_near (caravan_presentation_get_map_view (presentation),
                            caravan_place_get_latitude (place),
                            caravan_place_get_longitude (place));
}

static gboolean
map_tiles_complete (gpointer user_data)
{
  CaravanMapView *map_view = user_data;
  guint visible = 0, missing = 0;
  gint64 frame = caravan_map_view_get_tiles_painted (map_view, &visible, &missing);
  gint64 *since = g_object_get_data (G_OBJECT (map_view), "test-since-frame");

  if (frame > *since && visible > 0 && missing == 0)
    return TRUE;
  /* A map that has all its tiles draws no new frame by itself. */
  gtk_widget_queue_draw (GTK_WIDGET (map_view));
  return FALSE;
}

/* The map view once a frame after now has shown every tile in view. */
static GdkTexture *
capture_settled_map (CaravanMapView *map_view)
{
  gint64 since = caravan_map_view_get_tiles_painted (map_view, NULL, NULL);

#if SHUMATE_CHECK_VERSION (1, 1, 0)
  /* Newer libshumate draws tiles itself and the view counts nothing: give it time. */
  caravan_test_iterate (3000);
  return caravan_test_capture (GTK_WIDGET (map_view));
#endif
  g_object_set_data (G_OBJECT (map_view), "test-since-frame", &since);
  g_assert_true (caravan_test_wait_until (map_tiles_complete, map_view, 20000));
  g_object_set_data (G_OBJECT (map_view), "test-since-frame", NULL);
  caravan_test_iterate (100);
  return caravan_test_capture (GTK_WIDGET (map_view));
}

/* The share of pixels that differ by more than a rounding step in any channel. */
static double
fraction_of_pixels_changed (GdkTexture *a,
                            GdkTexture *b)
{
  return (double) caravan_test_count_different_pixels (a, b) /
         ((double) gdk_texture_get_width (a) * gdk_texture_get_height (a));
}

static CaravanPresentation *
start_from_window (const char *action)
{
  CaravanPresentation *presentation;

  gtk_widget_activate_action (GTK_WIDGET (get_window ()), action, NULL);
  presentation = caravan_window_get_presentation (get_window ());
  g_assert_nonnull (presentation);
  g_assert_true (caravan_test_wait_until (is_drawn, presentation, 5000));
  caravan_test_iterate (300);
  return presentation;
}

/* F5 from the current event; keys step forward and back; Esc restores the previous view. */
static void
test_keys_and_leave (void)
{
  CaravanWindow *window = get_window ();
  CaravanSelection *selection = get_selection ();
  CaravanMapView *main_map =
    CARAVAN_MAP_VIEW (caravan_test_find_widget (GTK_WIDGET (window), CARAVAN_TYPE_MAP_VIEW, NULL));
  ShumateViewport *main_viewport = caravan_map_view_get_viewport (main_map);
  CaravanPresentation *presentation;
  CaravanEvent *start_event;
  CaravanPlace *place;
  double lat, lon, zoom, start, end;
  guint first;
  GdkRectangle geometry;
  GdkMonitor *monitor;

  g_assert_true (caravan_test_wait_until (is_drawn, window, 5000));
  start_event = caravan_story_lookup_event (get_story (), "khorgos-dry-port-opens");
  caravan_selection_select_event (selection, start_event);
  place = caravan_selection_get_place (selection);
  caravan_test_iterate (200);
  /* The user then looks around on their own: a different zoom and a narrower time range. */
  caravan_map_view_zoom_by (main_map, -2);
  caravan_map_view_pan_by (main_map, 120, -40);
  caravan_selection_set_visible_range (selection,
                                       caravan_selection_get_visible_start (selection) + 100,
                                       caravan_selection_get_visible_end (selection) - 100);
  caravan_test_iterate (100);
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (main_viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (main_viewport));
  zoom = shumate_viewport_get_zoom_level (main_viewport);
  start = caravan_selection_get_visible_start (selection);
  end = caravan_selection_get_visible_end (selection);

  presentation = start_from_window ("win.present");
  first = event_index ("khorgos-dry-port-opens");
  assert_shows_step (presentation, first);
  /* The main window steps aside (minimized: test-two-monitors checks it comes back in place). */

  /* Fullscreen on the monitor. Xvfb has no window manager to honour the fullscreen request,
   * so this checks that GTK took the fullscreen state and sized the window to the monitor,
   * less the 5 px resize border GTK keeps when no window manager confirms the state. */
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (presentation)));
  monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (presentation)),
                                                gtk_native_get_surface (GTK_NATIVE (presentation)));
  gdk_monitor_get_geometry (monitor, &geometry);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presentation)), >=, geometry.width - 10);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (presentation)), >=, geometry.height - 10);

  press_key (GTK_WIDGET (presentation), "Right");
  assert_shows_step (presentation, first + 1);
  press_key (GTK_WIDGET (presentation), "space");
  assert_shows_step (presentation, first + 2);
  press_key (GTK_WIDGET (presentation), "Page_Down");
  assert_shows_step (presentation, first + 3);
  press_key (GTK_WIDGET (presentation), "Down");
  assert_shows_step (presentation, first + 4);
  press_key (GTK_WIDGET (presentation), "Return");
  assert_shows_step (presentation, first + 5);
  press_key (GTK_WIDGET (presentation), "Left");
  assert_shows_step (presentation, first + 4);
  press_key (GTK_WIDGET (presentation), "Page_Up");
  assert_shows_step (presentation, first + 3);
  press_key (GTK_WIDGET (presentation), "Up");
  assert_shows_step (presentation, first + 2);
  press_key (GTK_WIDGET (presentation), "BackSpace");
  assert_shows_step (presentation, first + 1);
  press_key (GTK_WIDGET (presentation), "Home");
  assert_shows_step (presentation, 0);
  press_key (GTK_WIDGET (presentation), "End");
  assert_shows_step (presentation, caravan_presentation_get_n_steps (presentation) - 1);
  /* 1, 2, Enter: step 12. */
  press_key (GTK_WIDGET (presentation), "1");
  press_key (GTK_WIDGET (presentation), "2");
  g_assert_cmpuint (caravan_presentation_get_step (presentation), ==,
                    caravan_presentation_get_n_steps (presentation) - 1);
  press_key (GTK_WIDGET (presentation), "Return");
  assert_shows_step (presentation, 11);
  /* The map stays where it was for an event without a place. */
  {
    CaravanEvent *placeless = caravan_story_lookup_event (get_story (), "article-written");
    guint index = caravan_story_get_event_index (get_story (), placeless);
    ShumateViewport *viewport =
      caravan_map_view_get_viewport (caravan_presentation_get_map_view (presentation));
    double before_lat, before_lon;

    g_assert_null (caravan_event_get_first_place (placeless));
    g_assert_true (caravan_presentation_go_to_step (presentation, index - 1));
    assert_shows_step (presentation, index - 1);
    before_lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
    before_lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
    press_key (GTK_WIDGET (presentation), "Right");
    assert_shows_step (presentation, index);
    caravan_test_iterate (300);
    assert_map_centre_near (caravan_presentation_get_map_view (presentation), before_lat,
                            before_lon);
    g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (presentation),
                                                     "presentation-title")), ==,
                     caravan_event_get_title (placeless));
  }

  /* The presentation steps through a selection of its own, seeded from the window's; the
   * remote control moves the presentation while it runs. */
  g_assert_true (caravan_presentation_get_selection (presentation) != selection);
  g_assert_true (caravan_window_get_active_selection (window) ==
                 caravan_presentation_get_selection (presentation));
  g_assert_true (caravan_selection_get_event (selection) == start_event);
  g_action_group_activate_action (G_ACTION_GROUP (app), "select-event",
                                  g_variant_new_string ("khorgos-rail-link"));
  assert_shows_step (presentation, event_index ("khorgos-rail-link"));
  g_assert_true (caravan_selection_get_event (selection) == start_event);

  /* Esc: back to where the user was. */
  press_key (GTK_WIDGET (presentation), "Escape");
  g_assert_true (caravan_test_wait_until (presentation_is_gone, NULL, 5000));
  caravan_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (caravan_window_get_active_selection (window) == selection);
  g_assert_true (caravan_selection_get_event (selection) == start_event);
  g_assert_true (caravan_selection_get_place (selection) == place);
  g_assert_cmpfloat (caravan_selection_get_visible_start (selection), ==, start);
  g_assert_cmpfloat (caravan_selection_get_visible_end (selection), ==, end);
  assert_map_centre_near (main_map, lat, lon);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (main_viewport), ==, zoom);
}

/* Shift+F5 starts from the first step; B, period and W blank; any key comes back. */
static void
test_blank (void)
{
  CaravanPresentation *presentation;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 rgba[4];
  int w, h;

  caravan_selection_select_event (get_selection (),
                                  caravan_story_lookup_event (get_story (),
                                                              "xi-visits-kazakhstan"));
  presentation = start_from_window ("win.present-from-start");
  assert_shows_step (presentation, 0);
  w = gtk_widget_get_width (GTK_WIDGET (presentation));
  h = gtk_widget_get_height (GTK_WIDGET (presentation));

  press_key (GTK_WIDGET (presentation), "b");
  g_assert_cmpint (caravan_presentation_get_blank (presentation), ==,
                   CARAVAN_PRESENTATION_BLANK_BLACK);
  texture = caravan_test_save_screenshot (GTK_WIDGET (presentation), "presentation-blank-black");
  for (int i = 0; i < 3; i++)
    {
      g_assert_true (caravan_test_texture_pixel (texture, w * (i + 1) / 4, h * (i + 1) / 4, rgba));
      g_assert_cmpuint (rgba[0] + rgba[1] + rgba[2], ==, 0);
    }
  g_clear_object (&texture);

  /* Any key returns, and does nothing else. */
  press_key (GTK_WIDGET (presentation), "Right");
  g_assert_cmpint (caravan_presentation_get_blank (presentation), ==,
                   CARAVAN_PRESENTATION_BLANK_NONE);
  assert_shows_step (presentation, 0);

  press_key (GTK_WIDGET (presentation), "period");
  g_assert_cmpint (caravan_presentation_get_blank (presentation), ==,
                   CARAVAN_PRESENTATION_BLANK_BLACK);
  press_key (GTK_WIDGET (presentation), "x");
  g_assert_cmpint (caravan_presentation_get_blank (presentation), ==,
                   CARAVAN_PRESENTATION_BLANK_NONE);

  press_key (GTK_WIDGET (presentation), "w");
  g_assert_cmpint (caravan_presentation_get_blank (presentation), ==,
                   CARAVAN_PRESENTATION_BLANK_WHITE);
  texture = caravan_test_capture (GTK_WIDGET (presentation));
  g_assert_true (caravan_test_texture_pixel (texture, w / 3, h / 2, rgba));
  g_assert_cmpuint (rgba[0] + rgba[1] + rgba[2], ==, 3 * 255);
  press_key (GTK_WIDGET (presentation), "Escape");
  g_assert_cmpint (caravan_presentation_get_blank (presentation), ==,
                   CARAVAN_PRESENTATION_BLANK_NONE);
  g_assert_nonnull (caravan_window_get_presentation (get_window ()));

  /* T cycles the map themes, starting from the projector theme, and the map on screen
   * changes with it; three presses come back to the picture it started from. */
  {
    CaravanMapView *map_view = caravan_presentation_get_map_view (presentation);
    g_autoptr(GdkTexture) projector = NULL;
    g_autoptr(GdkTexture) next = NULL;
    g_autoptr(GdkTexture) again = NULL;

    g_assert_cmpint (caravan_presentation_get_theme (presentation), ==,
                     CARAVAN_MAP_THEME_PROJECTOR);
    projector = capture_settled_map (map_view);
    press_key (GTK_WIDGET (presentation), "t");
    g_assert_cmpint (caravan_presentation_get_theme (presentation), !=,
                     CARAVAN_MAP_THEME_PROJECTOR);
    next = capture_settled_map (map_view);
    g_assert_cmpfloat (fraction_of_pixels_changed (projector, next), >, 0.5);
    press_key (GTK_WIDGET (presentation), "t");
    press_key (GTK_WIDGET (presentation), "t");
    g_assert_cmpint (caravan_presentation_get_theme (presentation), ==,
                     CARAVAN_MAP_THEME_PROJECTOR);
    again = capture_settled_map (map_view);
    g_assert_cmpfloat (fraction_of_pixels_changed (projector, again), <, 0.01);
  }

  press_key (GTK_WIDGET (presentation), "Escape");
  g_assert_true (caravan_test_wait_until (presentation_is_gone, NULL, 5000));
}

static gboolean
step_reached (gpointer user_data)
{
  CaravanPresentation *presentation = caravan_window_get_presentation (get_window ());

  return presentation &&
         caravan_presentation_get_step (presentation) == GPOINTER_TO_UINT (user_data);
}

/* P plays and pauses; the indicator shows it; loop wraps from the end to the start. */
static void
test_autoplay (void)
{
  CaravanPresentation *presentation = start_from_window ("win.present-from-start");
  GtkLabel *indicator = find_label (GTK_WIDGET (presentation), "presentation-autoplay");
  guint n = caravan_presentation_get_n_steps (presentation);
  guint paused_at;

  caravan_presentation_set_seconds_per_step (presentation, 0.2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  press_key (GTK_WIDGET (presentation), "p");
  g_assert_true (caravan_presentation_get_autoplay (presentation));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_true (caravan_test_wait_until (step_reached, GUINT_TO_POINTER (3), 5000));
  caravan_test_save_screenshot (GTK_WIDGET (presentation), "presentation-autoplay");

  press_key (GTK_WIDGET (presentation), "p");
  g_assert_false (caravan_presentation_get_autoplay (presentation));
  paused_at = caravan_presentation_get_step (presentation);
  caravan_test_iterate (700);
  g_assert_cmpuint (caravan_presentation_get_step (presentation), ==, paused_at);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator)));

  /* Without loop it stops at the end; with loop it starts again. */
  caravan_presentation_go_to_step (presentation, n - 2);
  caravan_presentation_set_autoplay (presentation, TRUE);
  g_assert_true (caravan_test_wait_until (step_reached, GUINT_TO_POINTER (n - 1), 5000));
  caravan_test_iterate (700);
  g_assert_cmpuint (caravan_presentation_get_step (presentation), ==, n - 1);
  g_assert_false (caravan_presentation_get_autoplay (presentation));

  press_key (GTK_WIDGET (presentation), "l");
  g_assert_true (caravan_presentation_get_loop (presentation));
  caravan_presentation_set_autoplay (presentation, TRUE);
  g_assert_true (caravan_test_wait_until (step_reached, GUINT_TO_POINTER (0), 5000));
  caravan_presentation_set_autoplay (presentation, FALSE);

  press_key (GTK_WIDGET (presentation), "Escape");
  g_assert_true (caravan_test_wait_until (presentation_is_gone, NULL, 5000));
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
luminance (const guint8 rgba[4])
{
  double c[3];

  for (int i = 0; i < 3; i++)
    {
      double v = rgba[i] / 255.0;

      c[i] = v <= 0.03928 ? v / 12.92 : pow ((v + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (const guint8 a[4],
          const guint8 b[4])
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The whole texture downloaded once (caravan_test_texture_pixel downloads per pixel). */
typedef struct
{
  guint8 *data;
  int     width;
  int     height;
} Pixels;

static Pixels
download_pixels (GdkTexture *texture)
{
  Pixels pixels = { NULL, gdk_texture_get_width (texture), gdk_texture_get_height (texture) };

  pixels.data = g_malloc ((gsize) pixels.width * pixels.height * 4);
  gdk_texture_download (texture, pixels.data, (gsize) pixels.width * 4);
  return pixels;
}

/* Straight RGBA of a premultiplied ARGB32 pixel. */
static gboolean
pixel_at (const Pixels *pixels,
          int           x,
          int           y,
          guint8        rgba[4])
{
  guint32 value;
  guint8 a;

  if (x < 0 || y < 0 || x >= pixels->width || y >= pixels->height)
    return FALSE;
  value = *(const guint32 *) (pixels->data + ((gsize) y * pixels->width + x) * 4);
  a = value >> 24;
  rgba[3] = a;
  rgba[0] = a ? ((value >> 16) & 0xff) * 255 / a : 0;
  rgba[1] = a ? ((value >> 8) & 0xff) * 255 / a : 0;
  rgba[2] = a ? (value & 0xff) * 255 / a : 0;
  return TRUE;
}

/* The strongest contrast any pixel of @label has against @background: the text's own colour
 * (the stems of large glyphs are fully covered pixels). */
static double
measure_label_contrast (const Pixels        *pixels,
                        CaravanPresentation *presentation,
                        GtkLabel            *label,
                        const guint8         background[4])
{
  graphene_rect_t bounds;
  double best = 1;
  guint8 rgba[4];

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), GTK_WIDGET (presentation),
                                            &bounds));
  for (int y = bounds.origin.y; y < bounds.origin.y + bounds.size.height; y++)
    for (int x = bounds.origin.x; x < bounds.origin.x + bounds.size.width; x++)
      if (pixel_at (pixels, x, y, rgba))
        best = MAX (best, contrast (rgba, background));
  return best;
}

/* Rows of the texture inside @label's bounds that hold text pixels, grouped in runs: the
 * height of the first run is the rendered height of the first line's glyphs. */
static int
measure_first_line_ink (const Pixels        *pixels,
                        CaravanPresentation *presentation,
                        GtkLabel            *label,
                        const guint8         background[4])
{
  graphene_rect_t bounds;
  int first = -1, last = -1;
  guint8 rgba[4];

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), GTK_WIDGET (presentation),
                                            &bounds));
  for (int y = bounds.origin.y; y < bounds.origin.y + bounds.size.height; y++)
    {
      gboolean ink = FALSE;

      for (int x = bounds.origin.x; x < bounds.origin.x + bounds.size.width && !ink; x++)
        ink = pixel_at (pixels, x, y, rgba) && contrast (rgba, background) > 1.5;
      if (ink && first < 0)
        first = y;
      if (ink)
        last = y;
      else if (first >= 0)
        break;
    }
  return first >= 0 ? last - first + 1 : 0;
}

static gboolean
rects_overlap (const graphene_rect_t *a,
               const graphene_rect_t *b)
{
  graphene_rect_t inter;

  return graphene_rect_intersection (a, b,
                                     &inter) && inter.size.width > 0.5 && inter.size.height > 0.5;
}

/* No text clipped or overlapping, everything inside the window, the current pins clear of
 * the caption. */
static void
assert_layout_clean (CaravanPresentation *presentation)
{
  const char *classes[] = { "presentation-title", "presentation-date", "presentation-quote",
                            "presentation-progress" };
  graphene_rect_t bounds[G_N_ELEMENTS (classes)];
  graphene_rect_t caption, window_rect;
  CaravanEvent *event =
    caravan_selection_get_event (caravan_presentation_get_selection (presentation));
  CaravanMapView *map_view = caravan_presentation_get_map_view (presentation);
  int width = gtk_widget_get_width (GTK_WIDGET (presentation));
  int height = gtk_widget_get_height (GTK_WIDGET (presentation));

  graphene_rect_init (&window_rect, 0, 0, width, height);
  g_assert_true (caravan_presentation_get_caption_bounds (presentation, &caption));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      GtkLabel *label = find_label (GTK_WIDGET (presentation), classes[i]);
      int natural;

      if (!gtk_widget_get_visible (GTK_WIDGET (label)))
        {
          graphene_rect_init (&bounds[i], 0, 0, 0, 0);
          continue;
        }
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (label), GTK_WIDGET (presentation),
                                                &bounds[i]));
      /* Clipped text: less room than the label needs at its width. */
      gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, bounds[i].size.width,
                          NULL, &natural, NULL, NULL);
      g_assert_cmpfloat (bounds[i].size.height + 0.5, >=, natural);
      g_assert_true (graphene_rect_contains_rect (&window_rect, &bounds[i]));
      if (i < 3)
        g_assert_true (graphene_rect_contains_rect (&caption, &bounds[i]));
      for (guint j = 0; j < i; j++)
        g_assert_false (rects_overlap (&bounds[i], &bounds[j]));
    }

  for (guint p = 0; event != NULL && p < caravan_event_get_n_places (event); p++)
    {
      CaravanPlace *place = caravan_event_get_place (event, p);
      GtkWidget *pin = caravan_map_view_get_pin (map_view, place);
      graphene_rect_t pin_bounds;
      double x, y, tip_x, tip_y;

      if (!gtk_widget_get_child_visible (gtk_widget_get_parent (pin)) ||
          !gtk_widget_compute_bounds (pin, GTK_WIDGET (presentation), &pin_bounds) ||
          !graphene_rect_intersection (&pin_bounds, &window_rect, NULL))
        continue;
      g_assert_false (rects_overlap (&pin_bounds, &caption));
      shumate_viewport_location_to_widget_coords (caravan_map_view_get_viewport (map_view),
                                                  GTK_WIDGET (map_view),
                                                  caravan_place_get_latitude (place),
                                                  caravan_place_get_longitude (place), &x, &y);
      g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (map_view),
                                                       GTK_WIDGET (presentation),
                                                       x, y, &tip_x, &tip_y));
      g_assert_false (graphene_rect_contains_point (&caption, &GRAPHENE_POINT_INIT (tip_x, tip_y)));
    }
}

static gboolean
layout_applied (gpointer user_data)
{
  CaravanPresentation *presentation = user_data;
  GtkLabel *title = find_label (GTK_WIDGET (presentation), "presentation-title");

  return is_drawn (presentation) && gtk_label_get_attributes (title) != NULL;
}

static CaravanPresentation *
open_windowed (int width,
               int height)
{
  CaravanPresentation *presentation = caravan_presentation_new (get_selection (), NULL);

  gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
  gtk_window_present (GTK_WINDOW (presentation));
  g_assert_true (caravan_test_wait_until (layout_applied, presentation, 5000));
  caravan_test_iterate (100);
  /* Without a window manager GTK keeps a resize border around the window: ask for that much
   * more so the content is exactly the projector's size. */
  gtk_window_set_default_size (GTK_WINDOW (presentation),
                               2 * width - gtk_widget_get_width (GTK_WIDGET (presentation)),
                               2 * height - gtk_widget_get_height (GTK_WIDGET (presentation)));
  caravan_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presentation)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (presentation)), ==, height);
  return presentation;
}

/* Heights of the selected pin and of a base map tile at 1920x1080, to compare 4K with. */
static int pin_height_1080;

/* Every step at a projector size: the layout stays clean and the pins clear of the caption.
 * Returns the selected pin's height at the last step. */
static int
check_size (int         width,
            int         height,
            const char *screenshot)
{
  CaravanPresentation *presentation;
  CaravanMapView *map;
  guint magnification = height >= 1800 ? 2 : 1;
  int pin_height;
  guint n;

  {
    GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
    g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
    GdkRectangle geometry;

    /* X keeps windows within the screen: run Xvfb with -screen 0 3840x2160x24 for 4K. */
    gdk_monitor_get_geometry (monitor, &geometry);
    if (geometry.width < width || geometry.height < height)
      g_error ("The screen (%dx%d) is smaller than %dx%d: run the gui suite as "
               "build-aux/test.sh does, with Xvfb's -screen 0 3840x2160x24",
               geometry.width, geometry.height, width, height);
  }

  caravan_selection_select_event (get_selection (),
                                  caravan_story_lookup_event (get_story (),
                                                              "khorgos-rail-link"));
  presentation = open_windowed (width, height);
  n = caravan_presentation_get_n_steps (presentation);
  for (guint step = 0; step < n; step++)
    {
      caravan_presentation_go_to_step (presentation, step);
      caravan_test_iterate (60);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (presentation));
      assert_layout_clean (presentation);
    }

  /* A 4K projector draws the map, its names and the pins twice as large (512 px tiles). */
  map = caravan_presentation_get_map_view (presentation);
  g_assert_cmpuint (caravan_map_view_get_magnification (map), ==, magnification);
  g_assert_cmpfloat (caravan_map_view_get_tile_size (map), ==, 256.0 * magnification);
  {
    CaravanPlace *place = caravan_selection_get_place (caravan_presentation_get_selection (
                                                         presentation));
    GtkWidget *pin = place != NULL ? caravan_map_view_get_pin (map, place) : NULL;

    g_assert_nonnull (pin);
    pin_height = gtk_widget_get_height (pin);
    g_test_message ("%dx%d: selected pin %d px high, tiles %.0f px", width, height, pin_height,
                    caravan_map_view_get_tile_size (map));
  }

  if (screenshot != NULL)
    {
      g_autofree char *name = NULL;

      /* The longest quote, and a step with two places. */
      caravan_selection_select_event (get_selection (),
                                      caravan_story_lookup_event (get_story (),
                                                                  "snap-election-called"));
      caravan_test_iterate (200);
      name = g_strdup_printf ("%s-long-quote", screenshot);
      caravan_test_save_screenshot (GTK_WIDGET (presentation), name);
      caravan_selection_select_event (get_selection (),
                                      caravan_story_lookup_event (get_story (),
                                                                  "khorgos-rail-link"));
      caravan_test_iterate (200);
      caravan_test_save_screenshot (GTK_WIDGET (presentation), screenshot);
    }
  gtk_window_destroy (GTK_WINDOW (presentation));
  caravan_test_iterate (50);
  return pin_height;
}

/* At 1024x768: body text at least 1/30 of the height, measured on the layout and on the
 * rendered pixels, and at least 7:1 contrast against the caption's own background. */
static void
test_caption_legibility (void)
{
  CaravanPresentation *presentation;
  g_autoptr(GdkTexture) texture = NULL;
  GtkLabel *title, *date, *quote, *progress;
  graphene_rect_t caption;
  PangoLayoutLine *line;
  PangoRectangle ink, logical;
  guint8 background[4];
  double title_contrast, date_contrast, quote_contrast, progress_contrast;
  double min_height = 768 / 30.0;
  int font_px, ink_height;
  Pixels pixels;

  caravan_selection_select_event (get_selection (),
                                  caravan_story_lookup_event (get_story (),
                                                              "borrell-visits-astana"));
  presentation = open_windowed (1024, 768);
  title = find_label (GTK_WIDGET (presentation), "presentation-title");
  date = find_label (GTK_WIDGET (presentation), "presentation-date");
  quote = find_label (GTK_WIDGET (presentation), "presentation-quote");
  progress = find_label (GTK_WIDGET (presentation), "presentation-progress");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (quote)));
  g_assert_cmpstr (gtk_label_get_text (title), ==,
                   caravan_event_get_title (caravan_story_lookup_event (get_story (),
                                                                        "borrell-visits-astana")));
  g_assert_false (gtk_label_get_use_markup (quote));
  assert_layout_clean (presentation);

  /* The body text: the quote's font size and its first line's height in pixels. */
  line = pango_layout_get_line_readonly (gtk_label_get_layout (quote), 0);
  pango_layout_line_get_pixel_extents (line, &ink, &logical);
  font_px = pango_font_description_get_size (pango_context_get_font_description (
              pango_layout_get_context (gtk_label_get_layout (quote))));
  {
    PangoAttrIterator *iter = pango_attr_list_get_iterator (gtk_label_get_attributes (quote));
    PangoAttrInt *size = (PangoAttrInt *) pango_attr_iterator_get (iter, PANGO_ATTR_ABSOLUTE_SIZE);

    g_assert_nonnull (size);
    font_px = size->value / PANGO_SCALE;
    pango_attr_iterator_destroy (iter);
  }

  texture = caravan_test_save_screenshot (GTK_WIDGET (presentation),
                                          "presentation-1024x768-legibility");
  g_assert_true (caravan_presentation_get_caption_bounds (presentation, &caption));
  g_assert_true (caravan_test_texture_pixel (texture, caption.origin.x + caption.size.width - 3,
                                             caption.origin.y + 3, background));
  g_assert_cmpuint (background[3], ==, 255);
  pixels = download_pixels (texture);
  ink_height = measure_first_line_ink (&pixels, presentation, quote, background);

  title_contrast = measure_label_contrast (&pixels, presentation, title, background);
  date_contrast = measure_label_contrast (&pixels, presentation, date, background);
  quote_contrast = measure_label_contrast (&pixels, presentation, quote, background);
  {
    graphene_rect_t strip;
    guint8 strip_background[4];

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (progress), GTK_WIDGET (presentation),
                                              &strip));
    g_assert_true (caravan_test_texture_pixel (texture, strip.origin.x + 1, strip.origin.y + 1,
                                               strip_background));
    progress_contrast = measure_label_contrast (&pixels, presentation, progress, strip_background);
  }
  g_free (pixels.data);

  g_test_message ("1024x768: body font %d px, line height %d px, first line ink %d px "
                  "(rows with text pixels); minimum 1/30 = %.1f px",
                  font_px, logical.height, ink_height, min_height);
  g_test_message ("1024x768: contrast title %.1f:1, date %.1f:1, quote %.1f:1, progress %.1f:1; "
                  "caption background #%02x%02x%02x",
                  title_contrast, date_contrast, quote_contrast, progress_contrast,
                  background[0], background[1], background[2]);
  g_assert_cmpfloat (font_px, >=, min_height);
  g_assert_cmpfloat (logical.height, >=, min_height);
  /* Ink of the first line spans ascenders to descenders: more than the font's x-height. */
  g_assert_cmpfloat (ink_height, >=, min_height * 0.7);
  g_assert_cmpfloat (title_contrast, >=, 7.0);
  g_assert_cmpfloat (date_contrast, >=, 7.0);
  g_assert_cmpfloat (quote_contrast, >=, 7.0);
  g_assert_cmpfloat (progress_contrast, >=, 7.0);

  gtk_window_destroy (GTK_WINDOW (presentation));
  caravan_test_iterate (50);
}

/* A quote ending in a quote of its own: the inner one nests (‘…’), the closing mark is not
 * doubled, and the marks are the article's language's (English) whatever the UI language. */
static void
test_caption_quote_marks (void)
{
  CaravanPresentation *presentation;
  const char *text;

  caravan_selection_select_event (get_selection (),
                                  caravan_story_lookup_event (get_story (),
                                                              "khorgos-dry-port-opens"));
  presentation = open_windowed (1024, 768);
  text = gtk_label_get_text (find_label (GTK_WIDGET (presentation), "presentation-quote"));
  g_test_message ("caption: %s", text);
  g_assert_true (g_str_has_prefix (text, "“"));
  g_assert_true (g_str_has_suffix (text, "dry port.’”"));
  g_assert_nonnull (strstr (text, "‘world’s biggest"));
  g_assert_null (strstr (text, "””"));
  gtk_window_destroy (GTK_WINDOW (presentation));
  caravan_test_iterate (50);
}

static void
test_size_1024x768 (void)
{
  check_size (1024, 768, "presentation-1024x768");
}

static void
test_size_1280x720 (void)
{
  check_size (1280, 720, "presentation-1280x720");
}

static void
test_size_1920x1080 (void)
{
  pin_height_1080 = check_size (1920, 1080, "presentation-1920x1080");
}

/* 3840x2160 logical pixels (a 4K projector at scale 1; at scale 2 it is 1920x1080 logical). */
static void
test_size_3840x2160 (void)
{
  int pin_height = check_size (3840, 2160, "presentation-3840x2160");

  /* The pins grow with the map: about twice the height they have at 1080p. */
  if (pin_height_1080 == 0)
    pin_height_1080 = check_size (1920, 1080, NULL);
  g_assert_cmpint (pin_height, >=, pin_height_1080 * 17 / 10);
}

/* The presenter view follows the same selection: notes, next event, step count, clock. */
static gboolean
picture_has_paintable_of (gpointer user_data)
{
  GtkPicture *picture = user_data;
  GdkPaintable *paintable = gtk_picture_get_paintable (picture);

  return paintable != NULL && gdk_paintable_get_intrinsic_width (paintable) > 0;
}

/* The presenter's window: what the room sees (live, blanked or not), the current step and its
 * notes, the next step's map and title, time against the target, the step list to jump to. */
static void
test_presenter_view (void)
{
  CaravanSelection *selection = get_selection ();
  CaravanPresenterView *view = caravan_presenter_view_new (selection);
  CaravanPresentation *audience;
  CaravanEvent *event = caravan_story_lookup_event (get_story (), "csto-deployed-to-almaty");
  GListModel *events = caravan_story_get_events (get_story ());
  g_autoptr(CaravanEvent) next = NULL;
  g_autoptr(CaravanEvent) picked = NULL;
  g_autofree char *progress = NULL;
  GtkPicture *picture;
  GtkListBox *steps;
  GtkWidget *next_map;
  GdkPaintable *paintable;
  guint index, n_rows = 0;

  caravan_selection_select_event (selection, event);
  audience = open_windowed (1024, 768);
  gtk_window_set_default_size (GTK_WINDOW (view), 1280, 800);
  caravan_presenter_view_set_audience (view, GTK_WIDGET (audience));
  gtk_window_present (GTK_WINDOW (view));
  g_assert_true (caravan_test_wait_until (is_drawn, view, 5000));
  caravan_test_iterate (300);

  index = caravan_story_get_event_index (get_story (), event);
  next = g_list_model_get_item (events, index + 1);
  progress = g_strdup_printf ("%u / %u", index + 1, g_list_model_get_n_items (events));

  g_assert_nonnull (caravan_event_get_notes (event));
  g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-notes")), ==,
                   caravan_event_get_notes (event));
  g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-current")), ==,
                   caravan_event_get_title (event));
  g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-next")), ==,
                   caravan_event_get_title (next));
  g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-progress")), ==,
                   progress);
  caravan_presenter_view_reset_timer (view);
  g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-elapsed")), ==,
                   "0:00:00");
  g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-remaining")), ==,
                   "0:20:00 left of 0:20:00");
  g_assert_cmpuint (strlen (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-clock"))),
                    ==, 5);

  /* Notes are large: at least 1.5 times the window's body text. */
  {
    GtkLabel *notes = find_label (GTK_WIDGET (view), "presenter-notes");
    GtkLabel *date = find_label (GTK_WIDGET (view), "presenter-date");
    PangoFontDescription *notes_font = pango_context_get_font_description (
      pango_layout_get_context (gtk_label_get_layout (notes)));
    int notes_size = pango_font_description_get_size (notes_font);
    int body_size = pango_font_description_get_size (pango_context_get_font_description (
      gtk_widget_get_pango_context (GTK_WIDGET (view))));

    g_test_message ("notes %.1f pt, body %.1f pt", notes_size / (double) PANGO_SCALE,
                    body_size / (double) PANGO_SCALE);
    g_assert_cmpint (notes_size, >=, body_size * 3 / 2);
    g_assert_nonnull (date);
  }

  /* The live picture is the audience window itself, at its size. */
  picture = GTK_PICTURE (caravan_test_find_widget (GTK_WIDGET (view), GTK_TYPE_PICTURE,
                                                   "presenter-audience"));
  g_assert_true (caravan_test_wait_until (picture_has_paintable_of, picture, 2000));
  paintable = gtk_picture_get_paintable (picture);
  g_assert_true (GTK_IS_WIDGET_PAINTABLE (paintable));
  g_assert_true (gtk_widget_paintable_get_widget (GTK_WIDGET_PAINTABLE (paintable)) ==
                 GTK_WIDGET (audience));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 1024);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (picture)), >, 300);

  /* The next step's map shows its place: not one flat colour. */
  next_map = caravan_test_find_widget (GTK_WIDGET (view), CARAVAN_TYPE_STEP_MAP, NULL);
  g_assert_nonnull (next_map);
  g_assert_true (caravan_step_map_get_event (CARAVAN_STEP_MAP (next_map)) == next);
  g_assert_true (gtk_widget_get_visible (next_map) ==
                 (caravan_event_get_first_place (next) != NULL));
  caravan_test_save_screenshot (GTK_WIDGET (view), "presenter-view-1280x800");

  /* The step list has every step; picking one moves both windows there. */
  steps = GTK_LIST_BOX (caravan_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, NULL));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (steps)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (events));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (steps)), ==,
                   (int) index);
  g_signal_emit_by_name (steps, "row-activated", gtk_list_box_get_row_at_index (steps, 3));
  caravan_test_iterate (100);
  picked = g_list_model_get_item (events, 3);
  g_assert_true (caravan_selection_get_event (selection) == picked);
  g_assert_cmpuint (caravan_presentation_get_step (audience), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-current")), ==,
                   caravan_event_get_title (picked));

  /* Blanking shows in the picture and says so. */
  caravan_presentation_set_blank (audience, CARAVAN_PRESENTATION_BLANK_BLACK);
  caravan_test_iterate (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_label (GTK_WIDGET (view),
                                                                 "presenter-blanked"))));
  caravan_test_save_screenshot (GTK_WIDGET (view), "presenter-view-blanked");
  caravan_presentation_set_blank (audience, CARAVAN_PRESENTATION_BLANK_NONE);
  caravan_test_iterate (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_label (GTK_WIDGET (view),
                                                                  "presenter-blanked"))));

  /* The target length sets what is left. */
  caravan_presenter_view_set_target_minutes (view, 45);
  g_assert_cmpfloat (caravan_presenter_view_get_target_minutes (view), ==, 45);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (find_label (GTK_WIDGET (view),
                                                                   "presenter-remaining")),
                                   " left of 0:45:00"));

  /* Both stay in step: a step elsewhere shows here. */
  caravan_selection_next_event (selection);
  caravan_test_iterate (50);
  g_clear_object (&next);
  next = g_list_model_get_item (events, 4);
  g_assert_cmpstr (gtk_label_get_text (find_label (GTK_WIDGET (view), "presenter-current")), ==,
                   caravan_event_get_title (next));

  gtk_window_destroy (GTK_WINDOW (view));
  gtk_window_destroy (GTK_WINDOW (audience));
  caravan_test_iterate (50);
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

  g_test_add_func ("/presentation/keys-and-leave", test_keys_and_leave);
  g_test_add_func ("/presentation/blank", test_blank);
  g_test_add_func ("/presentation/autoplay", test_autoplay);
  g_test_add_func ("/presentation/caption-legibility", test_caption_legibility);
  g_test_add_func ("/presentation/caption-quote-marks", test_caption_quote_marks);
  g_test_add_func ("/presentation/size/1024x768", test_size_1024x768);
  g_test_add_func ("/presentation/size/1280x720", test_size_1280x720);
  g_test_add_func ("/presentation/size/1920x1080", test_size_1920x1080);
  g_test_add_func ("/presentation/size/3840x2160", test_size_3840x2160);
  g_test_add_func ("/presentation/presenter-view", test_presenter_view);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
