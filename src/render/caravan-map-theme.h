/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-theme.h: the base map's themes and all their colours, defined in one place. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_MAP_THEME_LIGHT,
  CARAVAN_MAP_THEME_DARK,
  CARAVAN_MAP_THEME_PROJECTOR,
} CaravanMapTheme;

#define CARAVAN_MAP_N_THEMES 3
#define CARAVAN_MAP_N_TINTS 6

#define CARAVAN_TYPE_MAP_THEME (caravan_map_theme_get_type ())
GType caravan_map_theme_get_type (void);

typedef struct
{
  double red, green, blue, alpha;
} CaravanMapColor;

/* Widths are logical pixels (one 256 px tile = 256 logical pixels). */
typedef struct
{
  CaravanMapColor background;          /* a tile that cannot be drawn */
  CaravanMapColor water;
  CaravanMapColor coast;
  CaravanMapColor land;
  CaravanMapColor tints[CARAVAN_MAP_N_TINTS];
  CaravanMapColor river;
  CaravanMapColor border;
  CaravanMapColor border_casing;
  CaravanMapColor country_text;
  CaravanMapColor water_text;          /* seas and lakes, drawn over water */
  CaravanMapColor water_halo;
  CaravanMapColor river_text;          /* rivers, drawn over land */
  CaravanMapColor place_text;
  CaravanMapColor place_dot;
  CaravanMapColor halo;                /* behind text drawn over land */
  double coast_width;
  double border_width;
  double border_casing_width;
  double river_width;                  /* a major river at zoom 7 */
  double font_scale;
  const char *font_family;
  CaravanMapColor relief_shadow;       /* hillshade: slopes turned from the light */
  CaravanMapColor relief_light;        /* hillshade: slopes facing it */
  CaravanMapColor urban;               /* built-up areas */
  CaravanMapColor urban_edge;
  CaravanMapColor road_major;
  CaravanMapColor road_minor;
  CaravanMapColor road_casing;
  CaravanMapColor rail;
  CaravanMapColor rail_casing;
  double road_width;                   /* a major road at zoom 7 */
  double rail_width;                   /* a main line at zoom 7 */
} CaravanMapStyle;

const CaravanMapStyle *caravan_map_theme_get_style   (CaravanMapTheme  theme);
gboolean               caravan_map_theme_from_string (const char      *name,
                                                      CaravanMapTheme *theme);
const char            *caravan_map_theme_to_string   (CaravanMapTheme  theme);

G_END_DECLS
