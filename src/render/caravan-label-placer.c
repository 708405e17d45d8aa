/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-label-placer.c: the base map's labels. They are placed once per zoom and theme for
 * the whole world (greedy, by priority), so every tile draws exactly the labels that touch it
 * and neighbours agree at their edges. Each placed label is drawn once per device scale into a
 * small image that tiles then copy at whole device pixels: shaping and stroking text is most of
 * a tile's cost otherwise. Place labels near the story's own pins are left out. */

#define G_LOG_DOMAIN "caravan-label-placer"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "caravan-basemap-private.h"
#include "caravan-label-placer.h"
#include "caravan-tile-renderer.h"

#define MAX_ZOOM 12
#define MAX_SCALE 4
#define HALO_PX 3.0
#define IMAGE_PAD 3.0                   /* logical px of ink beyond a label's box */
#define HIDE_KM 15.0                    /* a place this close to a story pin is the pin's */
#define HIDE_PX 12.0                    /* ... or this close on screen at the label's zoom */
#define EARTH_KM 40075.017
#define IMAGE_BUDGET (32 << 20)         /* bytes of label images kept; beyond, labels are drawn */

/* A label drawn into an image, with its anchor at (fx, fy) of a device pixel. */
typedef struct
{
  cairo_surface_t *surface;
  int left, top;                        /* image corner, device px from the anchor's pixel */
  double fx, fy;
} LabelImage;

typedef struct
{
  const CaravanBasemapLabel *label;
  char *text;
  double x0, y0, x1, y1;                /* box in world px at the placement's zoom */
  LabelImage *images[MAX_SCALE];        /* per device scale, made on first use (atomic) */
} PlacedLabel;

typedef struct
{
  PlacedLabel *items;
  guint n_items;
} Placement;

typedef struct
{
  double x, y;                          /* stored units */
  double km_per_unit;
} HiddenPlace;

struct _CaravanLabelPlacer
{
  GObject parent_instance;

  CaravanBasemap *basemap;
  int language_index;
  HiddenPlace *hidden;
  guint n_hidden;

  GMutex lock;
  Placement *placements[CARAVAN_MAP_N_THEMES][MAX_ZOOM + 1];
  int image_bytes;                      /* atomic */
};

