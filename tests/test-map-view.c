/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-map-view.c: the map view's first frame (needs a display). libshumate 1.0 asks for tiles
 * only after a frame; the map view paints the tiles its source drew ahead in that frame, where
 * the layer puts them a frame later, and counts what each frame showed. */

#define G_LOG_DOMAIN "caravan-test-map-view"

#include "config.h"

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "caravan-map-source.h"
#include "caravan-map-view.h"
#include "caravan-pin.h"
#include "caravan-place.h"
#include "caravan-selection.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-test-utils.h"

typedef struct
{
  CaravanMapView *view;
  CaravanMapSource *source;
  gint64 first_frame;
  gint64 painted;               /* what the map view reported in the first frame */
  guint visible, missing;
  guint tiles_given;            /* tiles the source had given the map by then */
  GdkTexture *capture;          /* the map view as the first frame showed it */
} FirstFrame;

static void
on_after_paint (GdkFrameClock *clock,
                FirstFrame    *first)
{
  if (first->first_frame >= 0)
    return;

  first->first_frame = gdk_frame_clock_get_frame_counter (clock);
  first->painted = caravan_map_view_get_tiles_painted (first->view, &first->visible,
                                                       &first->missing);
  first->tiles_given = caravan_map_source_get_tiles_rendered (first->source);
  first->capture = caravan_test_capture (GTK_WIDGET (first->view));
}

static void
on_realize (GtkWidget  *window,
            FirstFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint),
                    first);
}

static gboolean
first_frame_seen (gpointer data)
{
  return ((FirstFrame *) data)->first_frame >= 0;
}

#if !SHUMATE_CHECK_VERSION (1, 1, 0)
static gboolean
prefetch_done (gpointer data)
{
  return caravan_map_source_get_tiles_prefetching (CARAVAN_MAP_SOURCE (data)) == 0;
}

static gboolean
layer_has_tiles (gpointer data)
{
  FirstFrame *first = data;
  guint visible = 0, missing = 0;

  return caravan_map_view_get_tiles_painted (first->view, &visible,
                                             &missing) > first->first_frame &&
         visible > 0 && missing == 0 &&
         caravan_map_source_get_tiles_rendered (first->source) >= visible &&
         !caravan_map_source_has_prefetched (first->source);
}

#endif

/* A map view showing @story in @theme, and a window for it (@in_window: the view is in it
 * already, so the view's new source draws the first view ahead). */
static GtkWidget *
new_story_view (FirstFrame       *first,
                CaravanSelection *selection,
                CaravanStory     *story,
                CaravanMapTheme   theme,
                int               width,
                int               height,
                gboolean          in_window)
{
  GtkWidget *window = gtk_window_new ();

  g_object_set (gtk_widget_get_settings (window), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  first->view = CARAVAN_MAP_VIEW (caravan_map_view_new ());
  if (in_window)
    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (first->view));
  caravan_map_view_set_theme (first->view, theme);
  caravan_selection_set_story (selection, story);
  caravan_map_view_set_selection (first->view, selection);
  /* The view made its source when it got a story. */
  first->source = CARAVAN_MAP_SOURCE (caravan_map_view_get_map_source (first->view));
  g_assert_cmpint (caravan_map_source_get_theme (first->source), ==, theme);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), first);
  return window;
}

