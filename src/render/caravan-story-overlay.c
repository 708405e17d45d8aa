/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-overlay.c: routes as lines with a white casing (dashed when schematic), pins as
 * dots with a white ring and a name on a pale pill; the names decluttered so that none covers
 * another, featured and highlighted places first. The colours are those of the map view's pins
 * (ui/style.css) and route layers. */

#define G_LOG_DOMAIN "caravan-story-overlay"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "caravan-event.h"
#include "caravan-label-placer.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-story.h"
#include "caravan-story-overlay.h"

#define ROUTE_WIDTH 4.0
#define ROUTE_CASING 1.5
#define LABEL_FONT_PX 12.0
#define LABEL_FONT_PX_FEATURED 13.5
#define LABEL_PAD_X 5.0
#define LABEL_PAD_Y 1.5
#define LABEL_GAP 3.0

typedef struct
{
  double x0, y0, x1, y1;
} Box;

void
caravan_map_project (double  latitude,
                     double  longitude,
                     double  zoom,
                     double *x,
                     double *y)
{
  double world = 256.0 * exp2 (zoom);
  double lat = CLAMP (latitude, -CARAVAN_CAMERA_MAX_LATITUDE, CARAVAN_CAMERA_MAX_LATITUDE);
  double s = sin (lat * G_PI / 180.0);

  *x = (longitude + 180.0) / 360.0 * world;
  *y = (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * world;
}

static void
unproject (double  x,
           double  y,
           double  zoom,
           double *latitude,
           double *longitude)
{
  double world = 256.0 * exp2 (zoom);

  *longitude = x / world * 360.0 - 180.0;
  *latitude = atan (sinh (G_PI * (1 - 2 * y / world))) * 180.0 / G_PI;
}

/* Bounds in world pixels at zoom 0 of the story's places and route points. */
static gboolean
story_bounds (CaravanStory *story,
              double        bounds[4])
{
  GListModel *places = caravan_story_get_places (story);
  GListModel *routes = caravan_story_get_routes (story);
  gboolean any = FALSE;
  double x, y;

  bounds[0] = bounds[1] = G_MAXDOUBLE;
  bounds[2] = bounds[3] = -G_MAXDOUBLE;
#define ADD_POINT(lat, lon) G_STMT_START { \
    caravan_map_project ((lat), (lon), 0, &x, &y); \
    bounds[0] = MIN (bounds[0], x); bounds[1] = MIN (bounds[1], y); \
    bounds[2] = MAX (bounds[2], x); bounds[3] = MAX (bounds[3], y); \
    any = TRUE; \
  } G_STMT_END
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);

      ADD_POINT (caravan_place_get_latitude (place), caravan_place_get_longitude (place));
    }
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(CaravanRoute) route = g_list_model_get_item (routes, i);

      for (guint p = 0; p < caravan_route_get_n_points (route); p++)
        {
          double lat, lon;

          caravan_route_get_point (route, p, &lat, &lon);
          ADD_POINT (lat, lon);
        }
    }
#undef ADD_POINT
  return any;
}

gboolean
caravan_story_overlay_fit (CaravanStory *story,
                           double        width,
                           double        height,
                           double        margin,
                           double        max_zoom,
                           double       *zoom,
                           double       *latitude,
                           double       *longitude)
{
  double bounds[4], w, h, z;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), FALSE);

  if (!story_bounds (story, bounds))
    return FALSE;
  w = MAX (bounds[2] - bounds[0], 1e-9);
  h = MAX (bounds[3] - bounds[1], 1e-9);
  z = log2 (MIN ((width - 2 * margin) / w, (height - 2 * margin) / h));
  *zoom = CLAMP (z, 0, max_zoom);
  unproject ((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 0, latitude, longitude);
  return TRUE;
}

void
caravan_story_overlay_pin_color (CaravanPlace *place,
                                 gboolean      highlighted,
                                 gboolean      greyscale,
                                 double        rgb[3])
{
  const char *kind = caravan_place_get_kind (place);
  guint32 hex = 0x1c71d8;

  if (highlighted)
    hex = 0xe66100;
  else if (caravan_place_get_featured (place))
    hex = 0xc01c28;
  else if (g_strcmp0 (kind, "venue") == 0)
    hex = 0x813d9c;
  else if (g_strcmp0 (kind, "border-crossing") == 0 || g_strcmp0 (kind, "dry-port") == 0 ||
           g_strcmp0 (kind, "station") == 0)
    hex = 0x1a7f6b;
  if (greyscale)
    hex = highlighted ? 0x000000 : caravan_place_get_featured (place) ? 0x202020 : 0x505050;
  rgb[0] = (hex >> 16 & 0xff) / 255.0;
  rgb[1] = (hex >> 8 & 0xff) / 255.0;
  rgb[2] = (hex & 0xff) / 255.0;
}

