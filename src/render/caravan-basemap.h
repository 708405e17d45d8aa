/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-basemap.h: the bundled, pre-projected base map data (countries, borders, lakes,
 * rivers, labels), mapped without parsing. Immutable once loaded, so any thread may read it. */

#pragma once

#include <gio/gio.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_BASEMAP_ERROR (caravan_basemap_error_quark ())

typedef enum
{
  CARAVAN_BASEMAP_ERROR_NOT_FOUND,
  CARAVAN_BASEMAP_ERROR_CORRUPT,
  CARAVAN_BASEMAP_ERROR_VERSION,
} CaravanBasemapError;

#define CARAVAN_TYPE_BASEMAP (caravan_basemap_get_type ())
G_DECLARE_FINAL_TYPE (CaravanBasemap, caravan_basemap, CARAVAN, BASEMAP, GObject)

GQuark          caravan_basemap_error_quark        (void);

CaravanBasemap *caravan_basemap_new_from_bytes     (GBytes      *base,
                                                    GBytes      *lakes,
                                                    GError     **error);
CaravanBasemap *caravan_basemap_new_from_files     (const char  *base_path,
                                                    const char  *lakes_path,
                                                    GError     **error);
CaravanBasemap *caravan_basemap_get_default        (GError     **error);

/* Index of the country at a point, or -1 over water or outside the data. */
int             caravan_basemap_country_at         (CaravanBasemap *self,
                                                    double          latitude,
                                                    double          longitude);
guint           caravan_basemap_get_n_countries    (CaravanBasemap *self);
const char     *caravan_basemap_get_country_iso3   (CaravanBasemap *self,
                                                    guint           country);
const char     *caravan_basemap_get_country_name   (CaravanBasemap *self,
                                                    guint           country,
                                                    const char     *language);

const char     *caravan_basemap_get_attribution    (void);
const char     *caravan_basemap_get_license_text   (void);

G_END_DECLS
