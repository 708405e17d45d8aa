/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-event.c: something that happened at a date (or over a range) at one or more places. */

#define G_LOG_DOMAIN "caravan-event"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-place.h"
#include "caravan-story-private.h"

struct _CaravanEvent
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *category;
  char *notes;
  GStrv tags;
  CaravanDate date;
  GPtrArray *places;  /* CaravanPlace */
  guint file_index;
  gboolean derived;
  gboolean has_camera;
  double camera_latitude;
  double camera_longitude;
  double camera_zoom;
};

G_DEFINE_FINAL_TYPE (CaravanEvent, caravan_event, G_TYPE_OBJECT)

static CaravanCamera *
caravan_camera_copy (const CaravanCamera *camera)
{
  return g_memdup2 (camera, sizeof *camera);
}

G_DEFINE_BOXED_TYPE (CaravanCamera, caravan_camera, caravan_camera_copy, g_free)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_CATEGORY,
  PROP_NOTES,
  PROP_DATE,
  PROP_DERIVED,
  PROP_CAMERA,
  PROP_TAGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
caravan_event_finalize (GObject *object)
{
  CaravanEvent *self = (CaravanEvent *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->description);
  g_free (self->category);
  g_free (self->notes);
  g_strfreev (self->tags);
  g_clear_pointer (&self->places, g_ptr_array_unref);

  G_OBJECT_CLASS (caravan_event_parent_class)->finalize (object);
}

static void
caravan_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CaravanEvent *self = CARAVAN_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case PROP_DERIVED:
      g_value_set_boolean (value, self->derived);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_CAMERA:
      if (self->has_camera)
        g_value_set_boxed (value, &(CaravanCamera) { self->camera_latitude,
                                                     self->camera_longitude,
                                                     self->camera_zoom });
      else
        g_value_set_boxed (value, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
same_date (const CaravanDate *a,
           const CaravanDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->precision == b->precision && a->has_end == b->has_end &&
         a->end_year == b->end_year && a->end_month == b->end_month &&
         a->end_day == b->end_day && a->end_precision == b->end_precision &&
         a->circa == b->circa;
}

/* Edits come through CaravanEdit (the undo stack); only a change notifies. */
static void
caravan_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CaravanEvent *self = CARAVAN_EVENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (g_strcmp0 (self->title, g_value_get_string (value)) != 0)
        {
          g_free (self->title);
          self->title = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DESCRIPTION:
      if (g_strcmp0 (self->description, g_value_get_string (value)) != 0)
        {
          g_free (self->description);
          self->description = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CATEGORY:
      if (g_strcmp0 (self->category, g_value_get_string (value)) != 0)
        {
          g_free (self->category);
          self->category = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_NOTES:
      if (g_strcmp0 (self->notes, g_value_get_string (value)) != 0)
        {
          g_free (self->notes);
          self->notes = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TAGS:
      {
        const char * const *tags = g_value_get_boxed (value);
        const char * const none[] = { NULL };

        if (g_strv_equal ((const char * const *) self->tags, tags != NULL ? tags : none))
          break;
        g_strfreev (self->tags);
        self->tags = g_strdupv ((char **) (tags != NULL ? tags : none));
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_CAMERA:
      {
        const CaravanCamera *camera = g_value_get_boxed (value);
        gboolean same = camera == NULL ? !self->has_camera
                        : self->has_camera && camera->zoom == self->camera_zoom &&
                          ((isnan (camera->latitude) && isnan (self->camera_latitude)) ||
                           camera->latitude == self->camera_latitude) &&
                          ((isnan (camera->longitude) && isnan (self->camera_longitude)) ||
                           camera->longitude == self->camera_longitude);

        if (same)
          break;
        self->has_camera = camera != NULL;
        if (camera != NULL)
          {
            self->camera_latitude = camera->latitude;
            self->camera_longitude = camera->longitude;
            self->camera_zoom = camera->zoom;
          }
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_DATE:
      {
        const CaravanDate *date = g_value_get_boxed (value);

        g_return_if_fail (date != NULL);
        if (!same_date (date, &self->date))
          {
            self->date = *date;
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
}

static void
caravan_event_class_init (CaravanEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_event_finalize;
  object_class->get_property = caravan_event_get_property;
  object_class->set_property = caravan_event_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] = g_param_spec_boxed ("date", NULL, NULL, CARAVAN_TYPE_DATE,
                                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_DERIVED] = g_param_spec_boolean ("derived", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);
  /* The step's camera, NULL when the map centres on the place at its own zoom. */
  properties[PROP_CAMERA] = g_param_spec_boxed ("camera", NULL, NULL, CARAVAN_TYPE_CAMERA,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
caravan_event_init (CaravanEvent *self)
{
  self->places = g_ptr_array_new_with_free_func (g_object_unref);
}

CaravanEvent *
caravan_event_new (const char        *id,
                   const char        *title,
                   const char        *description,
                   const CaravanDate *date,
                   const char        *category,
                   GStrv              tags,
                   const char        *notes,
                   gboolean           derived)
{
  CaravanEvent *self = g_object_new (CARAVAN_TYPE_EVENT, NULL);

  g_assert (date != NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->date = *date;
  self->category = g_strdup (category);
  self->tags = tags != NULL ? tags : g_new0 (char *, 1);
  self->notes = g_strdup (notes);
  self->derived = derived;
  return self;
}

void
caravan_event_add_place (CaravanEvent *self,
                         CaravanPlace *place)
{
  g_return_if_fail (CARAVAN_IS_EVENT (self));
  g_return_if_fail (CARAVAN_IS_PLACE (place));

  g_ptr_array_add (self->places, g_object_ref (place));
}

void
caravan_event_set_camera (CaravanEvent *self,
                          double        latitude,
                          double        longitude,
                          double        zoom)
{
  g_return_if_fail (CARAVAN_IS_EVENT (self));

  self->has_camera = TRUE;
  self->camera_latitude = latitude;
  self->camera_longitude = longitude;
  self->camera_zoom = zoom;
}

guint
caravan_event_get_file_index (CaravanEvent *self)
{
  return self->file_index;
}

void
caravan_event_set_file_index (CaravanEvent *self,
                              guint         index)
{
  self->file_index = index;
}

const char *
caravan_event_get_id (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return self->id;
}

const char *
caravan_event_get_title (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return self->title;
}

const char *
caravan_event_get_description (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return self->description;
}

const CaravanDate *
caravan_event_get_date (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return &self->date;
}

char *
caravan_event_format_date (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return caravan_date_format (&self->date);
}

/* "7 September 2013 · Astana": the date and the first place under the name it had then, in
 * the user's language; just the date for an event with no place. */
char *
caravan_event_format_date_and_place (CaravanEvent *self)
{
  g_autofree char *date = NULL;
  CaravanPlace *place;

  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);

  date = caravan_date_format (&self->date);
  place = caravan_event_get_first_place (self);
  if (place == NULL)
    return g_steal_pointer (&date);

  /* Translators: an event's date and place, e.g. "7 September 2013 · Astana" */
  return g_strdup_printf (_("%s · %s"), date, caravan_place_get_display_name (place, &self->date));
}

const char *
caravan_event_get_category (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return self->category;
}

const char * const *
caravan_event_get_tags (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return (const char * const *) self->tags;
}

const char *
caravan_event_get_notes (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return self->notes;
}

gboolean
caravan_event_get_derived (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), FALSE);
  return self->derived;
}

guint
caravan_event_get_n_places (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), 0);
  return self->places->len;
}

CaravanPlace *
caravan_event_get_place (CaravanEvent *self,
                         guint         index)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < self->places->len, NULL);
  return g_ptr_array_index (self->places, index);
}

CaravanPlace *
caravan_event_get_first_place (CaravanEvent *self)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), NULL);
  return self->places->len > 0 ? g_ptr_array_index (self->places, 0) : NULL;
}

