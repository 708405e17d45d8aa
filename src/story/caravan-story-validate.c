/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-validate.c: `caravan --validate FILE…`: loads each file and prints its problems
 * as FILE:LINE:COLUMN: message, like a compiler, so editors can jump to them. */

#define G_LOG_DOMAIN "caravan-story-validate"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "caravan-story.h"
#include "caravan-story-file.h"
#include "caravan-story-loader.h"
#include "caravan-story-problem.h"
#include "caravan-story-validate.h"

static void
print_problem (GString             *out,
               const char          *path,
               CaravanStoryProblem *problem)
{
  g_autofree char *text = caravan_story_problem_to_string (problem);
  const char *prefix = "";

  if (caravan_story_problem_get_severity (problem) == CARAVAN_STORY_SEVERITY_WARNING)
    /* Translators: prefix of a problem that does not stop the story from loading */
    prefix = _("warning: ");

  if (caravan_story_problem_get_line (problem) == 0)
    g_string_append_printf (out, "%s: %s%s\n", path, prefix, text);
  else
    g_string_append_printf (out, "%s:%u:%u: %s%s\n", path,
                            caravan_story_problem_get_line (problem),
                            caravan_story_problem_get_column (problem), prefix, text);
}

int
caravan_story_validate_files (const char * const *paths,
                              GString            *out)
{
  int status = 0;

  g_return_val_if_fail (paths != NULL, 1);
  g_return_val_if_fail (out != NULL, 1);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = caravan_story_file_new_for_arg (paths[i]);
      g_autoptr(GListModel) problems = NULL;
      g_autoptr(CaravanStory) story = NULL;
      g_autoptr(GError) error = NULL;
      guint n;

      story = caravan_story_loader_load_file (file, NULL, &problems, &error);
      if (story == NULL)
        status = 1;

      n = problems != NULL ? g_list_model_get_n_items (problems) : 0;
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, j);

          print_problem (out, paths[i], problem);
        }

      if (story == NULL && n == 0)
        g_string_append_printf (out, "%s: %s\n", paths[i], error->message);
    }

  return status;
}
