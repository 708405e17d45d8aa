/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-accessible.h: small fixes to the names GTK 4.8 gives screen readers. */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names a button whose label has a mnemonic ("Show on _Map"). GTK 4.8 names such a button
 * with its raw label and again with its label child ("Show on _Map Show on Map"); this gives
 * it @name alone, or its label without the underscore when @name is NULL. */
void       caravan_accessible_name_button (GtkWidget  *button,
                                           const char *name);
/* Names every button under @root whose label has a mnemonic, as caravan_accessible_name_button
 * with a NULL name does. */
void       caravan_accessible_name_mnemonic_buttons (GtkWidget *root);
/* The first descendant of @root of @type (depth first), or NULL. */
GtkWidget *caravan_accessible_find        (GtkWidget  *root,
                                           GType       type);

G_END_DECLS
