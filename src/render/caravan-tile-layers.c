/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-tile-layers.c: the base map's land-use and transport layers, drawn by the tile
 * renderer: the hillshade relief, built-up areas, roads by class and railways. */

#define G_LOG_DOMAIN "caravan-tile-layers"

#include "config.h"

#include <math.h>
#include <string.h>

#include "caravan-tile-renderer-private.h"

#define RELIEF_LEVELS 3         /* the cells, then halved twice for zooms that shrink them */
#define RELIEF_SHADOW_GAIN 5.0  /* alpha per grey level below flat (the data spans about ±50) */
#define RELIEF_LIGHT_GAIN 6.0   /* and above it */

/* The relief, made once per map and theme (the data stays immutable): premultiplied ARGB
 * cells in the theme's shadow or light colour, the cells then halved twice. One bilinear
 * composite per tile, which pixman does fast. */
typedef struct
{
  cairo_surface_t *levels[CARAVAN_MAP_N_THEMES][RELIEF_LEVELS];
} Relief;

static void
relief_free (gpointer data)
{
  Relief *relief = data;

  for (guint t = 0; t < CARAVAN_MAP_N_THEMES; t++)
    for (guint l = 0; l < RELIEF_LEVELS; l++)
      g_clear_pointer (&relief->levels[t][l], cairo_surface_destroy);
  g_free (relief);
}

static guint32
premultiply (const CaravanMapColor *c,
             double                 alpha)
{
  double a = CLAMP (c->alpha * alpha, 0, 1);

  return (guint32) (a * 255 + 0.5) << 24 | (guint32) (c->red * a * 255 + 0.5) << 16 |
         (guint32) (c->green * a * 255 + 0.5) << 8 | (guint32) (c->blue * a * 255 + 0.5);
}

/* Halves an ARGB surface by averaging 2 × 2 cells. */
static cairo_surface_t *
halve (cairo_surface_t *src)
{
  int w = cairo_image_surface_get_width (src), h = cairo_image_surface_get_height (src);
  int sstride = cairo_image_surface_get_stride (src) / 4;
  cairo_surface_t *dst = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w / 2, h / 2);
  int dstride = cairo_image_surface_get_stride (dst) / 4;
  const guint32 *s = (const guint32 *) cairo_image_surface_get_data (src);
  guint32 *d = (guint32 *) cairo_image_surface_get_data (dst);

  cairo_surface_flush (dst);
  for (int y = 0; y < h / 2; y++)
    for (int x = 0; x < w / 2; x++)
      {
        const guint32 *p = s + 2 * y * sstride + 2 * x;
        guint32 out = 0;

        for (int shift = 0; shift < 32; shift += 8)
          out |= ((((p[0] >> shift) & 255) + ((p[1] >> shift) & 255) +
                   ((p[sstride] >> shift) & 255) + ((p[sstride + 1] >> shift) & 255) +
                   2) / 4) << shift;
        d[y * dstride + x] = out;
      }
  cairo_surface_mark_dirty (dst);
  return dst;
}

static cairo_surface_t *
make_relief (const CaravanBasemapRelief *data,
             const CaravanMapStyle      *style)
{
  const CaravanBasemapReliefHeader *h = data->header;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, h->width, h->height);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
  guint32 shades[256];

  for (int v = 0; v < 256; v++)
    shades[v] = v < 128 ? premultiply (&style->relief_shadow, MIN ((128 - v) * RELIEF_SHADOW_GAIN,
                                                                   255) / 255)
                        : premultiply (&style->relief_light, MIN ((v - 128) * RELIEF_LIGHT_GAIN,
                                                                  255) / 255);
  cairo_surface_flush (surface);
  for (guint y = 0; y < h->height; y++)
    for (guint x = 0; x < h->width; x++)
      pixels[y * stride + x] = shades[data->cells[(gsize) y * h->stride + x]];
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
get_relief (CaravanBasemap  *basemap,
            CaravanMapTheme  theme,
            guint            level)
{
  static GMutex lock;
  Relief *relief;

  g_mutex_lock (&lock);
  relief = g_object_get_data (G_OBJECT (basemap), "caravan-relief");
  if (relief == NULL)
    {
      relief = g_new0 (Relief, 1);
      g_object_set_data_full (G_OBJECT (basemap), "caravan-relief", relief, relief_free);
    }
  if (relief->levels[theme][0] == NULL)
    {
      relief->levels[theme][0] = make_relief (caravan_basemap_get_relief (basemap),
                                              caravan_map_theme_get_style (theme));
      for (guint l = 1; l < RELIEF_LEVELS; l++)
        relief->levels[theme][l] = halve (relief->levels[theme][l - 1]);
    }
  g_mutex_unlock (&lock);

  return relief->levels[theme][level];
}

