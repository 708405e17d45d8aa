/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import.h: opens the stories people already have (StoryMapJS, TimelineJS, GeoJSON,
 * KML/KMZ, GPX, and Caravan's own files) as a CaravanStory, with a report of what changed. */

#pragma once

#include <gio/gio.h>

#include "caravan-import-report.h"
#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_IMPORT_ERROR (caravan_import_error_quark ())

typedef enum
{
  CARAVAN_IMPORT_ERROR_UNKNOWN_FORMAT,  /* neither the content nor the name says what it is */
  CARAVAN_IMPORT_ERROR_SYNTAX,          /* not well-formed JSON, XML, CSV or ZIP */
  CARAVAN_IMPORT_ERROR_UNSUPPORTED,     /* e.g. an image-based (gigapixel) StoryMapJS */
  CARAVAN_IMPORT_ERROR_TOO_LARGE,       /* over the size caps, also after decompression */
  CARAVAN_IMPORT_ERROR_UNSAFE,          /* entity declarations, external references */
  CARAVAN_IMPORT_ERROR_EMPTY,           /* nothing that becomes a place, event or route */
  CARAVAN_IMPORT_ERROR_INVALID,         /* a Caravan story file that does not load */
} CaravanImportError;

typedef enum
{
  CARAVAN_IMPORT_FORMAT_UNKNOWN,
  CARAVAN_IMPORT_FORMAT_CARAVAN,
  CARAVAN_IMPORT_FORMAT_STORYMAP_JSON,
  CARAVAN_IMPORT_FORMAT_STORYMAP_CSV,
  CARAVAN_IMPORT_FORMAT_TIMELINE3_JSON,
  CARAVAN_IMPORT_FORMAT_TIMELINE2_JSON,
  CARAVAN_IMPORT_FORMAT_TIMELINE_CSV,
  CARAVAN_IMPORT_FORMAT_GEOJSON,
  CARAVAN_IMPORT_FORMAT_KML,
  CARAVAN_IMPORT_FORMAT_KMZ,
  CARAVAN_IMPORT_FORMAT_GPX,
} CaravanImportFormat;

/* Files larger than this are refused before reading; KMZ members are inflated up to it. */
#define CARAVAN_IMPORT_MAX_SIZE (256 * 1000 * 1000)

GQuark               caravan_import_error_quark   (void);
const char          *caravan_import_format_get_name (CaravanImportFormat format);
/* Guesses the format from the first bytes of @data, then from @basename's extension. */
CaravanImportFormat  caravan_import_sniff         (const char          *basename,
                                                   const char          *data,
                                                   gsize                length);
/* @report (out, optional, transfer full) is set on success and on failure. */
CaravanStory        *caravan_import_bytes         (GBytes              *bytes,
                                                   const char          *basename,
                                                   CaravanImportReport **report,
                                                   GError             **error);
CaravanStory        *caravan_import_file          (GFile               *file,
                                                   GCancellable        *cancellable,
                                                   CaravanImportReport **report,
                                                   GError             **error);
void                 caravan_import_file_async    (GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
CaravanStory        *caravan_import_file_finish   (GAsyncResult        *result,
                                                   CaravanImportReport **report,
                                                   GError             **error);

G_END_DECLS
