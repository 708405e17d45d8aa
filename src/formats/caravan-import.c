/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import.c: chooses the importer by content (then by extension), reads the file, and
 * hands back the story with its report. Caravan's own files go to the story loader. */

#define G_LOG_DOMAIN "caravan-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "caravan-import-private.h"
#include "caravan-story-loader.h"
#include "caravan-story-file.h"
#include "caravan-story-problem.h"

/* How far into a file sniffing looks for the keys that name its format. */
#define SNIFF_LENGTH 65536

G_DEFINE_QUARK (caravan-import-error-quark, caravan_import_error)

const char *
caravan_import_format_get_name (CaravanImportFormat format)
{
  switch (format)
    {
    case CARAVAN_IMPORT_FORMAT_CARAVAN: return "Caravan";
    case CARAVAN_IMPORT_FORMAT_STORYMAP_JSON: return "StoryMapJS JSON";
    case CARAVAN_IMPORT_FORMAT_STORYMAP_CSV: return "StoryMapJS CSV";
    case CARAVAN_IMPORT_FORMAT_TIMELINE3_JSON: return "TimelineJS3 JSON";
    case CARAVAN_IMPORT_FORMAT_TIMELINE2_JSON: return "TimelineJS2 JSON";
    case CARAVAN_IMPORT_FORMAT_TIMELINE_CSV: return "TimelineJS CSV";
    case CARAVAN_IMPORT_FORMAT_GEOJSON: return "GeoJSON";
    case CARAVAN_IMPORT_FORMAT_KML: return "KML";
    case CARAVAN_IMPORT_FORMAT_KMZ: return "KMZ";
    case CARAVAN_IMPORT_FORMAT_GPX: return "GPX";
    case CARAVAN_IMPORT_FORMAT_UNKNOWN:
    default:
      return NULL;
    }
}

static gboolean
head_has (const char *head,
          const char *needle)
{
  return strstr (head, needle) != NULL;
}

static CaravanImportFormat
sniff_extension (const char *basename)
{
  static const struct { const char *suffix; CaravanImportFormat format; } suffixes[] = {
    { ".caravan", CARAVAN_IMPORT_FORMAT_CARAVAN }, { ".kml", CARAVAN_IMPORT_FORMAT_KML },
    { ".kmz", CARAVAN_IMPORT_FORMAT_KMZ }, { ".gpx", CARAVAN_IMPORT_FORMAT_GPX },
    { ".geojson", CARAVAN_IMPORT_FORMAT_GEOJSON },
  };
  g_autofree char *lower = g_ascii_strdown (basename ? basename : "", -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      return suffixes[i].format;
  return CARAVAN_IMPORT_FORMAT_UNKNOWN;
}

CaravanImportFormat
caravan_import_sniff (const char *basename,
                      const char *data,
                      gsize       length)
{
  g_autofree char *head = NULL;
  g_autofree char *first_line = NULL;
  const char *p = data;
  gsize n;

  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return CARAVAN_IMPORT_FORMAT_KMZ;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < data + length && g_ascii_isspace (*p))
    p++;
  n = MIN ((gsize) (data + length - p), SNIFF_LENGTH);
  head = g_strndup (p, n);

  if (head[0] == '{' || head[0] == '[')
    {
      if (head_has (head, "\"format_version\""))
        return CARAVAN_IMPORT_FORMAT_CARAVAN;
      if (head_has (head, "\"storymap\""))
        return CARAVAN_IMPORT_FORMAT_STORYMAP_JSON;
      if (head_has (head, "\"timeline\"") && head_has (head, "\"startDate\""))
        return CARAVAN_IMPORT_FORMAT_TIMELINE2_JSON;
      if (head_has (head, "\"FeatureCollection\"") || head_has (head, "\"Feature\"") ||
          head_has (head, "\"coordinates\""))
        return CARAVAN_IMPORT_FORMAT_GEOJSON;
      if (head_has (head, "\"start_date\"") || head_has (head, "\"events\""))
        return CARAVAN_IMPORT_FORMAT_TIMELINE3_JSON;
      return sniff_extension (basename);
    }
  if (head[0] == '<')
    {
      if (head_has (head, "<kml") || head_has (head, ":kml"))
        return CARAVAN_IMPORT_FORMAT_KML;
      if (head_has (head, "<gpx") || head_has (head, ":gpx"))
        return CARAVAN_IMPORT_FORMAT_GPX;
      return sniff_extension (basename);
    }

  /* A spreadsheet: its header names the columns. */
  first_line = g_ascii_strdown (head, strcspn (head, "\r\n"));
  if (head_has (first_line, "year") && head_has (first_line, "headline"))
    return CARAVAN_IMPORT_FORMAT_TIMELINE_CSV;
  if (head_has (first_line, "lat") && (head_has (first_line, "lon") ||
                                       head_has (first_line, "lng")))
    return CARAVAN_IMPORT_FORMAT_STORYMAP_CSV;
  return sniff_extension (basename);
}

