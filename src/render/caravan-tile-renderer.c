/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-tile-renderer.c: draws base map tiles from the pre-projected, simplified, indexed
 * geometry of a CaravanBasemap, then the labels of its CaravanLabelPlacer. */

#define G_LOG_DOMAIN "caravan-tile-renderer"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "caravan-basemap-private.h"
#include "caravan-label-placer.h"
#include "caravan-tile-renderer-private.h"

#define MAX_ZOOM 12
#define CULL_MARGIN 10.0        /* logical px: strokes and casings that reach into a tile */
/* Logical px drawn around a tile and thrown away. Cairo clips paths to the surface, and within
 * a few pixels of the clip its 4-level antialiasing rounds a line's coverage differently: two
 * neighbours would disagree along their shared edge. Away from the surface's edge they agree. */
#define RENDER_MARGIN 8

struct _CaravanTileRenderer
{
  GObject parent_instance;

  CaravanBasemap *basemap;
  char *language;
  CaravanLabelPlacer *labels;   /* NULL without map data */
};

G_DEFINE_FINAL_TYPE (CaravanTileRenderer, caravan_tile_renderer, G_TYPE_OBJECT)


/* ------------------------------------------------------------------------------------------ */
/* Geometry */

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

void
caravan_tile_collect_features (const CaravanBasemapLayer *layer,
                  const View                *view,
                  GArray                    *ids)
{
  g_array_set_size (ids, 0);
  if (layer->features == NULL)
    return;

  if (view->zoom < 6 || layer->grid_w == 0)
    {
      for (guint i = 0; i < layer->n_features; i++)
        {
          const CaravanBasemapFeature *f = &layer->features[i];

          if (f->x1 >= view->ux0 && f->x0 <= view->ux1 && f->y1 >= view->uy0 && f->y0 <= view->uy1)
            g_array_append_val (ids, i);
        }
      return;
    }

  {
    gint64 cx0 = MAX ((gint64) (view->ux0 >> CARAVAN_BASEMAP_CELL_SHIFT) - layer->grid_x0, 0);
    gint64 cy0 = MAX ((gint64) (view->uy0 >> CARAVAN_BASEMAP_CELL_SHIFT) - layer->grid_y0, 0);
    gint64 cx1 = MIN ((gint64) (view->ux1 >> CARAVAN_BASEMAP_CELL_SHIFT) - layer->grid_x0,
                      (gint64) layer->grid_w - 1);
    gint64 cy1 = MIN ((gint64) (view->uy1 >> CARAVAN_BASEMAP_CELL_SHIFT) - layer->grid_y0,
                      (gint64) layer->grid_h - 1);
    gboolean several = cx1 > cx0 || cy1 > cy0;
    g_autofree guint8 *seen = several ? g_malloc0 (layer->n_features) : NULL;

    for (gint64 cy = cy0; cy <= cy1; cy++)
      for (gint64 cx = cx0; cx <= cx1; cx++)
        {
          guint cell = cy * layer->grid_w + cx;

          for (guint j = layer->grid_offsets[cell]; j < layer->grid_offsets[cell + 1]; j++)
            {
              guint i = layer->grid_ids[j];
              const CaravanBasemapFeature *f = &layer->features[i];

              if (seen != NULL)
                {
                  if (seen[i])
                    continue;
                  seen[i] = 1;
                }
              if (f->x1 >= view->ux0 && f->x0 <= view->ux1 && f->y1 >= view->uy0 &&
                  f->y0 <= view->uy1)
                g_array_append_val (ids, i);
            }
        }

    /* The same order in every tile, so overlapping strokes stack alike. */
    if (several)
      g_array_sort (ids, compare_uint);
  }
}

static inline guint
outcode (const View                *view,
         const CaravanBasemapPoint *p)
{
  return (p->x < view->ux0) | (p->x > view->ux1) << 1 |
         (p->y < view->uy0) << 2 | (p->y > view->uy1) << 3;
}

/* Adds the rings to the path. Runs of points that all lie beyond one side of the culling box
 * (together with the points before and after the run) are replaced by a chord on that side,
 * so fills and strokes inside the box do not change, and cairo never sees the thousands of
 * far-away vertices of a big country. */