static void
route_color (CaravanRoute *route,
             gboolean      greyscale,
             double        rgba[4])
{
  const char *style = caravan_route_get_style (route);

  rgba[0] = 0.11, rgba[1] = 0.44, rgba[2] = 0.85, rgba[3] = 0.95;
  if (g_strcmp0 (style, "rail") == 0)
    rgba[0] = 0.65, rgba[1] = 0.11, rgba[2] = 0.16;
  else if (g_strcmp0 (style, "sea") == 0)
    rgba[0] = 0.05, rgba[1] = 0.35, rgba[2] = 0.65;
  if (greyscale)
    rgba[0] = rgba[1] = rgba[2] = 0.15;
}

static void
draw_routes (cairo_t                          *cr,
             CaravanStory                     *story,
             guint                             zoom,
             double                            ox,
             double                            oy,
             const CaravanStoryOverlayOptions *o)
{
  GListModel *routes = caravan_story_get_routes (story);
  double dash[2] = { 10 * o->scale, 7 * o->scale };

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(CaravanRoute) route = g_list_model_get_item (routes, i);
      double rgba[4];

      cairo_new_path (cr);
      for (guint p = 0; p < caravan_route_get_n_points (route); p++)
        {
          double lat, lon, x, y;

          caravan_route_get_point (route, p, &lat, &lon);
          caravan_map_project (lat, lon, zoom, &x, &y);
          cairo_line_to (cr, x - ox, y - oy);
        }
      route_color (route, o->greyscale, rgba);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_width (cr, (ROUTE_WIDTH + 2 * ROUTE_CASING) * o->scale);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_stroke_preserve (cr);
      if (caravan_route_get_schematic (route))
        cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, ROUTE_WIDTH * o->scale);
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static double
pin_radius (CaravanPlace                     *place,
            const CaravanStoryOverlayOptions *o)
{
  if (place == o->highlight)
    return CARAVAN_PIN_RADIUS_HIGHLIGHT * o->scale;
  return (caravan_place_get_featured (place) ? CARAVAN_PIN_RADIUS_FEATURED
                                             : CARAVAN_PIN_RADIUS) * o->scale;
}

static gboolean
overlaps (GArray    *boxes,
          const Box *box)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *b = &g_array_index (boxes, Box, i);

      if (box->x0 < b->x1 && b->x0 < box->x1 && box->y0 < b->y1 && b->y0 < box->y1)
        return TRUE;
    }
  return FALSE;
}

/* Highlighted first, then featured, then the rest in story order. */
static int
compare_priority (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  CaravanPlace *pa = *(CaravanPlace **) a, *pb = *(CaravanPlace **) b;
  CaravanPlace *highlight = user_data;
  int ra = pa == highlight ? 0 : caravan_place_get_featured (pa) ? 1 : 2;
  int rb = pb == highlight ? 0 : caravan_place_get_featured (pb) ? 1 : 2;

  return ra - rb;
}

/* The name on a pill to the right of the dot, or left, above or below when that is taken or
 * off the map; left out when every spot would cover another name or pin. */
