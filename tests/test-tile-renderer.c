/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tile-renderer.c: the bundled base map and its tiles: pixel probes at known places in
 * every theme, the Khorgos border, tile edges that agree, HiDPI, broken data, and base map
 * places left out under the story's pins. */

#define G_LOG_DOMAIN "caravan-test-tile-renderer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "caravan-basemap.h"
#include "caravan-map-theme.h"
#include "caravan-tile-renderer.h"

typedef struct
{
  CaravanBasemap *basemap;
  CaravanTileRenderer *renderer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->basemap = caravan_basemap_get_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->basemap);
  fixture->renderer = caravan_tile_renderer_new (fixture->basemap, "en");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->renderer);
  g_clear_object (&fixture->basemap);
}

/* World pixel of a point at a zoom (256 px tiles). */
static void
project (double  lat,
         double  lon,
         guint   zoom,
         double *wx,
         double *wy)
{
  double s = sin (lat * G_PI / 180.0);

  *wx = (lon + 180.0) / 360.0 * ldexp (256, zoom);
  *wy = (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * ldexp (256, zoom);
}

typedef struct
{
  double r, g, b;
} Rgb;

static Rgb
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;
  Rgb c;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  memcpy (&p, data + y * stride + x * 4, 4);
  g_assert_cmpuint (p >> 24, ==, 0xff);         /* tiles are opaque */
  c.r = (p >> 16 & 0xff) / 255.0;
  c.g = (p >> 8 & 0xff) / 255.0;
  c.b = (p & 0xff) / 255.0;
  return c;
}

static double
distance (Rgb                    a,
          const CaravanMapColor *b)
{
  return sqrt ((a.r - b->red) * (a.r - b->red) + (a.g - b->green) * (a.g - b->green) +
               (a.b - b->blue) * (a.b - b->blue));
}

/* Renders the tile holding the point and returns the colour of the point's pixel. */
static Rgb
probe (CaravanTileRenderer *renderer,
       double               lat,
       double               lon,
       guint                zoom,
       guint                scale,
       CaravanMapTheme      theme)
{
  cairo_surface_t *surface;
  double wx, wy;
  guint tx, ty;
  Rgb c;

  project (lat, lon, zoom, &wx, &wy);
  tx = (guint) (wx / 256);
  ty = (guint) (wy / 256);
  surface = caravan_tile_renderer_render (renderer, zoom, tx, ty, scale, theme, 1);
  c = pixel_at (surface, 1 + (int) ((wx - tx * 256) * scale), 1 + (int) ((wy - ty * 256) * scale));
  cairo_surface_destroy (surface);
  return c;
}

/* The smallest distance to @color in the 3 × 3 pixels around the point (thin lines). */
static double
probe_near (CaravanTileRenderer   *renderer,
            double                 lat,
            double                 lon,
            guint                  zoom,
            CaravanMapTheme        theme,
            const CaravanMapColor *color)
{
  cairo_surface_t *surface;
  double wx, wy, best = G_MAXDOUBLE;
  guint tx, ty;
  int px, py;

  project (lat, lon, zoom, &wx, &wy);
  tx = (guint) (wx / 256);
  ty = (guint) (wy / 256);
  surface = caravan_tile_renderer_render (renderer, zoom, tx, ty, 1, theme, 1);
  px = 1 + (int) (wx - tx * 256);
  py = 1 + (int) (wy - ty * 256);
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      best = MIN (best, distance (pixel_at (surface, px + dx, py + dy), color));
  cairo_surface_destroy (surface);
  return best;
}

/* A land tint, give or take the relief's light shading on open ground. */
static gboolean
is_land (Rgb                    c,
         const CaravanMapStyle *style)
{
  for (guint i = 0; i < CARAVAN_MAP_N_TINTS; i++)
    if (distance (c, &style->tints[i]) < 0.05)
      return TRUE;
  return distance (c, &style->land) < 0.05;
}

