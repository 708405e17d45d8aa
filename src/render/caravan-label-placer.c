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
#include "caravan-label-drawing.h"
#include "caravan-label-placer.h"
#include "caravan-tile-renderer.h"

#define MAX_ZOOM 12
#define HIDE_KM 15.0                    /* a place this close to a story pin is the pin's */
#define HIDE_PX 12.0                    /* ... or this close on screen at the label's zoom */
#define EARTH_KM 40075.017
#define IMAGE_BUDGET (32 << 20)         /* bytes of label images kept; beyond, labels are drawn */

typedef struct
{
  CaravanPlacedLabel *items;
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
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (CaravanPlacedLabel));
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  PangoContext *context = caravan_label_create_pango_context (cr);
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
      CaravanPlacedLabel item = { label, NULL, 0, 0, 0, 0, { NULL, } };
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;
      gboolean free_spot = TRUE;

      item.text = label_text (self, label);
      layout = caravan_label_create_layout (context, style, label, item.text, zoom);
      pango_layout_get_extents (layout, NULL, &logical);
      caravan_label_box (label, k, logical.width / (double) PANGO_SCALE,
                 logical.height / (double) PANGO_SCALE, &item);

      for (guint j = 0; j < placed->len && free_spot; j++)
        {
          const CaravanPlacedLabel *other = &g_array_index (placed, CaravanPlacedLabel, j);

          free_spot = item.x1 < other->x0 || item.x0 > other->x1 ||
                      item.y1 < other->y0 || item.y0 > other->y1;
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
  placement->items = (CaravanPlacedLabel *) g_array_free (g_steal_pointer (&placed), FALSE);
  return placement;
}

static void
placement_free (Placement *placement)
{
  for (guint i = 0; i < placement->n_items; i++)
    {
      g_free (placement->items[i].text);
      for (guint s = 0; s < CARAVAN_LABEL_MAX_SCALE; s++)
        g_clear_pointer (&placement->items[i].images[s], caravan_label_image_free);
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
  const double pad = CARAVAN_LABEL_IMAGE_PAD;
  double k;
  int scale;

  g_return_if_fail (CARAVAN_IS_LABEL_PLACER (self));
  g_return_if_fail ((guint) theme < CARAVAN_MAP_N_THEMES);

  if (zoom > MAX_ZOOM)
    return;

  style = caravan_map_theme_get_style (theme);
  placement = get_placement (self, zoom, theme);
  k = ldexp (CARAVAN_TILE_SIZE, zoom) / CARAVAN_BASEMAP_WORLD;
  scale = caravan_label_device_scale (cr);

  for (guint i = 0; i < placement->n_items; i++)
    {
      CaravanPlacedLabel *item = &placement->items[i];
      double ax = item->label->x * k, ay = item->label->y * k;
      double dx = ax - origin_x, dy = ay - origin_y;
      CaravanLabelImage *image;

      if (item->x1 + pad < origin_x || item->x0 - pad > origin_x + width ||
          item->y1 + pad < origin_y || item->y0 - pad > origin_y + height)
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
              CaravanLabelImage *made = caravan_label_image_new (style, item, zoom, scale,
                                                                 ax, ay, fx, fy);

              if (g_atomic_pointer_compare_and_exchange (&item->images[scale - 1], NULL, made))
                {
                  image = made;
                  g_atomic_int_add (&self->image_bytes,
                                    cairo_image_surface_get_stride (made->surface) *
                                    cairo_image_surface_get_height (made->surface));
                }
              else
                {
                  caravan_label_image_free (made);
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
        context = caravan_label_create_pango_context (cr);
      caravan_label_draw (cr, context, style, item, zoom, dx, dy);
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
        {
          double n = G_PI * (1 - 2.0 * label->y / CARAVAN_BASEMAP_WORLD);

          *latitude = atan (sinh (n)) * 180.0 / G_PI;
        }
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