void
caravan_tile_add_feature (cairo_t                     *cr,
             const CaravanBasemapLayer   *layer,
             const CaravanBasemapFeature *f,
             const View                  *view,
             gboolean                     closed)
{
  for (guint r = f->first_ring; r < f->first_ring + f->n_rings; r++)
    {
      const CaravanBasemapPoint *p = layer->points + layer->rings[r].first_point;
      guint n = layer->rings[r].n_points;
      guint run, code, next_code;

      if (n < 2)
        continue;

      cairo_move_to (cr, p[0].x * view->k - view->ox, p[0].y * view->k - view->oy);
      run = outcode (view, &p[0]);
      code = outcode (view, &p[1]);
      for (guint i = 1; i < n; i++)
        {
          guint common;

          next_code = i + 1 < n ? outcode (view, &p[i + 1]) : closed ? outcode (view, &p[0]) : 0;
          common = run & code & next_code;
          if (common != 0 && i + 1 < n)
            run = common;       /* drop it: the run stays beyond one side */
          else
            {
              cairo_line_to (cr, p[i].x * view->k - view->ox, p[i].y * view->k - view->oy);
              run = code;
            }
          code = next_code;
        }
      if (closed)
        cairo_close_path (cr);
    }
}

void
caravan_tile_set_color (cairo_t               *cr,
           const CaravanMapColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

double
caravan_tile_zoom_factor (guint zoom)
{
  static const double f[] = { 0.5, 0.5, 0.5, 0.55, 0.65, 0.75, 0.85,
                              1.0, 1.1, 1.25, 1.4, 1.5, 1.6 };

  return f[MIN (zoom, G_N_ELEMENTS (f) - 1)];
}

static guint
pick_band (CaravanBasemap *basemap,
           const View     *view)
{
  guint n = caravan_basemap_get_n_bands (basemap);
  double x0 = view->ox / view->k, y0 = view->oy / view->k;
  double x1 = (view->ox + view->w) / view->k, y1 = (view->oy + view->h) / view->k;

  for (guint b = n - 1; b > 0; b--)
    {
      const CaravanBasemapBand *band = caravan_basemap_get_band (basemap, b);

      if (view->zoom >= band->min_zoom &&
          x0 >= band->box[0] && x1 <= band->box[2] && y0 >= band->box[1] && y1 <= band->box[3])
        return b;
    }

  return 0;
}

static void
draw_geometry (CaravanTileRenderer *self,
               cairo_t             *cr,
               const View          *view)
{
  const CaravanMapStyle *style = view->style;
  const CaravanBasemapBand *band = caravan_basemap_get_band (self->basemap,
                                                             pick_band (self->basemap, view));
  const CaravanBasemapLayer *layer;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));
  double zf = caravan_tile_zoom_factor (view->zoom);

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* Thin lines: bevel joins look the same and cost far less than round or miter ones. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_tolerance (cr, 0.3);

  caravan_tile_set_color (cr, &style->water);
  cairo_paint (cr);

  /* Cairo's 4-level antialiasing costs a third of the default one and looks the same at these
   * widths, even doubled on a projector. (Tiles are drawn with a margin: see RENDER_MARGIN.) */
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);

  /* The country tints. No land fill below them: where two countries meet, the antialiased
   * seam lies under a border stroke, which hides it. */
  layer = &band->layers[CARAVAN_BASEMAP_LAND];
  caravan_tile_collect_features (layer, view, ids);
  for (guint tint = 0; tint < CARAVAN_MAP_N_TINTS; tint++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < ids->len; i++)
        {
          const CaravanBasemapFeature *f = &layer->features[g_array_index (ids, guint, i)];

          if (caravan_basemap_get_country (self->basemap,
                                           f->attr)->tint % CARAVAN_MAP_N_TINTS != tint)
            continue;
          caravan_tile_add_feature (cr, layer, f, view, TRUE);
          any = TRUE;
        }
      if (any)
        {
          caravan_tile_set_color (cr, &style->tints[tint]);
          cairo_fill (cr);
        }
    }

  /* Relief and towns lie on the land, under the water and every line. */
  caravan_tile_draw_relief (cr, self->basemap, view);
  caravan_tile_draw_urban (cr, band, view, ids);

  /* Coasts, from zoom 5: below that the edge of the land fill is line enough. */
  if (view->zoom >= 5)
    {
      layer = &band->layers[CARAVAN_BASEMAP_COAST];
      caravan_tile_collect_features (layer, view, ids);
      for (guint i = 0; i < ids->len; i++)
        caravan_tile_add_feature (cr, layer, &layer->features[g_array_index (ids, guint, i)], view,
                                  FALSE);
      caravan_tile_set_color (cr, &style->coast);
      cairo_set_line_width (cr, style->coast_width * zf);
      cairo_stroke (cr);
    }

  /* Rivers by class: 1 major ... 4 minor, 8 canals. */
  layer = &band->layers[CARAVAN_BASEMAP_RIVER];
  caravan_tile_collect_features (layer, view, ids);
  {
    static const struct { guint cls; guint min_zoom; double width; } classes[] = {
      { 4, 7, 0.45 }, { 8, 6, 0.55 }, { 3, 6, 0.6 }, { 2, 4, 0.8 }, { 1, 3, 1.0 },
    };

    for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
      {
        gboolean any = FALSE;

        if (view->zoom < classes[c].min_zoom)
          continue;
        for (guint i = 0; i < ids->len; i++)
          {
            const CaravanBasemapFeature *f = &layer->features[g_array_index (ids, guint, i)];

            if (f->attr != classes[c].cls)
              continue;
            caravan_tile_add_feature (cr, layer, f, view, FALSE);
            any = TRUE;
          }
        if (any)
          {
            caravan_tile_set_color (cr, &style->river);
            cairo_set_line_width (cr, style->river_width * classes[c].width * zf);
            cairo_stroke (cr);
          }
      }
  }

  /* Lakes over rivers, so rivers end at the shore. */
  layer = &band->layers[CARAVAN_BASEMAP_LAKE];
  caravan_tile_collect_features (layer, view, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      const CaravanBasemapFeature *f = &layer->features[g_array_index (ids, guint, i)];

      if (f->attr <= view->zoom)      /* attr: the first zoom that shows the lake as a shape */
        caravan_tile_add_feature (cr, layer, f, view, TRUE);
    }
  /* One fill and no shore line: the OSM data cuts big lakes (Victoria, Michigan) into pieces
   * along a 1° grid, and a stroke would draw the seams. */
  caravan_tile_set_color (cr, &style->water);
  cairo_fill (cr);

  caravan_tile_draw_transport (cr, band, view, ids);

  /* Borders: a light casing, then the line. */
  layer = &band->layers[CARAVAN_BASEMAP_BORDER];
  caravan_tile_collect_features (layer, view, ids);
  for (guint i = 0; i < ids->len; i++)
    caravan_tile_add_feature (cr, layer, &layer->features[g_array_index (ids, guint, i)], view,
                              FALSE);
  caravan_tile_set_color (cr, &style->border_casing);
  cairo_set_line_width (cr, style->border_casing_width * zf);
  cairo_stroke_preserve (cr);
  caravan_tile_set_color (cr, &style->border);
  cairo_set_line_width (cr, style->border_width * zf);
  cairo_stroke (cr);
}