static void
test_country_at (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct { const char *what; double lat, lon; const char *iso3; } points[] = {
    { "Khorgos village (KZ)", 44.2234, 80.3852, "KAZ" },
    { "Khorgos ICBC", 44.2100, 80.4000, "KAZ" },
    { "Khorgos dry port", 44.1971, 80.2441, "KAZ" },
    { "Altynkol station", 44.1649, 80.2954, "KAZ" },
    { "Horgos city (CN)", 44.2028, 80.4164, "CHN" },
    { "Astana", 51.1280, 71.4304, "KAZ" },
    { "Samarkand", 39.6542, 66.9597, "UZB" },
    { "Almaty", 43.2567, 76.9286, "KAZ" },
    { "Baikonur", 45.6167, 63.3167, "KAZ" },
    { "Bishkek", 42.8700, 74.5900, "KGZ" },
    { "Tashkent", 41.3111, 69.2797, "UZB" },
  };
  CaravanBasemap *basemap = fixture->basemap;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      int country = caravan_basemap_country_at (basemap, points[i].lat, points[i].lon);

      g_test_message ("%s", points[i].what);
      g_assert_cmpint (country, >=, 0);
      g_assert_cmpstr (caravan_basemap_get_country_iso3 (basemap, country), ==, points[i].iso3);
    }

  /* The Caspian is sea, not a country. */
  g_assert_cmpint (caravan_basemap_country_at (basemap, 42.0, 50.5), ==, -1);
  g_assert_cmpint (caravan_basemap_country_at (basemap, -40.0, -150.0), ==, -1);
}

static void
test_country_names (Fixture       *fixture,
                    gconstpointer  data)
{
  int kaz = caravan_basemap_country_at (fixture->basemap, 48.0, 68.0);

  g_assert_cmpint (kaz, >=, 0);
  g_assert_cmpstr (caravan_basemap_get_country_name (fixture->basemap, kaz, "en"), ==,
                   "Kazakhstan");
  g_assert_cmpstr (caravan_basemap_get_country_name (fixture->basemap, kaz, "ru_RU.UTF-8"), ==,
                   "Казахстан");
  g_assert_cmpstr (caravan_basemap_get_country_name (fixture->basemap, kaz, "kk"), ==, "Қазақстан");
  g_assert_cmpstr (caravan_basemap_get_country_name (fixture->basemap, kaz, "zh_CN"), ==, "哈萨克斯坦");
  g_assert_cmpstr (caravan_basemap_get_country_name (fixture->basemap, kaz, "de"), ==,
                   "Kazakhstan");
}

static void
test_probes (Fixture       *fixture,
             gconstpointer  data)
{
  CaravanMapTheme theme = GPOINTER_TO_INT (data);
  const CaravanMapStyle *style = caravan_map_theme_get_style (theme);
  Rgb c;

  for (guint scale = 1; scale <= 2; scale++)
    {
      /* The Caspian Sea is water at every zoom. */
      for (guint zoom = 3; zoom <= 9; zoom += 2)
        {
          c = probe (fixture->renderer, 41.2, 51.2, zoom, scale, theme);
          g_assert_cmpfloat (distance (c, &style->water), <, 0.02);
        }

      /* Central Kazakhstan is land. */
      for (guint zoom = 3; zoom <= 9; zoom += 2)
        {
          c = probe (fixture->renderer, 49.6, 72.6, zoom, scale, theme);
          g_assert_true (is_land (c, style));
        }

      /* Lake Balkhash is water (the western basin and the narrow eastern part). */
      c = probe (fixture->renderer, 45.89, 73.86, 6, scale, theme);
      g_assert_cmpfloat (distance (c, &style->water), <, 0.02);
      c = probe (fixture->renderer, 45.89, 73.86, 8, scale, theme);
      g_assert_cmpfloat (distance (c, &style->water), <, 0.02);
      c = probe (fixture->renderer, 46.58, 78.8, 8, scale, theme);
      g_assert_cmpfloat (distance (c, &style->water), <, 0.02);

      /* The Khorgos dry port and its surroundings are on Kazakh land at zoom 9. */
      c = probe (fixture->renderer, 44.1971, 80.2441, 9, scale, theme);
      g_assert_true (is_land (c, style));
    }

  /* A vertex of the Syr Darya between Kyzylorda and the Aral is drawn as river at zoom 7. */
  g_assert_cmpfloat (probe_near (fixture->renderer, 44.98585, 65.18971, 7, theme, &style->river), <,
                     0.12);
  /* ... and the land next to it is not. */
  c = probe (fixture->renderer, 45.10, 65.18971, 7, 1, theme);
  g_assert_true (is_land (c, style));
}