static CaravanStory *
load_caravan (GBytes              *bytes,
              CaravanImportReport *report,
              GError             **error)
{
  g_autoptr(GListModel) problems = NULL;
  CaravanStory *story = caravan_story_loader_load_bytes (bytes, &problems, error);

  for (guint i = 0; problems != NULL && i < g_list_model_get_n_items (problems); i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);
      g_autofree char *location = g_strdup_printf ("%u:%u",
                                                   caravan_story_problem_get_line (problem),
                                                   caravan_story_problem_get_column (problem));
      g_autofree char *message = caravan_story_problem_to_string (problem);

      caravan_import_report_add (report,
                                 caravan_story_problem_get_severity (problem) ==
                                   CARAVAN_STORY_SEVERITY_WARNING ? CARAVAN_IMPORT_NOTE_GUESSED
                                                                  : CARAVAN_IMPORT_NOTE_ERROR,
                                 location, "%s", message);
    }
  if (story == NULL && error != NULL && *error != NULL && (*error)->domain != CARAVAN_IMPORT_ERROR)
    {
      GError *invalid = g_error_new_literal (CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_INVALID,
                                             (*error)->message);

      g_clear_error (error);
      g_propagate_error (error, invalid);
    }
  return story;
}

static JsonNode *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX, "%s",
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("the file is not a JSON object"));
      return NULL;
    }
  return json_node_ref (root);
}

