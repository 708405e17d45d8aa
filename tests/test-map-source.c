/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-map-source.c: CaravanMapSource in a ShumateSimpleMap (needs a display): tiles get
 * filled, cancelled tiles are dropped undrawn, HiDPI textures, and a screenshot of the map. */

#define G_LOG_DOMAIN "caravan-test-map-source"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "caravan-basemap.h"
#include "caravan-map-source.h"
#include "caravan-tile-paintable.h"

static gboolean
on_timeout (gpointer data)
{
  g_error ("Timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

static void
wait_for_tiles (CaravanMapSource *source)
{
  guint timeout = g_timeout_add_seconds (60, on_timeout, (gpointer) "tiles");

  /* The layer asks for tiles from an idle; let it run, then wait until all are done. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  while (caravan_map_source_get_tiles_pending (source) > 0 ||
         caravan_map_source_get_tiles_rendered (source) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static gboolean
on_wait_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_wait_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static GdkTexture *
capture (GtkWidget *widget)
{
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("CARAVAN_SCREENSHOT_DIR");
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  texture = capture (widget);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
show_map (CaravanMapSource *source,
          double            lat,
          double            lon,
          double            zoom,
          const char       *screenshot)
{
  GtkWidget *window = gtk_window_new ();
  ShumateSimpleMap *map = shumate_simple_map_new ();
  ShumateViewport *viewport = shumate_simple_map_get_viewport (map);
  guint rendered_before = caravan_map_source_get_tiles_rendered (source);

  g_object_set (gtk_widget_get_settings (window), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 680);
  shumate_simple_map_set_map_source (map, SHUMATE_MAP_SOURCE (source));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (shumate_simple_map_get_map (map), lat, lon);
  gtk_window_present (GTK_WINDOW (window));

  wait_for_tiles (source);
  g_assert_cmpuint (caravan_map_source_get_tiles_rendered (source), >, rendered_before);
  g_assert_cmpuint (caravan_map_source_get_tiles_pending (source), ==, 0);

  /* The viewport keeps the source's zoom range. */
  g_assert_cmpuint (shumate_viewport_get_min_zoom_level (viewport), ==, CARAVAN_MAP_SOURCE_MIN_ZOOM);
  g_assert_cmpuint (shumate_viewport_get_max_zoom_level (viewport), ==, CARAVAN_MAP_SOURCE_MAX_ZOOM);

  run_for (300);
  save_screenshot (window, screenshot);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_fill_in_map (void)
{
  g_autoptr(CaravanMapSource) source = caravan_map_source_new (CARAVAN_MAP_THEME_LIGHT, 1);
  g_autoptr(CaravanMapSource) projector = caravan_map_source_new (CARAVAN_MAP_THEME_PROJECTOR, 1);
  guint done = 0;

  g_assert_null (caravan_map_source_get_error (source));
  g_signal_connect_swapped (source, "tiles-done", G_CALLBACK (count_cb), &done);

  show_map (source, 44.0, 68.0, 5, "map-source-z5-light.png");
  g_assert_cmpuint (done, >, 0);
  show_map (source, 44.2, 80.35, 9, "map-source-z9-khorgos-light.png");
  show_map (projector, 43.0, 72.0, 6, "map-source-z6-projector.png");
}

typedef struct
{
  guint cancelled;
  guint filled;
  guint failed;
} FillResult;

static void
on_fill_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  FillResult *r = user_data;
  g_autoptr(GError) error = NULL;

  if (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &error))
    r->filled++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    r->cancelled++;
  else
    r->failed++;
}

static void
test_cancel (void)
{
  g_autoptr(CaravanMapSource) source = caravan_map_source_new (CARAVAN_MAP_THEME_DARK, 2);
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func (g_object_unref);
  FillResult result = { 0, };
  guint timeout;

  /* Twenty tiles cancelled right after they are asked for, one that is kept. */
  for (guint i = 0; i < 21; i++)
    {
      ShumateTile *tile = shumate_tile_new_full (88 + i % 5, 44 + i / 5, 256, 7);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_ptr_array_add (tiles, tile);
      shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, cancellable,
                                          on_fill_done, &result);
      if (i < 20)
        g_cancellable_cancel (cancellable);
    }
  g_assert_cmpuint (caravan_map_source_get_tiles_pending (source), ==, 21);

  timeout = g_timeout_add_seconds (60, on_timeout, (gpointer) "fills");
  while (result.cancelled + result.filled + result.failed < 21)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_cmpuint (result.failed, ==, 0);
  g_assert_cmpuint (result.filled, ==, 1);
  g_assert_cmpuint (result.cancelled, ==, 20);
  g_assert_cmpuint (caravan_map_source_get_tiles_pending (source), ==, 0);
  /* Most cancelled tiles were dropped before drawing (one worker may have started one). */
  g_assert_cmpuint (caravan_map_source_get_tiles_rendered (source), <=, 3);

  for (guint i = 0; i < 20; i++)
    g_assert_null (shumate_tile_get_paintable (g_ptr_array_index (tiles, i)));

  /* The kept tile is DONE, with a HiDPI texture of 512 px plus a 1 px bleed. */
  {
    ShumateTile *tile = g_ptr_array_index (tiles, 20);
    GdkPaintable *paintable = shumate_tile_get_paintable (tile);

    g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
    g_assert_true (CARAVAN_IS_TILE_PAINTABLE (paintable));
    g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 512);
    g_assert_cmpint (gdk_texture_get_width (caravan_tile_paintable_get_texture (CARAVAN_TILE_PAINTABLE (paintable))), ==, 514);
  }
}

static void
test_properties (void)
{
  g_autoptr(CaravanMapSource) source = caravan_map_source_new (CARAVAN_MAP_THEME_LIGHT, 1);
  ShumateMapSource *s = SHUMATE_MAP_SOURCE (source);
  g_autofree char *first_id = g_strdup (shumate_map_source_get_id (s));
  guint notified = 0;

  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (s), ==, 3);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (s), ==, 10);
  g_assert_cmpuint (shumate_map_source_get_tile_size (s), ==, 256);
  g_assert_cmpstr (shumate_map_source_get_license (s), ==, caravan_basemap_get_attribution ());
  g_assert_nonnull (shumate_map_source_get_name (s));

  g_signal_connect_swapped (source, "notify::theme", G_CALLBACK (count_cb), &notified);
  caravan_map_source_set_theme (source, CARAVAN_MAP_THEME_LIGHT);
  g_assert_cmpuint (notified, ==, 0);
  caravan_map_source_set_theme (source, CARAVAN_MAP_THEME_PROJECTOR);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (shumate_map_source_get_id (s), !=, first_id);

  /* The tile cache key has no scale: a new scale is a new id. */
  {
    g_autofree char *theme_id = g_strdup (shumate_map_source_get_id (s));

    g_object_set (source, "scale-factor", 2, NULL);
    g_assert_cmpuint (caravan_map_source_get_scale_factor (source), ==, 2);
    g_assert_cmpstr (shumate_map_source_get_id (s), !=, theme_id);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/source/properties", test_properties);
  g_test_add_func ("/map/source/cancel", test_cancel);
  g_test_add_func ("/map/source/fill-in-map", test_fill_in_map);

  return g_test_run ();
}
