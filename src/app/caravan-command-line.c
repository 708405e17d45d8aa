/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-command-line.c: Caravan's command-line options, and the commands among them that need
 * no window and run before GTK starts: --version, --validate, --convert, --render-map and
 * --record (which draws offscreen). */

#define G_LOG_DOMAIN "caravan-application"

#include "config.h"

#include <glib/gi18n.h>

#include "caravan-command-line.h"
#include "caravan-convert-command.h"
#include "caravan-import.h"
#include "caravan-record-command.h"
#include "caravan-render-command.h"
#include "caravan-story.h"
#include "caravan-story-validate.h"

void
caravan_command_line_add_options (GApplication *app)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check story files and print each problem as FILE:LINE:COLUMN: message"), NULL },
    { "convert", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Convert a story or a StoryMapJS, TimelineJS, GeoJSON, KML, KMZ or GPX file: --convert "
         "IN OUT, OUT a .caravan, .geojson, .kml, .json (StoryMapJS) or .pdf (handout) file"),
      NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Paper of a PDF handout made by --convert: a4 or letter (default: the locale’s)"),
      N_("SIZE") },
    { "render-map", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Draw the base map centred at LAT,LON,ZOOM into a PNG file, without a window"),
      N_("LAT,LON,ZOOM") },
    { "record", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Record the presentation of the story (default: the bundled one) as a video, .webm or "
         ".mp4, without a window"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Image size for --render-map (default 1024x768) or video size for --record (default "
         "1920x1080)"), N_("WIDTHxHEIGHT") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Map theme for --render-map and --record: light, dark or projector"), N_("THEME") },
    { "fps", 0, 0, G_OPTION_ARG_INT, NULL, N_("Frames per second for --record (default 30)"),
      N_("FPS") },
    { "seconds-per-step", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
      N_("Seconds each step is shown in --record (default: the presentation’s autoplay, 10)"),
      N_("SECONDS") },
    { "from", 0, 0, G_OPTION_ARG_INT, NULL, N_("First step to record, from 1"), N_("STEP") },
    { "to", 0, 0, G_OPTION_ARG_INT, NULL, N_("Last step to record"), N_("STEP") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("PNG file for --render-map"), N_("FILE") },
    { "story", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Story (or any file Caravan opens) whose routes and pins --render-map draws on the map"),
      N_("FILE") },
    { "present", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Start straight into presentation mode (for kiosks), from the first event"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_summary (app,
                                            _("Tell a story on a map with a synchronized "
                                              "timeline."));
}

int
caravan_command_line_run (GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "caravan", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "validate"))
    {
      g_autofree const char **files = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      int status;

      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) ||
          files[0] == NULL)
        {
          g_printerr ("%s\n", _("Usage: caravan --validate FILE…"));
          return 2;
        }
      status = caravan_story_validate_files (files, out);
      g_print ("%s", out->str);
      return status;
    }

  if (g_variant_dict_contains (options, "convert"))
    {
      g_autofree const char **paths = NULL;
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      const char *paper = NULL;
      int status;

      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths);
      g_variant_dict_lookup (options, "paper", "&s", &paper);
      status = caravan_convert_command (paths, paper, out, err);
      g_print ("%s", out->str);
      if (err->len > 0)
        g_printerr ("%s\n", err->str);
      return status;
    }

  if (g_variant_dict_contains (options, "render-map"))
    {
      const char *center = NULL, *size = NULL, *theme = NULL, *output = NULL;
      const char *story_path = NULL;
      g_autoptr(GString) err = g_string_new (NULL);
      g_autoptr(CaravanStory) story = NULL;
      int status;

      g_variant_dict_lookup (options, "render-map", "&s", &center);
      g_variant_dict_lookup (options, "size", "&s", &size);
      g_variant_dict_lookup (options, "theme", "&s", &theme);
      g_variant_dict_lookup (options, "output", "^&ay", &output);
      g_variant_dict_lookup (options, "story", "^&ay", &story_path);
      if (story_path != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (story_path);
          g_autoptr(GError) error = NULL;

          /* Any file Caravan opens: a story, StoryMapJS, KML, GeoJSON, GPX… */
          story = caravan_import_file (file, NULL, NULL, &error);
          if (story == NULL)
            {
              g_printerr (_("%s: cannot be opened: %s\n"), story_path, error->message);
              return 1;
            }
        }
      status = caravan_render_map_command (center, size, theme, story, output, err);
      if (err->len > 0)
        g_printerr ("%s\n", err->str);
      return status;
    }

  if (g_variant_dict_contains (options, "record"))
    {
      CaravanRecordOptions record = { 0 };
      g_autofree const char **files = NULL;

      g_variant_dict_lookup (options, "record", "^&ay", &record.output);
      g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          g_printerr ("%s\n", _("Usage: caravan --record OUT.webm [STORY]: one story at a time"));
          return CARAVAN_RECORD_BAD_ARGUMENTS;
        }
      record.story = files != NULL ? files[0] : NULL;
      g_variant_dict_lookup (options, "size", "&s", &record.size);
      g_variant_dict_lookup (options, "theme", "&s", &record.theme);
      g_variant_dict_lookup (options, "fps", "i", &record.fps);
      g_variant_dict_lookup (options, "seconds-per-step", "d", &record.seconds_per_step);
      g_variant_dict_lookup (options, "from", "i", &record.from);
      g_variant_dict_lookup (options, "to", "i", &record.to);
      return caravan_record_command (&record);
    }

  return -1;
}