/* ------------------------------------------------------------------------------------------ */

static void
caravan_tile_renderer_finalize (GObject *object)
{
  CaravanTileRenderer *self = CARAVAN_TILE_RENDERER (object);

  g_clear_object (&self->labels);
  g_clear_object (&self->basemap);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (caravan_tile_renderer_parent_class)->finalize (object);
}

static void
caravan_tile_renderer_class_init (CaravanTileRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_tile_renderer_finalize;
}

static void
caravan_tile_renderer_init (CaravanTileRenderer *self)
{
}

/**
 * caravan_tile_renderer_new:
 * @basemap: (nullable): the map data, or %NULL to draw plain tiles
 * @language: (nullable): language of the labels ("ru", "kk_KZ.UTF-8", …); English if unknown
 */
CaravanTileRenderer *
caravan_tile_renderer_new (CaravanBasemap *basemap,
                           const char     *language)
{
  return caravan_tile_renderer_new_full (basemap, language, NULL, 0);
}

/**
 * caravan_tile_renderer_new_full:
 * @hidden_places: (array length=n_hidden) (nullable): points of the story's own places: base
 *   map places within 15 km of one (or 12 px at the label's zoom) get no dot and no label
 *
 * Like caravan_tile_renderer_new(). The renderer is immutable: for other hidden places, make
 * a new one.
 */
