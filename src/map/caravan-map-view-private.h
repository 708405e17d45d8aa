/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-view-private.h: the map view's instance struct and the functions its files share. */

#pragma once

#include "caravan-map-theme.h"
#include "caravan-tile-renderer.h"
#include "caravan-map-view.h"

G_BEGIN_DECLS

#define FLIGHT_DURATION_MS 900
#define PLACE_ZOOM         6.0
#define MIN_ZOOM           CARAVAN_TILE_MIN_ZOOM
#define MAX_ZOOM           CARAVAN_TILE_MAX_ZOOM
/* Pins closer than this (logical px) to a more important pin are hidden until zoomed in. */
#define DECLUTTER_DISTANCE 26.0
/* Logical px kept free around a pin's name; names that would cover another are hidden. */
#define LABEL_GAP          3.0

struct _CaravanMapView
{
  GtkWidget         parent_instance;

  CaravanSelection *selection;
  GSignalGroup     *selection_signals;
  ShumateMapSource *map_source;

  /* caravan-map-view-basemap.c: what the base map is drawn from */
  CaravanMapTheme   theme;
  gboolean          online;
  guint             tile_scale;          /* 0: the widget's scale factor */
  guint             magnification;       /* 1, or 2: everything drawn twice as large (4K) */
  gboolean          label_story_places;
  gboolean          editable;
  CaravanStory     *base_map_story;      /* the story the current source was made for */
  gboolean          base_map_labels_story;

  ShumateSimpleMap *map;
  ShumateMarkerLayer *marker_layer;
  GPtrArray        *route_layers;  /* ShumatePathLayer, one per route */
  GPtrArray        *routes;        /* CaravanRoute of each route layer */
  GHashTable       *pins;          /* CaravanPlace -> CaravanPin (owned by the marker layer) */
  guint             camera_idle;
  gboolean          flying;
  gint64            tiles_frame;    /* caravan-map-view-tiles.c: what the last frame showed */
  guint             tiles_visible;
  guint             tiles_missing;
};

/* caravan-map-view.c */
ShumateMap *caravan_map_view_get_shumate_map (CaravanMapView *self);
void        caravan_map_view_notify          (CaravanMapView *self,
                                              const char     *property);

/* caravan-map-view-basemap.c: the base map follows the view's properties */
void        caravan_map_view_ensure_projection (CaravanMapView *self);
void        caravan_map_view_update_base_map (CaravanMapView   *self);
void        caravan_map_view_apply_map_source (CaravanMapView   *self,
                                               ShumateMapSource *source);

/* caravan-map-view-camera.c: flights, zoom, pan and the keys that move the map */
void        caravan_map_view_queue_camera_update (CaravanMapView *self);
void        caravan_map_view_cancel_camera_update (CaravanMapView *self);
void        caravan_map_view_set_flying      (CaravanMapView *self,
                                              gboolean        flying);
void        caravan_map_view_add_scroll_controller (CaravanMapView *self);

/* caravan-map-view-edit.c: "Add Place Here" */
void        caravan_map_view_add_edit_controller (CaravanMapView *self);
void        caravan_map_view_add_pin_drag        (CaravanMapView *self,
                                                  CaravanPin     *pin);

/* caravan-map-view-pins.c: the story's pins and routes */
void        caravan_map_view_load_story      (CaravanMapView *self);
gboolean    caravan_map_view_get_story_fit   (CaravanMapView *self,
                                              double         *lat,
                                              double         *lon,
                                              double         *zoom);
void        caravan_map_view_update_pins     (CaravanMapView *self);
void        caravan_map_view_on_item_changed (CaravanSelection *selection,
                                              GObject          *item,
                                              const char       *property,
                                              CaravanMapView   *self);
void        caravan_map_view_declutter_pins  (CaravanMapView *self);
void        caravan_map_view_stack_layers    (CaravanMapView *self);

/* caravan-map-view-tiles.c: base-map tiles drawn ahead, and what each frame showed */
void        caravan_map_view_snapshot_tiles  (CaravanMapView *self,
                                              GtkSnapshot    *snapshot);

G_END_DECLS
