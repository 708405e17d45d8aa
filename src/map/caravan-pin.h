/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-pin.h: a story place on the map: a ShumateMarker whose child is a button with the
 * place's name above its icon. */

#pragma once

#include <shumate/shumate.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_PIN (caravan_pin_get_type ())

G_DECLARE_FINAL_TYPE (CaravanPin, caravan_pin, CARAVAN, PIN, ShumateMarker)

CaravanPin      *caravan_pin_new               (CaravanPlace *place,
                                                guint         n_events);
CaravanPlace    *caravan_pin_get_place         (CaravanPin   *self);
GtkWidget       *caravan_pin_get_button        (CaravanPin   *self);
const char      *caravan_pin_get_name          (CaravanPin   *self);
void             caravan_pin_set_name          (CaravanPin   *self,
                                                const char   *name);
gboolean         caravan_pin_get_name_wanted   (CaravanPin   *self);
void             caravan_pin_set_name_wanted   (CaravanPin   *self,
                                                gboolean      wanted);
void             caravan_pin_set_name_shown    (CaravanPin   *self,
                                                gboolean      shown);
void             caravan_pin_measure_name      (CaravanPin   *self);
graphene_rect_t  caravan_pin_get_name_box      (CaravanPin   *self,
                                                double        x,
                                                double        y,
                                                double        gap);
gboolean         caravan_pin_get_selected      (CaravanPin   *self);
void             caravan_pin_set_selected      (CaravanPin   *self,
                                                gboolean      selected);
gboolean         caravan_pin_get_faded         (CaravanPin   *self);
void             caravan_pin_set_faded         (CaravanPin   *self,
                                                gboolean      faded);
void             caravan_pin_anchor            (CaravanPin   *self);

G_END_DECLS