/* Tiles drawn with a 1 px bleed must agree with their neighbours where they overlap. */
static void
compare_edge (cairo_surface_t *a,
              cairo_surface_t *b,
              gboolean         horizontal,
              int              inner)
{
  int size = cairo_image_surface_get_width (a);
  double worst = 0;

  for (int i = 0; i < size; i++)
    {
      /* a's bleed column beyond its right edge is b's first column, and the other way. */
      Rgb pa = horizontal ? pixel_at (a, size - 1, i) : pixel_at (a, i, size - 1);
      Rgb pb = horizontal ? pixel_at (b, 1, i) : pixel_at (b, i, 1);
      Rgb qa = horizontal ? pixel_at (a, inner, i) : pixel_at (a, i, inner);
      Rgb qb = horizontal ? pixel_at (b, 0, i) : pixel_at (b, i, 0);

      worst = MAX (worst, fabs (pa.r - pb.r) + fabs (pa.g - pb.g) + fabs (pa.b - pb.b));
      worst = MAX (worst, fabs (qa.r - qb.r) + fabs (qa.g - qb.g) + fabs (qa.b - qb.b));
    }

  /* Antialiasing may differ by a few levels (cairo clips each tile's strokes to the tile); a
   * cut label or a shifted line differs by far more. Compared in whole levels, as a float sum
   * of three channel differences can land a hair above 15.0 / 255. */
  g_assert_cmpint ((int) round (worst * 255), <=, 15);
}

static void
test_neighbours (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Around Khorgos, Almaty, Samarkand, Astana and the Aral, at several zooms. */
  static const struct { double lat, lon; guint zoom; } places[] = {
    { 44.2, 80.4, 9 }, { 43.25, 76.9, 8 }, { 39.65, 66.96, 7 }, { 51.13, 71.43, 6 },
    { 45.5, 60.0, 5 }, { 45.0, 70.0, 4 }, { 44.0, 66.0, 3 }, { 46.4, 74.6, 7 },
  };

  for (guint theme = 0; theme < CARAVAN_MAP_N_THEMES; theme++)
    for (guint i = 0; i < G_N_ELEMENTS (places); i++)
      for (guint scale = 1; scale <= 2; scale++)
        {
          double wx, wy;
          guint tx, ty;
          cairo_surface_t *center, *right, *below;
          int inner = 256 * scale;

          g_test_message ("theme %u place %u scale %u", theme, i, scale);
          project (places[i].lat, places[i].lon, places[i].zoom, &wx, &wy);
          tx = (guint) (wx / 256);
          ty = (guint) (wy / 256);
          center = caravan_tile_renderer_render (fixture->renderer, places[i].zoom, tx, ty, scale,
                                                 theme, 1);
          right = caravan_tile_renderer_render (fixture->renderer, places[i].zoom, tx + 1, ty,
                                                scale, theme, 1);
          below = caravan_tile_renderer_render (fixture->renderer, places[i].zoom, tx, ty + 1,
                                                scale, theme, 1);
          g_assert_cmpint (cairo_image_surface_get_width (center), ==, inner + 2);

          compare_edge (center, right, TRUE, inner);
          compare_edge (center, below, FALSE, inner);

          cairo_surface_destroy (center);
          cairo_surface_destroy (right);
          cairo_surface_destroy (below);
        }
}

static void
assert_plain (cairo_surface_t *surface,
              CaravanMapTheme  theme)
{
  const CaravanMapStyle *style = caravan_map_theme_get_style (theme);
  int size = cairo_image_surface_get_width (surface);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  for (int y = 0; y < size; y += 7)
    for (int x = 0; x < size; x += 7)
      g_assert_cmpfloat (distance (pixel_at (surface, x, y), &style->background), <, 0.01);
}

static GBytes *
read_data_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CARAVAN_SOURCE_DIR"), "data", "basemap",
                                            name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The map corner and the About window credit every source the bundled data is built from. */
static void
test_attribution (void)
{
  const char *corner = caravan_basemap_get_attribution ();
  const char *about = caravan_basemap_get_license_text ();
  const char *sources[] = { "OpenStreetMap", "GeoNames", "Natural Earth", "GSHHG", "SRTM", NULL };
  const char *layers[] = { "Countries", "Lakes", "Rivers", "Places", "Railways", "roads",
                           "built-up areas", "schematic", "hillshade", "ETOPO5", "ODbL", NULL };

  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_assert_nonnull (strstr (corner, sources[i]));
      g_assert_nonnull (strstr (about, sources[i]));
    }
  for (guint i = 0; layers[i] != NULL; i++)
    g_assert_nonnull (strstr (about, layers[i]));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanBasemap) basemap = NULL;
  g_autoptr(CaravanTileRenderer) renderer = NULL;
  cairo_surface_t *surface;

  basemap = caravan_basemap_new_from_files ("/nonexistent/basemap.bin", NULL, &error);
  g_assert_null (basemap);
  g_assert_error (error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/basemap.bin"));

  /* Without data, tiles are plain, in every theme. */
  renderer = caravan_tile_renderer_new (NULL, "en");
  for (guint theme = 0; theme < CARAVAN_MAP_N_THEMES; theme++)
    {
      surface = caravan_tile_renderer_render (renderer, 5, 22, 11, 1, theme, 1);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 258);
      assert_plain (surface, theme);
      cairo_surface_destroy (surface);
    }
}

