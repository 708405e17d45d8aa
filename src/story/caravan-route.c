/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-route.c: an ordered line through places or bare coordinates. */

#define G_LOG_DOMAIN "caravan-route"

#include "config.h"

#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-story-private.h"

typedef struct
{
  CaravanPlace *place;  /* NULL for a bare coordinate */
  double latitude;
  double longitude;
} RoutePoint;

struct _CaravanRoute
{
  GObject parent_instance;

  char *id;
  char *label;
  char *style;
  char *description;
  gboolean schematic;
  GArray *points;  /* RoutePoint */
};

G_DEFINE_FINAL_TYPE (CaravanRoute, caravan_route, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_STYLE,
  PROP_SCHEMATIC,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_route_point (gpointer data)
{
  RoutePoint *point = data;

  g_clear_object (&point->place);
}

static void
caravan_route_finalize (GObject *object)
{
  CaravanRoute *self = (CaravanRoute *) object;

  g_free (self->id);
  g_free (self->label);
  g_free (self->style);
  g_free (self->description);
  g_clear_pointer (&self->points, g_array_unref);

  G_OBJECT_CLASS (caravan_route_parent_class)->finalize (object);
}

static void
caravan_route_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CaravanRoute *self = CARAVAN_ROUTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_STYLE:
      g_value_set_string (value, self->style);
      break;
    case PROP_SCHEMATIC:
      g_value_set_boolean (value, self->schematic);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_route_class_init (CaravanRouteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_route_finalize;
  object_class->get_property = caravan_route_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STYLE] = g_param_spec_string ("style", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCHEMATIC] = g_param_spec_boolean ("schematic", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
caravan_route_init (CaravanRoute *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (RoutePoint));
  g_array_set_clear_func (self->points, clear_route_point);
}

CaravanRoute *
caravan_route_new (const char *id,
                   const char *label,
                   const char *style,
                   gboolean    schematic,
                   const char *description)
{
  CaravanRoute *self = g_object_new (CARAVAN_TYPE_ROUTE, NULL);

  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->style = g_strdup (style);
  self->schematic = schematic;
  self->description = g_strdup (description);
  return self;
}

void
caravan_route_add_point (CaravanRoute *self,
                         CaravanPlace *place,
                         double        latitude,
                         double        longitude)
{
  RoutePoint point;

  g_return_if_fail (CARAVAN_IS_ROUTE (self));

  point.place = place != NULL ? g_object_ref (place) : NULL;
  point.latitude = place != NULL ? caravan_place_get_latitude (place) : latitude;
  point.longitude = place != NULL ? caravan_place_get_longitude (place) : longitude;
  g_array_append_val (self->points, point);
}

const char *
caravan_route_get_id (CaravanRoute *self)
{
  g_return_val_if_fail (CARAVAN_IS_ROUTE (self), NULL);
  return self->id;
}

const char *
caravan_route_get_label (CaravanRoute *self)
{
  g_return_val_if_fail (CARAVAN_IS_ROUTE (self), NULL);
  return self->label;
}

const char *
caravan_route_get_style (CaravanRoute *self)
{
  g_return_val_if_fail (CARAVAN_IS_ROUTE (self), NULL);
  return self->style;
}

gboolean
caravan_route_get_schematic (CaravanRoute *self)
{
  g_return_val_if_fail (CARAVAN_IS_ROUTE (self), FALSE);
  return self->schematic;
}

const char *
caravan_route_get_description (CaravanRoute *self)
{
  g_return_val_if_fail (CARAVAN_IS_ROUTE (self), NULL);
  return self->description;
}

guint
caravan_route_get_n_points (CaravanRoute *self)
{
  g_return_val_if_fail (CARAVAN_IS_ROUTE (self), 0);
  return self->points->len;
}

CaravanPlace *
caravan_route_get_point (CaravanRoute *self,
                         guint         index,
                         double       *latitude,
                         double       *longitude)
{
  const RoutePoint *point;

  g_return_val_if_fail (CARAVAN_IS_ROUTE (self), NULL);
  g_return_val_if_fail (index < self->points->len, NULL);

  point = &g_array_index (self->points, RoutePoint, index);
  /* A point at a place is where the place is now (it may have been moved). */
  if (latitude != NULL)
    *latitude = point->place != NULL ? caravan_place_get_latitude (point->place)
                                     : point->latitude;
  if (longitude != NULL)
    *longitude = point->place != NULL ? caravan_place_get_longitude (point->place)
                                      : point->longitude;
  return point->place;
}
