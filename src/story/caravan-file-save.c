/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-file-save.c: atomic saves: the new contents go to a temporary file in the same folder,
 * which is renamed over the old file only once it is complete; the old file can be kept as
 * "FILE~" without needing any room. */

#define G_LOG_DOMAIN "caravan-file-save"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "caravan-file-save.h"

/* Keeps the file at @path as "@path~" without touching it: a hard link costs no space, so it
 * works on a full disk; a copy is the fallback where links are not supported. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a file name, the second %s why it failed */
                   _("The backup “%s” could not be replaced: %s"), backup, g_strerror (saved));
      return FALSE;
    }
  if (link (path, backup) == 0)
    return TRUE;

  source = g_file_new_for_path (path);
  target = g_file_new_for_path (backup);
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The backup “%s” could not be made: %s"), backup, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Unlike g_file_replace_contents(), never falls back to writing in place. */
static gboolean
save_local (const char            *requested,
            const char            *data,
            gsize                  length,
            CaravanFileSaveFlags   flags,
            GError               **error)
{
  g_autofree char *resolved = realpath (requested, NULL);
  const char *path = resolved != NULL ? resolved : requested;  /* write through a symlink */
  gboolean existed;
  GStatBuf old;
  int mode = 0666;

  existed = g_stat (path, &old) == 0;
  if (existed)
    {
      if (!S_ISREG (old.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("“%s” is not a regular file"), path);
          return FALSE;
        }
      mode = old.st_mode & 0777;
      if ((flags & CARAVAN_FILE_SAVE_KEEP_BACKUP) && !keep_backup (path, error))
        {
          g_prefix_error (error, _("the file on disk is unchanged. "));
          return FALSE;
        }
    }

  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, mode,
                                 error))
    {
      if (existed)
        g_prefix_error (error, _("the file on disk is unchanged. "));
      return FALSE;
    }
  return TRUE;
}

gboolean
caravan_file_save (GFile                *file,
                   const char           *data,
                   gsize                 length,
                   CaravanFileSaveFlags  flags,
                   GCancellable         *cancellable,
                   GError              **error)
{
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_peek_path (file);
  if (path != NULL)
    return save_local (path, data != NULL ? data : "", length, flags, error);

  return g_file_replace_contents (file, data, length, NULL,
                                  (flags & CARAVAN_FILE_SAVE_KEEP_BACKUP) != 0,
                                  G_FILE_CREATE_NONE, NULL, cancellable, error);
}
