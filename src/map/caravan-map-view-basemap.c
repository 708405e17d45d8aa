/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-view-basemap.c: the map view owns its base map. Theme, online layer, scale and
 * the story's places are properties; the view builds the libshumate source from them. */

#define G_LOG_DOMAIN "caravan-map-view"

#include "config.h"

#include <math.h>

#include "caravan-map-source.h"
#include "caravan-map-view-private.h"
#include "caravan-selection.h"

static guint
get_tile_scale (CaravanMapView *self)
{
  if (self->tile_scale > 0)
    return self->tile_scale;
  return MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

/* A source that already draws what the properties ask for is kept: libshumate caches tiles by
 * source, and a new source redraws every tile. */
static gboolean
source_matches (CaravanMapView *self,
                CaravanStory   *story)
{
  CaravanMapSource *source;

  if (!CARAVAN_IS_MAP_SOURCE (self->map_source))
    return FALSE;

  source = CARAVAN_MAP_SOURCE (self->map_source);
  return caravan_map_source_get_theme (source) == self->theme &&
         caravan_map_source_get_scale_factor (source) == get_tile_scale (self) &&
         caravan_map_source_get_magnification (source) == self->magnification &&
         self->base_map_story == story &&
         self->base_map_labels_story == self->label_story_places;
}

/* Before the window is first shown, the map has no size and libshumate asks for its tiles
 * only after the first frame; draw them meanwhile (caravan-map-view-tiles.c paints them in
 * that frame). The window's size bounds the map's. */
static void
prefetch_first_view (CaravanMapView  *self,
                     ShumateViewport *viewport)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  if (!CARAVAN_IS_MAP_SOURCE (self->map_source) || gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !GTK_IS_WINDOW (root))
    return;

  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (width > 0 && height > 0)
    caravan_map_source_prefetch (CARAVAN_MAP_SOURCE (self->map_source),
                                 shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                 shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                 (guint) round (shumate_viewport_get_zoom_level (viewport)),
                                 width, height);
}

/* Puts @source on screen; its id, licence and zoom range must be set before. */
void
caravan_map_view_apply_map_source (CaravanMapView   *self,
                                   ShumateMapSource *source)
{
  ShumateViewport *viewport;
  double zoom;

  if (!g_set_object (&self->map_source, source))
    return;

  /* set_map_source copies the source's zoom range into the viewport and may move the zoom. */
  viewport = shumate_simple_map_get_viewport (self->map);
  zoom = shumate_viewport_get_zoom_level (viewport);
  prefetch_first_view (self, viewport);
  shumate_simple_map_set_map_source (self->map, source);
  caravan_map_view_stack_layers (self);
  shumate_viewport_set_min_zoom_level (viewport, MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (viewport, MAX_ZOOM);
  shumate_viewport_set_zoom_level (viewport, zoom);

  caravan_map_view_notify (self, "map-source");
}

/* The viewport needs a reference source for its projection before a story moves it, even
 * while no map is on screen. */
void
caravan_map_view_ensure_projection (CaravanMapView *self)
{
  ShumateViewport *viewport = caravan_map_view_get_viewport (self);
  g_autoptr(CaravanMapSource) reference = NULL;

  if (self->map_source != NULL || shumate_viewport_get_reference_map_source (viewport) != NULL)
    return;

  reference = caravan_map_source_new (self->theme, get_tile_scale (self));
  caravan_map_source_set_magnification (reference, self->magnification);
  shumate_viewport_set_reference_map_source (viewport, SHUMATE_MAP_SOURCE (reference));
}

/**
 * caravan_map_view_update_base_map:
 *
 * Makes the base map follow the view's properties: OpenStreetMap tiles when #CaravanMapView:online
 * is set, otherwise the offline map in #CaravanMapView:theme at the view's scale, leaving the
 * selection's story places to the pins unless #CaravanMapView:label-story-places is set. Theme,
 * scale and story each need a new source: libshumate keeps the tiles on screen when a source
 * only changes in place.
 */
void
caravan_map_view_update_base_map (CaravanMapView *self)
{
  CaravanStory *story = self->selection ? caravan_selection_get_story (self->selection) : NULL;
  g_autoptr(CaravanMapSource) source = NULL;

  if (self->online)
    {
      g_autoptr(ShumateMapSourceRegistry) registry = NULL;
      ShumateMapSource *osm;

      if (self->map_source != NULL && !CARAVAN_IS_MAP_SOURCE (self->map_source))
        return;
      registry = shumate_map_source_registry_new_with_defaults ();
      osm = shumate_map_source_registry_get_by_id (registry, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
      caravan_map_view_apply_map_source (self, osm);
      return;
    }

  /* No story, no map on screen: tiles wait for the story (start-up draws its tiles once). */
  if (story == NULL)
    {
      if (self->map_source != NULL && !CARAVAN_IS_MAP_SOURCE (self->map_source))
        caravan_map_view_apply_map_source (self, NULL);
      caravan_map_view_ensure_projection (self);
      return;
    }

  if (source_matches (self, story))
    return;

  source = caravan_map_source_new_for_story (self->theme, get_tile_scale (self),
                                             self->label_story_places ? NULL : story);
  caravan_map_source_set_magnification (source, self->magnification);
  g_set_object (&self->base_map_story, story);
  self->base_map_labels_story = self->label_story_places;
  caravan_map_view_apply_map_source (self, SHUMATE_MAP_SOURCE (source));
}

CaravanMapTheme
caravan_map_view_get_theme (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), CARAVAN_MAP_THEME_LIGHT);

  return self->theme;
}

