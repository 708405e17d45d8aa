/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-story-loader.c: libFuzzer target for the story loader. Any input must either give a
 * complete story or an error with at least one positioned problem; never a crash, a leak or a
 * GLib critical. */

#define G_LOG_DOMAIN "caravan-fuzz-story-loader"

#include "config.h"

#include <gio/gio.h>
#include <stdint.h>

#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-problem.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GListModel) problems = NULL;
  g_autoptr(CaravanStory) story = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  story = caravan_story_loader_load_bytes (bytes, &problems, &error);
  g_assert ((story == NULL) == (error != NULL));
  g_assert (problems != NULL);

  n = g_list_model_get_n_items (problems);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);

      g_assert (caravan_story_problem_get_line (problem) >= 1);
      g_assert (caravan_story_problem_get_column (problem) >= 1);
      g_assert (g_utf8_validate (caravan_story_problem_get_message (problem), -1, NULL));
    }
  if (error != NULL)
    g_assert (n >= 1);

  return 0;
}
