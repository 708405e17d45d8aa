/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-convert-command.c: `caravan --convert IN OUT`: reads any file Caravan opens (a story,
 * StoryMapJS, TimelineJS, GeoJSON, KML, KMZ or GPX), prints what was dropped or guessed, and
 * writes it in the format OUT's extension names: .caravan, .geojson, .kml, .json (StoryMapJS)
 * or .pdf (the printed handout, A4 or Letter). */

#define G_LOG_DOMAIN "caravan-convert-command"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-convert-command.h"
#include "caravan-export.h"
#include "caravan-handout.h"
#include "caravan-import.h"
#include "caravan-story.h"

int
caravan_convert_command (const char * const *paths,
                         const char         *paper,
                         GString            *out,
                         GString            *err)
{
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CaravanExportFormat format;
  CaravanPaper paper_size = caravan_paper_from_locale ();
  gboolean pdf;

  if (paths == NULL || paths[0] == NULL || paths[1] == NULL || paths[2] != NULL)
    {
      g_string_append (err, _("Usage: caravan --convert INPUT "
                              "OUTPUT.caravan|.geojson|.kml|.json|.pdf [--paper a4|letter]"));
      return 2;
    }
  format = caravan_export_format_for_name (paths[1]);
  pdf = g_str_has_suffix (paths[1], ".pdf") || g_str_has_suffix (paths[1], ".PDF");
  if (format == CARAVAN_EXPORT_FORMAT_UNKNOWN && !pdf)
    {
      /* Translators: %s is the output file name given on the command line; do not translate
       * the extensions */
      g_string_append_printf (err, _("%s: the output must be a .caravan, .geojson, .kml, .json "
                                     "(StoryMapJS) or .pdf (handout) file"), paths[1]);
      return 2;
    }
  if (paper != NULL && !caravan_paper_from_string (paper, &paper_size))
    {
      /* Translators: do not translate a4 and letter; %s is what the user gave */
      g_string_append_printf (err, _("--paper must be a4 or letter, not “%s”."), paper);
      return 2;
    }

  input = g_file_new_for_commandline_arg (paths[0]);
  output = g_file_new_for_commandline_arg (paths[1]);
  story = caravan_import_file (input, NULL, &report, &error);
  text = caravan_import_report_to_string (report);
  g_string_append (out, text);
  if (story == NULL)
    {
      g_string_append_printf (err, _("%s: not converted: %s"), paths[0], error->message);
      return 1;
    }
  if (pdf ? !caravan_handout_save_pdf (story, paper_size, output, NULL, &error)
          : !caravan_export_save (story, format, output, NULL, &error))
    {
      g_string_append_printf (err, _("%s: cannot be written: %s"), paths[1], error->message);
      return 1;
    }
  return 0;
}