CaravanTileRenderer *
caravan_tile_renderer_new_full (CaravanBasemap        *basemap,
                                const char            *language,
                                const CaravanMapPoint *hidden_places,
                                guint                  n_hidden)
{
  CaravanTileRenderer *self;

  g_return_val_if_fail (basemap == NULL || CARAVAN_IS_BASEMAP (basemap), NULL);
  g_return_val_if_fail (hidden_places != NULL || n_hidden == 0, NULL);

  self = g_object_new (CARAVAN_TYPE_TILE_RENDERER, NULL);
  self->basemap = basemap != NULL ? g_object_ref (basemap) : NULL;
  self->language = g_strdup (language != NULL ? language : "en");
  if (basemap != NULL)
    self->labels = caravan_label_placer_new (basemap, self->language, hidden_places, n_hidden);

  return self;
}

/* The renderer's labels (%NULL without map data). */
CaravanLabelPlacer *
caravan_tile_renderer_get_label_placer (CaravanTileRenderer *self)
{
  g_return_val_if_fail (CARAVAN_IS_TILE_RENDERER (self), NULL);

  return self->labels;
}

CaravanBasemap *
caravan_tile_renderer_get_basemap (CaravanTileRenderer *self)
{
  g_return_val_if_fail (CARAVAN_IS_TILE_RENDERER (self), NULL);

  return self->basemap;
}

const char *
caravan_tile_renderer_get_language (CaravanTileRenderer *self)
{
  g_return_val_if_fail (CARAVAN_IS_TILE_RENDERER (self), NULL);

  return self->language;
}

/**
 * caravan_tile_renderer_draw:
 * @origin_x, @origin_y: world pixel (at @zoom, 256 px tiles) drawn at the user-space origin
 * @width, @height: logical size to cover
 *
 * Draws the map into @cr, whose user space is logical pixels. Used for tiles and for
 * offscreen images of any size.
 */
void
caravan_tile_renderer_draw (CaravanTileRenderer *self,
                            cairo_t             *cr,
                            guint                zoom,
                            double               origin_x,
                            double               origin_y,
                            double               width,
                            double               height,
                            CaravanMapTheme      theme)
{
  View view;
  double world;

  g_return_if_fail (CARAVAN_IS_TILE_RENDERER (self));
  g_return_if_fail (cr != NULL);

  view.style = caravan_map_theme_get_style (theme);
  view.theme = (guint) theme < CARAVAN_MAP_N_THEMES ? theme : CARAVAN_MAP_THEME_LIGHT;
  world = ldexp (CARAVAN_TILE_SIZE, MIN (zoom, 30));

  if (self->basemap == NULL || zoom > MAX_ZOOM ||
      origin_x + width < 0 || origin_y + height < 0 || origin_x > world || origin_y > world)
    {
      caravan_tile_set_color (cr, &view.style->background);
      cairo_paint (cr);
      return;
    }

  view.zoom = zoom;
  view.k = world / CARAVAN_BASEMAP_WORLD;
  view.ox = origin_x;
  view.oy = origin_y;
  view.w = width;
  view.h = height;
  view.ux0 = (gint32) CLAMP ((origin_x - CULL_MARGIN) / view.k, G_MININT32, G_MAXINT32);
  view.uy0 = (gint32) CLAMP ((origin_y - CULL_MARGIN) / view.k, G_MININT32, G_MAXINT32);
  view.ux1 = (gint32) CLAMP ((origin_x + width + CULL_MARGIN) / view.k, G_MININT32, G_MAXINT32);
  view.uy1 = (gint32) CLAMP ((origin_y + height + CULL_MARGIN) / view.k, G_MININT32, G_MAXINT32);

  cairo_save (cr);
  draw_geometry (self, cr, &view);
  caravan_label_placer_draw (self->labels, cr, zoom, view.theme, origin_x, origin_y, width, height);
  cairo_restore (cr);

  /* Anything cairo could not draw becomes a plain tile, never garbage. */
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_warning ("Could not draw map tile %u/%.0f/%.0f: %s", zoom, origin_x, origin_y,
               cairo_status_to_string (cairo_status (cr)));
}

