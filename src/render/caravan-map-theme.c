/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-theme.c: colours and stroke widths of the light, dark and projector themes. */

#define G_LOG_DOMAIN "caravan-map-theme"

#include "config.h"

#include "caravan-map-theme.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                   ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                       ((hex) & 0xff) / 255.0, (a) }

G_DEFINE_ENUM_TYPE (CaravanMapTheme, caravan_map_theme,
  G_DEFINE_ENUM_VALUE (CARAVAN_MAP_THEME_LIGHT, "light"),
  G_DEFINE_ENUM_VALUE (CARAVAN_MAP_THEME_DARK, "dark"),
  G_DEFINE_ENUM_VALUE (CARAVAN_MAP_THEME_PROJECTOR, "projector"))

static const CaravanMapStyle styles[CARAVAN_MAP_N_THEMES] = {
  [CARAVAN_MAP_THEME_LIGHT] = {
    .background = RGB (0xe8e4dc),
    .water = RGB (0xa9cbe3),
    .coast = RGB (0x7ea7c6),
    .land = RGB (0xf3f0e8),
    .tints = { RGB (0xf4eedf), RGB (0xeaf0df), RGB (0xf2e6ea),
               RGB (0xe6edf1), RGB (0xf0e9dc), RGB (0xeeeae4) },
    .river = RGB (0x6d9fce),
    .border = RGB (0x8a5f95),
    .border_casing = RGBA (0xffffff, 0.7),
    .country_text = RGB (0x5c4866),
    .water_text = RGB (0x2f6090),
    .water_halo = RGBA (0xbad6ea, 0.8),
    .river_text = RGB (0x2f6090),
    .place_text = RGB (0x242424),
    .place_dot = RGB (0x303030),
    .halo = RGBA (0xffffff, 0.85),
    .coast_width = 0.8,
    .border_width = 1.3,
    .border_casing_width = 4.0,
    .river_width = 1.5,
    .font_scale = 1.0,
    .font_family = "Sans",
    .relief_shadow = RGBA (0x4a3b2c, 0.5),
    .relief_light = RGBA (0xffffff, 0.35),
    .urban = RGB (0xe4d2bb),
    .urban_edge = RGB (0xc9ad8c),
    .road_major = RGB (0xd0663c),
    .road_minor = RGB (0xc79a6a),
    .road_casing = RGBA (0xffffff, 0.8),
    .rail = RGB (0x303030),
    .rail_casing = RGBA (0xffffff, 0.75),
    .road_width = 1.1,
    .rail_width = 1.3,
  },
  [CARAVAN_MAP_THEME_DARK] = {
    .background = RGB (0x26282b),
    .water = RGB (0x101c2b),          /* ≥ 1.3:1 luminance contrast with every tint */
    .coast = RGB (0x44709a),
    .land = RGB (0x2d3035),
    .tints = { RGB (0x33363b), RGB (0x2e3439), RGB (0x36323a),
               RGB (0x30353a), RGB (0x373530), RGB (0x323232) },
    .river = RGB (0x5e9ad0),
    .border = RGB (0xb996c8),
    .border_casing = RGBA (0x000000, 0.35),
    .country_text = RGB (0xcdc3d3),
    .water_text = RGB (0x8cb8de),
    .water_halo = RGBA (0x101c2b, 0.8),
    .river_text = RGB (0x8cb8de),
    .place_text = RGB (0xeeeeee),
    .place_dot = RGB (0xe0e0e0),
    .halo = RGBA (0x1e2024, 0.85),
    .coast_width = 0.8,
    .border_width = 1.3,
    .border_casing_width = 4.0,
    .river_width = 1.5,
    .font_scale = 1.0,
    .font_family = "Sans",
    .relief_shadow = RGBA (0x000000, 0.55),
    .relief_light = RGBA (0xffffff, 0.13),
    .urban = RGB (0x4a443d),
    .urban_edge = RGB (0x5e564c),
    .road_major = RGB (0xc98a55),
    .road_minor = RGB (0x8f7a62),
    .road_casing = RGBA (0x000000, 0.45),
    .rail = RGB (0xcfcfcf),
    .rail_casing = RGBA (0x000000, 0.5),
    .road_width = 1.1,
    .rail_width = 1.3,
  },
  /* Read from the back of a room: light land, saturated water, black borders, big labels. */
  [CARAVAN_MAP_THEME_PROJECTOR] = {
    .background = RGB (0xf4f1e6),
    .water = RGB (0x2a68b0),
    .coast = RGB (0x0c3566),
    .land = RGB (0xfbf8ec),
    .tints = { RGB (0xfbf6e2), RGB (0xf1f6e4), RGB (0xf9eef0),
               RGB (0xeef3f6), RGB (0xf7f0e0), RGB (0xf4f4f4) },
    .river = RGB (0x2a68b0),
    .border = RGB (0x000000),
    .border_casing = RGBA (0xffffff, 0.9),
    .country_text = RGB (0x1a1a1a),
    .water_text = RGB (0xffffff),
    .water_halo = RGBA (0x0c3566, 0.9),
    .river_text = RGB (0x0c3566),
    .place_text = RGB (0x000000),
    .place_dot = RGB (0x000000),
    .halo = RGBA (0xffffff, 0.95),
    .coast_width = 1.6,
    .border_width = 3.0,
    .border_casing_width = 6.0,
    .river_width = 2.4,
    .font_scale = 1.45,
    .font_family = "Sans",
    .relief_shadow = RGBA (0x3d2e1c, 0.62),
    .relief_light = RGBA (0xffffff, 0.4),
    .urban = RGB (0xefcfa2),
    .urban_edge = RGB (0xb88a52),
    .road_major = RGB (0xc8321e),
    .road_minor = RGB (0xb0743a),
    .road_casing = RGBA (0xffffff, 0.9),
    .rail = RGB (0x000000),
    .rail_casing = RGBA (0xffffff, 0.9),
    .road_width = 2.0,
    .rail_width = 2.2,
  },
};

const CaravanMapStyle *
caravan_map_theme_get_style (CaravanMapTheme theme)
{
  if ((guint) theme >= CARAVAN_MAP_N_THEMES)
    theme = CARAVAN_MAP_THEME_LIGHT;

  return &styles[theme];
}

/* Parses "light", "dark" or "projector"; returns FALSE for anything else. */
gboolean
caravan_map_theme_from_string (const char      *name,
                               CaravanMapTheme *theme)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (theme != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  klass = g_type_class_ref (CARAVAN_TYPE_MAP_THEME);
  value = g_enum_get_value_by_nick (klass, name);
  if (value == NULL)
    return FALSE;

  *theme = value->value;
  return TRUE;
}

const char *
caravan_map_theme_to_string (CaravanMapTheme theme)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CARAVAN_TYPE_MAP_THEME);
  GEnumValue *value = g_enum_get_value (klass, theme);

  return value != NULL ? value->value_nick : "light";
}
