/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-convert-command.c: converts a StoryMapJS, TimelineJS, GeoJSON, KML, KMZ or GPX
 * file to a .caravan story and prints what was dropped or guessed. */

#define G_LOG_DOMAIN "caravan-convert-command"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-convert-command.h"
#include "caravan-import.h"
#include "caravan-story.h"
#include "caravan-story-writer.h"

int
caravan_convert_command (const char * const *paths,
                         GString            *out,
                         GString            *err)
{
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (paths == NULL || paths[0] == NULL || paths[1] == NULL || paths[2] != NULL)
    {
      g_string_append (err, _("Usage: caravan --convert INPUT OUTPUT.caravan"));
      return 2;
    }
  if (!g_str_has_suffix (paths[1], ".caravan"))
    {
      /* Translators: %s is the output file name given on the command line */
      g_string_append_printf (err, _("%s: the output must be a .caravan file"), paths[1]);
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
  if (!caravan_story_writer_save (story, output, NULL, &error))
    {
      g_string_append_printf (err, _("%s: cannot be written: %s"), paths[1], error->message);
      return 1;
    }
  return 0;
}
