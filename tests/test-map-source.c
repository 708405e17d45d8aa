/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-map-source.c: CaravanMapSource in a ShumateSimpleMap (needs a display): tiles get
 * filled, cancelled tiles are dropped undrawn, HiDPI textures, and a screenshot of the map;
 * tiles drawn ahead (prefetch) are the same images, given once, cancelled and forgotten. */

#define G_LOG_DOMAIN "caravan-test-map-source"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "caravan-basemap.h"
#include "caravan-map-source.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-test-utils.h"
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
  g_assert_cmpuint (shumate_viewport_get_min_zoom_level (viewport), ==,
                    CARAVAN_MAP_SOURCE_MIN_ZOOM);
  g_assert_cmpuint (shumate_viewport_get_max_zoom_level (viewport), ==,
                    CARAVAN_MAP_SOURCE_MAX_ZOOM);

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
    GdkTexture *texture;

    g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
    g_assert_true (CARAVAN_IS_TILE_PAINTABLE (paintable));
    g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 512);
    texture = caravan_tile_paintable_get_texture (CARAVAN_TILE_PAINTABLE (paintable));
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 514);
  }
}

static void
test_properties (void)
{
  g_autoptr(CaravanMapSource) source = caravan_map_source_new (CARAVAN_MAP_THEME_LIGHT, 1);
  ShumateMapSource *s = SHUMATE_MAP_SOURCE (source);
  g_autofree char *first_id = g_strdup (shumate_map_source_get_id (s));

  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (s), ==, 3);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (s), ==, CARAVAN_MAP_SOURCE_MAX_ZOOM);
  g_assert_cmpuint (shumate_map_source_get_tile_size (s), ==, 256);
  g_assert_cmpstr (shumate_map_source_get_license (s), ==, caravan_basemap_get_attribution ());
  g_assert_nonnull (shumate_map_source_get_name (s));

  /* Theme and scale are fixed for the source's life (a new look is a new source, which the map
   * view makes); each has its own id, since libshumate's tile cache key has neither. */
  g_assert_cmpint (caravan_map_source_get_theme (source), ==, CARAVAN_MAP_THEME_LIGHT);
  g_assert_cmpuint (caravan_map_source_get_scale_factor (source), ==, 1);
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (source), "theme")->flags &
                 G_PARAM_CONSTRUCT_ONLY);
  g_assert_true (g_object_class_find_property (G_OBJECT_GET_CLASS (source), "scale-factor")->flags &
                 G_PARAM_CONSTRUCT_ONLY);
  {
    g_autoptr(CaravanMapSource) projector = caravan_map_source_new (CARAVAN_MAP_THEME_PROJECTOR, 1);
    g_autoptr(CaravanMapSource) scaled = caravan_map_source_new (CARAVAN_MAP_THEME_LIGHT, 2);
    g_autoptr(CaravanMapSource) same = caravan_map_source_new (CARAVAN_MAP_THEME_LIGHT, 1);

    g_assert_cmpint (caravan_map_source_get_theme (projector), ==, CARAVAN_MAP_THEME_PROJECTOR);
    g_assert_cmpuint (caravan_map_source_get_scale_factor (scaled), ==, 2);
    g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (projector)), !=, first_id);
    g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (scaled)), !=, first_id);
    g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (scaled)), !=,
                     shumate_map_source_get_id (SHUMATE_MAP_SOURCE (projector)));
    g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (same)), ==, first_id);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Tiles drawn ahead */

typedef struct
{
  guint x0, y0, x1, y1, zoom;
} TileRange;

/* The tiles a view of @width × @height at @lat, @lon covers, as caravan_map_source_prefetch()
 * computes them. */
static TileRange
view_tiles (CaravanMapSource *source,
            double            lat,
            double            lon,
            guint             zoom,
            int               width,
            int               height)
{
  ShumateMapSource *s = SHUMATE_MAP_SOURCE (source);
  double cx = shumate_map_source_get_x (s, zoom, lon) / 256.0;
  double cy = shumate_map_source_get_y (s, zoom, lat) / 256.0;
  TileRange range = {
    (guint) floor (cx - width / 512.0), (guint) floor (cy - height / 512.0),
    (guint) ceil (cx + width / 512.0) - 1, (guint) ceil (cy + height / 512.0) - 1, zoom
  };

  return range;
}

