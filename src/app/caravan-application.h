/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_APPLICATION (caravan_application_get_type ())

G_DECLARE_FINAL_TYPE (CaravanApplication, caravan_application, CARAVAN, APPLICATION, AdwApplication)

void                caravan_application_prepare_environment (void);
CaravanApplication *caravan_application_new          (void);
GSettings          *caravan_application_get_settings (CaravanApplication *self);

G_END_DECLS
