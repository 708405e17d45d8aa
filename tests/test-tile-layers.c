/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tile-layers.c: the base map's railways, built-up areas, relief and world coverage, as
 * pixels in every theme; lakes that keep the points their size deserves; dark-theme contrast. */

#define G_LOG_DOMAIN "caravan-test-tile-layers"

#include "config.h"

#include <math.h>
#include <string.h>

#include "caravan-basemap-private.h"
#include "caravan-label-placer.h"
#include "caravan-map-theme.h"
#include "caravan-tile-renderer.h"

typedef struct
{
  double r, g, b;
} Rgb;

static CaravanBasemap *
get_basemap (void)
{
  static CaravanBasemap *basemap;

  if (basemap == NULL)
    {
      g_autoptr(GError) error = NULL;

      basemap = caravan_basemap_get_default (&error);
      g_assert_no_error (error);
    }
  return basemap;
}

static CaravanTileRenderer *
get_renderer (void)
{
  static CaravanTileRenderer *renderer;

  if (renderer == NULL)
    renderer = caravan_tile_renderer_new (get_basemap (), "en");
  return renderer;
}

static double
distance (Rgb                    a,
          const CaravanMapColor *b)
{
  return sqrt ((a.r - b->red) * (a.r - b->red) + (a.g - b->green) * (a.g - b->green) +
               (a.b - b->blue) * (a.b - b->blue));
}

/* A tile and where a point falls in it (pixel column and row, the bleed included). */
typedef struct
{
  cairo_surface_t *surface;
  int x, y;
} Probe;

static Probe
render_at (double          lat,
           double          lon,
           guint           zoom,
           CaravanMapTheme theme)
{
  double s = sin (lat * G_PI / 180.0);
  double wx = (lon + 180.0) / 360.0 * ldexp (256, zoom);
  double wy = (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * ldexp (256, zoom);
  guint tx = (guint) (wx / 256), ty = (guint) (wy / 256);
  Probe p;

  /* A bleed of 8 px, so that probes near the tile's edge see their neighbourhood. */
  p.surface = caravan_tile_renderer_render (get_renderer (), zoom, tx, ty, 1, theme, 8);
  p.x = 8 + (int) (wx - tx * 256.0);
  p.y = 8 + (int) (wy - ty * 256.0);
  return p;
}

static Rgb
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p;

  g_assert_true (x >= 0 && y >= 0 && x < cairo_image_surface_get_width (surface) &&
                 y < cairo_image_surface_get_height (surface));
  memcpy (&p, data + y * cairo_image_surface_get_stride (surface) + x * 4, 4);
  return (Rgb) { (p >> 16 & 0xff) / 255.0, (p >> 8 & 0xff) / 255.0, (p & 0xff) / 255.0 };
}

/* The smallest distance to @color within @radius pixels of the point. */
static double
nearest (double                 lat,
         double                 lon,
         guint                  zoom,
         CaravanMapTheme        theme,
         const CaravanMapColor *color,
         int                    radius)
{
  Probe p = render_at (lat, lon, zoom, theme);
  double best = G_MAXDOUBLE;

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      best = MIN (best, distance (pixel_at (p.surface, p.x + dx, p.y + dy), color));
  cairo_surface_destroy (p.surface);
  return best;
}

/* The share of pixels within @radius of the point that are within 0.06 of @color. */
static double
share (double                 lat,
       double                 lon,
       guint                  zoom,
       CaravanMapTheme        theme,
       const CaravanMapColor *color,
       int                    radius)
{
  Probe p = render_at (lat, lon, zoom, theme);
  guint hits = 0, n = 0;

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++, n++)
      hits += distance (pixel_at (p.surface, p.x + dx, p.y + dy), color) < 0.06;
  cairo_surface_destroy (p.surface);
  return (double) hits / n;
}

static double
nearest_tint (Rgb                    c,
              const CaravanMapStyle *style)
{
  double best = distance (c, &style->land);

  for (guint i = 0; i < CARAVAN_MAP_N_TINTS; i++)
    best = MIN (best, distance (c, &style->tints[i]));
  return best;
}