static void
wait_for_prefetch (CaravanMapSource *source)
{
  guint timeout = g_timeout_add_seconds (60, on_timeout, (gpointer) "tiles drawn ahead");

  while (caravan_map_source_get_tiles_prefetching (source) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static void
wait_for_fills (FillResult *result,
                guint       n)
{
  guint timeout = g_timeout_add_seconds (60, on_timeout, (gpointer) "fills");

  while (result->cancelled + result->filled + result->failed < n)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static GBytes *
tile_pixels (GdkPaintable *paintable)
{
  GdkTexture *texture;
  gsize stride;
  guchar *data;

  g_assert_true (CARAVAN_IS_TILE_PAINTABLE (paintable));
  texture = caravan_tile_paintable_get_texture (CARAVAN_TILE_PAINTABLE (paintable));
  stride = gdk_texture_get_width (texture) * 4;
  data = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * gdk_texture_get_height (texture));
}

/* The same tile, drawn the normal way by a source that drew nothing ahead. */
static GBytes *
reference_pixels (CaravanMapTheme theme,
                  guint           zoom,
                  guint           x,
                  guint           y)
{
  g_autoptr(CaravanMapSource) source = caravan_map_source_new (theme, 1);
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (x, y, 256, zoom);
  FillResult result = { 0, };

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_fill_done,
                                      &result);
  wait_for_fills (&result, 1);
  g_assert_cmpuint (result.filled, ==, 1);
  return tile_pixels (shumate_tile_get_paintable (tile));
}

static void
test_prefetch (void)
{
  g_autoptr(CaravanMapSource) source = caravan_map_source_new (CARAVAN_MAP_THEME_LIGHT, 1);
  TileRange range = view_tiles (source, 48.0, 68.0, 5, 700, 500);
  guint cx = (range.x0 + range.x1) / 2, cy = (range.y0 + range.y1) / 2;
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (cx, cy, 256, 5);
  g_autoptr(GBytes) ahead = NULL;
  g_autoptr(GBytes) given = NULL;
  g_autoptr(GBytes) reference = NULL;
  FillResult result = { 0, };

  g_assert_false (caravan_map_source_has_prefetched (source));
  caravan_map_source_prefetch (source, 48.0, 68.0, 5, 700, 500);
  g_assert_cmpuint (caravan_map_source_get_tiles_prefetching (source), ==,
                    (range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1));
  wait_for_prefetch (source);

  /* Every tile of the view is drawn ahead, and none beyond it. */
  g_assert_true (caravan_map_source_has_prefetched (source));
  for (guint y = range.y0; y <= range.y1; y++)
    for (guint x = range.x0; x <= range.x1; x++)
      g_assert_nonnull (caravan_map_source_peek_prefetched (source, 5, x, y));
  g_assert_null (caravan_map_source_peek_prefetched (source, 5, range.x1 + 1, range.y0));
  g_assert_null (caravan_map_source_peek_prefetched (source, 6, cx, cy));
  g_assert_cmpuint (caravan_map_source_get_tiles_rendered (source), ==, 0);
  g_assert_false (caravan_map_source_has_tile (source, 5, cx, cy));
  ahead = tile_pixels (caravan_map_source_peek_prefetched (source, 5, cx, cy));

  /* Asking for one gives it to the map: it is the same image as a tile drawn the usual way. */
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_fill_done,
                                      &result);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
  g_assert_cmpuint (caravan_map_source_get_tiles_prefetching (source), ==, 0);
  g_assert_true (caravan_map_source_has_prefetched (source));
  g_assert_nonnull (caravan_map_source_peek_prefetched (source, 5, range.x0, range.y0));
  wait_for_fills (&result, 1);
  g_assert_cmpuint (result.filled, ==, 1);
  g_assert_true (caravan_map_source_has_tile (source, 5, cx, cy));
  g_assert_null (caravan_map_source_peek_prefetched (source, 5, cx, cy));
  given = tile_pixels (shumate_tile_get_paintable (tile));
  reference = reference_pixels (CARAVAN_MAP_THEME_LIGHT, 5, cx, cy);
  g_assert_true (g_bytes_equal (given, ahead));
  g_assert_true (g_bytes_equal (given, reference));

  /* Once the map has what it asked for, the tiles it did not ask for are dropped. */
  run_for (100);
  g_assert_false (caravan_map_source_has_prefetched (source));
  g_assert_null (caravan_map_source_peek_prefetched (source, 5, range.x0, range.y0));

  /* Asking again for a tile the map has: it does not have it until it comes back. */
  result = (FillResult) { 0, };
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_fill_done,
                                      &result);
  g_assert_false (caravan_map_source_has_tile (source, 5, cx, cy));
  wait_for_fills (&result, 1);
  g_assert_true (caravan_map_source_has_tile (source, 5, cx, cy));
}

/* Requests that come while the tiles are still being drawn ahead get each tile once, right,
 * whether they take over a queued job, wait for a running one or find it drawn. */