static void
assert_corrupt (GBytes *bytes,
                GBytes *lakes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanBasemap) basemap = caravan_basemap_new_from_bytes (bytes, lakes, &error);

  g_assert_null (basemap);
  g_assert_true (g_error_matches (error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_CORRUPT) ||
                 g_error_matches (error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_VERSION));
  g_assert_nonnull (strstr (error->message, ".bin"));
}

/* Copies into 8-byte aligned memory, as the loader requires. */
static GBytes *
aligned_copy (const guint8 *data,
              gsize         size)
{
  guint64 *buffer = g_new0 (guint64, size / 8 + 1);

  memcpy (buffer, data, size);
  return g_bytes_new_take (buffer, size);
}

static void
test_corrupt_data (void)
{
  g_autoptr(GBytes) good = read_data_file ("basemap.bin");
  g_autoptr(GBytes) lakes = read_data_file ("lakes.bin");
  gsize size;
  const guint8 *data = g_bytes_get_data (good, &size);
  g_autofree guint8 *copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanBasemap) basemap = NULL;

  /* The good files load from (aligned) memory. */
  {
    g_autoptr(GBytes) a = aligned_copy (data, size);
    g_autoptr(GBytes) b = aligned_copy (g_bytes_get_data (lakes, NULL), g_bytes_get_size (lakes));

    basemap = caravan_basemap_new_from_bytes (a, b, &error);
    g_assert_no_error (error);
    g_assert_nonnull (basemap);
    g_clear_object (&basemap);
  }

  /* Garbage, empty, truncated. */
  {
    g_autoptr(GBytes) garbage = g_bytes_new_static ("this is not a map, but it is long enough!",
                                                    41);
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GBytes) truncated = aligned_copy (data, size / 2);

    assert_corrupt (garbage, NULL);
    assert_corrupt (empty, NULL);
    assert_corrupt (truncated, NULL);
  }

  /* A section that points outside the file, and a wrong version. */
  copy = g_memdup2 (data, size);
  {
    guint32 huge = GUINT32_TO_LE (0x7ffffff8);
    g_autoptr(GBytes) bad_offset = NULL;

    memcpy (copy + 32 + 32 * 2 + 20, &huge, 4);
    bad_offset = aligned_copy (copy, size);
    assert_corrupt (bad_offset, NULL);
  }
  memcpy (copy, data, size);
  {
    guint32 version = GUINT32_TO_LE (99);
    g_autoptr(GBytes) bad_version = NULL;

    memcpy (copy + 8, &version, 4);
    bad_version = aligned_copy (copy, size);
    assert_corrupt (bad_version, NULL);
  }

  /* A ring index beyond the points, anywhere in the geometry: flip bytes in the middle. */
  memcpy (copy, data, size);
  for (gsize i = size / 3; i < size / 3 + 4096; i++)
    copy[i] ^= 0xa5;
  {
    g_autoptr(GBytes) scrambled = aligned_copy (copy, size);
    g_autoptr(GError) scrambled_error = NULL;
    g_autoptr(CaravanBasemap) maybe = caravan_basemap_new_from_bytes (scrambled, NULL,
                                                                      &scrambled_error);

    /* Coordinates may be scrambled without breaking an index; then it must still draw. */
    if (maybe != NULL)
      {
        g_autoptr(CaravanTileRenderer) renderer = caravan_tile_renderer_new (maybe, "en");
        cairo_surface_t *surface = caravan_tile_renderer_render (renderer, 5, 22, 11, 1, 0, 1);

        g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);
      }
    else
      g_assert_error (scrambled_error, CARAVAN_BASEMAP_ERROR, CARAVAN_BASEMAP_ERROR_CORRUPT);
  }

  /* Lakes from another map (wrong band count) or broken lakes are refused too. */
  {
    g_autoptr(GBytes) a = aligned_copy (data, size);
    g_autoptr(GBytes) garbage = g_bytes_new_static ("CRVNMAP\0garbage garbage garbage garbage", 40);

    assert_corrupt (a, garbage);
  }
}

