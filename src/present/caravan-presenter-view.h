/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_PRESENTER_VIEW (caravan_presenter_view_get_type ())

G_DECLARE_FINAL_TYPE (CaravanPresenterView, caravan_presenter_view, CARAVAN, PRESENTER_VIEW,
                      AdwWindow)

/* The speaker's window: what the room sees, current and next step, speaker notes, time against
 * a target length, the step list. Follows @selection, like the presentation on the other screen. */
CaravanPresenterView *caravan_presenter_view_new              (CaravanSelection     *selection);
CaravanSelection     *caravan_presenter_view_get_selection    (CaravanPresenterView *self);
/* Starts the elapsed time again from 0:00. */
void                  caravan_presenter_view_reset_timer      (CaravanPresenterView *self);
/* Seconds since the view was created or the timer reset. */
gint64                caravan_presenter_view_get_elapsed      (CaravanPresenterView *self);

GtkWidget            *caravan_presenter_view_get_audience     (CaravanPresenterView *self);
void                  caravan_presenter_view_set_audience     (CaravanPresenterView *self,
                                                               GtkWidget            *audience);
double                caravan_presenter_view_get_target_minutes (CaravanPresenterView *self);
void                  caravan_presenter_view_set_target_minutes (CaravanPresenterView *self,
                                                                 double                minutes);

G_END_DECLS