/* How far a whole tile's pixels lie from the flat land tints, on average: the relief's shading. */
static double
texture (double          lat,
         double          lon,
         guint           zoom,
         CaravanMapTheme theme)
{
  const CaravanMapStyle *style = caravan_map_theme_get_style (theme);
  Probe p = render_at (lat, lon, zoom, theme);
  double sum = 0;
  guint n = 0;

  for (int y = 8; y < 8 + 256; y += 2)
    for (int x = 8; x < 8 + 256; x += 2, n++)
      sum += MIN (nearest_tint (pixel_at (p.surface, x, y), style), 0.2);
  cairo_surface_destroy (p.surface);
  return sum / n;
}

/* A vertex of a Natural Earth main line (Kazakhstan), one of OSM's Trans-Karakum railway, and
 * the story's schematic Altynkol–Khorgos link: drawn as rail, the schematic one dashed. */
static void
test_rail (gconstpointer data)
{
  CaravanMapTheme theme = GPOINTER_TO_INT (data);
  const CaravanMapStyle *style = caravan_map_theme_get_style (theme);
  guint on = 0, off = 0;

  for (guint zoom = 5; zoom <= 12; zoom++)
    g_assert_cmpfloat (nearest (51.97536, 66.2915, zoom, theme, &style->rail, 1), <, 0.12);
  for (guint zoom = 7; zoom <= 10; zoom++)
    g_assert_cmpfloat (nearest (38.25772, 58.39979, zoom, theme, &style->rail, 1), <, 0.12);
  /* Open steppe 20 km off the line is not rail. */
  g_assert_cmpfloat (nearest (52.15, 66.2915, 9, theme, &style->rail, 1), >, 0.3);

  /* Along Altynkol (44.1649 N 80.2954 E) - Zhetygen, west of the station: dashes and gaps. */
  for (guint i = 0; i < 24; i++)
    {
      double t = 0.1 + i * 0.01;
      double lat = 44.1649 + t * (43.69 - 44.1649), lon = 80.2954 + t * (77.11 - 80.2954);
      Probe p = render_at (lat, lon, 10, theme);

      if (distance (pixel_at (p.surface, p.x, p.y), &style->rail) < 0.25 ||
          distance (pixel_at (p.surface, p.x, p.y + 1), &style->rail) < 0.25 ||
          distance (pixel_at (p.surface, p.x, p.y - 1), &style->rail) < 0.25)
        on++;
      else
        off++;
      cairo_surface_destroy (p.surface);
    }
  g_test_message ("schematic: %u on, %u off", on, off);
  g_assert_cmpuint (on, >=, 6);
  g_assert_cmpuint (off, >=, 3);
}

/* A city is a shape from zoom 7: points in Tashkent and Astana (next to their names) lie in
 * built-up areas; the steppe south of Astana does not. */
static void
test_urban (gconstpointer data)
{
  CaravanMapTheme theme = GPOINTER_TO_INT (data);
  const CaravanMapStyle *style = caravan_map_theme_get_style (theme);

  for (guint zoom = 7; zoom <= 12; zoom++)
    {
      g_test_message ("zoom %u", zoom);
      g_assert_cmpfloat (share (41.33, 69.20, zoom, theme, &style->urban, 2), >, 0.5);
      g_assert_cmpfloat (share (51.18, 71.385, MAX (zoom, 9), theme, &style->urban, 2), >, 0.5);
    }
  g_assert_cmpfloat (share (50.70, 71.43, 9, theme, &style->urban, 4), <, 0.01);
  /* Not before zoom 7. */
  g_assert_cmpfloat (share (41.33, 69.20, 6, theme, &style->urban, 1), <, 0.01);
}

/* The Tian Shan (Terskey Ala-Too), the Pamir and the Altai are shaded; the Turan lowland
 * (Karakum) and the Kazakh steppe south of Astana are nearly flat. */
