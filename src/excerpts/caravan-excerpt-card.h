/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_TYPE_EXCERPT_CARD (caravan_excerpt_card_get_type ())

G_DECLARE_FINAL_TYPE (CaravanExcerptCard, caravan_excerpt_card, CARAVAN, EXCERPT_CARD, GtkWidget)

GtkWidget      *caravan_excerpt_card_new         (CaravanSelection *selection,
                                                  CaravanExcerpt   *excerpt);
CaravanExcerpt *caravan_excerpt_card_get_excerpt (CaravanExcerptCard *self);

G_END_DECLS
