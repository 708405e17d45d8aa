/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-validate.h: the `caravan --validate FILE…` command, without any display. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends "FILE:LINE:COLUMN: message" for each problem to @out; returns the exit status:
 * 0 when every file loads, 1 otherwise. Warnings are printed but do not fail. */
int caravan_story_validate_files (const char * const *paths,
                                  GString            *out);

G_END_DECLS