/* Shadows and lit slopes over the land tints. From zoom 8 the 2′ cells grow into blurs, so
 * the relief fades. Outside the data the pattern is transparent (its edge fades to flat). */
void
caravan_tile_draw_relief (cairo_t        *cr,
                          CaravanBasemap *basemap,
                          const View     *view)
{
  static const double strength_at[] = { 1, 1, 1, 1, 1, 1, 1, 1, 0.8, 0.65, 0.55, 0.45, 0.4 };
  const CaravanBasemapReliefHeader *h = caravan_basemap_get_relief (basemap)->header;
  cairo_pattern_t *pattern;
  double scale, sx;
  cairo_matrix_t matrix;
  guint level = 0;

  if (h == NULL || h->x1 < view->ux0 || h->x0 > view->ux1 || h->y1 < view->uy0 || h->y0 > view->uy1)
    return;

  scale = view->k * (double) (h->x1 - h->x0) / h->width;     /* logical px per cell */
  while (level + 1 < RELIEF_LEVELS && scale * (1 << level) < 0.7)
    level++;

  /* Pattern space is the level's cells; user space is the view's logical px. */
  sx = 1.0 / (scale * (1 << level));
  cairo_matrix_init (&matrix, sx, 0, 0, sx,
                     (view->ox - h->x0 * view->k) * sx, (view->oy - h->y0 * view->k) * sx);
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    pattern = cairo_pattern_create_for_surface (get_relief (basemap, view->theme, level));
  else
    {
      /* A vector surface (the PDF handout, a printer) keeps the whole image of the pattern:
       * hand it only the cells in view, with two to spare for the filter. */
      cairo_surface_t *cells = get_relief (basemap, view->theme, level);
      int w = cairo_image_surface_get_width (cells);
      int h_cells = cairo_image_surface_get_height (cells);
      int x0 = CLAMP ((int) floor (matrix.x0) - 2, 0, w);
      int y0 = CLAMP ((int) floor (matrix.y0) - 2, 0, h_cells);
      int x1 = CLAMP ((int) ceil (matrix.x0 + view->w * sx) + 2, x0, w);
      int y1 = CLAMP ((int) ceil (matrix.y0 + view->h * sx) + 2, y0, h_cells);
      cairo_surface_t *part;

      if (x1 <= x0 || y1 <= y0)
        return;
      part = cairo_surface_create_for_rectangle (cells, x0, y0, x1 - x0, y1 - y0);
      {
        /* Maps of the same place share their cells: the PDF then holds them once. */
        char *id = g_strdup_printf ("caravan-relief-%u-%u-%d-%d-%d-%d", view->theme, level, x0,
                                    y0, x1, y1);

        cairo_surface_set_mime_data (part, CAIRO_MIME_TYPE_UNIQUE_ID, (const guchar *) id,
                                     strlen (id), g_free, id);
      }
      pattern = cairo_pattern_create_for_surface (part);
      cairo_surface_destroy (part);
      matrix.x0 -= x0;
      matrix.y0 -= y0;
    }
  cairo_pattern_set_matrix (pattern, &matrix);
  /* Cells that are smaller than a device pixel need no interpolation (it is half the cost). */
  {
    double dx = scale * (1 << level), dy = 0;

    cairo_user_to_device_distance (cr, &dx, &dy);
    cairo_pattern_set_filter (pattern, dx < 1.0 ? CAIRO_FILTER_FAST : CAIRO_FILTER_BILINEAR);
  }
  cairo_set_source (cr, pattern);
  cairo_paint_with_alpha (cr, strength_at[MIN (view->zoom, G_N_ELEMENTS (strength_at) - 1)]);
  cairo_pattern_destroy (pattern);
}

/* Built-up areas from zoom 7: a city is a shape, not a dot. */
void
caravan_tile_draw_urban (cairo_t                  *cr,
                         const CaravanBasemapBand *band,
                         const View               *view,
                         GArray                   *ids)
{
  const CaravanBasemapLayer *layer = &band->layers[CARAVAN_BASEMAP_URBAN];

  if (view->zoom < 7)
    return;
  caravan_tile_collect_features (layer, view, ids);
  if (ids->len == 0)
    return;
  for (guint i = 0; i < ids->len; i++)
    caravan_tile_add_feature (cr, layer, &layer->features[g_array_index (ids, guint, i)], view,
                              TRUE);
  caravan_tile_set_color (cr, &view->style->urban);
  if (view->zoom >= 9)
    {
      cairo_fill_preserve (cr);
      caravan_tile_set_color (cr, &view->style->urban_edge);
      cairo_set_line_width (cr, 0.7);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
}

static gboolean
road_shown (guint attr,
            guint zoom)
{
  guint cls = attr >> 8, rank = attr & 0xff;

  return zoom >= 7 || (zoom == 6 && (cls <= 2 || rank <= 6)) || (zoom == 5 && (cls == 1 ||
                                                                               rank <= 4));
}

static gboolean
rail_shown (guint attr,
            guint zoom)
{
  guint kind = attr >> 8, rank = attr & 0xff;

  if (kind == CARAVAN_BASEMAP_RAIL_SCHEMATIC || zoom >= 7)
    return zoom >= 5;
  return (zoom == 6 && rank <= 9) || (zoom == 5 && rank <= 7);
}

/* Adds the features of @layer of class @cls (attr >> 8) that @shown lets through. */
static gboolean
add_lines (cairo_t                   *cr,
           const CaravanBasemapLayer *layer,
           const View                *view,
           GArray                    *ids,
           gboolean                 (*shown) (guint attr, guint zoom),
           int                        cls)
{
  gboolean any = FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const CaravanBasemapFeature *f = &layer->features[g_array_index (ids, guint, i)];

      if ((cls >= 0 && (int) (f->attr >> 8) != cls) || !shown (f->attr, view->zoom))
        continue;
      caravan_tile_add_feature (cr, layer, f, view, FALSE);
      any = TRUE;
    }
  return any;
}

