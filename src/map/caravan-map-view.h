/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <shumate/shumate.h>

#include "caravan-map-theme.h"
#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_MAP_VIEW (caravan_map_view_get_type ())

G_DECLARE_FINAL_TYPE (CaravanMapView, caravan_map_view, CARAVAN, MAP_VIEW, GtkWidget)

GtkWidget        *caravan_map_view_new                  (void);
CaravanSelection *caravan_map_view_get_selection        (CaravanMapView   *self);
void              caravan_map_view_set_selection        (CaravanMapView   *self,
                                                         CaravanSelection *selection);
ShumateMapSource *caravan_map_view_get_map_source       (CaravanMapView   *self);
CaravanMapTheme   caravan_map_view_get_theme            (CaravanMapView   *self);
void              caravan_map_view_set_theme            (CaravanMapView   *self,
                                                         CaravanMapTheme   theme);
gboolean          caravan_map_view_get_online           (CaravanMapView   *self);
void              caravan_map_view_set_online           (CaravanMapView   *self,
                                                         gboolean          online);
guint             caravan_map_view_get_magnification    (CaravanMapView   *self);
void              caravan_map_view_set_magnification    (CaravanMapView   *self,
                                                         guint             magnification);
double            caravan_map_view_get_tile_size        (CaravanMapView   *self);
guint             caravan_map_view_get_tile_scale       (CaravanMapView   *self);
void              caravan_map_view_set_tile_scale       (CaravanMapView   *self,
                                                         guint             scale);
gboolean          caravan_map_view_get_label_story_places (CaravanMapView *self);
void              caravan_map_view_set_label_story_places (CaravanMapView *self,
                                                           gboolean        label);
ShumateViewport  *caravan_map_view_get_viewport         (CaravanMapView   *self);
/* The pin of @place (a GtkButton inside its ShumateMarker), or NULL. */
GtkWidget        *caravan_map_view_get_pin              (CaravanMapView   *self,
                                                         CaravanPlace     *place);
/* The label shown on @place's pin, which follows the selected date. */
const char       *caravan_map_view_get_pin_label        (CaravanMapView   *self,
                                                         CaravanPlace     *place);
gboolean          caravan_map_view_get_pin_shown        (CaravanMapView   *self,
                                                         CaravanPlace     *place);
gboolean          caravan_map_view_get_pin_faded        (CaravanMapView   *self,
                                                         CaravanPlace     *place);
gboolean          caravan_map_view_get_flying           (CaravanMapView   *self);
gint64            caravan_map_view_get_tiles_painted    (CaravanMapView   *self,
                                                         guint            *n_visible,
                                                         guint            *n_missing);
void              caravan_map_view_fit_story            (CaravanMapView   *self);
void              caravan_map_view_zoom_by              (CaravanMapView   *self,
                                                         int               steps);
void              caravan_map_view_pan_by               (CaravanMapView   *self,
                                                         double            dx,
                                                         double            dy);

G_END_DECLS
