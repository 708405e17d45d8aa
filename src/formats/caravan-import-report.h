/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-report.h: what an import converted, dropped and guessed, each note with its
 * place in the source file (line:column or the element's path). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_IMPORT_NOTE_DROPPED,  /* left out of the story */
  CARAVAN_IMPORT_NOTE_GUESSED,  /* converted, but Caravan had to guess or change something */
  CARAVAN_IMPORT_NOTE_ERROR,    /* the import failed here */
} CaravanImportNoteKind;

#define CARAVAN_TYPE_IMPORT_REPORT (caravan_import_report_get_type ())
G_DECLARE_FINAL_TYPE (CaravanImportReport, caravan_import_report, CARAVAN, IMPORT_REPORT, GObject)

CaravanImportReport *caravan_import_report_new        (const char          *source_name);
const char          *caravan_import_report_get_source_name (CaravanImportReport *self);
/* A name such as "KML" or "TimelineJS3 JSON"; NULL until the format is known. */
const char          *caravan_import_report_get_format (CaravanImportReport *self);
void                 caravan_import_report_set_format (CaravanImportReport *self,
                                                       const char          *format);
/* @location is "12:5", "events[3].start_date" or "Document/Folder[2]/Placemark[4]" (may be
 * NULL); @message says what happened in a user's words. */
void                 caravan_import_report_add        (CaravanImportReport  *self,
                                                       CaravanImportNoteKind kind,
                                                       const char           *location,
                                                       const char           *format,
                                                       ...) G_GNUC_PRINTF (4, 5);
guint                caravan_import_report_get_n_notes (CaravanImportReport *self);
guint                caravan_import_report_count      (CaravanImportReport  *self,
                                                       CaravanImportNoteKind kind);
const char          *caravan_import_report_get_note   (CaravanImportReport  *self,
                                                       guint                 index,
                                                       CaravanImportNoteKind *kind,
                                                       const char          **location);
/* Replaces JSON path locations by "LINE:COLUMN (path)" using the source text. */
void                 caravan_import_report_resolve_json_paths (CaravanImportReport *self,
                                                       const char          *data,
                                                       gsize                length);
/* "Converted 12 places, 30 events, 2 excerpts and 1 route." */
void                 caravan_import_report_set_summary (CaravanImportReport *self,
                                                       const char          *summary);
const char          *caravan_import_report_get_summary (CaravanImportReport *self);
/* The whole report, one note a line as "SOURCE:LOCATION: dropped: message". */
char                *caravan_import_report_to_string  (CaravanImportReport *self);

G_END_DECLS
