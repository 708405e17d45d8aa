/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_WINDOW (caravan_window_get_type ())

G_DECLARE_FINAL_TYPE (CaravanWindow, caravan_window, CARAVAN, WINDOW, AdwApplicationWindow)

CaravanWindow    *caravan_window_new           (CaravanApplication *application);
void              caravan_window_open_file     (CaravanWindow      *self,
                                                GFile              *file);
void              caravan_window_open_bundled  (CaravanWindow      *self);
gboolean          caravan_window_has_story     (CaravanWindow      *self);
CaravanSelection *caravan_window_get_selection (CaravanWindow      *self);
void              caravan_window_zoom_map      (CaravanWindow      *self,
                                                int                 steps);
void              caravan_window_start_presentation (CaravanWindow *self,
                                                     gboolean       from_start);
CaravanPresentation *caravan_window_get_presentation (CaravanWindow *self);
CaravanSelection *caravan_window_get_active_selection (CaravanWindow *self);

G_END_DECLS
