/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-convert-command.h: `caravan --convert IN OUT.caravan`, without any display. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Imports @input, writes the story to @output and appends the import report to @out (errors
 * to @err). Returns the exit status: 0 written (maybe with warnings), 1 not converted, 2 a
 * usage error. */
int caravan_convert_command (const char * const *paths,
                             GString            *out,
                             GString            *err);

G_END_DECLS