static void
test_prefetch_race (void)
{
  g_autoptr(CaravanMapSource) source = caravan_map_source_new (CARAVAN_MAP_THEME_DARK, 1);
  TileRange range = view_tiles (source, 43.0, 75.0, 6, 1600, 1000);
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func (g_object_unref);
  FillResult result = { 0, };
  guint n;

  caravan_map_source_prefetch (source, 43.0, 75.0, 6, 1600, 1000);
  n = (range.x1 - range.x0 + 1) * (range.y1 - range.y0 + 1);
  g_assert_cmpuint (n, >, 20);
  /* Let the worker start on some, not all. */
  run_for (20);
  for (guint y = range.y0; y <= range.y1; y++)
    for (guint x = range.x0; x <= range.x1; x++)
      {
        ShumateTile *tile = shumate_tile_new_full (x, y, 256, 6);

        g_ptr_array_add (tiles, tile);
        shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, on_fill_done,
                                            &result);
      }
  wait_for_fills (&result, n);
  wait_for_prefetch (source);

  g_assert_cmpuint (result.filled, ==, n);
  g_assert_cmpuint (result.cancelled + result.failed, ==, 0);
  g_assert_cmpuint (caravan_map_source_get_tiles_pending (source), ==, 0);
  g_assert_cmpuint (caravan_map_source_get_tiles_rendered (source), ==, n);
  for (guint i = 0; i < tiles->len; i++)
    {
      ShumateTile *tile = g_ptr_array_index (tiles, i);

      g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
      g_assert_true (caravan_map_source_has_tile (source, 6, shumate_tile_get_x (tile),
                                                  shumate_tile_get_y (tile)));
    }

  /* The first and the last tile asked for are the images a plain source draws. */
  {
    ShumateTile *first = g_ptr_array_index (tiles, 0);
    ShumateTile *last = g_ptr_array_index (tiles, tiles->len - 1);
    g_autoptr(GBytes) a = tile_pixels (shumate_tile_get_paintable (first));
    g_autoptr(GBytes) b = tile_pixels (shumate_tile_get_paintable (last));
    g_autoptr(GBytes) ra = reference_pixels (CARAVAN_MAP_THEME_DARK, 6, range.x0, range.y0);
    g_autoptr(GBytes) rb = reference_pixels (CARAVAN_MAP_THEME_DARK, 6, range.x1, range.y1);

    g_assert_true (g_bytes_equal (a, ra));
    g_assert_true (g_bytes_equal (b, rb));
  }
}

/* Requests cancelled while their tile is drawn ahead come back cancelled, once each. */
static void
test_prefetch_cancel (void)
{
  g_autoptr(CaravanMapSource) source = caravan_map_source_new (CARAVAN_MAP_THEME_LIGHT, 1);
  TileRange range = view_tiles (source, 50.0, 60.0, 5, 1200, 800);
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func (g_object_unref);
  FillResult result = { 0, };
  guint n = 0;

  caravan_map_source_prefetch (source, 50.0, 60.0, 5, 1200, 800);
  run_for (10);
  for (guint y = range.y0; y <= range.y1; y++)
    for (guint x = range.x0; x <= range.x1; x++)
      {
        ShumateTile *tile = shumate_tile_new_full (x, y, 256, 5);
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();

        g_ptr_array_add (tiles, tile);
        shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, cancellable,
                                            on_fill_done, &result);
        g_cancellable_cancel (cancellable);
        n++;
      }
  wait_for_fills (&result, n);
  wait_for_prefetch (source);

  g_assert_cmpuint (result.failed, ==, 0);
  g_assert_cmpuint (result.cancelled + result.filled, ==, n);
  /* Only a tile that was already drawn when it was asked for can have been given. */
  g_assert_cmpuint (result.cancelled, >, 0);
  g_assert_cmpuint (caravan_map_source_get_tiles_pending (source), ==, 0);
  run_for (100);
  g_assert_false (caravan_map_source_has_prefetched (source));
}

