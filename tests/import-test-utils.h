/* SPDX-License-Identifier: GPL-3.0-or-later */
/* import-test-utils.h: helpers for the import tests: import a sample or a string, count the
 * story's lists, find report notes. */

#pragma once

#include <string.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-import.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-story.h"

static inline CaravanStory *
import_sample (const char           *name,
               CaravanImportReport **report,
               GError              **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return caravan_import_file (file, NULL, report, error);
}

static inline CaravanStory *
import_text (const char           *basename,
             const char           *text,
             CaravanImportReport **report,
             GError              **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return caravan_import_bytes (bytes, basename, report, error);
}

static inline guint
count (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

#define assert_counts(story, places, events, excerpts, routes) G_STMT_START { \
  g_assert_cmpuint (count (caravan_story_get_places (story)), ==, places); \
  g_assert_cmpuint (count (caravan_story_get_events (story)), ==, events); \
  g_assert_cmpuint (count (caravan_story_get_excerpts (story)), ==, excerpts); \
  g_assert_cmpuint (count (caravan_story_get_routes (story)), ==, routes); \
} G_STMT_END

/* The first note whose message contains @needle, or NULL; fills @kind and @location. */
static inline const char *
find_note (CaravanImportReport   *report,
           const char            *needle,
           CaravanImportNoteKind *kind,
           const char           **location)
{
  for (guint i = 0; i < caravan_import_report_get_n_notes (report); i++)
    {
      const char *message = caravan_import_report_get_note (report, i, kind, location);

      if (strstr (message, needle) != NULL)
        return message;
    }
  return NULL;
}

static inline gpointer
item (GListModel *list,
      guint       index)
{
  GObject *object = g_list_model_get_item (list, index);

  g_object_unref (object);  /* the story keeps it alive */
  return object;
}

static inline char *
iso_date (CaravanEvent *event)
{
  return caravan_date_to_iso (caravan_event_get_date (event));
}
