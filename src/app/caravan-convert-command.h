/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-convert-command.h: `caravan --convert IN OUT`, without any display: OUT a story,
 * GeoJSON, KML, StoryMapJS JSON or a PDF handout. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Imports @paths[0], writes it to @paths[1] in the format its extension names and appends the
 * import report to @out (errors to @err). @paper ("a4", "letter" or NULL for the locale's) is
 * the handout's. Returns the exit status: 0 written (maybe with warnings), 1 not converted, 2 a
 * usage error. */
int caravan_convert_command (const char * const *paths,
                             const char         *paper,
                             GString            *out,
                             GString            *err);

G_END_DECLS
