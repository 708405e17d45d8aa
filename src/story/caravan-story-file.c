/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-file.c: naming and reading story files safely. A FIFO would block the reading
 * thread forever and /dev/zero never ends, so the file's type is checked before it is opened
 * and the read itself is bounded. */

#define G_LOG_DOMAIN "caravan-story-file"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>

#include "caravan-story-file.h"
#include "caravan-story-problem.h"

#define READ_CHUNK (256 * 1024)

static gboolean
is_known_scheme (const char *arg,
                 const char *scheme)
{
  const char * const *supported = g_vfs_get_supported_uri_schemes (g_vfs_get_default ());
  gsize len = strlen (scheme);

  if (g_ascii_strcasecmp (scheme, "file") == 0 || g_ascii_strcasecmp (scheme, "resource") == 0)
    return TRUE;
  if (strncmp (arg + len, "://", 3) != 0)
    return FALSE;
  for (guint i = 0; supported != NULL && supported[i] != NULL; i++)
    if (g_ascii_strcasecmp (supported[i], scheme) == 0)
      return TRUE;
  return FALSE;
}

GFile *
caravan_story_file_new_for_arg (const char *arg)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (arg != NULL, NULL);

  scheme = g_uri_parse_scheme (arg);
  if (scheme != NULL && is_known_scheme (arg, scheme) &&
      !g_file_test (arg, G_FILE_TEST_EXISTS))
    return g_file_new_for_uri (arg);
  return g_file_new_for_path (arg);
}

/* What a file that is not a regular file is, in words. */
static const char *
describe_type (GFileInfo *info)
{
  guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    return _("a folder");
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    {
      if (S_ISFIFO (mode))
        return _("a named pipe (FIFO)");
      if (S_ISCHR (mode) || S_ISBLK (mode))
        return _("a device");
      if (S_ISSOCK (mode))
        return _("a socket");
    }
  return _("a special file");
}

static GError *
too_large_error (gsize max_size)
{
  g_autofree char *limit = g_format_size (max_size);

  return g_error_new (CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_TOO_LARGE,
                      _("the file is too large; stories are limited to %s"), limit);
}

GBytes *
caravan_story_file_read (GFile         *file,
                         gsize          max_size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* G_FILE_QUERY_INFO_NONE follows symlinks: a link to /dev/zero is a device. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      /* Translators: %s is "a folder", "a named pipe (FIFO)", "a device", … */
      g_set_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_NOT_A_FILE,
                   _("this is %s, not a story file"), describe_type (info));
      return NULL;
    }

  if (g_file_info_get_size (info) < 0 || (guint64) g_file_info_get_size (info) > max_size)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, CARAVAN_STORY_ERROR, CARAVAN_STORY_ERROR_TOO_LARGE,
                   _("the file is too large (%s); stories are limited to %s"), size, limit);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* The size above is only a hint: a file may grow while it is read. */
  data = g_byte_array_sized_new (MIN ((gsize) g_file_info_get_size (info) + 1, max_size + 1));
  for (;;)
    {
      gsize want = MIN (READ_CHUNK, max_size + 1 - data->len);
      guint old_len = data->len;
      gssize n;

      g_byte_array_set_size (data, old_len + want);
      n = g_input_stream_read (G_INPUT_STREAM (stream), data->data + old_len, want,
                               cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (data, old_len + n);
      if (n == 0)
        break;
      if (data->len > max_size)
        {
          g_propagate_error (error, too_large_error (max_size));
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
