/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-event.h: something that happened at a date (or over a range) at one or more places. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

/* Where a presentation step's map looks (the event's "camera" property); latitude and
 * longitude NaN: centred on the event's place, at @zoom. */
typedef struct
{
  double latitude;
  double longitude;
  double zoom;
} CaravanCamera;

#define CARAVAN_TYPE_CAMERA (caravan_camera_get_type ())
GType caravan_camera_get_type (void) G_GNUC_CONST;

#define CARAVAN_TYPE_EVENT (caravan_event_get_type ())

G_DECLARE_FINAL_TYPE (CaravanEvent, caravan_event, CARAVAN, EVENT, GObject)

const char         *caravan_event_get_id          (CaravanEvent *self);
const char         *caravan_event_get_title       (CaravanEvent *self);
const char         *caravan_event_get_description (CaravanEvent *self);
const CaravanDate  *caravan_event_get_date        (CaravanEvent *self);
/* Formatted date in the current locale; owned by the caller. */
char               *caravan_event_format_date     (CaravanEvent *self);
char               *caravan_event_format_date_and_place (CaravanEvent *self);
const char         *caravan_event_get_category    (CaravanEvent *self);
/* NULL-terminated, never NULL. */
const char * const *caravan_event_get_tags        (CaravanEvent *self);
/* Speaker notes for presentation mode; may be NULL. */
const char         *caravan_event_get_notes       (CaravanEvent *self);
/* TRUE when the article only implies the event (a renaming, a date anchor). */
gboolean            caravan_event_get_derived     (CaravanEvent *self);

guint               caravan_event_get_n_places    (CaravanEvent *self);
CaravanPlace       *caravan_event_get_place       (CaravanEvent *self,
                                                   guint         index);
/* The first place, or NULL for an event with no map point. */
CaravanPlace       *caravan_event_get_first_place (CaravanEvent *self);
gboolean            caravan_event_has_place       (CaravanEvent *self,
                                                   CaravanPlace *place);

/* Web maps (Web Mercator) show latitudes up to this; a camera never goes beyond it. */
#define CARAVAN_CAMERA_MAX_LATITUDE 85.0511287798
/* The zoom on a place when the story gives none. */
#define CARAVAN_EVENT_PLACE_ZOOM 6.0

/* Where the map looks for this event, never NaN: the story's camera where it gives one, else
 * centred on @place (NULL: the first place; neither: 0, 0) at CARAVAN_EVENT_PLACE_ZOOM; the
 * latitude clamped to ±CARAVAN_CAMERA_MAX_LATITUDE. Returns whether the story gives a camera
 * (maybe only a zoom). */
gboolean            caravan_event_get_camera_at   (CaravanEvent *self,
                                                   CaravanPlace *place,
                                                   double       *latitude,
                                                   double       *longitude,
                                                   double       *zoom);
gboolean            caravan_event_get_camera      (CaravanEvent *self,
                                                   double       *latitude,
                                                   double       *longitude,
                                                   double       *zoom);

G_END_DECLS
