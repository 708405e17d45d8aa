/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-export.c: picks the writer by the file's extension and saves atomically. */

#define G_LOG_DOMAIN "caravan-export"

#include "config.h"

#include "caravan-export-private.h"
#include "caravan-file-save.h"
#include "caravan-story-writer.h"

CaravanExportFormat
caravan_export_format_for_name (const char *name)
{
  static const struct { const char *suffix; CaravanExportFormat format; } suffixes[] = {
    { ".caravan", CARAVAN_EXPORT_FORMAT_CARAVAN }, { ".geojson", CARAVAN_EXPORT_FORMAT_GEOJSON },
    { ".kml", CARAVAN_EXPORT_FORMAT_KML }, { ".json", CARAVAN_EXPORT_FORMAT_STORYMAP_JSON },
  };
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      return suffixes[i].format;
  return CARAVAN_EXPORT_FORMAT_UNKNOWN;
}

const char *
caravan_export_format_get_name (CaravanExportFormat format)
{
  switch (format)
    {
    case CARAVAN_EXPORT_FORMAT_CARAVAN: return "Caravan";
    case CARAVAN_EXPORT_FORMAT_GEOJSON: return "GeoJSON";
    case CARAVAN_EXPORT_FORMAT_KML: return "KML";
    case CARAVAN_EXPORT_FORMAT_STORYMAP_JSON: return "StoryMapJS JSON";
    case CARAVAN_EXPORT_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

char *
caravan_export_to_data (CaravanStory        *story,
                        CaravanExportFormat  format,
                        gsize               *length)
{
  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);

  switch (format)
    {
    case CARAVAN_EXPORT_FORMAT_CARAVAN: return caravan_story_writer_to_data (story, length);
    case CARAVAN_EXPORT_FORMAT_GEOJSON: return caravan_export_geojson (story, length);
    case CARAVAN_EXPORT_FORMAT_KML: return caravan_export_kml (story, length);
    case CARAVAN_EXPORT_FORMAT_STORYMAP_JSON: return caravan_export_storymap (story, length);
    case CARAVAN_EXPORT_FORMAT_UNKNOWN:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
caravan_export_save (CaravanStory         *story,
                     CaravanExportFormat   format,
                     GFile                *file,
                     GCancellable         *cancellable,
                     GError              **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format != CARAVAN_EXPORT_FORMAT_UNKNOWN, FALSE);

  if (format == CARAVAN_EXPORT_FORMAT_CARAVAN)
    return caravan_story_writer_save (story, file, cancellable, error);
  data = caravan_export_to_data (story, format, &length);
  return caravan_file_save (file, data, length, CARAVAN_FILE_SAVE_NONE, cancellable, error);
}