static void
test_relief (gconstpointer data)
{
  CaravanMapTheme theme = GPOINTER_TO_INT (data);
  double tian_shan = texture (42.0, 78.0, 7, theme);
  double pamir = texture (38.5, 73.0, 7, theme);
  double altai = texture (49.5, 86.5, 7, theme);
  double turan = texture (39.5, 61.0, 7, theme);
  double steppe = texture (50.0, 71.5, 7, theme);

  g_test_message ("texture: Tian Shan %.4f, Pamir %.4f, Altai %.4f, Turan %.4f, steppe %.4f",
                  tian_shan, pamir, altai, turan, steppe);
  g_assert_cmpfloat (tian_shan, >, 3 * turan);
  g_assert_cmpfloat (pamir, >, 3 * turan);
  g_assert_cmpfloat (altai, >, 2 * steppe);
  g_assert_cmpfloat (tian_shan, >, 0.02);
  /* Subtle: nowhere is land shaded beyond recognition at zoom 9, where pins and names sit. */
  g_assert_cmpfloat (texture (42.0, 78.0, 9, theme), <, 0.1);
}

/* Outside Central Asia: Lake Michigan is water at zoom 5 and 7, Chicago is named. */
static void
test_world (gconstpointer data)
{
  CaravanMapTheme theme = GPOINTER_TO_INT (data);
  const CaravanMapStyle *style = caravan_map_theme_get_style (theme);
  CaravanLabelPlacer *labels = caravan_tile_renderer_get_label_placer (get_renderer ());

  g_assert_cmpfloat (nearest (43.8, -87.0, 5, theme, &style->water, 0), <, 0.02);
  g_assert_cmpfloat (nearest (43.8, -87.0, 7, theme, &style->water, 0), <, 0.02);
  g_assert_cmpfloat (nearest (41.0, -89.0, 5, theme, &style->water, 0), >, 0.1);   /* Illinois */
  g_assert_true (caravan_label_placer_is_placed (labels, 5, theme, "Chicago", NULL, NULL));
  /* Lake Baikal at zoom 6. */
  g_assert_cmpfloat (nearest (53.5, 108.0, 6, theme, &style->water, 0), <, 0.02);
}

/* The lake rule of build-aux/basemap/build-basemap.py (LAKE_MIN_POINTS, LAKE_PX_PER_POINT). */
#define LAKE_MIN_CORNERS 8
#define LAKE_PX_PER_CORNER 8.0

/* The corners a ring is drawn with: a point equal to the one before it (the closing point of a
 * closed ring, the ring wrapping around) is no corner. */
static guint
ring_corners (const CaravanBasemapPoint *p,
              guint                      n)
{
  guint corners = 0;

  for (guint i = 0; i < n; i++)
    corners += p[i].x != p[(i + n - 1) % n].x || p[i].y != p[(i + n - 1) % n].y;
  return corners;
}

/* Every ring of every lake (islands too) in every band has, at the first zoom it is drawn at
 * (the feature's attr), at least LAKE_MIN_CORNERS corners and one per LAKE_PX_PER_CORNER px of
 * shore, the closing edge included: no lake is drawn as a triangle or a rectangle at any zoom.
 * The deeper zooms of a band draw the same ring larger, and are not held to the rule at their
 * own scale: the sources' corners are 2-5 km apart (in the 100 m one about 3 px apart at zoom 7
 * and 100 px at zoom 12), so no ring could have more there, and the rule would leave almost no
 * lake from zoom 9 on. What it does exclude is a ring whose source has only a few corners, a
 * few-point polygon at every zoom: most small lakes in the OSM extracts are such triangles and
 * rectangles. Boxes are not excused: the sources' few-corner boxes are small lakes traced as
 * rectangles (1-14 km), not pieces of big lakes, which are cut along with their shore. */
