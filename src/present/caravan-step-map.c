/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-step-map.c: the next step's map in the presenter view: the base map around the
 * event's place at a fixed zoom, drawn once per event and size, and the place's pin. */

#define G_LOG_DOMAIN "caravan-step-map"

#include "config.h"

#include <math.h>

#include "caravan-basemap.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-step-map.h"
#include "caravan-tile-renderer.h"

/* Zoom 5 shows a region (about 1,500 km across at 400 px): enough to see where the talk goes. */
#define STEP_MAP_ZOOM 5

struct _CaravanStepMap
{
  GtkWidget            parent_instance;

  CaravanEvent        *event;
  CaravanTileRenderer *renderer;    /* NULL until needed, or when the map data is missing */
  GdkTexture          *texture;     /* the picture at texture_width x texture_height */
  int                  texture_width;
  int                  texture_height;
  int                  texture_scale;
};

G_DEFINE_FINAL_TYPE (CaravanStepMap, caravan_step_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static CaravanTileRenderer *
ensure_renderer (CaravanStepMap *self)
{
  if (self->renderer == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CaravanBasemap) basemap = caravan_basemap_get_default (&error);

      if (basemap == NULL)
        {
          g_warning ("Next step's map: %s", error->message);
          return NULL;
        }
      self->renderer = caravan_tile_renderer_new (basemap, g_get_language_names ()[0]);
    }
  return self->renderer;
}

/* Web Mercator pixel coordinates at @zoom. */
static void
project (double  lat,
         double  lon,
         int     zoom,
         double *x,
         double *y)
{
  double size = CARAVAN_TILE_SIZE * (double) (1 << zoom);
  double phi = CLAMP (lat, -85.05, 85.05) * G_PI / 180.0;

  *x = (lon + 180.0) / 360.0 * size;
  *y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0 * size;
}

static GdkTexture *
draw_picture (CaravanStepMap *self,
              CaravanPlace   *place,
              int             width,
              int             height,
              int             scale)
{
  CaravanTileRenderer *renderer = ensure_renderer (self);
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y;
  int stride;

  if (renderer == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  project (caravan_place_get_latitude (place), caravan_place_get_longitude (place),
           STEP_MAP_ZOOM, &x, &y);
  caravan_tile_renderer_draw (renderer, cr, STEP_MAP_ZOOM, x - width / 2.0, y - height / 2.0,
                              width, height, CARAVAN_MAP_THEME_PROJECTOR);

  /* The pin, as the presentation draws it: orange with a white ring. */
  cairo_arc (cr, width / 2.0, height / 2.0, 9, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_new_path (cr);
  cairo_arc (cr, width / 2.0, height / 2.0, 6.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1.0, 0.64, 0.28);
  cairo_fill (cr);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height * scale);
  cairo_surface_destroy (surface);
  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian machines. */
  return gdk_memory_texture_new (width * scale, height * scale,
                                 G_BYTE_ORDER == G_LITTLE_ENDIAN
                                 ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
                                 : GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
                                 bytes, stride);
}

static void
caravan_step_map_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CaravanStepMap *self = CARAVAN_STEP_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  CaravanPlace *place = self->event ? caravan_event_get_first_place (self->event) : NULL;

  if (place == NULL || width <= 0 || height <= 0)
    return;

  if (self->texture == NULL || self->texture_width != width || self->texture_height != height
      || self->texture_scale != scale)
    {
      g_clear_object (&self->texture);
      self->texture = draw_picture (self, place, width, height, scale);
      self->texture_width = width;
      self->texture_height = height;
      self->texture_scale = scale;
    }
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture,
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
caravan_step_map_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 160 : 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 400 : 250;
}

static void
caravan_step_map_dispose (GObject *object)
{
  CaravanStepMap *self = CARAVAN_STEP_MAP (object);

  g_clear_object (&self->event);
  g_clear_object (&self->renderer);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (caravan_step_map_parent_class)->dispose (object);
}

static void
caravan_step_map_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CaravanStepMap *self = CARAVAN_STEP_MAP (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_step_map_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CaravanStepMap *self = CARAVAN_STEP_MAP (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      caravan_step_map_set_event (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_step_map_class_init (CaravanStepMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = caravan_step_map_dispose;
  object_class->get_property = caravan_step_map_get_property;
  object_class->set_property = caravan_step_map_set_property;
  widget_class->snapshot = caravan_step_map_snapshot;
  widget_class->measure = caravan_step_map_measure;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, CARAVAN_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stepmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
caravan_step_map_init (CaravanStepMap *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
caravan_step_map_new (void)
{
  return g_object_new (CARAVAN_TYPE_STEP_MAP, NULL);
}

CaravanEvent *
caravan_step_map_get_event (CaravanStepMap *self)
{
  g_return_val_if_fail (CARAVAN_IS_STEP_MAP (self), NULL);

  return self->event;
}

void
caravan_step_map_set_event (CaravanStepMap *self,
                            CaravanEvent   *event)
{
  CaravanPlace *place;

  g_return_if_fail (CARAVAN_IS_STEP_MAP (self));
  g_return_if_fail (event == NULL || CARAVAN_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  g_clear_object (&self->texture);
  place = event ? caravan_event_get_first_place (event) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  place
                                  ? caravan_place_get_display_name (place,
                                                                    caravan_event_get_date (event))
                                  : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

gboolean
caravan_step_map_has_map (CaravanStepMap *self)
{
  g_return_val_if_fail (CARAVAN_IS_STEP_MAP (self), FALSE);

  return self->event != NULL && caravan_event_get_first_place (self->event) != NULL
         && ensure_renderer (self) != NULL;
}
