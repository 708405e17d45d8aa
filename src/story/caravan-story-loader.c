/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-loader.c: turns story files into CaravanStory objects, collecting every problem
 * with its position. Checks run cheapest first: file type and size (caravan-story-file), UTF-8,
 * a strict syntax pass (caravan-json-scanner), json-glib, the story's own rules. The scanner
 * outlines the root object, so json-glib parses the long arrays a batch of items at a time
 * while the reader goes along. Semantic problems get positions from a second scanner pass. */

#define G_LOG_DOMAIN "caravan-story-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "caravan-json-scanner.h"
#include "caravan-stories-resources.h"
#include "caravan-story-file.h"
#include "caravan-story-loader.h"
#include "caravan-story-private.h"
#include "caravan-story-problem.h"
#include "caravan-story-reader.h"

#define BUNDLED_STORY_PATH \
  "/io/github/caravanmaps/Caravan/stories/multipolarity-kazakh-steppes.caravan"

typedef struct
{
  CaravanStory *story;
  GListModel *problems;
  GError *error;
} LoadResult;

static void
clear_load_result (LoadResult *result)
{
  g_clear_object (&result->story);
  g_clear_object (&result->problems);
  g_clear_error (&result->error);
}

static void
free_load_result (gpointer data)
{
  LoadResult *result = data;

  clear_load_result (result);
  g_free (result);
}

/* Finds the position recorded for @path or, failing that, for its closest ancestor. */
static const CaravanJsonPosition *
lookup_position (GHashTable *positions,
                 const char *path)
{
  g_autofree char *key = g_strdup (path);

  for (;;)
    {
      const CaravanJsonPosition *position = g_hash_table_lookup (positions, key);
      char *cut;

      if (position != NULL)
        return position;
      if (key[0] == '\0')
        return NULL;

      cut = MAX (strrchr (key, '.'), strrchr (key, '['));
      if (cut == NULL)
        cut = key;
      *cut = '\0';
    }
}

static GListStore *
resolve_problems (CaravanStoryReader *l)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  GListStore *problems = g_list_store_new (CARAVAN_TYPE_STORY_PROBLEM);
  CaravanJsonScanError scan_error = { 0 };

  if (l->pending->len == 0)
    return problems;

  wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < l->pending->len; i++)
    caravan_json_want_path (wanted, g_array_index (l->pending, CaravanPendingProblem, i).path);

  positions = caravan_json_positions_new ();
  if (!caravan_json_scan (l->data, l->length, CARAVAN_STORY_MAX_DEPTH, CARAVAN_STORY_MAX_VALUES,
                          positions, wanted, NULL, &scan_error))
    g_clear_pointer (&scan_error.message, g_free);

  for (guint i = 0; i < l->pending->len; i++)
    {
      const CaravanPendingProblem *pending = &g_array_index (l->pending, CaravanPendingProblem, i);
      const CaravanJsonPosition *position = lookup_position (positions, pending->path);
      g_autoptr(CaravanStoryProblem) problem = NULL;
      guint line = 1, column = 1;

      if (position != NULL && pending->at_key && position->key_line > 0)
        {
          line = position->key_line;
          column = position->key_column;
        }
      else if (position != NULL)
        {
          line = position->line;
          column = position->column;
        }

      problem = caravan_story_problem_new (pending->severity, pending->code, pending->path,
                                           line, column, pending->message);
      g_list_store_append (problems, problem);
    }

  return problems;
}

static GListModel *
single_problem (CaravanStoryError  code,
                guint              line,
                guint              column,
                const char        *message)
{
  GListStore *problems = g_list_store_new (CARAVAN_TYPE_STORY_PROBLEM);
  g_autoptr(CaravanStoryProblem) problem =
    caravan_story_problem_new (CARAVAN_STORY_SEVERITY_ERROR, code, "", line, column, message);

  g_list_store_append (problems, problem);
  return G_LIST_MODEL (problems);
}

