/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-basemap-private.h: the on-disk records of the base map, read in place by the
 * renderer. All numbers are little-endian; coordinates are Web Mercator in 1/2^30 of the world. */

#pragma once

#include "caravan-basemap.h"

G_BEGIN_DECLS

#define CARAVAN_BASEMAP_WORLD (1 << 30)
#define CARAVAN_BASEMAP_CELL_SHIFT 24          /* the spatial index uses z6 tiles */
#define CARAVAN_BASEMAP_MAX_BANDS 8
#define CARAVAN_BASEMAP_N_LANGUAGES 4          /* en, ru, kk, zh */

typedef enum
{
  CARAVAN_BASEMAP_LAND,
  CARAVAN_BASEMAP_BORDER,
  CARAVAN_BASEMAP_COAST,
  CARAVAN_BASEMAP_LAKE,
  CARAVAN_BASEMAP_RIVER,
  CARAVAN_BASEMAP_RAIL,         /* attr: kind << 8 | rank (kinds: CaravanBasemapRailKind) */
  CARAVAN_BASEMAP_ROAD,         /* attr: class << 8 | rank (1 major, 2 secondary, 3 other) */
  CARAVAN_BASEMAP_URBAN,
  CARAVAN_BASEMAP_OSM_RAIL,     /* in the ODbL file; attr as for rail */
  CARAVAN_BASEMAP_N_LAYERS,
} CaravanBasemapLayerKind;

typedef enum
{
  CARAVAN_BASEMAP_RAIL_NATURAL_EARTH,
  CARAVAN_BASEMAP_RAIL_OSM,
  CARAVAN_BASEMAP_RAIL_SCHEMATIC,     /* no real geometry: station to station */
} CaravanBasemapRailKind;

typedef enum
{
  CARAVAN_LABEL_COUNTRY,
  CARAVAN_LABEL_SEA,
  CARAVAN_LABEL_LAKE,
  CARAVAN_LABEL_RIVER,
  CARAVAN_LABEL_PLACE,
} CaravanLabelKind;

typedef struct
{
  gint32 x0, y0, x1, y1;
  guint32 first_ring;
  guint32 n_rings;
  guint32 attr;                 /* country index, river class */
  guint32 reserved;
} CaravanBasemapFeature;

typedef struct
{
  guint32 first_point;
  guint32 n_points;
} CaravanBasemapRing;

typedef struct
{
  gint32 x, y;
} CaravanBasemapPoint;

typedef struct
{
  char iso2[4];
  char iso3[4];
  guint32 names[CARAVAN_BASEMAP_N_LANGUAGES];
  guint16 numeric;
  guint8 tint;
  guint8 flags;
  guint32 reserved;
} CaravanBasemapCountry;

typedef struct
{
  gint32 x, y;
  guint32 names[CARAVAN_BASEMAP_N_LANGUAGES];
  guint8 kind;
  guint8 min_zoom;
  guint8 max_zoom;
  guint8 rank;                  /* 1 = most important */
  gint16 angle;                 /* centidegrees, clockwise on screen */
  guint16 country;
} CaravanBasemapLabel;

typedef struct
{
  const CaravanBasemapFeature *features;
  guint n_features;
  const CaravanBasemapRing *rings;
  guint n_rings;
  const CaravanBasemapPoint *points;
  guint n_points;
  guint grid_x0, grid_y0, grid_w, grid_h;
  const guint32 *grid_offsets;  /* grid_w * grid_h + 1 */
  const guint32 *grid_ids;
} CaravanBasemapLayer;

typedef struct
{
  guint min_zoom;
  gint32 box[4];                /* x0, y0, x1, y1: where this band's data is complete */
  CaravanBasemapLayer layers[CARAVAN_BASEMAP_N_LAYERS];
} CaravanBasemapBand;

/* The relief: 8-bit cells (128 flat, less is shadow, more is lit) in Web Mercator rows. */
typedef struct
{
  guint32 width, height, stride, flat;
  gint32 x0, y0, x1, y1;        /* outer edges of the cells, in stored units */
} CaravanBasemapReliefHeader;

typedef struct
{
  const CaravanBasemapReliefHeader *header;   /* NULL without relief */
  const guint8 *cells;
} CaravanBasemapRelief;

guint                        caravan_basemap_get_n_bands  (CaravanBasemap *self);
const CaravanBasemapRelief  *caravan_basemap_get_relief   (CaravanBasemap *self);
const CaravanBasemapBand    *caravan_basemap_get_band     (CaravanBasemap *self,
                                                           guint           band);
const CaravanBasemapLabel   *caravan_basemap_get_labels   (CaravanBasemap *self,
                                                           guint          *n_labels);
const CaravanBasemapCountry *caravan_basemap_get_country  (CaravanBasemap *self,
                                                           guint           country);
const char                  *caravan_basemap_get_string   (CaravanBasemap *self,
                                                           guint32         offset);
int                          caravan_basemap_language_index (const char   *language);

G_END_DECLS
