/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-source.h: the offline base map as a libshumate map source. */

#pragma once

#include <shumate/shumate.h>

#include "caravan-types.h"
#include "caravan-map-theme.h"
#include "caravan-tile-renderer.h"

G_BEGIN_DECLS

#define CARAVAN_MAP_SOURCE_MIN_ZOOM CARAVAN_TILE_MIN_ZOOM
#define CARAVAN_MAP_SOURCE_MAX_ZOOM CARAVAN_TILE_MAX_ZOOM

#define CARAVAN_TYPE_MAP_SOURCE (caravan_map_source_get_type ())
G_DECLARE_FINAL_TYPE (CaravanMapSource, caravan_map_source, CARAVAN, MAP_SOURCE, ShumateMapSource)

CaravanMapSource *caravan_map_source_new              (CaravanMapTheme   theme,
                                                       guint             scale_factor);
CaravanMapSource *caravan_map_source_new_full         (CaravanMapTheme        theme,
                                                       guint                  scale_factor,
                                                       const CaravanMapPoint *hidden_places,
                                                       guint                  n_hidden);
CaravanMapSource *caravan_map_source_new_for_story   (CaravanMapTheme   theme,
                                                       guint             scale_factor,
                                                       CaravanStory     *story);
CaravanMapSource *caravan_map_source_new_with_basemap (CaravanBasemap   *basemap,
                                                       const char       *language,
                                                       CaravanMapTheme   theme,
                                                       guint             scale_factor);

CaravanMapTheme   caravan_map_source_get_theme        (CaravanMapSource *self);
guint             caravan_map_source_get_scale_factor (CaravanMapSource *self);
void              caravan_map_source_set_magnification (CaravanMapSource *self,
                                                        guint             magnification);
guint             caravan_map_source_get_magnification (CaravanMapSource *self);
guint             caravan_map_source_get_tiles_pending (CaravanMapSource *self);
guint             caravan_map_source_get_tiles_rendered (CaravanMapSource *self);
const GError     *caravan_map_source_get_error        (CaravanMapSource *self);
void              caravan_map_source_prefetch         (CaravanMapSource *self,
                                                       double            latitude,
                                                       double            longitude,
                                                       guint             zoom,
                                                       int               width,
                                                       int               height);
GdkPaintable     *caravan_map_source_peek_prefetched  (CaravanMapSource *self,
                                                       guint             zoom,
                                                       guint             x,
                                                       guint             y);
gboolean          caravan_map_source_has_prefetched   (CaravanMapSource *self);
guint             caravan_map_source_get_tiles_prefetching (CaravanMapSource *self);
gboolean          caravan_map_source_has_tile         (CaravanMapSource *self,
                                                       guint             zoom,
                                                       guint             x,
                                                       guint             y);

G_END_DECLS