static void
test_lake_corners (void)
{
  CaravanBasemap *basemap = get_basemap ();
  guint n_rings = 0, n_triangles = 0, n_few = 0, n_sparse = 0;

  for (guint b = 0; b < caravan_basemap_get_n_bands (basemap); b++)
    {
      const CaravanBasemapBand *band = caravan_basemap_get_band (basemap, b);
      const CaravanBasemapLayer *lakes = &band->layers[CARAVAN_BASEMAP_LAKE];

      for (guint i = 0; i < lakes->n_features; i++)
        {
          const CaravanBasemapFeature *f = &lakes->features[i];
          double px = ldexp (256, f->attr) / CARAVAN_BASEMAP_WORLD;

          g_assert_cmpuint (f->attr, >=, MAX (band->min_zoom, 3));
          g_assert_cmpuint (f->attr, <=, 12);
          for (guint r = f->first_ring; r < f->first_ring + f->n_rings; r++)
            {
              const CaravanBasemapPoint *p = lakes->points + lakes->rings[r].first_point;
              guint n = lakes->rings[r].n_points;
              guint corners = ring_corners (p, n);
              double shore = 0;

              for (guint j = 0; j < n; j++)
                shore += hypot (p[j].x - p[(j + n - 1) % n].x, p[j].y - p[(j + n - 1) % n].y) * px;
              n_rings++;
              if (corners >= LAKE_MIN_CORNERS && corners >= shore / LAKE_PX_PER_CORNER)
                continue;
              if (corners < LAKE_MIN_CORNERS)
                n_few++;
              else
                n_sparse++;
              if (n_few + n_sparse <= 10 || (corners <= 3 && n_triangles < 10))
                g_test_message ("band %u lake %u ring %u: %u corners for %.0f px of shore at "
                                "zoom %u", b, i, r - f->first_ring, corners, shore, f->attr);
              n_triangles += corners <= 3;
            }
        }
    }
  g_test_message ("%u lake rings: %u with fewer than %u corners (%u triangles), %u with fewer "
                  "than one per %.0f px of shore", n_rings, n_few, LAKE_MIN_CORNERS, n_triangles,
                  n_sparse, LAKE_PX_PER_CORNER);
  g_assert_cmpuint (n_triangles, ==, 0);
  g_assert_cmpuint (n_few + n_sparse, ==, 0);
  g_assert_cmpuint (n_rings, >, 3000);
}

/* WCAG relative luminance of a colour. */
static double
luminance (const CaravanMapColor *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* Water and every land tint differ in lightness, not only in hue, in every theme. */
static void
test_contrast (void)
{
  for (guint theme = 0; theme < CARAVAN_MAP_N_THEMES; theme++)
    {
      const CaravanMapStyle *style = caravan_map_theme_get_style (theme);
      double water = luminance (&style->water);

      for (guint i = 0; i < CARAVAN_MAP_N_TINTS; i++)
        {
          double land = luminance (&style->tints[i]);

          g_assert_cmpfloat ((MAX (land, water) + 0.05) / (MIN (land, water) + 0.05), >=, 1.3);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char *themes[] = { "light", "dark", "projector" };

  g_test_init (&argc, &argv, NULL);

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      g_autofree char *rail = g_strdup_printf ("/map/layers/rail/%s", themes[t]);
      g_autofree char *urban = g_strdup_printf ("/map/layers/urban/%s", themes[t]);
      g_autofree char *relief = g_strdup_printf ("/map/layers/relief/%s", themes[t]);
      g_autofree char *world = g_strdup_printf ("/map/layers/world/%s", themes[t]);

      g_test_add_data_func (rail, GINT_TO_POINTER (t), test_rail);
      g_test_add_data_func (urban, GINT_TO_POINTER (t), test_urban);
      g_test_add_data_func (relief, GINT_TO_POINTER (t), test_relief);
      g_test_add_data_func (world, GINT_TO_POINTER (t), test_world);
    }
  g_test_add_func ("/map/layers/lake-corners", test_lake_corners);
  g_test_add_func ("/map/theme/contrast", test_contrast);

  return g_test_run ();
}