/* Builds the GError summarising the errors in @problems. */
static GError *
summarise_problems (GListModel *problems)
{
  g_autoptr(CaravanStoryProblem) first = NULL;
  g_autofree char *text = NULL;
  CaravanStoryError code = CARAVAN_STORY_ERROR_FAILED;
  guint n = g_list_model_get_n_items (problems);
  guint n_errors = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanStoryProblem) problem = g_list_model_get_item (problems, i);

      if (caravan_story_problem_get_severity (problem) != CARAVAN_STORY_SEVERITY_ERROR)
        continue;
      if (n_errors == 0)
        {
          first = g_object_ref (problem);
          code = caravan_story_problem_get_code (problem);
        }
      else if (caravan_story_problem_get_code (problem) != code)
        code = CARAVAN_STORY_ERROR_INVALID;
      n_errors++;
    }

  g_assert (first != NULL);
  text = caravan_story_problem_to_string (first);

  if (caravan_story_problem_get_line (first) == 0)
    return g_error_new_literal (CARAVAN_STORY_ERROR, code, text);

  if (n_errors == 1)
    /* Translators: the story's only problem: "Line 12, column 15: events[3].place: unknown
     * place “astna”" */
    return g_error_new (CARAVAN_STORY_ERROR, code, _("Line %u, column %u: %s"),
                        caravan_story_problem_get_line (first),
                        caravan_story_problem_get_column (first), text);

  return g_error_new (CARAVAN_STORY_ERROR, code,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "%u problem; the first at line %u, column %u: %s",
                                   "%u problems; the first at line %u, column %u: %s",
                                   n_errors),
                      n_errors, caravan_story_problem_get_line (first),
                      caravan_story_problem_get_column (first), text);
}

#define REPEAT_BYTE(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (guchar) (b))
#define HAS_ZERO_BYTE(w) (((w) - REPEAT_BYTE (1)) & ~(w) & REPEAT_BYTE (0x80))

/* g_utf8_validate_len(), but stepping over ASCII eight bytes at a time: a story is mostly
 * ASCII, and this pass sees every byte of the file. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **end)
{
  gsize i = 0;

  while (i < length)
    {
      const char *stop;
      gsize window;

      for (; length - i >= 8; i += 8)
        {
          guint64 word;

          memcpy (&word, data + i, 8);
          if ((word & REPEAT_BYTE (0x80)) != 0 || HAS_ZERO_BYTE (word))
            break;
        }

      /* a character may straddle the window's end; then the next window starts with it */
      window = MIN (length - i, 64);
      if (g_utf8_validate_len (data + i, window, &stop))
        i += window;
      else if (i + window < length && (data + i + window) - stop < 4 && stop > data + i)
        i = stop - data;
      else
        {
          *end = stop;
          return FALSE;
        }
    }

  return TRUE;
}

/* The checks that need no JSON tree; fills @problems and returns FALSE on the first failure,
 * else fills @outline. */
static gboolean
check_document (const char          *data,
                gsize                length,
                CaravanJsonOutline  *outline,
                GListModel         **problems)
{
  CaravanJsonScanError scan_error = { 0 };
  const char *end = NULL;
  guint line, column;
  gsize blank = 0;

  if (length > CARAVAN_STORY_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (CARAVAN_STORY_MAX_SIZE);
      g_autofree char *message =
        g_strdup_printf (_("the file is too large (%s); stories are limited to %s"), size, limit);

      *problems = single_problem (CARAVAN_STORY_ERROR_TOO_LARGE, 1, 1, message);
      return FALSE;
    }

  while (blank < length && data[blank] != '\0' && strchr (" \t\r\n", data[blank]) != NULL)
    blank++;
  if (blank == length)
    {
      *problems = single_problem (CARAVAN_STORY_ERROR_EMPTY, 1, 1,
                                  _("the file is empty; a story is a JSON object"));
      return FALSE;
    }

  /* byte order marks; UTF-32 LE starts like UTF-16 LE */
  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0 ||
                      (length >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0)))
    {
      gboolean utf32 = length >= 4 && (data[0] == '\0' || (data[2] == '\0' && data[3] == '\0'));

      *problems = single_problem (CARAVAN_STORY_ERROR_INVALID_UTF8, 1, 1, utf32
                                    ? _("the file is UTF-32; stories must be UTF-8")
                                    : _("the file is UTF-16; stories must be UTF-8"));
      return FALSE;
    }

  if (!validate_utf8 (data, length, &end))
    {
      g_autofree char *message = NULL;

      caravan_json_offset_to_position (data, end - data, &line, &column);
      if (*end == '\0')
        message = g_strdup (_("the file contains a NUL byte; it is not a text file"));
      else
        message = g_strdup_printf (_("invalid UTF-8 (byte 0x%02X); stories must be UTF-8"),
                                   (guchar) *end);
      *problems = single_problem (CARAVAN_STORY_ERROR_INVALID_UTF8, line, column, message);
      return FALSE;
    }

  if (!caravan_json_scan (data, length, CARAVAN_STORY_MAX_DEPTH, CARAVAN_STORY_MAX_VALUES,
                          NULL, NULL, outline, &scan_error))
    {
      g_autofree char *message = g_steal_pointer (&scan_error.message);
      CaravanStoryError code = CARAVAN_STORY_ERROR_SYNTAX;

      if (scan_error.too_deep)
        code = CARAVAN_STORY_ERROR_TOO_DEEP;
      else if (scan_error.too_many)
        code = CARAVAN_STORY_ERROR_TOO_LARGE;
      *problems = single_problem (code, scan_error.line, scan_error.column, message);
      return FALSE;
    }

  return TRUE;
}