static void
test_outside_world (Fixture       *fixture,
                    gconstpointer  data)
{
  cairo_surface_t *surface;

  /* Beyond the data (zoom 13) or outside the world: plain, never a crash. */
  surface = caravan_tile_renderer_render (fixture->renderer, 13, 100, 100, 1,
                                          CARAVAN_MAP_THEME_DARK, 1);
  assert_plain (surface, CARAVAN_MAP_THEME_DARK);
  cairo_surface_destroy (surface);
  surface = caravan_tile_renderer_render (fixture->renderer, 3, 50, 50, 1, CARAVAN_MAP_THEME_LIGHT,
                                          1);
  assert_plain (surface, CARAVAN_MAP_THEME_LIGHT);
  cairo_surface_destroy (surface);

  /* HiDPI tiles are 512 px plus the bleed. */
  surface = caravan_tile_renderer_render (fixture->renderer, 7, 92, 46, 2,
                                          CARAVAN_MAP_THEME_PROJECTOR, 1);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 514);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 514);
  cairo_surface_destroy (surface);
}

/* The story's pins carry their own (dated) names: the base map leaves out its places there. */
static void
test_hidden_places (Fixture       *fixture,
                    gconstpointer  data)
{
  static const CaravanMapPoint pins[] = {
    { 43.2567, 76.9286 },       /* the story's Almaty */
    { 51.1694, 71.4491 },       /* "Nur-Sultan": the base map calls it Astana */
  };
  const CaravanMapStyle *style = caravan_map_theme_get_style (CARAVAN_MAP_THEME_LIGHT);
  g_autoptr(CaravanTileRenderer) hiding =
    caravan_tile_renderer_new_full (fixture->basemap, "en", pins, G_N_ELEMENTS (pins));
  CaravanLabelPlacer *all = caravan_tile_renderer_get_label_placer (fixture->renderer);
  CaravanLabelPlacer *some = caravan_tile_renderer_get_label_placer (hiding);
  double lat, lon;

  for (guint zoom = 6; zoom <= 10; zoom++)
    {
      g_test_message ("zoom %u", zoom);
      g_assert_true (caravan_label_placer_is_placed (all, zoom, CARAVAN_MAP_THEME_LIGHT, "Almaty",
                                                     NULL, NULL));
      g_assert_true (caravan_label_placer_is_placed (all, zoom, CARAVAN_MAP_THEME_LIGHT, "Astana",
                                                     NULL, NULL));
      g_assert_false (caravan_label_placer_is_placed (some, zoom, CARAVAN_MAP_THEME_LIGHT, "Almaty",
                                                      NULL, NULL));
      g_assert_false (caravan_label_placer_is_placed (some, zoom, CARAVAN_MAP_THEME_LIGHT, "Astana",
                                                      NULL, NULL));
      /* Other places stay, and so does the country. */
      g_assert_true (caravan_label_placer_is_placed (some, zoom, CARAVAN_MAP_THEME_LIGHT, "Bishkek",
                                                     NULL, NULL));
    }
  g_assert_true (caravan_label_placer_is_placed (some, 6, CARAVAN_MAP_THEME_LIGHT, "KAZAKHSTAN",
                                                 NULL, NULL));

  /* 15 km, or 12 px at the label's zoom. */
  g_assert_true (caravan_label_placer_is_hidden (some, 43.3767, 76.9286, 10));      /* 13 km */
  g_assert_false (caravan_label_placer_is_hidden (some, 43.4367, 76.9286, 10));     /* 20 km */
  g_assert_true (caravan_label_placer_is_hidden (some, 43.4367, 76.9286,
                                                 5));       /* 20 km = 6 px */
  g_assert_false (caravan_label_placer_is_hidden (all, 43.2567, 76.9286, 8));

  /* In pixels: the dot of Almaty at zoom 8 is there, then it is not. */
  g_assert_true (caravan_label_placer_is_placed (all, 8, CARAVAN_MAP_THEME_LIGHT, "Almaty", &lat,
                                                 &lon));
  g_assert_cmpfloat (distance (probe (fixture->renderer, lat, lon, 8, 1, CARAVAN_MAP_THEME_LIGHT),
                               &style->place_dot), <, 0.1);
  /* (Without the dot, the point is Almaty's built-up area and its roads.) */
  for (guint scale = 1; scale <= 2; scale++)
    g_assert_cmpfloat (distance (probe (hiding, lat, lon, 8, scale, CARAVAN_MAP_THEME_LIGHT),
                                 &style->place_dot), >, 0.3);
}

