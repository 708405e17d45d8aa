/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-reader.c: typed access to a json-glib tree for the story reader. Every getter
 * checks what it reads and records problems against the JSON path being read, so one pass
 * over a file reports all its problems. */

#define G_LOG_DOMAIN "caravan-story-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "caravan-story-loader.h"
#include "caravan-story-reader.h"

/* About this much JSON text of a streamed array is parsed at a time: small enough for its
 * tree to stay in the cache while it is read, large enough to spread json-glib's cost per
 * parse (a scanner, a UTF-8 check, signals). */
#define BATCH_SIZE 16384

static void
clear_pending_problem (gpointer data)
{
  CaravanPendingProblem *problem = data;

  g_free (problem->path);
  g_free (problem->message);
}

/* Spells out the current path, as in "events[3].place". */
static char *
build_path (CaravanStoryReader *l)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < l->path_len; i++)
    {
      if (l->path[i].key == NULL)
        g_string_append_printf (path, "[%u]", l->path[i].index);
      else
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, l->path[i].key);
        }
    }
  return g_string_free (path, FALSE);
}

void
caravan_reader_add_problem (CaravanStoryReader   *l,
                            CaravanStorySeverity  severity,
                            CaravanStoryError     code,
                            gboolean              at_key,
                            const char           *format,
                            ...)
{
  CaravanPendingProblem problem;
  va_list args;

  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  problem.severity = severity;
  problem.code = code;
  problem.path = build_path (l);
  problem.at_key = at_key;
  g_array_append_val (l->pending, problem);

  if (severity == CARAVAN_STORY_SEVERITY_ERROR)
    l->n_errors++;
}

gsize
caravan_reader_push_key (CaravanStoryReader *l,
                         const char         *key)
{
  g_assert (l->path_len < CARAVAN_READER_MAX_PATH);

  l->path[l->path_len] = (CaravanPathStep) { .key = key };
  return l->path_len++;
}

gsize
caravan_reader_push_index (CaravanStoryReader *l,
                           guint               index)
{
  g_assert (l->path_len < CARAVAN_READER_MAX_PATH);

  l->path[l->path_len] = (CaravanPathStep) { .index = index };
  return l->path_len++;
}

void
caravan_reader_pop (CaravanStoryReader *l,
                    gsize               len)
{
  g_assert (len <= l->path_len);

  l->path_len = len;
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("a boolean");
        default:
          return _("a number");
        }
    }
}

void
caravan_reader_wrong_type (CaravanStoryReader *l,
                           JsonNode           *node,
                           const char         *expected)
{
  /* Translators: "expected a string, found a number" */
  caravan_reader_add_error (l, CARAVAN_STORY_ERROR_WRONG_TYPE, _("expected %s, found %s"),
                            expected, describe_node (node));
}

gboolean
caravan_reader_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* g_strv_contains() without a strcmp() call for every field of every item. */
static gboolean
is_known_field (const char * const *known,
                const char         *key)
{
  for (; *known != NULL; known++)
    if ((*known)[0] == key[0] && strcmp (*known, key) == 0)
      return TRUE;
  return FALSE;
}

void
caravan_reader_warn_unknown_fields (CaravanStoryReader *l,
                                    JsonObject         *object,
                                    const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);  /* in the file's order */

  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *key = m->data;
      gsize len;

      if (is_known_field (known, key))
        continue;

      len = caravan_reader_push_key (l, key);
      /* Translators: the member stays in the file when Caravan saves it */
      caravan_reader_add_problem (l, CARAVAN_STORY_SEVERITY_WARNING,
                                  CARAVAN_STORY_ERROR_UNKNOWN_FIELD, TRUE,
                                  _("unknown field “%s” is kept but not used"), key);
      caravan_reader_pop (l, len);
    }
}

void
caravan_reader_keep_unknown_fields (CaravanStoryReader *l,
                                    JsonObject         *object,
                                    const char * const *known,
                                    gpointer            item)
{
  g_autoptr(JsonObject) unknown = NULL;
  g_autoptr(GList) members = json_object_get_members (object);  /* in the file's order */

  for (GList *m = members; m != NULL; m = m->next)
    {
      if (is_known_field (known, m->data))
        continue;
      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, m->data,
                              json_node_copy (json_object_get_member (object, m->data)));
    }
  if (unknown != NULL)
    caravan_story_set_extra_members (l->story, item, unknown);
}

/* Returns the member's node, or NULL (after reporting it when @required) if absent. */
JsonNode *
caravan_reader_get_member (CaravanStoryReader *l,
                           JsonObject         *object,
                           const char         *key,
                           gboolean            required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    caravan_reader_add_error (l, CARAVAN_STORY_ERROR_MISSING_FIELD,
                              _("missing required field “%s”"), key);
  return node;
}

