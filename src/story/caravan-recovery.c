/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-recovery.c: each copy is KEY.caravan, the story as the writer saves it, beside
 * KEY.origin, the URI of the file it came from (empty for the bundled story); KEY is a hash of
 * that URI, so editing the same file again replaces its copy. Both are written atomically,
 * the story first, so a copy is never half there. */

#define G_LOG_DOMAIN "caravan-recovery"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "caravan-file-save.h"
#include "caravan-recovery.h"
#include "caravan-story.h"
#include "caravan-story-writer.h"

#define ORIGIN_SUFFIX ".origin"
#define BUNDLED_KEY "bundled"

void
caravan_recovery_entry_free (CaravanRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->path);
  g_free (entry->origin_uri);
  g_free (entry);
}

char *
caravan_recovery_get_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "caravan", "recovery", NULL);
}

/* The path of the copy for @origin without its extension. */
static char *
get_base_path (GFile *origin)
{
  g_autofree char *folder = caravan_recovery_get_folder ();
  g_autofree char *uri = origin != NULL ? g_file_get_uri (origin) : NULL;
  g_autofree char *key = uri != NULL ? g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1)
                                     : g_strdup (BUNDLED_KEY);

  return g_build_filename (folder, key, NULL);
}

gboolean
caravan_recovery_write (CaravanStory  *story,
                        GFile         *origin,
                        GError       **error)
{
  g_autofree char *folder = caravan_recovery_get_folder ();
  g_autofree char *base = get_base_path (origin);
  g_autofree char *story_path = g_strconcat (base, ".caravan", NULL);
  g_autofree char *origin_path = g_strconcat (base, ORIGIN_SUFFIX, NULL);
  g_autofree char *uri = origin != NULL ? g_file_get_uri (origin) : g_strdup ("");
  g_autofree char *data = NULL;
  g_autoptr(GFile) story_file = g_file_new_for_path (story_path);
  g_autoptr(GFile) origin_file = g_file_new_for_path (origin_path);
  gsize length;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), FALSE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", folder, g_strerror (saved));
      return FALSE;
    }
  data = caravan_story_writer_to_data (story, &length);
  return caravan_file_save (story_file, data, length, CARAVAN_FILE_SAVE_NONE, NULL, error) &&
         caravan_file_save (origin_file, uri, strlen (uri), CARAVAN_FILE_SAVE_NONE, NULL, error);
}

void
caravan_recovery_remove (GFile *origin)
{
  g_autofree char *base = get_base_path (origin);
  g_autofree char *story_path = g_strconcat (base, ".caravan", NULL);
  g_autofree char *origin_path = g_strconcat (base, ORIGIN_SUFFIX, NULL);

  g_unlink (story_path);
  g_unlink (origin_path);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CaravanRecoveryEntry *x = *(CaravanRecoveryEntry * const *) a;
  const CaravanRecoveryEntry *y = *(CaravanRecoveryEntry * const *) b;

  return (y->saved_at > x->saved_at) - (y->saved_at < x->saved_at);
}

GPtrArray *
caravan_recovery_list (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                       caravan_recovery_entry_free);
  g_autofree char *folder = caravan_recovery_get_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *key = NULL;
      g_autofree char *origin_path = NULL;
      g_autofree char *uri = NULL;
      CaravanRecoveryEntry *entry;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".caravan"))
        continue;
      key = g_strndup (name, strlen (name) - strlen (".caravan"));
      origin_path = g_strconcat (folder, G_DIR_SEPARATOR_S, key, ORIGIN_SUFFIX, NULL);
      /* Without its origin a copy is from a write that did not finish: leave it. */
      if (!g_file_get_contents (origin_path, &uri, NULL, NULL))
        continue;

      entry = g_new0 (CaravanRecoveryEntry, 1);
      entry->path = g_build_filename (folder, name, NULL);
      entry->origin_uri = *uri != '\0' ? g_steal_pointer (&uri) : NULL;
      entry->saved_at = g_stat (entry->path, &st) == 0 ? (gint64) st.st_mtime : 0;
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}
