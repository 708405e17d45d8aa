/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-window-import.c: what the window adds for files from other tools: Open dialog
 * filters per format and the import report (what was converted, dropped or guessed). */

#define G_LOG_DOMAIN "caravan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-import.h"
#include "caravan-selection.h"
#include "caravan-window-private.h"

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  return filter;
}

void
caravan_window_add_import_filters (GtkFileChooser *chooser)
{
  static const char * const caravan_types[] = { "application/x-caravan-story", NULL };
  static const char * const caravan_suffixes[] = { "caravan", NULL };
  static const char * const knight_lab_types[] = { "application/json", "text/csv", NULL };
  static const char * const knight_lab_suffixes[] = { "json", "csv", NULL };
  static const char * const geojson_types[] = { "application/geo+json", NULL };
  static const char * const geojson_suffixes[] = { "geojson", NULL };
  static const char * const kml_types[] = {
    "application/vnd.google-earth.kml+xml", "application/vnd.google-earth.kmz", NULL
  };
  static const char * const kml_suffixes[] = { "kml", "kmz", NULL };
  static const char * const gpx_types[] = { "application/gpx+xml", NULL };
  static const char * const gpx_suffixes[] = { "gpx", NULL };
  static const char * const none[] = { NULL };
  static const char * const all_patterns[] = { "*", NULL };
  GtkFileFilter *filters[] = {
    new_filter (_("Caravan Stories"), caravan_types, caravan_suffixes),
    /* Translators: Knight Lab's story tools; keep the product names */
    new_filter (_("StoryMapJS and TimelineJS (JSON, CSV)"), knight_lab_types,
                knight_lab_suffixes),
    new_filter (_("GeoJSON"), geojson_types, geojson_suffixes),
    /* Translators: Google Earth files */
    new_filter (_("KML and KMZ (Google Earth)"), kml_types, kml_suffixes),
    /* Translators: GPS Exchange Format files */
    new_filter (_("GPX (GPS tracks)"), gpx_types, gpx_suffixes),
  };
  g_autoptr(GtkFileFilter) supported = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = new_filter (_("All Files"), none, none);

  gtk_file_filter_set_name (supported, _("All Supported Files"));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      const char * const *types[] = { caravan_types, knight_lab_types, geojson_types,
                                      kml_types, gpx_types };
      const char * const *suffixes[] = { caravan_suffixes, knight_lab_suffixes,
                                         geojson_suffixes, kml_suffixes, gpx_suffixes };

      for (guint j = 0; types[i][j] != NULL; j++)
        gtk_file_filter_add_mime_type (supported, types[i][j]);
      for (guint j = 0; suffixes[i][j] != NULL; j++)
        gtk_file_filter_add_suffix (supported, suffixes[i][j]);
    }
  gtk_file_filter_add_pattern (all, all_patterns[0]);

  gtk_file_chooser_add_filter (chooser, supported);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      gtk_file_chooser_add_filter (chooser, filters[i]);
      g_object_unref (filters[i]);
    }
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, supported);
}

/* Note @i as "FILE:LOCATION: dropped: message" (plain text, never markup). */
static char *
format_note (CaravanImportReport *report,
             guint                i)
{
  const char *name = caravan_import_report_get_source_name (report);
  CaravanImportNoteKind kind;
  const char *location;
  const char *message = caravan_import_report_get_note (report, i, &kind, &location);

  return g_strdup_printf ("%s%s%s: %s%s", name, location ? ":" : "", location ? location : "",
                          kind == CARAVAN_IMPORT_NOTE_DROPPED ? _("dropped: ")
                          : kind == CARAVAN_IMPORT_NOTE_GUESSED ? _("guessed: ") : "",
                          message);
}

gboolean
caravan_window_show_import_report (CaravanWindow       *self,
                                   CaravanImportReport *report,
                                   const GError        *error)
{
  g_autofree char *title = NULL;
  const char *name;
  const char *format;
  gboolean keeping = caravan_selection_get_story (self->selection) != NULL;

  if (report == NULL)
    return FALSE;
  name = caravan_import_report_get_source_name (report);
  format = caravan_import_report_get_format (report);
  /* A Caravan story that opens needs no report. */
  if (error == NULL && g_strcmp0 (format, "Caravan") == 0)
    return FALSE;

  if (error != NULL && keeping)
    /* Translators: %s is a file name; the story already on screen stays there */
    title = g_strdup_printf (_("“%s” could not be opened, so the current story stays on screen"),
                             name);
  else if (error != NULL)
    title = g_strdup_printf (_("“%s” could not be opened"), name);
  else
    /* Translators: "“trip.gpx” was imported from GPX: converted 3 places, …" */
    title = g_strdup_printf (_("“%s” was imported from %s: %s"), name, format,
                             caravan_import_report_get_summary (report));

  gtk_label_set_text (self->problems_title, title);
  {
    /* One row per note (the list view keeps long reports cheap), the first
     * MAX_PROBLEMS_SHOWN of them and a sum of the rest. */
    g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
    guint n = caravan_import_report_get_n_notes (report);

    for (guint i = 0; i < MIN (n, MAX_PROBLEMS_SHOWN); i++)
      {
        g_autofree char *line = format_note (report, i);

        gtk_string_list_append (lines, line);
      }
    caravan_window_set_problem_rows (self, lines, n);
  }
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
  if (error != NULL && !keeping)
    caravan_window_show_state (self, "empty");
  return TRUE;
}