/* A source for a story leaves the base map's own names out where the story has pins. */
static void
test_for_story (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_load_bundled (&error);
  g_autoptr(CaravanMapSource) plain = caravan_map_source_new_for_story (CARAVAN_MAP_THEME_LIGHT, 1,
                                                                        NULL);
  g_autoptr(CaravanMapSource) for_story = NULL;
  ShumateMapSource *s;
  guint zoom = 6, x, y;
  g_autoptr(ShumateTile) a = NULL;
  g_autoptr(ShumateTile) b = NULL;
  g_autoptr(GBytes) reference = NULL;
  g_autoptr(GBytes) with_pins = NULL;
  g_autoptr(GBytes) without = NULL;
  FillResult result = { 0, };

  g_assert_no_error (error);
  for_story = caravan_map_source_new_for_story (CARAVAN_MAP_THEME_LIGHT, 1, story);
  g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (for_story)), !=,
                   shumate_map_source_get_id (SHUMATE_MAP_SOURCE (plain)));

  /* The tile with Astana in it. */
  s = SHUMATE_MAP_SOURCE (plain);
  x = (guint) (shumate_map_source_get_x (s, zoom, 71.446) / 256);
  y = (guint) (shumate_map_source_get_y (s, zoom, 51.1801) / 256);
  a = shumate_tile_new_full (x, y, 256, zoom);
  b = shumate_tile_new_full (x, y, 256, zoom);
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (plain), a, NULL, on_fill_done, &result);
  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (for_story), b, NULL, on_fill_done,
                                      &result);
  wait_for_fills (&result, 2);
  g_assert_cmpuint (result.filled, ==, 2);

  without = tile_pixels (shumate_tile_get_paintable (a));
  with_pins = tile_pixels (shumate_tile_get_paintable (b));
  reference = reference_pixels (CARAVAN_MAP_THEME_LIGHT, zoom, x, y);
  g_assert_true (g_bytes_equal (without, reference));
  g_assert_false (g_bytes_equal (with_pins, reference));
}

/* Renders @paintable at @size px with GTK's cairo renderer. */
static GdkTexture *
render_with_cairo (GdkPaintable *paintable,
                   int           size)
{
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  GdkTexture *texture;

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  gdk_paintable_snapshot (paintable, snapshot, size, size);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, size, size));
  gsk_render_node_unref (node);
  gsk_renderer_unrealize (renderer);
  return texture;
}

/* Under the cairo renderer a tile paints its surface instead of its texture (GTK 4.8 converts
 * a texture through floats on every frame): the same pixels at rest, nearly the same when a
 * flight scales it. */
static void
test_paint_surfaces (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 258, 258);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(CaravanTilePaintable) paintable = NULL;
  gboolean before = caravan_tile_paintable_get_paint_surfaces ();
  cairo_t *cr = cairo_create (surface);

  /* A map-like picture: a gradient, a dark line and a half-transparent disc. */
  {
    cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 258, 258);

    cairo_pattern_add_color_stop_rgb (gradient, 0, 0.95, 0.9, 0.85);
    cairo_pattern_add_color_stop_rgb (gradient, 1, 0.6, 0.75, 0.9);
    cairo_set_source (cr, gradient);
    cairo_paint (cr);
    cairo_pattern_destroy (gradient);
    cairo_set_source_rgb (cr, 0.2, 0.2, 0.25);
    cairo_set_line_width (cr, 3);
    cairo_move_to (cr, 10, 200);
    cairo_line_to (cr, 240, 40);
    cairo_stroke (cr);
    cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.5);
    cairo_arc (cr, 129, 129, 60, 0, 2 * G_PI);
    cairo_fill (cr);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
  }
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * 258);
  texture = gdk_memory_texture_new (258, 258, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  paintable = caravan_tile_paintable_new_for_surface (surface, texture, 1);
  cairo_surface_destroy (surface);

  for (int size = 256; size <= 384; size += 128)
    {
      g_autoptr(GdkTexture) from_texture = NULL;
      g_autoptr(GdkTexture) from_surface = NULL;
      guint differing;

      caravan_tile_paintable_set_paint_surfaces (FALSE);
      from_texture = render_with_cairo (GDK_PAINTABLE (paintable), size);
      caravan_tile_paintable_set_paint_surfaces (TRUE);
      from_surface = render_with_cairo (GDK_PAINTABLE (paintable), size);
      differing = caravan_test_count_different_pixels (from_texture, from_surface);
      g_test_message ("%d px: %u of %d pixels differ", size, differing, size * size);
      if (size == 256)
        g_assert_cmpuint (differing, ==, 0);
      else
        g_assert_cmpuint (differing, <, size * size / 10);
    }
  caravan_tile_paintable_set_paint_surfaces (before);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/source/properties", test_properties);
  g_test_add_func ("/map/source/cancel", test_cancel);
  g_test_add_func ("/map/source/fill-in-map", test_fill_in_map);
  g_test_add_func ("/map/source/prefetch", test_prefetch);
  g_test_add_func ("/map/source/prefetch-race", test_prefetch_race);
  g_test_add_func ("/map/source/prefetch-cancel", test_prefetch_cancel);
  g_test_add_func ("/map/source/for-story", test_for_story);
  g_test_add_func ("/map/source/paint-surfaces", test_paint_surfaces);

  return g_test_run ();
}