/**
 * caravan_tile_renderer_render:
 * @scale: device pixels per logical pixel (1, or 2 for HiDPI)
 * @margin_px: device pixels drawn beyond each edge (bleed that hides seams)
 *
 * Returns: (transfer full): an ARGB32 surface of 256 × @scale + 2 × @margin_px pixels (its
 * stride may be wider). A tile that cannot be drawn comes back as plain background; only when
 * memory runs out is it an error surface.
 */
cairo_surface_t *
caravan_tile_renderer_render (CaravanTileRenderer *self,
                              guint                zoom,
                              guint                x,
                              guint                y,
                              guint                scale,
                              CaravanMapTheme      theme,
                              guint                margin_px)
{
  static const cairo_user_data_key_t canvas_key, pixels_key;
  cairo_surface_t *canvas, *surface;
  cairo_t *cr;
  guint8 *pixels;
  int pad, size, canvas_size, stride;

  g_return_val_if_fail (CARAVAN_IS_TILE_RENDERER (self), NULL);
  g_return_val_if_fail (scale >= 1 && scale <= 4, NULL);
  g_return_val_if_fail (margin_px <= 64, NULL);

  pad = MAX (RENDER_MARGIN * (int) scale, (int) margin_px);
  size = CARAVAN_TILE_SIZE * scale + 2 * margin_px;
  canvas_size = CARAVAN_TILE_SIZE * scale + 2 * pad;
  /* Not cairo_image_surface_create(), which clears the pixels: every tile paints them all. */
  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, canvas_size);
  pixels = g_try_malloc ((gsize) stride * canvas_size);
  canvas = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, canvas_size,
                                                canvas_size, stride);
  if (pixels == NULL ||
      cairo_surface_set_user_data (canvas, &pixels_key, pixels, g_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (canvas);
      g_free (pixels);
      return cairo_image_surface_create (CAIRO_FORMAT_INVALID, 0, 0);  /* an error surface */
    }
  cr = cairo_create (canvas);
  cairo_scale (cr, scale, scale);
  caravan_tile_renderer_draw (self, cr,
                              zoom,
                              (double) x * CARAVAN_TILE_SIZE - (double) pad / scale,
                              (double) y * CARAVAN_TILE_SIZE - (double) pad / scale,
                              CARAVAN_TILE_SIZE + 2.0 * pad / scale,
                              CARAVAN_TILE_SIZE + 2.0 * pad / scale,
                              theme);
  cairo_identity_matrix (cr);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      cairo_destroy (cr);
      cr = cairo_create (canvas);
      caravan_tile_set_color (cr, &caravan_map_theme_get_style (theme)->background);
      cairo_paint (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (canvas);

  /* The tile and its bleed, in place: an image surface on the canvas's pixels that keeps the
   * canvas alive. */
  surface = cairo_image_surface_create_for_data (pixels +
                                                 (gsize) (pad - margin_px) * stride +
                                                 (gsize) (pad - margin_px) * 4,
                                                 CAIRO_FORMAT_ARGB32, size, size, stride);
  if (cairo_surface_set_user_data (surface, &canvas_key, canvas,
                                   (cairo_destroy_func_t) cairo_surface_destroy) !=
      CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      cairo_surface_destroy (canvas);
      return cairo_image_surface_create (CAIRO_FORMAT_INVALID, 0, 0);  /* an error surface */
    }

  return surface;
}