void
caravan_map_view_set_theme (CaravanMapView  *self,
                            CaravanMapTheme  theme)
{
  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));
  g_return_if_fail (theme < CARAVAN_MAP_N_THEMES);

  if (self->theme == theme)
    return;

  self->theme = theme;
  caravan_map_view_update_base_map (self);
  caravan_map_view_notify (self, "theme");
}

gboolean
caravan_map_view_get_online (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), FALSE);

  return self->online;
}

void
caravan_map_view_set_online (CaravanMapView *self,
                             gboolean        online)
{
  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));

  online = !!online;
  if (self->online == online)
    return;

  self->online = online;
  caravan_map_view_update_base_map (self);
  caravan_map_view_notify (self, "online");
}

guint
caravan_map_view_get_magnification (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), 1);

  return self->magnification;
}

/**
 * caravan_map_view_set_magnification:
 * @magnification: 1, or 2 to draw the map, its names and the pins twice as large
 *
 * For a 4K projector: the audience sees what a 1080p one shows, as legible and twice as sharp.
 */
void
caravan_map_view_set_magnification (CaravanMapView *self,
                                    guint           magnification)
{
  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));
  g_return_if_fail (magnification == 1 || magnification == 2);

  if (self->magnification == magnification)
    return;

  self->magnification = magnification;
  if (magnification > 1)
    gtk_widget_add_css_class (GTK_WIDGET (self), "magnified");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "magnified");
  caravan_map_view_update_base_map (self);
  caravan_map_view_notify (self, "magnification");
}

/* The logical size of the map's tiles: 256 px, or more when magnified. */
double
caravan_map_view_get_tile_size (CaravanMapView *self)
{
  ShumateMapSource *source =
    shumate_viewport_get_reference_map_source (caravan_map_view_get_viewport (self));

  return source != NULL ? shumate_map_source_get_tile_size (source) : CARAVAN_TILE_SIZE;
}

guint
caravan_map_view_get_tile_scale (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), 0);

  return self->tile_scale;
}

/* 0 follows the widget's scale factor; a presentation sets its monitor's before it is shown. */
void
caravan_map_view_set_tile_scale (CaravanMapView *self,
                                 guint           scale)
{
  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));

  if (self->tile_scale == scale)
    return;

  self->tile_scale = scale;
  caravan_map_view_update_base_map (self);
  caravan_map_view_notify (self, "tile-scale");
}

gboolean
caravan_map_view_get_label_story_places (CaravanMapView *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), FALSE);

  return self->label_story_places;
}

void
caravan_map_view_set_label_story_places (CaravanMapView *self,
                                         gboolean        label)
{
  g_return_if_fail (CARAVAN_IS_MAP_VIEW (self));

  label = !!label;
  if (self->label_story_places == label)
    return;

  self->label_story_places = label;
  caravan_map_view_update_base_map (self);
  caravan_map_view_notify (self, "label-story-places");
}