/* Reads a string member. Empty strings are an error when @required. */
const char *
caravan_reader_get_string (CaravanStoryReader *l,
                           JsonObject         *object,
                           const char         *key,
                           gboolean            required)
{
  JsonNode *node = caravan_reader_get_member (l, object, key, required);
  const char *value;
  gsize len;

  if (node == NULL)
    return NULL;

  len = caravan_reader_push_key (l, key);
  if (!caravan_reader_node_is_string (node))
    {
      caravan_reader_wrong_type (l, node, _("a string"));
      caravan_reader_pop (l, len);
      return NULL;
    }

  value = json_node_get_string (node);
  if (!caravan_reader_check_length (l, value, caravan_reader_max_length (key)))
    value = NULL;
  else if (required && caravan_reader_text_is_blank (value))
    {
      caravan_reader_add_error (l, CARAVAN_STORY_ERROR_EMPTY_VALUE,
                                _("“%s” must not be empty"), key);
      value = NULL;
    }
  caravan_reader_pop (l, len);
  return value;
}

gboolean
caravan_reader_get_number (CaravanStoryReader *l,
                           JsonObject         *object,
                           const char         *key,
                           gboolean            required,
                           double              min,
                           double              max,
                           double             *out)
{
  JsonNode *node = caravan_reader_get_member (l, object, key, required);
  gboolean ok = FALSE;
  double value;
  gsize len;

  if (node == NULL)
    return FALSE;

  len = caravan_reader_push_key (l, key);
  if (!node_is_number (node))
    caravan_reader_wrong_type (l, node, _("a number"));
  else
    {
      value = json_node_get_double (node);
      if (!isfinite (value) || value < min || value > max)
        /* Translators: "95 is outside -90..90" */
        caravan_reader_add_error (l, CARAVAN_STORY_ERROR_OUT_OF_RANGE, _("%g is outside %g..%g"),
                                  value, min, max);
      else
        {
          *out = value;
          ok = TRUE;
        }
    }
  caravan_reader_pop (l, len);
  return ok;
}

gboolean
caravan_reader_get_boolean (CaravanStoryReader *l,
                            JsonObject         *object,
                            const char         *key)
{
  JsonNode *node = caravan_reader_get_member (l, object, key, FALSE);
  gboolean value = FALSE;
  gsize len;

  if (node == NULL)
    return FALSE;

  len = caravan_reader_push_key (l, key);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    value = json_node_get_boolean (node);
  else
    caravan_reader_wrong_type (l, node, _("true or false"));
  caravan_reader_pop (l, len);
  return value;
}

gboolean
caravan_reader_get_date (CaravanStoryReader *l,
                         JsonObject         *object,
                         const char         *key,
                         gboolean            required,
                         CaravanDate        *date)
{
  const char *text = caravan_reader_get_string (l, object, key, required);
  g_autoptr(GError) error = NULL;
  gsize len;

  if (text == NULL)
    return FALSE;

  if (caravan_date_parse (text, date, &error))
    return TRUE;

  len = caravan_reader_push_key (l, key);
  caravan_reader_add_error (l, error->code, "%s", error->message);
  caravan_reader_pop (l, len);
  return FALSE;
}

/* The member if it is a @type node; NULL if it is missing, or after reporting a wrong type. */
static JsonNode *
get_node_of_type (CaravanStoryReader *l,
                  JsonObject         *object,
                  const char         *key,
                  gboolean            required,
                  JsonNodeType        type,
                  const char         *type_name)
{
  JsonNode *node = caravan_reader_get_member (l, object, key, required);
  gsize len;

  if (node == NULL || JSON_NODE_TYPE (node) == type)
    return node;

  len = caravan_reader_push_key (l, key);
  caravan_reader_wrong_type (l, node, type_name);
  caravan_reader_pop (l, len);
  return NULL;
}

/* Returns the member as an object, or NULL after reporting a wrong type. */
JsonObject *
caravan_reader_get_object (CaravanStoryReader *l,
                           JsonObject         *object,
                           const char         *key,
                           gboolean            required)
{
  JsonNode *node = get_node_of_type (l, object, key, required, JSON_NODE_OBJECT, _("an object"));

  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonArray *
caravan_reader_get_array (CaravanStoryReader *l,
                          JsonObject         *object,
                          const char         *key,
                          gboolean            required)
{
  JsonNode *node = get_node_of_type (l, object, key, required, JSON_NODE_ARRAY, _("an array"));

  return node != NULL ? json_node_get_array (node) : NULL;
}

/* Reads "id", checks it is unique in @index and records it. FALSE for duplicates/missing. */
const char *
caravan_reader_get_id (CaravanStoryReader *l,
                       JsonObject         *object,
                       GHashTable         *index,
                       const char         *collection,
                       guint               position)
{
  const char *id = caravan_reader_get_string (l, object, "id", TRUE);
  gpointer first;
  gsize len;

  if (id == NULL)
    return NULL;

  if (g_hash_table_lookup_extended (index, id, NULL, &first))
    {
      len = caravan_reader_push_key (l, "id");
      /* Translators: "duplicate id “astana” (also used by places[0])" */
      caravan_reader_add_error (l, CARAVAN_STORY_ERROR_DUPLICATE_ID,
                                _("duplicate id “%s” (also used by %s[%u])"),
                                id, collection, GPOINTER_TO_UINT (first));
      caravan_reader_pop (l, len);
      return NULL;
    }

  id = g_string_chunk_insert (l->ids, id);
  g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (position));
  return id;
}