static void
draw_label (cairo_t                          *cr,
            PangoLayout                      *layout,
            CaravanPlace                     *place,
            double                            x,
            double                            y,
            double                            width,
            double                            height,
            GArray                           *taken,
            const CaravanStoryOverlayOptions *o)
{
  double r = pin_radius (place, o);
  double pad_x = LABEL_PAD_X * o->scale, pad_y = LABEL_PAD_Y * o->scale;
  double gap = LABEL_GAP * o->scale;
  PangoRectangle ink, logical;
  double w, h;
  Box spots[4];

  pango_layout_get_extents (layout, &ink, &logical);
  w = logical.width / (double) PANGO_SCALE + 2 * pad_x;
  h = logical.height / (double) PANGO_SCALE + 2 * pad_y;
  spots[0] = (Box) { x + r + gap, y - h / 2, x + r + gap + w, y + h / 2 };
  spots[1] = (Box) { x - r - gap - w, y - h / 2, x - r - gap, y + h / 2 };
  spots[2] = (Box) { x - w / 2, y - r - gap - h, x + w / 2, y - r - gap };
  spots[3] = (Box) { x - w / 2, y + r + gap, x + w / 2, y + r + gap + h };

  /* A name is whole on the map or not there; the highlighted place's name may cover others,
   * and is cut by the map's edge only when there is no room for it at all. */
  for (guint i = 0; i < 2 * G_N_ELEMENTS (spots); i++)
    {
      Box *s = &spots[i % G_N_ELEMENTS (spots)];
      gboolean inside = s->x0 >= 0 && s->y0 >= 0 && s->x1 <= width && s->y1 <= height;
      gboolean last_resort = i >= G_N_ELEMENTS (spots);

      if (last_resort && place != o->highlight)
        return;
      if ((overlaps (taken, s) && place != o->highlight) || (!inside && !last_resort))
        continue;
      g_array_append_val (taken, *s);
      cairo_new_path (cr);
      cairo_arc (cr, s->x0 + h / 2, s->y0 + h / 2, h / 2, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, s->x1 - h / 2, s->y0 + h / 2, h / 2, -G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      if (place == o->highlight)
        {
          double rgb[3];

          caravan_story_overlay_pin_color (place, TRUE, o->greyscale, rgb);
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
        }
      else
        cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
      cairo_set_line_width (cr, 0.75 * o->scale);
      cairo_stroke (cr);
      if (place == o->highlight)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, s->x0 + pad_x, s->y0 + pad_y - logical.y / (double) PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
      return;
    }
}

static void
draw_pins (cairo_t                          *cr,
           CaravanStory                     *story,
           guint                             zoom,
           double                            ox,
           double                            oy,
           double                            width,
           double                            height,
           const CaravanStoryOverlayOptions *o)
{
  GListModel *places = caravan_story_get_places (story);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (Box));
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *font_options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");

  /* Metrics that do not depend on the surface: the same layout on screen, PNG and PDF. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    g_ptr_array_add (order, g_list_model_get_item (places, i));
  g_ptr_array_sort_with_data (order, compare_priority, o->highlight);

  /* Every dot first, so that names avoid them; drawn last-to-first so that the most important
   * dot is on top. */
  for (guint i = order->len; i > 0; i--)
    {
      CaravanPlace *place = g_ptr_array_index (order, i - 1);
      double x, y, r = pin_radius (place, o), rgb[3];
      Box box;

      caravan_map_project (caravan_place_get_latitude (place),
                           caravan_place_get_longitude (place), zoom, &x, &y);
      x -= ox, y -= oy;
      if (x < -r || y < -r || x > width + r || y > height + r)
        continue;
      box = (Box) { x - r, y - r, x + r, y + r };
      g_array_append_val (taken, box);
      caravan_story_overlay_pin_color (place, place == o->highlight, o->greyscale, rgb);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r + 2 * o->scale, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_fill (cr);
    }

  for (guint i = 0; o->labels && i < order->len; i++)
    {
      CaravanPlace *place = g_ptr_array_index (order, i);
      PangoLayout *layout;
      double x, y;

      caravan_map_project (caravan_place_get_latitude (place),
                           caravan_place_get_longitude (place), zoom, &x, &y);
      x -= ox, y -= oy;
      if (x < 0 || y < 0 || x > width || y > height)
        continue;
      pango_font_description_set_absolute_size (font, (caravan_place_get_featured (place) ||
                                                        place == o->highlight
                                                        ? LABEL_FONT_PX_FEATURED
                                                        : LABEL_FONT_PX) * o->scale * PANGO_SCALE);
      layout = pango_layout_new (context);
      pango_layout_set_font_description (layout, font);
      /* Plain text, never markup. */
      pango_layout_set_text (layout, caravan_place_get_name_at (place, o->date, o->language), -1);
      draw_label (cr, layout, place, x, y, width, height, taken, o);
      g_object_unref (layout);
    }

  pango_font_description_free (font);
  g_object_unref (context);
}

void
caravan_story_overlay_draw (cairo_t                          *cr,
                            CaravanStory                     *story,
                            guint                             zoom,
                            double                            origin_x,
                            double                            origin_y,
                            double                            width,
                            double                            height,
                            const CaravanStoryOverlayOptions *options)
{
  CaravanStoryOverlayOptions defaults = CARAVAN_STORY_OVERLAY_OPTIONS_INIT;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CARAVAN_IS_STORY (story));

  if (options == NULL)
    options = &defaults;
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  draw_routes (cr, story, zoom, origin_x, origin_y, options);
  draw_pins (cr, story, zoom, origin_x, origin_y, width, height, options);
  cairo_restore (cr);
}

CaravanMapPoint *
caravan_story_overlay_dup_points (CaravanStory *story,
                                  guint        *n_points)
{
  GListModel *places = caravan_story_get_places (story);
  guint n = g_list_model_get_n_items (places);
  CaravanMapPoint *points = g_new0 (CaravanMapPoint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);

      points[i].latitude = caravan_place_get_latitude (place);
      points[i].longitude = caravan_place_get_longitude (place);
    }
  *n_points = n;
  return points;
}
