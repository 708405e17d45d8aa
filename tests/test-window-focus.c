/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-focus.c: keyboard focus in the main window: the map shows a focus ring when it has
 * the keyboard, Esc from a presentation brings the focus back where it was and visible, and
 * tabbing into a quote does not select all of it. */

#include "config.h"

#include "caravan-application.h"
#include "caravan-excerpts-panel.h"
#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-selection.h"
#include "caravan-story.h"
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

static GtkWidget *
find (GType type)
{
  GtkWidget *widget = caravan_test_find_widget (GTK_WIDGET (get_window ()), type, NULL);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

/* How far the pixel at (x, y) is from @rgb, summed over the channels. */
static int
distance_at (GdkTexture *texture,
             int         x,
             int         y,
             const int   rgb[3])
{
  guint8 pixel[4];

  g_assert_true (caravan_test_texture_pixel (texture, x, y, pixel));
  return ABS (pixel[0] - rgb[0]) + ABS (pixel[1] - rgb[1]) + ABS (pixel[2] - rgb[2]);
}

/* With the keyboard on the map, a ring in the accent colour runs along its edges; with the
 * keyboard elsewhere, the edges show the map. */
static void
test_map_focus_ring (void)
{
  GtkWidget *map = find (CARAVAN_TYPE_MAP_VIEW);
  GtkWidget *timeline = find (CARAVAN_TYPE_TIMELINE);
  g_autoptr(GdkTexture) focused = NULL;
  g_autoptr(GdkTexture) unfocused = NULL;
  /* libadwaita's default accent (@accent_color, light style) */
  const int accent[3] = { 0x1c, 0x71, 0xd8 };
  const int accent_bg[3] = { 0x35, 0x84, 0xe4 };
  int w, h;

  caravan_window_open_bundled (get_window ());
  g_assert_true (caravan_test_wait_until (is_drawn, map, 5000));
  w = gtk_widget_get_width (map);
  h = gtk_widget_get_height (map);

  g_assert_true (gtk_widget_grab_focus (map));
  gtk_window_set_focus_visible (GTK_WINDOW (get_window ()), TRUE);
  g_assert_true (gtk_widget_has_visible_focus (map));
  caravan_test_iterate (200);
  focused = caravan_test_save_screenshot (map, "map-focused");

  g_assert_true (gtk_widget_grab_focus (timeline));
  caravan_test_iterate (200);
  unfocused = caravan_test_capture (map);

  /* Left, right, top and bottom edges, one pixel in. */
  {
    const int points[][2] = { { 1, h / 2 }, { w - 2, h / 2 }, { w / 3, 1 }, { w / 3, h - 2 } };

    for (guint i = 0; i < G_N_ELEMENTS (points); i++)
      {
        int x = points[i][0], y = points[i][1];
        int d = MIN (distance_at (focused, x, y, accent), distance_at (focused, x, y, accent_bg));

        g_test_message ("edge (%d, %d): %d from the accent colour", x, y, d);
        g_assert_cmpint (d, <, 60);
        g_assert_cmpint (MIN (distance_at (unfocused, x, y, accent),
                              distance_at (unfocused, x, y, accent_bg)), >, 60);
      }
  }
}

static gboolean
presentation_gone (gpointer user_data)
{
  return caravan_window_get_presentation (get_window ()) == NULL &&
         gtk_window_is_active (GTK_WINDOW (get_window ()));
}

/* Esc from a presentation: the focus is back on the widget that had it, and drawn. */
static void
test_focus_after_presentation (void)
{
  CaravanWindow *window = get_window ();
  GtkWidget *timeline = find (CARAVAN_TYPE_TIMELINE);
  CaravanPresentation *presentation;

  caravan_window_open_bundled (window);
  g_assert_true (caravan_test_wait_until (is_drawn, timeline, 5000));
  g_assert_true (gtk_widget_grab_focus (timeline));
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = caravan_window_get_presentation (window);
  g_assert_nonnull (presentation);
  g_assert_true (caravan_test_wait_until (is_drawn, presentation, 5000));
  caravan_test_iterate (200);
  gtk_window_close (GTK_WINDOW (presentation));
  caravan_test_wait_until (presentation_gone, NULL, 5000);
  caravan_test_iterate (200);

  g_assert_null (caravan_window_get_presentation (window));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == timeline);
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_has_visible_focus (timeline));
}

/* The first mapped, selectable, non-empty label under @widget, depth first, or NULL. */
static GtkWidget *
find_selectable_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget)) &&
      gtk_widget_get_mapped (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_selectable_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Tabbing into the selectable text of the excerpts panel leaves it unselected. */
static void
test_tab_does_not_select_text (void)
{
  GtkWidget *panel = find (CARAVAN_TYPE_EXCERPTS_PANEL);
  GtkWidget *label;
  int start = -1, end = -1;

  caravan_window_open_bundled (get_window ());
  g_assert_true (caravan_test_wait_until (is_drawn, panel, 5000));
  /* The first selectable label shown in the panel, depth first: the story's title. */
  label = find_selectable_label (panel);
  g_assert_nonnull (label);
  g_test_message ("label: %s", gtk_label_get_text (GTK_LABEL (label)));

  g_assert_true (gtk_widget_grab_focus (label));
  caravan_test_iterate (100);
  g_assert_true (gtk_widget_has_focus (label));
  g_assert_false (gtk_label_get_selection_bounds (GTK_LABEL (label), &start, &end));
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

  g_test_add_func ("/window/focus/map-ring", test_map_focus_ring);
  g_test_add_func ("/window/focus/after-presentation", test_focus_after_presentation);
  g_test_add_func ("/window/focus/tab-does-not-select-text", test_tab_does_not_select_text);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