/* Parses the elements of a streamed array from @first on, as many as make a batch, and
 * returns them; they live until the next batch. */
static JsonArray *
parse_batch (CaravanStoryReader *l,
             GArray             *spans,
             guint               first,
             guint              *n_parsed)
{
  guint i = first;

  g_string_truncate (l->batch, 0);
  g_string_append_c (l->batch, '[');
  do
    {
      const CaravanJsonSpan *span = &g_array_index (spans, CaravanJsonSpan, i);

      if (i > first)
        g_string_append_c (l->batch, ',');
      g_string_append_len (l->batch, l->document + span->offset, span->length);
    }
  while (++i < spans->len && l->batch->len < BATCH_SIZE);
  g_string_append_c (l->batch, ']');

  if (!json_parser_load_from_data (l->parser, l->batch->str, l->batch->len, &l->json_error))
    return NULL;

  *n_parsed = i - first;
  return json_node_get_array (json_parser_get_root (l->parser));
}

/* Iterates over the objects of an array member; reports non-objects. */
void
caravan_reader_read_list (CaravanStoryReader  *l,
                          JsonObject          *root,
                          const char          *key,
                          CaravanReadItemFunc  read_item)
{
  JsonArray *array = caravan_reader_get_array (l, root, key, FALSE);
  JsonArray *batch = NULL;
  guint batch_start = 0, batch_len = 0;
  GArray *spans = NULL;
  gsize key_len;
  guint n;

  if (array == NULL || l->json_error != NULL)
    return;

  if (l->streamed != NULL)
    spans = g_hash_table_lookup (l->streamed, key);
  n = spans != NULL ? spans->len : json_array_get_length (array);

  key_len = caravan_reader_push_key (l, key);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node;
      gsize len;

      if (spans == NULL)
        node = json_array_get_element (array, i);
      else
        {
          if (i == batch_start + batch_len)
            {
              batch_start = i;
              batch = parse_batch (l, spans, i, &batch_len);
              if (batch == NULL)
                break;
            }
          node = json_array_get_element (batch, i - batch_start);
        }

      len = caravan_reader_push_index (l, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        read_item (l, json_node_get_object (node), i);
      else
        caravan_reader_wrong_type (l, node, _("an object"));
      caravan_reader_pop (l, len);
    }
  caravan_reader_pop (l, key_len);
}

void
caravan_story_reader_init (CaravanStoryReader *l,
                           const char         *data,
                           gsize               length)
{
  *l = (CaravanStoryReader) {
    .data = data,
    .length = length,
    .pending = g_array_new (FALSE, FALSE, sizeof (CaravanPendingProblem)),
    .story = caravan_story_new (),
    .article_index = g_hash_table_new (g_str_hash, g_str_equal),
    .place_index = g_hash_table_new (g_str_hash, g_str_equal),
    .event_index = g_hash_table_new (g_str_hash, g_str_equal),
    .excerpt_index = g_hash_table_new (g_str_hash, g_str_equal),
    .route_index = g_hash_table_new (g_str_hash, g_str_equal),
    .ids = g_string_chunk_new (4096),
    .batch = g_string_sized_new (2 * BATCH_SIZE),
  };
  g_array_set_clear_func (l->pending, clear_pending_problem);
}

void
caravan_story_reader_clear (CaravanStoryReader *l)
{
  g_clear_object (&l->story);
  g_clear_pointer (&l->article_index, g_hash_table_unref);
  g_clear_pointer (&l->place_index, g_hash_table_unref);
  g_clear_pointer (&l->event_index, g_hash_table_unref);
  g_clear_pointer (&l->excerpt_index, g_hash_table_unref);
  g_clear_pointer (&l->route_index, g_hash_table_unref);
  g_clear_pointer (&l->ids, g_string_chunk_free);
  g_clear_error (&l->json_error);
  if (l->batch != NULL)
    g_string_free (g_steal_pointer (&l->batch), TRUE);
  g_clear_pointer (&l->pending, g_array_unref);
}