gboolean
caravan_event_has_place (CaravanEvent *self,
                         CaravanPlace *place)
{
  g_return_val_if_fail (CARAVAN_IS_EVENT (self), FALSE);
  return place != NULL && g_ptr_array_find (self->places, place, NULL);
}

gboolean
caravan_event_get_camera_at (CaravanEvent *self,
                             CaravanPlace *place,
                             double       *latitude,
                             double       *longitude,
                             double       *zoom)
{
  double lat = 0, lon = 0, z = CARAVAN_EVENT_PLACE_ZOOM;

  g_return_val_if_fail (CARAVAN_IS_EVENT (self), FALSE);
  g_return_val_if_fail (place == NULL || CARAVAN_IS_PLACE (place), FALSE);

  if (place == NULL)
    place = caravan_event_get_first_place (self);
  if (place != NULL)
    {
      lat = caravan_place_get_latitude (place);
      lon = caravan_place_get_longitude (place);
    }
  if (self->has_camera)
    {
      z = self->camera_zoom;
      /* a camera may give only a zoom: then it centres on the place */
      if (!isnan (self->camera_latitude) && !isnan (self->camera_longitude))
        {
          lat = self->camera_latitude;
          lon = self->camera_longitude;
        }
    }

  if (latitude != NULL)
    *latitude = CLAMP (lat, -CARAVAN_CAMERA_MAX_LATITUDE, CARAVAN_CAMERA_MAX_LATITUDE);
  if (longitude != NULL)
    *longitude = lon;
  if (zoom != NULL)
    *zoom = z;
  return self->has_camera;
}

gboolean
caravan_event_get_camera (CaravanEvent *self,
                          double       *latitude,
                          double       *longitude,
                          double       *zoom)
{
  return caravan_event_get_camera_at (self, NULL, latitude, longitude, zoom);
}