/* Parses a piece of @data that the scanner found to be one JSON value. */
static JsonNode *
parse_piece (JsonParser             *parser,
             const char             *data,
             const CaravanJsonSpan  *span,
             GError                **error)
{
  if (!json_parser_load_from_data (parser, data + span->offset, span->length, error))
    return NULL;
  return json_parser_steal_root (parser);
}

/* Builds the root object from its members parsed one by one, arrays left empty and recorded in
 * @streamed for the reader to parse a batch of elements at a time: each batch is read and freed
 * while it is still in the cache, which about halves the time a large story takes, compared
 * with one tree of the whole file. Setting the members in file order keeps json-glib's own
 * handling of duplicate keys. */
static JsonNode *
parse_root_object (JsonParser                *parser,
                   const char                *data,
                   const CaravanJsonOutline  *outline,
                   GHashTable                *streamed,
                   GError                   **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);

  for (guint i = 0; i < outline->members->len; i++)
    {
      const CaravanJsonMember *member =
        &g_array_index (outline->members, CaravanJsonMember, i);
      const char *key_text = data + member->key.offset;
      g_autofree char *key = NULL;
      JsonNode *value;

      if (memchr (key_text, '\\', member->key.length) == NULL)
        key = g_strndup (key_text + 1, member->key.length - 2);
      else
        {
          g_autoptr(JsonNode) key_node = parse_piece (parser, data, &member->key, error);

          if (key_node == NULL)
            return NULL;
          key = json_node_dup_string (key_node);
        }

      if (member->elements != NULL)
        {
          value = json_node_init_array (json_node_alloc (), NULL);
          json_node_take_array (value, json_array_new ());
          g_hash_table_replace (streamed, g_strdup (key), member->elements);
        }
      else if ((value = parse_piece (parser, data, &member->value, error)) != NULL)
        g_hash_table_remove (streamed, key);
      else
        return NULL;

      json_node_set_parent (value, root);
      json_object_set_member (object, key, value);
    }

  return g_steal_pointer (&root);
}

/* json-glib rejected what the strict scanner accepted: unexpected, so keep json-glib's words. */
static void
report_json_error (LoadResult   *result,
                   const GError *json_error)
{
  result->problems = single_problem (CARAVAN_STORY_ERROR_SYNTAX, 1, 1, json_error->message);
  result->error = summarise_problems (result->problems);
}