#if !SHUMATE_CHECK_VERSION (1, 1, 0)
static void
test_first_frame_has_tiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autoptr(CaravanSelection) selection = caravan_selection_new ();
  g_autoptr(GdkTexture) later = NULL;
  FirstFrame first = { .first_frame = -1 };
  GtkWidget *window;
  guint different;

  g_assert_no_error (error);
  window = new_story_view (&first, selection, story, CARAVAN_MAP_THEME_LIGHT, 900, 640, TRUE);

  /* Not shown yet: the source draws the view's tiles ahead. */
  g_assert_cmpint (caravan_map_view_get_tiles_painted (first.view, NULL, NULL), ==, -1);
  g_assert_cmpuint (caravan_map_source_get_tiles_prefetching (first.source), >, 0);
  g_assert_true (caravan_test_wait_until (prefetch_done, first.source, 60000));
  g_assert_true (caravan_map_source_has_prefetched (first.source));

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (caravan_test_wait_until (first_frame_seen, &first, 60000));

  /* The first frame painted a tile at every position in view, though the map had not asked
   * the source for a single one yet. */
  g_assert_cmpint (first.painted, ==, first.first_frame);
  g_assert_cmpuint (first.visible, >=, 6);
  g_assert_cmpuint (first.missing, ==, 0);
  g_assert_cmpuint (first.tiles_given, ==, 0);
  g_assert_nonnull (first.capture);

  /* Once the layer has its own tiles, the map looks the same: the tiles painted ahead were
   * where the layer puts them. Only the 1 px overlaps along tile edges may blend differently
   * (about 400 pixels at 900 × 640); painted 1 px off, 87,000 pixels differ. */
  g_assert_true (caravan_test_wait_until (layer_has_tiles, &first, 60000));
  caravan_test_iterate (100);
  later = caravan_test_capture (GTK_WIDGET (first.view));
  g_assert_nonnull (later);
  different = caravan_test_count_different_pixels (first.capture, later);
  g_test_message ("%u of %d pixels differ between the first frame and the layer's tiles", different,
                  gdk_texture_get_width (later) * gdk_texture_get_height (later));
  g_assert_cmpuint (different, <=,
                    gdk_texture_get_width (later) * gdk_texture_get_height (later) / 200);

  g_clear_object (&first.capture);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Shown before the source drew anything: the frame says what it lacks, and later frames
 * fill in. */
static void
test_frames_count_missing_tiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autoptr(CaravanSelection) selection = caravan_selection_new ();
  FirstFrame first = { .first_frame = -1 };
  GtkWidget *window;

  g_assert_no_error (error);
  window = new_story_view (&first, selection, story, CARAVAN_MAP_THEME_DARK, 700, 500, FALSE);
  /* Outside a window: nothing to size the view by, so nothing is drawn ahead. */
  g_assert_cmpuint (caravan_map_source_get_tiles_prefetching (first.source), ==, 0);
  g_assert_false (caravan_map_source_has_prefetched (first.source));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (first.view));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (caravan_test_wait_until (first_frame_seen, &first, 60000));
  g_assert_cmpint (first.painted, ==, first.first_frame);
  g_assert_cmpuint (first.visible, >, 0);
  g_assert_cmpuint (first.missing, ==, first.visible);

  g_assert_true (caravan_test_wait_until (layer_has_tiles, &first, 60000));
  g_clear_object (&first.capture);
  gtk_window_destroy (GTK_WINDOW (window));
}

#else
static void
test_not_counted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autoptr(CaravanSelection) selection = caravan_selection_new ();
  FirstFrame first = { .first_frame = -1 };
  GtkWidget *window;

  g_assert_no_error (error);
  window = new_story_view (&first, selection, story, CARAVAN_MAP_THEME_LIGHT, 700, 500, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (caravan_test_wait_until (first_frame_seen, &first, 60000));
  g_assert_cmpint (first.painted, ==, -1);
  g_clear_object (&first.capture);
  gtk_window_destroy (GTK_WINDOW (window));
}
#endif

/* Near Khorgos at zoom 10 the names of five places would pile up: the selected place keeps
 * its name, the others show theirs only where no more important name is. */
