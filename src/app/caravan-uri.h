/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean caravan_uri_is_web (const char *uri);
gboolean caravan_show_uri   (GtkWidget  *parent,
                             const char *uri);

G_END_DECLS
