/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-writer.h: writes a story as a .caravan file (format version 1, see
 * docs/story-format.md) that the story loader reads back to the same story. */

#pragma once

#include <gio/gio.h>

#include "caravan-types.h"

G_BEGIN_DECLS

/* The story as UTF-8 JSON, indented, ending in a newline. */
char     *caravan_story_writer_to_data (CaravanStory  *story,
                                        gsize         *length);
/* Replaces @file atomically (a temporary file renamed over it), keeping the old one as
 * "FILE~". A failure (a full disk, a read-only folder) leaves the old file as it was and says
 * why in @error. A symlink is written through, not replaced. */
gboolean  caravan_story_writer_save    (CaravanStory  *story,
                                        GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