static void
draw_roads (cairo_t                  *cr,
            const CaravanBasemapBand *band,
            const View               *view,
            GArray                   *ids)
{
  const CaravanMapStyle *style = view->style;
  const CaravanBasemapLayer *layer = &band->layers[CARAVAN_BASEMAP_ROAD];
  double w = style->road_width * caravan_tile_zoom_factor (view->zoom);

  caravan_tile_collect_features (layer, view, ids);
  if (ids->len == 0)
    return;

  /* Minor roads: one thin line. Highways: a light casing, then the line, secondary ones first. */
  if (add_lines (cr, layer, view, ids, road_shown, 3))
    {
      caravan_tile_set_color (cr, &style->road_minor);
      cairo_set_line_width (cr, 0.55 * w);
      cairo_stroke (cr);
    }
  for (int cls = 2; cls >= 1; cls--)
    {
      double core = (cls == 1 ? 1.0 : 0.75) * w;

      if (!add_lines (cr, layer, view, ids, road_shown, cls))
        continue;
      if (view->zoom >= 7)
        {
          caravan_tile_set_color (cr, &style->road_casing);
          cairo_set_line_width (cr, core + 1.5);
          cairo_stroke_preserve (cr);
        }
      caravan_tile_set_color (cr, cls == 1 ? &style->road_major : &style->road_minor);
      cairo_set_line_width (cr, core);
      cairo_stroke (cr);
    }
}

static void
draw_rail (cairo_t                  *cr,
           const CaravanBasemapBand *band,
           const View               *view,
           GArray                   *ids)
{
  const CaravanMapStyle *style = view->style;
  double w = style->rail_width * MAX (caravan_tile_zoom_factor (view->zoom), 0.85);
  double dashes[2] = { 4.0 * w, 3.0 * w };
  gboolean any = FALSE;
  /* Real track: Natural Earth and, where it is richer, OpenStreetMap, cased at zoom 7 and up. */
  static const struct { CaravanBasemapLayerKind layer; CaravanBasemapRailKind kind; } real[] = {
    { CARAVAN_BASEMAP_RAIL, CARAVAN_BASEMAP_RAIL_NATURAL_EARTH },
    { CARAVAN_BASEMAP_OSM_RAIL, CARAVAN_BASEMAP_RAIL_OSM },
  };

  for (guint r = 0; r < G_N_ELEMENTS (real); r++)
    {
      const CaravanBasemapLayer *layer = &band->layers[real[r].layer];

      caravan_tile_collect_features (layer, view, ids);
      any |= add_lines (cr, layer, view, ids, rail_shown, real[r].kind);
    }
  if (any)
    {
      if (view->zoom >= 7)
        {
          caravan_tile_set_color (cr, &style->rail_casing);
          cairo_set_line_width (cr, w + 1.6);
          cairo_stroke_preserve (cr);
        }
      caravan_tile_set_color (cr, &style->rail);
      cairo_set_line_width (cr, w);
      cairo_stroke (cr);
    }

  /* The story's corridors that no source has track for: dashed, station to station. */
  caravan_tile_collect_features (&band->layers[CARAVAN_BASEMAP_RAIL], view, ids);
  if (add_lines (cr, &band->layers[CARAVAN_BASEMAP_RAIL], view, ids, rail_shown,
                 CARAVAN_BASEMAP_RAIL_SCHEMATIC))
    {
      caravan_tile_set_color (cr, &style->rail);
      cairo_set_line_width (cr, w);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Roads, then railways over them. */
void
caravan_tile_draw_transport (cairo_t                  *cr,
                             const CaravanBasemapBand *band,
                             const View               *view,
                             GArray                   *ids)
{
  if (view->zoom < 5)
    return;
  draw_roads (cr, band, view, ids);
  draw_rail (cr, band, view, ids);
}
