/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recovery.h: unsaved edits kept on disk while the user works, so that a crash loses
 * at most a few seconds: a copy of the edited story per file it came from, in
 * $XDG_STATE_HOME/caravan/recovery, removed once the edits are saved or discarded. No GTK. */

#pragma once

#include <gio/gio.h>

#include "caravan-types.h"

G_BEGIN_DECLS

typedef struct
{
  char   *path;         /* the recovery copy, a .caravan file */
  char   *origin_uri;   /* the file the story came from; NULL for the bundled story */
  gint64  saved_at;     /* when the copy was written, in seconds since the epoch */
} CaravanRecoveryEntry;

void        caravan_recovery_entry_free (CaravanRecoveryEntry *entry);

/* The folder the copies go to (not created). */
char       *caravan_recovery_get_folder (void);
/* Writes @story as the recovery copy for @origin (NULL: the bundled story), atomically. */
gboolean    caravan_recovery_write      (CaravanStory  *story,
                                         GFile         *origin,
                                         GError       **error);
/* Removes the copy for @origin, if there is one. */
void        caravan_recovery_remove     (GFile         *origin);
/* The copies there are (CaravanRecoveryEntry), the newest first. */
GPtrArray  *caravan_recovery_list       (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaravanRecoveryEntry, caravan_recovery_entry_free)

G_END_DECLS
