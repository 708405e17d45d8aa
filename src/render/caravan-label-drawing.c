/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-label-drawing.c: the look of one base map label (font by kind and rank, halo, the
 * dot of a place, the angle of a river) and its box, for CaravanLabelPlacer. */

#define G_LOG_DOMAIN "caravan-label-placer"

#include "config.h"

#include <math.h>

#include "caravan-label-drawing.h"

void
caravan_label_set_color (cairo_t               *cr,
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

PangoLayout *
caravan_label_create_layout (PangoContext              *context,
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
  double size = label_font_size (label, zoom) * style->font_scale;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style (font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

PangoContext *
caravan_label_create_pango_context (cairo_t *cr)
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

/* The label's box in world px, from its measured logical size. */
void
caravan_label_box (const CaravanBasemapLabel *label,
                   double                     k,
                   double                     w,
                   double                     h,
                   CaravanPlacedLabel        *out)
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
  out->x0 -= CARAVAN_LABEL_HALO_PX;
  out->y0 -= CARAVAN_LABEL_HALO_PX;
  out->x1 += CARAVAN_LABEL_HALO_PX;
  out->y1 += CARAVAN_LABEL_HALO_PX;
}

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
  caravan_label_set_color (cr, halo);
  cairo_set_line_width (cr, halo_width);
  /* A soft halo needs no fine antialiasing; images are copied whole, so tiles still agree. */
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_move_to (cr, x, y);
  caravan_label_set_color (cr, text);
  pango_cairo_show_layout (cr, layout);
}

/* Draws one label with its anchor at (x, y) of @cr's user space (logical px). */
void
caravan_label_draw (cairo_t                  *cr,
                    PangoContext             *context,
                    const CaravanMapStyle    *style,
                    const CaravanPlacedLabel *item,
                    guint                     zoom,
                    double                    x,
                    double                    y)
{
  const CaravanBasemapLabel *label = item->label;
  g_autoptr(PangoLayout) layout = caravan_label_create_layout (context, style, label,
                                                               item->text, zoom);
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
      caravan_label_set_color (cr, &style->halo);
      cairo_set_line_width (cr, 2.0);
      cairo_stroke_preserve (cr);
      caravan_label_set_color (cr, &style->place_dot);
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
CaravanLabelImage *
caravan_label_image_new (const CaravanMapStyle    *style,
                         const CaravanPlacedLabel *item,
                         guint                     zoom,
                         int                       scale,
                         double                    anchor_x,
                         double                    anchor_y,
                         double                    fx,
                         double                    fy)
{
  CaravanLabelImage *image = g_new0 (CaravanLabelImage, 1);
  PangoContext *context;
  cairo_t *cr;
  int right, bottom;

  /* The box relative to the anchor, in device px around the anchor's pixel. */
  image->left = (int) floor ((item->x0 - CARAVAN_LABEL_IMAGE_PAD - anchor_x) * scale + fx);
  image->top = (int) floor ((item->y0 - CARAVAN_LABEL_IMAGE_PAD - anchor_y) * scale + fy);
  right = (int) ceil ((item->x1 + CARAVAN_LABEL_IMAGE_PAD - anchor_x) * scale + fx);
  bottom = (int) ceil ((item->y1 + CARAVAN_LABEL_IMAGE_PAD - anchor_y) * scale + fy);
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
  context = caravan_label_create_pango_context (cr);
  caravan_label_draw (cr, context, style, item, zoom, 0, 0);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);

  return image;
}

void
caravan_label_image_free (CaravanLabelImage *image)
{
  cairo_surface_destroy (image->surface);
  g_free (image);
}

/* Whole-number device scale without rotation, or 0. */
int
caravan_label_device_scale (cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  if (m.xy != 0 || m.yx != 0 || m.xx != m.yy || m.xx < 1 || m.xx > CARAVAN_LABEL_MAX_SCALE ||
      m.xx != floor (m.xx))
    return 0;
  return (int) m.xx;
}