static gpointer
render_many (gpointer data)
{
  CaravanTileRenderer *renderer = data;

  for (guint i = 0; i < 40; i++)
    {
      cairo_surface_t *surface = caravan_tile_renderer_render (renderer, 3 + i % 8,
                                                               (11 << (i % 8)) + i % 3,
                                                               (5 << (i % 8)) + i % 2,
                                                               1 + i % 2, i % 3, 1);

      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }
  return NULL;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  GThread *threads[4];

  /* The renderer is shared by the map source's workers. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_many, fixture->renderer);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_themes (void)
{
  CaravanMapTheme theme = CARAVAN_MAP_THEME_LIGHT;

  g_assert_true (caravan_map_theme_from_string ("projector", &theme));
  g_assert_cmpint (theme, ==, CARAVAN_MAP_THEME_PROJECTOR);
  g_assert_true (caravan_map_theme_from_string ("dark", &theme));
  g_assert_cmpint (theme, ==, CARAVAN_MAP_THEME_DARK);
  g_assert_false (caravan_map_theme_from_string ("sepia", &theme));
  g_assert_false (caravan_map_theme_from_string (NULL, &theme));
  g_assert_cmpint (theme, ==, CARAVAN_MAP_THEME_DARK);
  g_assert_cmpstr (caravan_map_theme_to_string (CARAVAN_MAP_THEME_LIGHT), ==, "light");

  /* The projector theme is the high-contrast one: heavier borders, bigger labels. */
  g_assert_cmpfloat (caravan_map_theme_get_style (CARAVAN_MAP_THEME_PROJECTOR)->border_width, >,
                     caravan_map_theme_get_style (CARAVAN_MAP_THEME_LIGHT)->border_width);
  g_assert_cmpfloat (caravan_map_theme_get_style (CARAVAN_MAP_THEME_PROJECTOR)->font_scale, >, 1.2);

  g_assert_nonnull (strstr (caravan_basemap_get_attribution (), "OpenStreetMap"));
  g_assert_nonnull (strstr (caravan_basemap_get_license_text (), "Open Database License"));
  g_assert_nonnull (strstr (caravan_basemap_get_license_text (), "LGPL"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/map/basemap/country-at", Fixture, NULL, fixture_set_up, test_country_at,
              fixture_tear_down);
  g_test_add ("/map/basemap/country-names", Fixture, NULL, fixture_set_up, test_country_names,
              fixture_tear_down);
  g_test_add_func ("/map/basemap/attribution", test_attribution);
  g_test_add_func ("/map/basemap/missing-file", test_missing_file);
  g_test_add_func ("/map/basemap/corrupt-data", test_corrupt_data);
  g_test_add_func ("/map/theme/names", test_themes);
  g_test_add ("/map/tile/probes/light", Fixture, GINT_TO_POINTER (CARAVAN_MAP_THEME_LIGHT),
              fixture_set_up, test_probes, fixture_tear_down);
  g_test_add ("/map/tile/probes/dark", Fixture, GINT_TO_POINTER (CARAVAN_MAP_THEME_DARK),
              fixture_set_up, test_probes, fixture_tear_down);
  g_test_add ("/map/tile/probes/projector", Fixture, GINT_TO_POINTER (CARAVAN_MAP_THEME_PROJECTOR),
              fixture_set_up, test_probes, fixture_tear_down);
  g_test_add ("/map/tile/neighbours-agree", Fixture, NULL, fixture_set_up, test_neighbours,
              fixture_tear_down);
  g_test_add ("/map/tile/outside-and-hidpi", Fixture, NULL, fixture_set_up, test_outside_world,
              fixture_tear_down);
  g_test_add ("/map/tile/threads", Fixture, NULL, fixture_set_up, test_threads, fixture_tear_down);
  g_test_add ("/map/labels/hidden-places", Fixture, NULL, fixture_set_up, test_hidden_places,
              fixture_tear_down);

  return g_test_run ();
}
