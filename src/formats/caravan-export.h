/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-export.h: a story written out for other tools: GeoJSON (QGIS, web maps), KML with a
 * tour (Google Earth), StoryMapJS JSON (Knight Lab's viewer), or Caravan's own file. */

#pragma once

#include <gio/gio.h>

#include "caravan-types.h"

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_EXPORT_FORMAT_UNKNOWN,
  CARAVAN_EXPORT_FORMAT_CARAVAN,
  CARAVAN_EXPORT_FORMAT_GEOJSON,
  CARAVAN_EXPORT_FORMAT_KML,
  CARAVAN_EXPORT_FORMAT_STORYMAP_JSON,
} CaravanExportFormat;

/* By the extension of @name (any case): .caravan, .geojson, .kml, .json (StoryMapJS). */
CaravanExportFormat  caravan_export_format_for_name (const char          *name);
const char          *caravan_export_format_get_name (CaravanExportFormat  format);
/* The file as UTF-8 text (NULL for CARAVAN_EXPORT_FORMAT_UNKNOWN). */
char                *caravan_export_to_data  (CaravanStory         *story,
                                              CaravanExportFormat   format,
                                              gsize                *length);
/* Writes @file atomically, as caravan_file_save() (no backup: an export is made again from the
 * story). A .caravan file keeps its backup, as the story writer does. */
gboolean             caravan_export_save     (CaravanStory         *story,
                                              CaravanExportFormat   format,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GError              **error);

G_END_DECLS
