/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-file.h: naming and reading story files safely: command-line arguments that are
 * paths stay paths, and reads refuse what is not a regular file and stop at a size cap. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GFile for a command-line argument: a URI only for a scheme GIO knows ("file:",
 * "resource:", or "SCHEME://" of the default VFS) and no file of that name; else a path, so
 * that "notes:v2.caravan" is the file of that name in the current folder. */
GFile  *caravan_story_file_new_for_arg (const char    *arg);

/* Reads @file whole, refusing anything that is not a regular file (after following symlinks)
 * before opening it, and stopping at @max_size bytes whatever the file's size says (devices
 * and /proc files say 0). Errors are in CARAVAN_STORY_ERROR (NOT_A_FILE, TOO_LARGE) or GIO's
 * domain (a missing file, a cancelled read). */
GBytes *caravan_story_file_read        (GFile         *file,
                                        gsize          max_size,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
