/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-uri.h: which links from story files may be opened (no GTK). */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean caravan_uri_is_web (const char *uri);

G_END_DECLS
