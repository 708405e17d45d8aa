/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recorder-camera.c: the recorder's camera: read and set on the presentation's map,
 * and the flight between two cameras computed frame by frame as libshumate's go-to does. */

#define G_LOG_DOMAIN "caravan-recorder"

#include "config.h"

#include <math.h>

#include "caravan-map-view.h"
#include "caravan-presentation.h"
#include "caravan-recorder-private.h"

static ShumateViewport *
get_viewport (CaravanRecorder *self)
{
  return caravan_map_view_get_viewport (caravan_presentation_get_map_view (self->presentation));
}

void
caravan_recorder_get_camera (CaravanRecorder       *self,
                             CaravanRecorderCamera *camera)
{
  ShumateViewport *viewport = get_viewport (self);

  camera->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  camera->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  camera->zoom = shumate_viewport_get_zoom_level (viewport);
}

void
caravan_recorder_set_camera (CaravanRecorder             *self,
                             const CaravanRecorderCamera *camera)
{
  ShumateViewport *viewport = get_viewport (self);

  shumate_viewport_set_zoom_level (viewport, camera->zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), camera->latitude, camera->longitude);
}

static double
ease_in_out_quad (double p)
{
  p *= 2.0;
  if (p < 1.0)
    return 0.5 * p * p;
  p -= 1.0;
  return -0.5 * (p * (p - 2) - 1);
}

/* Where the flight is at @progress (0…1), as libshumate 1.0's go-to computes it: the zoom
 * eases in and out, the position follows the zoom so the flight keeps an even speed. */
void
caravan_recorder_interpolate_camera (const CaravanRecorderCamera *from,
                                     const CaravanRecorderCamera *to,
                                     double                       progress,
                                     CaravanRecorderCamera       *out)
{
  double p = ease_in_out_quad (progress);

  out->zoom = from->zoom + (to->zoom - from->zoom) * p;
  if (to->zoom != from->zoom)
    p = (pow (2, -from->zoom) - pow (2, -out->zoom)) /
        (pow (2, -from->zoom) - pow (2, -to->zoom));
  out->latitude = from->latitude + (to->latitude - from->latitude) * p;
  out->longitude = from->longitude + (to->longitude - from->longitude) * p;
}
