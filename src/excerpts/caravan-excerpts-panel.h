/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_EXCERPTS_PANEL (caravan_excerpts_panel_get_type ())

G_DECLARE_FINAL_TYPE (CaravanExcerptsPanel, caravan_excerpts_panel, CARAVAN, EXCERPTS_PANEL,
                      GtkWidget)

GtkWidget        *caravan_excerpts_panel_new           (void);
CaravanSelection *caravan_excerpts_panel_get_selection (CaravanExcerptsPanel *self);
void              caravan_excerpts_panel_set_selection (CaravanExcerptsPanel *self,
                                                        CaravanSelection     *selection);
/* The cards shown, in order (a GListModel of CaravanExcerpt; transfer none). */
GListModel       *caravan_excerpts_panel_get_excerpts  (CaravanExcerptsPanel *self);

G_END_DECLS
