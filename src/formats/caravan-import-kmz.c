/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-kmz.c: KMZ (a ZIP with a KML inside): the main KML (doc.kml, else the first
 * .kml at the top) is inflated with a size cap, so that a ZIP bomb stops with a message. */

#define G_LOG_DOMAIN "caravan-import-kmz"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "caravan-import-private.h"

/* A KMZ with more members than this is not a Google Earth file. */
#define MAX_MEMBERS 10000

static gboolean
is_main_kml (const char *path,
             gboolean    any)
{
  if (g_ascii_strcasecmp (path, "doc.kml") == 0)
    return TRUE;
  return any && strchr (path, '/') == NULL && g_str_has_suffix (path, ".kml");
}

/* Inflates the current member into @out, stopping at CARAVAN_IMPORT_MAX_SIZE. */
static gboolean
read_member (struct archive *archive,
             const char     *path,
             GByteArray     *out,
             GError        **error)
{
  guint8 buffer[65536];

  for (;;)
    {
      la_ssize_t n = archive_read_data (archive, buffer, sizeof buffer);

      if (n == 0)
        return TRUE;
      if (n < 0)
        {
          g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                       _("%s in the KMZ cannot be read: %s"), path,
                       archive_error_string (archive));
          return FALSE;
        }
      if (out->len + (gsize) n > CARAVAN_IMPORT_MAX_SIZE)
        {
          g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE,
                       _("%s in the KMZ inflates to more than %d MB; Caravan stops there "
                         "(the file may be a “zip bomb”)"), path,
                       CARAVAN_IMPORT_MAX_SIZE / 1000000);
          return FALSE;
        }
      g_byte_array_append (out, buffer, n);
    }
}

/* Finds the main KML: doc.kml, else the first top-level .kml. Two passes at most. */
static gboolean
extract_kml (const char  *data,
             gsize        length,
             gboolean     any,
             GByteArray  *out,
             char       **member,
             GError     **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gboolean found = FALSE, ok = TRUE;
  guint n = 0;
  int status;

  archive_read_support_format_zip (archive);
  archive_read_support_filter_none (archive);
  if (archive_read_open_memory (archive, data, length) != ARCHIVE_OK)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("the KMZ is not a ZIP archive: %s"), archive_error_string (archive));
      archive_read_free (archive);
      return FALSE;
    }
  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *path = archive_entry_pathname (entry);

      if (++n > MAX_MEMBERS)
        {
          g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE,
                       _("the KMZ has more than %d files"), MAX_MEMBERS);
          ok = FALSE;
          break;
        }
      if (path != NULL && archive_entry_filetype (entry) == AE_IFREG && is_main_kml (path, any))
        {
          ok = read_member (archive, path, out, error);
          found = ok;
          *member = g_strdup (path);
          break;
        }
    }
  if (ok && status != ARCHIVE_OK && status != ARCHIVE_EOF)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("the KMZ archive is damaged: %s"), archive_error_string (archive));
      ok = FALSE;
    }
  archive_read_free (archive);
  if (ok && !found && any)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("the KMZ holds no KML file"));
      return FALSE;
    }
  return ok && (found || !any);
}

gboolean
caravan_import_kmz (const char           *data,
                    gsize                 length,
                    CaravanStoryBuilder  *builder,
                    GError              **error)
{
  g_autoptr(GByteArray) kml = g_byte_array_new ();
  g_autofree char *member = NULL;

  if (!extract_kml (data, length, FALSE, kml, &member, error))
    return FALSE;
  if (member == NULL && !extract_kml (data, length, TRUE, kml, &member, error))
    return FALSE;
  return caravan_import_kml ((const char *) kml->data, kml->len, builder, error);
}