static void
test_pin_names_do_not_overlap (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autoptr(CaravanSelection) selection = caravan_selection_new ();
  FirstFrame first = { .first_frame = -1 };
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  const char *near[] = { "khorgos", "khorgos-dry-port", "khorgos-altynkol", "khorgos-icbc",
                         "horgos-city" };
  CaravanPlace *selected;
  guint named = 0;
  GtkWidget *window;
  GtkWidget *horgos_pin, *horgos_label;

  g_assert_no_error (error);
  window = new_story_view (&first, selection, story, CARAVAN_MAP_THEME_LIGHT, 1000, 700, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (caravan_test_wait_until (first_frame_seen, &first, 60000));

  selected = caravan_story_lookup_place (story, "khorgos-altynkol");
  caravan_selection_select_place (selection, selected);
  caravan_test_iterate (200);
  shumate_viewport_set_zoom_level (caravan_map_view_get_viewport (first.view), 10);
  caravan_test_iterate (300);
  caravan_test_save_screenshot (window, "map-view-khorgos-z10-names");

  for (guint i = 0; i < G_N_ELEMENTS (near); i++)
    {
      CaravanPlace *place = caravan_story_lookup_place (story, near[i]);
      GtkWidget *pin = caravan_map_view_get_pin (first.view, place);
      GtkWidget *label = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (pin)));
      graphene_rect_t box;

      g_assert_nonnull (place);
      if (place == selected)
        g_assert_true (gtk_widget_get_visible (label));
      if (!caravan_map_view_get_pin_shown (first.view, place) || !gtk_widget_get_visible (label))
        continue;

      g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (first.view), &box));
      for (guint j = 0; j < boxes->len; j++)
        g_assert_false (graphene_rect_intersection (&box, &g_array_index (boxes, graphene_rect_t,
                                                                          j), NULL));
      g_array_append_val (boxes, box);
      named++;
    }
  /* Khorgos (featured) and the selected station are named; Horgos city, a city that is named
   * elsewhere, is not here. */
  g_assert_cmpuint (named, >=, 2);
  horgos_pin = caravan_map_view_get_pin (first.view,
                                         caravan_story_lookup_place (story, "horgos-city"));
  horgos_label = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (horgos_pin)));
  g_assert_false (gtk_widget_get_visible (horgos_label));

  g_clear_object (&first.capture);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each place's pin is a CaravanPin that carries its place, name and states; selecting a place
 * marks its pin alone, and a date names the pin as the place was called then. */
static void
test_pins_are_typed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autoptr(CaravanSelection) selection = caravan_selection_new ();
  FirstFrame first = { .first_frame = -1 };
  GListModel *places;
  CaravanPlace *astana;
  GtkWidget *window;

  g_assert_no_error (error);
  window = new_story_view (&first, selection, story, CARAVAN_MAP_THEME_LIGHT, 800, 600, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  places = caravan_story_get_places (story);
  astana = caravan_story_lookup_place (story, "astana");
  g_assert_nonnull (astana);
  caravan_selection_select_place (selection, astana);
  caravan_test_iterate (100);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);
      GtkWidget *button = caravan_map_view_get_pin (first.view, place);
      CaravanPin *pin;

      g_assert_nonnull (button);
      g_assert_true (CARAVAN_IS_PIN (gtk_widget_get_parent (button)));
      pin = CARAVAN_PIN (gtk_widget_get_parent (button));
      g_assert_true (caravan_pin_get_button (pin) == button);
      g_assert_true (caravan_pin_get_place (pin) == place);
      g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (pin)),
                                      caravan_place_get_latitude (place), 1e-9);
      g_assert_cmpint (caravan_pin_get_selected (pin), ==, place == astana);
      g_assert_cmpint (gtk_widget_has_css_class (button, "selected"), ==, place == astana);
      g_assert_cmpstr (caravan_pin_get_name (pin), ==, caravan_map_view_get_pin_label (first.view,
                                                                                       place));
    }

  /* Clicking a pin selects its place. */
  {
    CaravanPlace *samarkand = caravan_story_lookup_place (story, "samarkand");

    g_signal_emit_by_name (caravan_map_view_get_pin (first.view, samarkand), "clicked");
    g_assert_true (caravan_selection_get_place (selection) == samarkand);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  caravan_test_init (&argc, &argv);

  g_test_add_func ("/map-view/pin-names-do-not-overlap", test_pin_names_do_not_overlap);
  g_test_add_func ("/map-view/pins-are-typed", test_pins_are_typed);

#if SHUMATE_CHECK_VERSION (1, 1, 0)
  /* Newer libshumate asks for tiles in time and lays them out its own way: the map view
   * neither paints ahead nor counts (caravan-map-view-tiles.c). */
  g_test_add_func ("/map-view/not-counted", test_not_counted);
#else
  g_test_add_func ("/map-view/first-frame-has-tiles", test_first_frame_has_tiles);
  g_test_add_func ("/map-view/frames-count-missing-tiles", test_frames_count_missing_tiles);
#endif

  return g_test_run ();
}
