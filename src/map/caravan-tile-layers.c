/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-tile-layers.c: the base map's land-use and transport layers, drawn by the tile
 * renderer: the hillshade relief, built-up areas, roads by class and railways. */

#define G_LOG_DOMAIN "caravan-tile-layers"

#include "config.h"

#include <math.h>

#include "caravan-tile-renderer-private.h"

#define RELIEF_LEVELS 3         /* the cells, then halved twice for zooms that shrink them */
#define RELIEF_SHADOW_GAIN 5.0  /* alpha per grey level below flat (the data spans about ±50) */
#define RELIEF_LIGHT_GAIN 6.0   /* and above it */

/* The relief as two A8 masks per level, made once per map (the data stays immutable). */
typedef struct
{
  cairo_surface_t *shadow[RELIEF_LEVELS];
  cairo_surface_t *light[RELIEF_LEVELS];
} Relief;

static void
relief_free (gpointer data)
{
  Relief *relief = data;

  for (guint l = 0; l < RELIEF_LEVELS; l++)
    {
      g_clear_pointer (&relief->shadow[l], cairo_surface_destroy);
      g_clear_pointer (&relief->light[l], cairo_surface_destroy);
    }
  g_free (relief);
}

/* Halves a mask by averaging 2 × 2 cells. */
static cairo_surface_t *
halve_mask (cairo_surface_t *src)
{
  int w = cairo_image_surface_get_width (src), h = cairo_image_surface_get_height (src);
  int sstride = cairo_image_surface_get_stride (src);
  cairo_surface_t *dst = cairo_image_surface_create (CAIRO_FORMAT_A8, w / 2, h / 2);
  int dstride = cairo_image_surface_get_stride (dst);
  const guint8 *s = cairo_image_surface_get_data (src);
  guint8 *d = cairo_image_surface_get_data (dst);

  cairo_surface_flush (dst);
  for (int y = 0; y < h / 2; y++)
    for (int x = 0; x < w / 2; x++)
      {
        const guint8 *p = s + 2 * y * sstride + 2 * x;

        d[y * dstride + x] = (p[0] + p[1] + p[sstride] + p[sstride + 1] + 2) / 4;
      }
  cairo_surface_mark_dirty (dst);
  return dst;
}

static const Relief *
get_relief (CaravanBasemap *basemap)
{
  static GMutex lock;
  const CaravanBasemapRelief *data = caravan_basemap_get_relief (basemap);
  Relief *relief;

  if (data->header == NULL)
    return NULL;

  g_mutex_lock (&lock);
  relief = g_object_get_data (G_OBJECT (basemap), "caravan-relief");
  if (relief == NULL)
    {
      const CaravanBasemapReliefHeader *h = data->header;
      int sstride, lstride;
      guint8 *shadow, *light;

      relief = g_new0 (Relief, 1);
      relief->shadow[0] = cairo_image_surface_create (CAIRO_FORMAT_A8, h->width, h->height);
      relief->light[0] = cairo_image_surface_create (CAIRO_FORMAT_A8, h->width, h->height);
      cairo_surface_flush (relief->shadow[0]);
      cairo_surface_flush (relief->light[0]);
      shadow = cairo_image_surface_get_data (relief->shadow[0]);
      light = cairo_image_surface_get_data (relief->light[0]);
      sstride = cairo_image_surface_get_stride (relief->shadow[0]);
      lstride = cairo_image_surface_get_stride (relief->light[0]);
      for (guint y = 0; y < h->height; y++)
        for (guint x = 0; x < h->width; x++)
          {
            int v = (int) data->cells[(gsize) y * h->stride + x] - 128;

            shadow[y * sstride + x] = (guint8) CLAMP (-v * RELIEF_SHADOW_GAIN, 0, 255);
            light[y * lstride + x] = (guint8) CLAMP (v * RELIEF_LIGHT_GAIN, 0, 255);
          }
      cairo_surface_mark_dirty (relief->shadow[0]);
      cairo_surface_mark_dirty (relief->light[0]);
      for (guint l = 1; l < RELIEF_LEVELS; l++)
        {
          relief->shadow[l] = halve_mask (relief->shadow[l - 1]);
          relief->light[l] = halve_mask (relief->light[l - 1]);
        }
      g_object_set_data_full (G_OBJECT (basemap), "caravan-relief", relief, relief_free);
    }
  g_mutex_unlock (&lock);

  return relief;
}

static void
mask_with (cairo_t               *cr,
           cairo_surface_t       *mask,
           const cairo_matrix_t  *matrix,
           const CaravanMapColor *color,
           double                 strength)
{
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (mask);

  cairo_pattern_set_matrix (pattern, matrix);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * strength);
  cairo_mask (cr, pattern);
  cairo_pattern_destroy (pattern);
}

/* Shadows and lit slopes over the land tints. Beyond zoom 10 the 2′ cells grow into blurs, so
 * the relief fades. */
void
caravan_tile_draw_relief (cairo_t        *cr,
                          CaravanBasemap *basemap,
                          const View     *view)
{
  static const double strength_at[] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.75, 0.55 };
  const CaravanBasemapRelief *data = caravan_basemap_get_relief (basemap);
  const CaravanBasemapReliefHeader *h = data->header;
  const Relief *relief;
  double cell, scale, sx, x0, y0, x1, y1, strength;
  cairo_matrix_t matrix;
  guint level = 0;

  if (h == NULL || h->x1 < view->ux0 || h->x0 > view->ux1 || h->y1 < view->uy0 || h->y0 > view->uy1)
    return;
  relief = get_relief (basemap);

  cell = (double) (h->x1 - h->x0) / h->width;
  scale = view->k * cell;                     /* logical px per cell */
  while (level + 1 < RELIEF_LEVELS && scale * (1 << level) < 0.7)
    level++;
  strength = strength_at[MIN (view->zoom, G_N_ELEMENTS (strength_at) - 1)];

  /* Pattern space is the level's cells; user space is the view's logical px. */
  sx = 1.0 / (scale * (1 << level));
  cairo_matrix_init (&matrix, sx, 0, 0, sx,
                     (view->ox - h->x0 * view->k) * sx, (view->oy - h->y0 * view->k) * sx);

  x0 = MAX (h->x0 * view->k - view->ox, 0);
  y0 = MAX (h->y0 * view->k - view->oy, 0);
  x1 = MIN (h->x1 * view->k - view->ox, view->w);
  y1 = MIN (h->y1 * view->k - view->oy, view->h);
  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (cr);
  mask_with (cr, relief->shadow[level], &matrix, &view->style->relief_shadow, strength);
  mask_with (cr, relief->light[level], &matrix, &view->style->relief_light, strength);
  cairo_restore (cr);
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
    caravan_tile_add_feature (cr, layer, &layer->features[g_array_index (ids, guint, i)], view, TRUE);
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

  return zoom >= 7 || (zoom == 6 && (cls <= 2 || rank <= 6)) || (zoom == 5 && (cls == 1 || rank <= 4));
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
