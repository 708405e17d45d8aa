/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-view-tiles.c: the map view's base-map tiles as painted, frame by frame.
 *
 * libshumate 1.0 asks its source for tiles from an idle that runs after a frame, so the
 * window's first frame has no base map even when the source drew the tiles ahead
 * (caravan_map_source_prefetch()). Until the layer has asked for them, the map view paints
 * those tiles itself, under the map, where the layer will put them. It also counts, for each
 * frame, the visible tile positions that no tile covers (neither one the source has given to
 * the layer nor one painted ahead): how complete the base map looked, which is the start-up
 * benchmark's "first full frame". Later libshumate versions lay tiles
 * out differently and ask for them in time; there, this does nothing. */

#define G_LOG_DOMAIN "caravan-map-view"

#include "config.h"

#include <math.h>

#include "caravan-map-source.h"
#include "caravan-map-view-private.h"

#if !SHUMATE_CHECK_VERSION (1, 1, 0)
/* The tile grid at a whole zoom level, placed as libshumate 1.0's ShumateMapLayer places it:
 * the view's centre at the centre of the widget, at fractional pixels. */
typedef struct
{
  guint zoom;
  double origin_x, origin_y;    /* pixel of the world at the view's top left corner */
  int first_x, first_y;         /* visible tile columns and rows */
  int last_x, last_y;
  guint columns;                /* of the world at this zoom */
} TileGrid;

static gboolean
get_tile_grid (CaravanMapView *self,
               TileGrid       *grid)
{
  ShumateViewport *viewport = shumate_simple_map_get_viewport (self->map);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  int size;

  /* Between whole zoom levels (flights, pinch) the layer scales its tiles: not counted. */
  if (self->map_source == NULL || width <= 0 || height <= 0 || zoom != floor (zoom))
    return FALSE;

  size = shumate_map_source_get_tile_size (self->map_source);
  grid->zoom = (guint) zoom;
  grid->columns = shumate_map_source_get_column_count (self->map_source, grid->zoom);
  grid->origin_x =
    shumate_map_source_get_x (self->map_source, grid->zoom,
                              shumate_location_get_longitude (SHUMATE_LOCATION (viewport)))
    - width / 2.0;
  grid->origin_y =
    shumate_map_source_get_y (self->map_source, grid->zoom,
                              shumate_location_get_latitude (SHUMATE_LOCATION (viewport)))
    - height / 2.0;
  grid->first_x = (int) floor (grid->origin_x / size);
  grid->last_x = (int) ceil ((grid->origin_x + width) / size) - 1;
  grid->first_y = MAX ((int) floor (grid->origin_y / size), 0);
  grid->last_y = MIN ((int) ceil ((grid->origin_y + height) / size) - 1,
                      (int) shumate_map_source_get_row_count (self->map_source, grid->zoom) - 1);
  return TRUE;
}

static guint
wrap_column (const TileGrid *grid,
             int             x)
{
  return (guint) (((x % (int) grid->columns) + (int) grid->columns) % (int) grid->columns);
}

#endif

/* Paints the tiles drawn ahead that the layer has not asked for yet, and counts what the
 * frame shows. Called from the map view's snapshot, before the map itself. */
void
caravan_map_view_snapshot_tiles (CaravanMapView *self,
                                 GtkSnapshot    *snapshot)
{
#if SHUMATE_CHECK_VERSION (1, 1, 0)
  self->tiles_frame = -1;
#else
  CaravanMapSource *source = CARAVAN_IS_MAP_SOURCE (self->map_source)
                             ? CARAVAN_MAP_SOURCE (self->map_source) : NULL;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gboolean underlay;
  TileGrid grid;
  int size;

  self->tiles_frame = -1;
  /* Only Caravan's own source can tell which tiles the layer has. */
  if (source == NULL || !get_tile_grid (self, &grid))
    return;

  size = shumate_map_source_get_tile_size (self->map_source);
  underlay = caravan_map_source_has_prefetched (source);
  self->tiles_visible = 0;
  self->tiles_missing = 0;

  for (int y = grid.first_y; y <= grid.last_y; y++)
    for (int x = grid.first_x; x <= grid.last_x; x++)
      {
        guint column = wrap_column (&grid, x);
        GdkPaintable *ahead;

        self->tiles_visible++;
        if (caravan_map_source_has_tile (source, grid.zoom, column, y))
          continue;

        ahead = underlay ? caravan_map_source_peek_prefetched (source, grid.zoom, column, y) : NULL;
        if (ahead == NULL)
          {
            self->tiles_missing++;
            continue;
          }

        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x * size - grid.origin_x,
                                                                y * size - grid.origin_y));
        gdk_paintable_snapshot (ahead, snapshot, size, size);
        gtk_snapshot_restore (snapshot);
      }

  self->tiles_frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : -1;
#endif
}

/**
 * caravan_map_view_get_tiles_painted:
 * @n_visible: (out) (optional): tile positions in view
 * @n_missing: (out) (optional): of those, how many had no tile
 *
 * How the base map looked when the map was last painted (at a whole zoom level).
 *
 * Returns: the frame counter of that frame, or -1 if not known
 */
gint64
caravan_map_view_get_tiles_painted (CaravanMapView *self,
                                    guint          *n_visible,
                                    guint          *n_missing)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_VIEW (self), -1);

  if (n_visible != NULL)
    *n_visible = self->tiles_visible;
  if (n_missing != NULL)
    *n_missing = self->tiles_missing;
  return self->tiles_frame;
}
