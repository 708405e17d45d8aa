/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-place.h: a point on the map with names that change over time and across languages. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_PLACE (caravan_place_get_type ())

G_DECLARE_FINAL_TYPE (CaravanPlace, caravan_place, CARAVAN, PLACE, GObject)

const char *caravan_place_get_id          (CaravanPlace      *self);
/* The present-day name in the story's language. */
const char *caravan_place_get_name        (CaravanPlace      *self);
/* The present-day name in @lang ("ru", "kk", "zh", …), falling back to the story's language. */
const char *caravan_place_get_translated_name (CaravanPlace  *self,
                                           const char        *lang);
/* The name valid at @date (NULL = today) in @lang (NULL = the story's language), e.g. "Akmola"
 * in 1997, "Nur-Sultan" in 2020, "Астана" for (2023, "ru"). */
const char *caravan_place_get_name_at     (CaravanPlace      *self,
                                           const CaravanDate *date,
                                           const char        *lang);
const char *caravan_place_get_display_name (CaravanPlace   *self,
                                            const CaravanDate *date);
/* A kind such as "city", "border-crossing", "dry-port", "venue", "station". */
const char *caravan_place_get_kind        (CaravanPlace      *self);
const char *caravan_place_get_description (CaravanPlace      *self);
double      caravan_place_get_latitude    (CaravanPlace      *self);
double      caravan_place_get_longitude   (CaravanPlace      *self);
gboolean    caravan_place_get_featured    (CaravanPlace      *self);

/* Names by period, in file order; @from and @until may be NULL for open ends. */
guint       caravan_place_get_n_name_periods (CaravanPlace   *self);
const char *caravan_place_get_name_period    (CaravanPlace   *self,
                                              guint           index,
                                              const CaravanDate **from,
                                              const CaravanDate **until);

G_END_DECLS
