/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-basemap-tables.h: the checked tables of a mapped base map file, for CaravanBasemap. */

#pragma once

#include "caravan-basemap-private.h"

G_BEGIN_DECLS

/* Pointers into the mapped bytes; every index in them has been checked. */
typedef struct
{
  const char *strings;
  gsize strings_size;
  const CaravanBasemapCountry *countries;
  guint n_countries;
  const CaravanBasemapLabel *labels;
  guint n_labels;
  CaravanBasemapBand bands[CARAVAN_BASEMAP_MAX_BANDS];
  guint n_bands;
  CaravanBasemapRelief relief;
} CaravanBasemapTables;

/* Fills @t from @base and, if not NULL, the bands' extra layers (the ODbL lakes) from @lakes.
 * The bytes must stay mapped, 8-byte aligned, for as long as @t is used. */
gboolean caravan_basemap_tables_read (CaravanBasemapTables  *t,
                                      GBytes                *base,
                                      GBytes                *lakes,
                                      GError               **error);

G_END_DECLS