static gboolean
run_importer (CaravanImportFormat  format,
              const char          *data,
              gsize                length,
              CaravanStoryBuilder *builder,
              GError             **error)
{
  g_autoptr(JsonNode) root = NULL;

  switch (format)
    {
    case CARAVAN_IMPORT_FORMAT_STORYMAP_JSON:
    case CARAVAN_IMPORT_FORMAT_TIMELINE3_JSON:
    case CARAVAN_IMPORT_FORMAT_TIMELINE2_JSON:
      root = parse_json (data, length, error);
      if (root == NULL)
        return FALSE;
      if (format == CARAVAN_IMPORT_FORMAT_STORYMAP_JSON)
        return caravan_import_storymap_json (root, builder, error);
      if (format == CARAVAN_IMPORT_FORMAT_TIMELINE3_JSON)
        return caravan_import_timeline3_json (root, builder, error);
      return caravan_import_timeline2_json (root, builder, error);
    case CARAVAN_IMPORT_FORMAT_STORYMAP_CSV:
      return caravan_import_storymap_csv (data, length, builder, error);
    case CARAVAN_IMPORT_FORMAT_TIMELINE_CSV:
      return caravan_import_timeline_csv (data, length, builder, error);
    case CARAVAN_IMPORT_FORMAT_GEOJSON:
      return caravan_import_geojson (data, length, builder, error);
    case CARAVAN_IMPORT_FORMAT_KML:
      return caravan_import_kml (data, length, builder, error);
    case CARAVAN_IMPORT_FORMAT_KMZ:
      return caravan_import_kmz (data, length, builder, error);
    case CARAVAN_IMPORT_FORMAT_GPX:
      return caravan_import_gpx (data, length, builder, error);
    case CARAVAN_IMPORT_FORMAT_CARAVAN:
    case CARAVAN_IMPORT_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_text_format (CaravanImportFormat format)
{
  return format != CARAVAN_IMPORT_FORMAT_KMZ && format != CARAVAN_IMPORT_FORMAT_KML &&
         format != CARAVAN_IMPORT_FORMAT_GPX;
}

CaravanStory *
caravan_import_bytes (GBytes               *bytes,
                      const char           *basename,
                      CaravanImportReport **report_out,
                      GError              **error)
{
  g_autoptr(CaravanImportReport) report = caravan_import_report_new (basename ? basename
                                                                              : _("story"));
  g_autoptr(CaravanStoryBuilder) builder = NULL;
  g_autoptr(GError) local_error = NULL;
  CaravanStory *story = NULL;
  CaravanImportFormat format = CARAVAN_IMPORT_FORMAT_UNKNOWN;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  xmlInitParser ();
  if (length > CARAVAN_IMPORT_MAX_SIZE)
    {
      g_set_error (&local_error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE,
                   _("the file is too large (%.1f MB); Caravan imports up to %d MB"),
                   length / 1e6, CARAVAN_IMPORT_MAX_SIZE / 1000000);
      goto out;
    }
  if (length == 0)
    {
      g_set_error (&local_error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_EMPTY,
                   _("the file is empty"));
      goto out;
    }

  format = caravan_import_sniff (basename, data, length);
  caravan_import_report_set_format (report, caravan_import_format_get_name (format));
  if (format == CARAVAN_IMPORT_FORMAT_UNKNOWN)
    {
      g_set_error (&local_error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("this is not a file Caravan can open (a Caravan story, StoryMapJS, "
                     "TimelineJS, GeoJSON, KML, KMZ or GPX)"));
      goto out;
    }
  if (format == CARAVAN_IMPORT_FORMAT_CARAVAN)
    {
      story = load_caravan (bytes, report, &local_error);
      goto out;
    }
  if (is_text_format (format))
    {
      const char *end;

      if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        {
          data += 3;
          length -= 3;
        }
      if (!g_utf8_validate_len (data, length, &end))
        {
          g_set_error (&local_error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                       _("byte %llu is not UTF-8; save the file as UTF-8"),
                       (unsigned long long) (end - data) + 1);
          goto out;
        }
    }

  builder = caravan_story_builder_new (report);
  if (run_importer (format, data, length, builder, &local_error))
    story = caravan_story_builder_finish (builder, &local_error);
  if (format != CARAVAN_IMPORT_FORMAT_STORYMAP_CSV && format != CARAVAN_IMPORT_FORMAT_TIMELINE_CSV
      && is_text_format (format))
    caravan_import_report_resolve_json_paths (report, data, length);

out:
  if (local_error != NULL)
    {
      /* A story file's problems are in the report already, each at its place: the error only
       * sums them up. */
      if (format != CARAVAN_IMPORT_FORMAT_CARAVAN ||
          caravan_import_report_get_n_notes (report) == 0)
        caravan_import_report_add (report, CARAVAN_IMPORT_NOTE_ERROR, NULL, "%s",
                                   local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return story;
}

CaravanStory *
caravan_import_file (GFile                *file,
                     GCancellable         *cancellable,
                     CaravanImportReport **report,
                     GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  /* Only regular files, read through a bounded stream: a FIFO never blocks, a device never
   * fills the memory (caravan-story-file.c). */
  bytes = caravan_story_file_read (file, CARAVAN_IMPORT_MAX_SIZE, cancellable, &local_error);
  if (bytes != NULL)
    return caravan_import_bytes (bytes, basename, report, error);

  if (report != NULL)
    {
      *report = caravan_import_report_new (basename);
      caravan_import_report_add (*report, CARAVAN_IMPORT_NOTE_ERROR, NULL, "%s",
                                 local_error->message);
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

typedef struct
{
  CaravanStory *story;
  CaravanImportReport *report;
} ImportResult;

static void
free_import_result (gpointer data)
{
  ImportResult *result = data;

  g_clear_object (&result->story);
  g_clear_object (&result->report);
  g_free (result);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportResult *result = g_new0 (ImportResult, 1);
  GError *error = NULL;

  result->story = caravan_import_file (task_data, cancellable, &result->report, &error);
  /* The report travels with the error too: the window shows both. */
  g_object_set_data_full (G_OBJECT (task), "caravan-import-report",
                          g_object_ref (result->report), g_object_unref);
  if (error != NULL)
    {
      free_import_result (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, free_import_result);
}

void
caravan_import_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (G_IS_FILE (file));

  xmlInitParser ();
  g_task_set_source_tag (task, caravan_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_in_thread);
}

CaravanStory *
caravan_import_file_finish (GAsyncResult         *result,
                            CaravanImportReport **report,
                            GError              **error)
{
  ImportResult *import;
  CaravanStory *story;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (report != NULL)
    {
      CaravanImportReport *r = g_object_get_data (G_OBJECT (result), "caravan-import-report");

      *report = r != NULL ? g_object_ref (r) : NULL;
    }
  import = g_task_propagate_pointer (G_TASK (result), error);
  if (import == NULL)
    return NULL;
  story = g_steal_pointer (&import->story);
  free_import_result (import);
  return story;
}
