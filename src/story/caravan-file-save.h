/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-file-save.h: replaces a file atomically (a temporary file renamed over it), as the
 * story writer and every export save. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_FILE_SAVE_NONE = 0,
  /* Keep the old file as "FILE~" (a hard link, or a copy where links are not supported). */
  CARAVAN_FILE_SAVE_KEEP_BACKUP = 1 << 0,
} CaravanFileSaveFlags;

/* Writes @data to a temporary file beside @file and renames it over @file. A failure (a full
 * disk, a read-only folder) leaves the old file as it was, no temporary file behind, and says
 * why in @error. A symlink is written through, not replaced; anything but a regular file is
 * refused. Not a local file (a GVfs location): GIO's replace, atomic where the backend is. */
gboolean caravan_file_save (GFile                *file,
                            const char           *data,
                            gsize                 length,
                            CaravanFileSaveFlags  flags,
                            GCancellable         *cancellable,
                            GError              **error);

G_END_DECLS