G_DEFINE_FINAL_TYPE (CaravanLabelPlacer, caravan_label_placer, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------------------------ */
/* Text */

static void
set_color (cairo_t               *cr,
           const CaravanMapColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static double
label_font_size (const CaravanBasemapLabel *label,
                 guint                      zoom)
{
  switch ((CaravanLabelKind) label->kind)
    {
    case CARAVAN_LABEL_COUNTRY:
      return zoom <= 3 ? 10.5 : zoom <= 5 ? 12.0 : 14.0;
    case CARAVAN_LABEL_SEA:
      return zoom <= 4 ? 11.0 : 13.0;
    case CARAVAN_LABEL_LAKE:
    case CARAVAN_LABEL_RIVER:
      return 10.5;
    case CARAVAN_LABEL_PLACE:
    default:
      return label->rank <= 1 ? 12.0 : label->rank == 2 ? 11.0 : 10.0;
    }
}

static PangoLayout *
create_label_layout (PangoContext              *context,
                     const CaravanMapStyle     *style,
                     const CaravanBasemapLabel *label,
                     const char                *text,
                     guint                      zoom)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  gboolean bold = label->kind == CARAVAN_LABEL_COUNTRY ||
                  (label->kind == CARAVAN_LABEL_PLACE && label->rank <= 2);
  gboolean italic = label->kind == CARAVAN_LABEL_SEA || label->kind == CARAVAN_LABEL_LAKE ||
                    label->kind == CARAVAN_LABEL_RIVER;

  pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_absolute_size (font, label_font_size (label,
                                                                   zoom) * style->font_scale * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static PangoContext *
create_pango_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Sizes must not depend on the device scale, or HiDPI tiles would place labels differently. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

static int
label_priority (const CaravanBasemapLabel *label)
{
  switch ((CaravanLabelKind) label->kind)
    {
    case CARAVAN_LABEL_SEA:
      return 0;
    case CARAVAN_LABEL_COUNTRY:
      return 10 + label->rank;
    case CARAVAN_LABEL_PLACE:
      return label->rank <= 2 ? 20 + label->rank : 40 + label->rank;
    case CARAVAN_LABEL_LAKE:
      return 30;
    case CARAVAN_LABEL_RIVER:
    default:
      return 35;
    }
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const CaravanBasemapLabel *la = *(const CaravanBasemapLabel * const *) a;
  const CaravanBasemapLabel *lb = *(const CaravanBasemapLabel * const *) b;
  int pa = label_priority (la), pb = label_priority (lb);

  if (pa != pb)
    return pa - pb;
  return la < lb ? -1 : la > lb;     /* file order: stable and the same everywhere */
}

static char *
label_text (CaravanLabelPlacer        *self,
            const CaravanBasemapLabel *label)
{
  const char *text = caravan_basemap_get_string (self->basemap, label->names[self->language_index]);

  if (*text == '\0')
    text = caravan_basemap_get_string (self->basemap, label->names[0]);
  if (label->kind == CARAVAN_LABEL_COUNTRY)
    return g_utf8_strup (text, -1);
  return g_strdup (text);
}

/* The label's box in world px, from its measured logical size. */
static void
label_box (const CaravanBasemapLabel *label,
           double                     k,
           double                     w,
           double                     h,
           PlacedLabel               *out)
{
  double x = label->x * k, y = label->y * k;

  if (label->kind == CARAVAN_LABEL_PLACE)
    {
      out->x0 = x - 4;
      out->x1 = x + 6 + w;
      out->y0 = y - h / 2;
      out->y1 = y + h / 2;
    }
  else if (label->kind == CARAVAN_LABEL_RIVER && label->angle != 0)
    {
      double a = label->angle / 100.0 * G_PI / 180.0;
      double hw = (fabs (cos (a)) * w + fabs (sin (a)) * h) / 2;
      double hh = (fabs (sin (a)) * w + fabs (cos (a)) * h) / 2;

      out->x0 = x - hw;
      out->x1 = x + hw;
      out->y0 = y - hh;
      out->y1 = y + hh;
    }
  else
    {
      out->x0 = x - w / 2;
      out->x1 = x + w / 2;
      out->y0 = y - h / 2;
      out->y1 = y + h / 2;
    }
  out->x0 -= HALO_PX;
  out->y0 -= HALO_PX;
  out->x1 += HALO_PX;
  out->y1 += HALO_PX;
}

/* ------------------------------------------------------------------------------------------ */
/* Places under the story's pins */

static double
unit_y_of_latitude (double latitude)
{
  double s = sin (CLAMP (latitude, -85.0, 85.0) * G_PI / 180.0);

  return (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * CARAVAN_BASEMAP_WORLD;
}

static gboolean
is_hidden_at (CaravanLabelPlacer *self,
              double              x,
              double              y,
              guint               zoom)
{
  double px_per_unit = ldexp (CARAVAN_TILE_SIZE, zoom) / CARAVAN_BASEMAP_WORLD;

  for (guint i = 0; i < self->n_hidden; i++)
    {
      const HiddenPlace *h = &self->hidden[i];
      double d = hypot (x - h->x, y - h->y);

      if (d * h->km_per_unit < HIDE_KM || d * px_per_unit < HIDE_PX)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */
/* Placement */

static Placement *
place_labels (CaravanLabelPlacer *self,
              guint               zoom,
              CaravanMapTheme     theme)
{
  const CaravanMapStyle *style = caravan_map_theme_get_style (theme);
  const CaravanBasemapLabel *labels;
  guint n_labels;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (PlacedLabel));
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  PangoContext *context = create_pango_context (cr);
  double k = ldexp (CARAVAN_TILE_SIZE, zoom) / CARAVAN_BASEMAP_WORLD;
  Placement *placement = g_new0 (Placement, 1);

  labels = caravan_basemap_get_labels (self->basemap, &n_labels);
  for (guint i = 0; i < n_labels; i++)
    {
      const CaravanBasemapLabel *label = &labels[i];

      if (label->min_zoom > zoom || zoom > label->max_zoom)
        continue;
      if (label->kind == CARAVAN_LABEL_PLACE && is_hidden_at (self, label->x, label->y, zoom))
        continue;
      g_ptr_array_add (candidates, (gpointer) label);
    }
  g_ptr_array_sort (candidates, compare_labels);

  for (guint i = 0; i < candidates->len; i++)
    {
      const CaravanBasemapLabel *label = g_ptr_array_index (candidates, i);
      PlacedLabel item = { label, NULL, 0, 0, 0, 0, { NULL, } };
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;
      gboolean free_spot = TRUE;

      item.text = label_text (self, label);
      layout = create_label_layout (context, style, label, item.text, zoom);
      pango_layout_get_extents (layout, NULL, &logical);
      label_box (label, k, logical.width / (double) PANGO_SCALE,
                 logical.height / (double) PANGO_SCALE, &item);

      for (guint j = 0; j < placed->len && free_spot; j++)
        {
          const PlacedLabel *other = &g_array_index (placed, PlacedLabel, j);

          free_spot = item.x1 < other->x0 || item.x0 > other->x1 || item.y1 < other->y0 || item.y0 > other->y1;
        }
      if (free_spot)
        g_array_append_val (placed, item);
      else
        g_free (item.text);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  placement->n_items = placed->len;
  placement->items = (PlacedLabel *) g_array_free (g_steal_pointer (&placed), FALSE);
  return placement;
}

static void
label_image_free (LabelImage *image)
{
  cairo_surface_destroy (image->surface);
  g_free (image);
}

static void
placement_free (Placement *placement)
{
  for (guint i = 0; i < placement->n_items; i++)
    {
      g_free (placement->items[i].text);
      for (guint s = 0; s < MAX_SCALE; s++)
        g_clear_pointer (&placement->items[i].images[s], label_image_free);
    }
  g_free (placement->items);
  g_free (placement);
}

static const Placement *
get_placement (CaravanLabelPlacer *self,
               guint               zoom,
               CaravanMapTheme     theme)
{
  const Placement *placement;

  g_mutex_lock (&self->lock);
  if (self->placements[theme][zoom] == NULL)
    self->placements[theme][zoom] = place_labels (self, zoom, theme);
  placement = self->placements[theme][zoom];
  g_mutex_unlock (&self->lock);

  return placement;
}

/* ------------------------------------------------------------------------------------------ */
/* Drawing */

static void
draw_text (cairo_t               *cr,
           PangoLayout           *layout,
           double                 x,
           double                 y,
           const CaravanMapColor *text,
           const CaravanMapColor *halo,
           double                 halo_width)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  set_color (cr, halo);
  cairo_set_line_width (cr, halo_width);
  /* A soft halo needs no fine antialiasing; images are copied whole, so tiles still agree. */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_move_to (cr, x, y);
  set_color (cr, text);
  pango_cairo_show_layout (cr, layout);
}

/* Draws one label with its anchor at (x, y) of @cr's user space (logical px). */
static void
draw_label (cairo_t               *cr,
            PangoContext          *context,
            const CaravanMapStyle *style,
            const PlacedLabel     *item,
            guint                  zoom,
            double                 x,
            double                 y)
{
  const CaravanBasemapLabel *label = item->label;
  g_autoptr(PangoLayout) layout = create_label_layout (context, style, label, item->text, zoom);
  double halo = style == caravan_map_theme_get_style (CARAVAN_MAP_THEME_PROJECTOR) ? 4.0 : 3.0;
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (layout, NULL, &logical);
  w = logical.width / (double) PANGO_SCALE;
  h = logical.height / (double) PANGO_SCALE;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);    /* the map below may have used FAST */
  switch ((CaravanLabelKind) label->kind)
    {
    case CARAVAN_LABEL_PLACE:
      cairo_new_path (cr);
      cairo_arc (cr, x, y, label->rank <= 2 ? 3.5 : 2.5, 0, 2 * G_PI);
      set_color (cr, &style->halo);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke_preserve (cr);
      set_color (cr, &style->place_dot);
      cairo_fill (cr);
      draw_text (cr, layout, x + 6, y - h / 2, &style->place_text, &style->halo, halo);
      break;

    case CARAVAN_LABEL_RIVER:
      cairo_translate (cr, x, y);
      cairo_rotate (cr, label->angle / 100.0 * G_PI / 180.0);
      draw_text (cr, layout, -w / 2, -h / 2, &style->river_text, &style->halo, halo);
      break;

    case CARAVAN_LABEL_SEA:
    case CARAVAN_LABEL_LAKE:
      draw_text (cr, layout, x - w / 2, y - h / 2, &style->water_text, &style->water_halo, halo);
      break;

    case CARAVAN_LABEL_COUNTRY:
    default:
      draw_text (cr, layout, x - w / 2, y - h / 2, &style->country_text, &style->halo, halo);
      break;
    }
  cairo_restore (cr);
}

/* The label drawn into an image at @scale with its anchor at (fx, fy) of a device pixel. */
static LabelImage *
create_label_image (const CaravanMapStyle *style,
                    const PlacedLabel     *item,
                    guint                  zoom,
                    int                    scale,
                    double                 anchor_x,
                    double                 anchor_y,
                    double                 fx,
                    double                 fy)
{
  LabelImage *image = g_new0 (LabelImage, 1);
  PangoContext *context;
  cairo_t *cr;
  int right, bottom;

  /* The box relative to the anchor, in device px around the anchor's pixel. */
  image->left = (int) floor ((item->x0 - IMAGE_PAD - anchor_x) * scale + fx);
  image->top = (int) floor ((item->y0 - IMAGE_PAD - anchor_y) * scale + fy);
  right = (int) ceil ((item->x1 + IMAGE_PAD - anchor_x) * scale + fx);
  bottom = (int) ceil ((item->y1 + IMAGE_PAD - anchor_y) * scale + fy);
  image->fx = fx;
  image->fy = fy;
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                               MAX (right - image->left, 1),
                                               MAX (bottom - image->top, 1));

  cr = cairo_create (image->surface);
  /* Coarser curves than the default 0.1 px do not show at label sizes and cost less. */
  cairo_set_tolerance (cr, 0.25);
  cairo_translate (cr, fx - image->left, fy - image->top);
  cairo_scale (cr, scale, scale);
  context = create_pango_context (cr);
  draw_label (cr, context, style, item, zoom, 0, 0);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);

  return image;
}

/* Whole-number device scale without rotation, or 0. */
static int
device_scale (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx != m.yy || m.xx < 1 || m.xx > MAX_SCALE ||
      m.xx != floor (m.xx))
    return 0;
  return (int) m.xx;
}

/* ------------------------------------------------------------------------------------------ */

static void
caravan_label_placer_finalize (GObject *object)
{
  CaravanLabelPlacer *self = CARAVAN_LABEL_PLACER (object);

  for (guint t = 0; t < CARAVAN_MAP_N_THEMES; t++)
    for (guint z = 0; z <= MAX_ZOOM; z++)
      g_clear_pointer (&self->placements[t][z], placement_free);
  g_clear_object (&self->basemap);
  g_clear_pointer (&self->hidden, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (caravan_label_placer_parent_class)->finalize (object);
}

static void
caravan_label_placer_class_init (CaravanLabelPlacerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_label_placer_finalize;
}

static void
caravan_label_placer_init (CaravanLabelPlacer *self)
{
  g_mutex_init (&self->lock);
}

/**
 * caravan_label_placer_new:
 * @basemap: the map data
 * @language: (nullable): language of the labels ("ru", "kk_KZ.UTF-8", …); English if unknown
 * @hidden_places: (array length=n_hidden) (nullable): the story's places; base map places
 *   within 15 km of one, or 12 px at the label's zoom, are not drawn
 */
CaravanLabelPlacer *
caravan_label_placer_new (CaravanBasemap        *basemap,
                          const char            *language,
                          const CaravanMapPoint *hidden_places,
                          guint                  n_hidden)
{
  CaravanLabelPlacer *self;

  g_return_val_if_fail (CARAVAN_IS_BASEMAP (basemap), NULL);
  g_return_val_if_fail (hidden_places != NULL || n_hidden == 0, NULL);

  self = g_object_new (CARAVAN_TYPE_LABEL_PLACER, NULL);
  self->basemap = g_object_ref (basemap);
  self->language_index = caravan_basemap_language_index (language != NULL ? language : "en");
  self->hidden = g_new0 (HiddenPlace, MAX (n_hidden, 1));
  for (guint i = 0; i < n_hidden; i++)
    {
      const CaravanMapPoint *p = &hidden_places[i];

      if (!isfinite (p->latitude) || !isfinite (p->longitude))
        continue;
      self->hidden[self->n_hidden].x = (p->longitude + 180.0) / 360.0 * CARAVAN_BASEMAP_WORLD;
      self->hidden[self->n_hidden].y = unit_y_of_latitude (p->latitude);
      self->hidden[self->n_hidden].km_per_unit =
        EARTH_KM * cos (CLAMP (p->latitude, -85.0, 85.0) * G_PI / 180.0) / CARAVAN_BASEMAP_WORLD;
      self->n_hidden++;
    }

  return self;
}

/**
 * caravan_label_placer_draw:
 * @origin_x, @origin_y: world pixel (at @zoom, 256 px tiles) drawn at the user-space origin
 * @width, @height: logical size to cover
 *
 * Draws the labels that touch the area into @cr, whose user space is logical pixels.
 */
void
caravan_label_placer_draw (CaravanLabelPlacer *self,
                           cairo_t            *cr,
                           guint               zoom,
                           CaravanMapTheme     theme,
                           double              origin_x,
                           double              origin_y,
                           double              width,
                           double              height)
{
  const CaravanMapStyle *style;
  const Placement *placement;
  PangoContext *context = NULL;
  double k;
  int scale;

  g_return_if_fail (CARAVAN_IS_LABEL_PLACER (self));
  g_return_if_fail ((guint) theme < CARAVAN_MAP_N_THEMES);

  if (zoom > MAX_ZOOM)
    return;

  style = caravan_map_theme_get_style (theme);
  placement = get_placement (self, zoom, theme);
  k = ldexp (CARAVAN_TILE_SIZE, zoom) / CARAVAN_BASEMAP_WORLD;
  scale = device_scale (cr);

  for (guint i = 0; i < placement->n_items; i++)
    {
      PlacedLabel *item = &placement->items[i];
      double ax = item->label->x * k, ay = item->label->y * k;
      double dx = ax - origin_x, dy = ay - origin_y;
      LabelImage *image;

      if (item->x1 + IMAGE_PAD < origin_x || item->x0 - IMAGE_PAD > origin_x + width ||
          item->y1 + IMAGE_PAD < origin_y || item->y0 - IMAGE_PAD > origin_y + height)
        continue;

      if (scale > 0)
        {
          double fx, fy;

          /* Where the anchor falls in device space; tiles keep the fraction for a zoom. */
          cairo_user_to_device (cr, &dx, &dy);
          fx = dx - floor (dx);
          fy = dy - floor (dy);
          image = g_atomic_pointer_get (&item->images[scale - 1]);
          if (image == NULL && g_atomic_int_get (&self->image_bytes) < IMAGE_BUDGET)
            {
              LabelImage *made = create_label_image (style, item, zoom, scale, ax, ay, fx, fy);

              if (g_atomic_pointer_compare_and_exchange (&item->images[scale - 1], NULL, made))
                {
                  image = made;
                  g_atomic_int_add (&self->image_bytes,
                                    cairo_image_surface_get_stride (made->surface) *
                                    cairo_image_surface_get_height (made->surface));
                }
              else
                {
                  label_image_free (made);
                  image = g_atomic_pointer_get (&item->images[scale - 1]);
                }
            }

          if (image != NULL && fabs (image->fx - fx) < 1e-6 && fabs (image->fy - fy) < 1e-6)
            {
              cairo_save (cr);
              cairo_identity_matrix (cr);
              cairo_set_source_surface (cr, image->surface,
                                        floor (dx) + image->left, floor (dy) + image->top);
              cairo_paint (cr);
              cairo_restore (cr);
              continue;
            }
          dx = ax - origin_x;
          dy = ay - origin_y;
        }

      /* An image would land between device pixels here (an offscreen map at any centre), or
       * the images have used their memory budget. */
      if (context == NULL)
        context = create_pango_context (cr);
      draw_label (cr, context, style, item, zoom, dx, dy);
    }

  g_clear_object (&context);
}

/**
 * caravan_label_placer_is_placed:
 * @text: a label as drawn (country names in capitals)
 * @latitude, @longitude: (out) (optional): where the label is anchored
 *
 * Whether a label with @text is drawn at @zoom in @theme.
 */
gboolean
caravan_label_placer_is_placed (CaravanLabelPlacer *self,
                                guint               zoom,
                                CaravanMapTheme     theme,
                                const char         *text,
                                double             *latitude,
                                double             *longitude)
{
  const Placement *placement;

  g_return_val_if_fail (CARAVAN_IS_LABEL_PLACER (self), FALSE);
  g_return_val_if_fail ((guint) theme < CARAVAN_MAP_N_THEMES, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (zoom > MAX_ZOOM)
    return FALSE;

  placement = get_placement (self, zoom, theme);
  for (guint i = 0; i < placement->n_items; i++)
    {
      const CaravanBasemapLabel *label = placement->items[i].label;

      if (strcmp (placement->items[i].text, text) != 0)
        continue;
      if (longitude != NULL)
        *longitude = label->x * 360.0 / CARAVAN_BASEMAP_WORLD - 180.0;
      if (latitude != NULL)
        *latitude = atan (sinh (G_PI * (1 - 2.0 * label->y / CARAVAN_BASEMAP_WORLD))) * 180.0 / G_PI;
      return TRUE;
    }
  return FALSE;
}

/* Whether a base map place at the point would be left out at @zoom. */
gboolean
caravan_label_placer_is_hidden (CaravanLabelPlacer *self,
                                double              latitude,
                                double              longitude,
                                guint               zoom)
{
  g_return_val_if_fail (CARAVAN_IS_LABEL_PLACER (self), FALSE);

  return is_hidden_at (self, (longitude + 180.0) / 360.0 * CARAVAN_BASEMAP_WORLD,
                       unit_y_of_latitude (latitude), zoom);
}