static void
load_data (const char *data,
           gsize       length,
           LoadResult *result)
{
  g_auto(CaravanJsonOutline) outline = { 0 };
  g_autoptr(GHashTable) streamed = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GListStore) problems = NULL;
  const char *document = data;
  CaravanStoryReader l;

  if (!check_document (data, length, &outline, &result->problems))
    {
      result->error = summarise_problems (result->problems);
      return;
    }

  /* json-glib does not skip a byte order mark */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  parser = json_parser_new ();
  if (outline.root_is_object)
    {
      streamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      root = parse_root_object (parser, document, &outline, streamed, &json_error);
    }
  else if (json_parser_load_from_data (parser, data, length, &json_error))
    root = json_parser_steal_root (parser);

  if (root == NULL)
    {
      g_assert (json_error != NULL);  /* check_document() let no blank document through */
      report_json_error (result, json_error);
      return;
    }

  caravan_story_reader_init (&l, data, length);
  l.streamed = streamed;
  l.document = document;
  l.parser = parser;
  caravan_story_reader_read (&l, root);
  if (l.json_error != NULL)
    {
      report_json_error (result, l.json_error);
      caravan_story_reader_clear (&l);
      return;
    }

  problems = resolve_problems (&l);
  result->problems = G_LIST_MODEL (g_steal_pointer (&problems));
  if (l.n_errors > 0)
    {
      result->error = summarise_problems (result->problems);
      g_clear_object (&l.story);
    }
  else
    {
      caravan_story_seal (l.story);
      result->story = g_steal_pointer (&l.story);
    }

  caravan_story_reader_clear (&l);
}

static void
load_file (GFile        *file,
           GCancellable *cancellable,
           LoadResult   *result)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = caravan_story_file_read (file, CARAVAN_STORY_MAX_SIZE, cancellable, &error);
  if (bytes != NULL)
    load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), result);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      result->problems = G_LIST_MODEL (g_list_store_new (CARAVAN_TYPE_STORY_PROBLEM));
      result->error = g_steal_pointer (&error);
    }
  else
    {
      gboolean too_large = g_error_matches (error, CARAVAN_STORY_ERROR,
                                            CARAVAN_STORY_ERROR_TOO_LARGE);

      /* line 0: no position in the file (but too large is at 1:1, as for bytes) */
      result->problems = single_problem (error->domain == CARAVAN_STORY_ERROR
                                           ? (CaravanStoryError) error->code
                                           : CARAVAN_STORY_ERROR_FAILED,
                                         too_large, too_large, error->message);
      result->error = summarise_problems (result->problems);
    }
}

/* Hands @result to the caller's out parameters. */
static CaravanStory *
finish_result (LoadResult  *result,
               GListModel **problems,
               GError     **error)
{
  if (problems != NULL)
    *problems = g_steal_pointer (&result->problems);

  if (result->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&result->error));
      return NULL;
    }

  return g_steal_pointer (&result->story);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  load_file (G_FILE (task_data), cancellable, result);
  g_task_return_pointer (task, result, free_load_result);
}

CaravanStory *
caravan_story_loader_load_bytes (GBytes      *bytes,
                                 GListModel **problems,
                                 GError     **error)
{
  LoadResult result = { 0 };
  CaravanStory *story;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &result);
  story = finish_result (&result, problems, error);
  clear_load_result (&result);
  return story;
}

CaravanStory *
caravan_story_loader_load_file (GFile        *file,
                                GCancellable *cancellable,
                                GListModel  **problems,
                                GError      **error)
{
  LoadResult result = { 0 };
  CaravanStory *story;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  load_file (file, cancellable, &result);
  story = finish_result (&result, problems, error);
  clear_load_result (&result);
  return story;
}

void
caravan_story_loader_load_file_async (GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, caravan_story_loader_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

CaravanStory *
caravan_story_loader_load_file_finish (GAsyncResult  *result,
                                       GListModel   **problems,
                                       GError       **error)
{
  LoadResult *load_result;
  CaravanStory *story;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        caravan_story_loader_load_file_async, NULL);

  load_result = g_task_propagate_pointer (G_TASK (result), error);
  if (load_result == NULL)
    {
      if (problems != NULL)
        *problems = G_LIST_MODEL (g_list_store_new (CARAVAN_TYPE_STORY_PROBLEM));
      return NULL;
    }

  story = finish_result (load_result, problems, error);
  free_load_result (load_result);
  return story;
}

CaravanStory *
caravan_story_load_bundled (GError **error)
{
  static gsize registered = 0;
  g_autoptr(GBytes) bytes = NULL;

  /* A static resource has no GResource until it is initialised, which also registers it. */
  if (g_once_init_enter (&registered))
    {
      caravan_stories_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  bytes = g_resource_lookup_data (caravan_stories_get_resource (), BUNDLED_STORY_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return caravan_story_loader_load_bytes (bytes, NULL, error);
}
