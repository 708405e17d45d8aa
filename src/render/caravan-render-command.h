/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-render-command.h: `caravan --render-map`, the base map drawn offscreen into a PNG,
 * with a story's routes and pins over it (--story). */

#pragma once

#include <glib.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_RENDER_MAP_OK 0
#define CARAVAN_RENDER_MAP_FAILED 1
#define CARAVAN_RENDER_MAP_BAD_ARGUMENTS 2

int caravan_render_map_command (const char   *center,
                                const char   *size,
                                const char   *theme,
                                CaravanStory *story,
                                const char   *output,
                                GString      *err);

G_END_DECLS
