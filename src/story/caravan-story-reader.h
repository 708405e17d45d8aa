/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-reader.h: the story format's rules, applied to a json-glib tree. Internal to
 * the loader: caravan-story-reader.c has the typed getters that record problems by JSON path,
 * caravan-story-reader-items.c reads the story, its places, events, excerpts and routes. */

#pragma once

#include <json-glib/json-glib.h>

#include "caravan-json-scanner.h"
#include "caravan-story-private.h"
#include "caravan-story-problem.h"

G_BEGIN_DECLS

/* A problem before its path is turned into a line and column. */
typedef struct
{
  CaravanStorySeverity severity;
  CaravanStoryError code;
  char *path;
  char *message;
  gboolean at_key;  /* point at the member's key rather than its value */
} CaravanPendingProblem;

/* One step of a JSON path: a member name, or an array index when @key is NULL. */
typedef struct
{
  const char *key;
  guint index;
} CaravanPathStep;

/* The reader's own nesting, not the document's, bounds the path (places[0].name_history[1].
 * names.ru is the deepest). */
#define CARAVAN_READER_MAX_PATH 12

typedef struct
{
  const char *data;       /* the document, for positions */
  gsize length;
  GArray *pending;        /* CaravanPendingProblem */
  /* JSON path of the value being read; spelt out only when a problem is recorded */
  CaravanPathStep path[CARAVAN_READER_MAX_PATH];
  guint path_len;
  CaravanStory *story;    /* being built; discarded when n_errors > 0 */
  guint n_errors;
  /* id -> index in its array, for duplicate messages */
  GHashTable *article_index;
  GHashTable *place_index;
  GHashTable *event_index;
  GHashTable *excerpt_index;
  GHashTable *route_index;
  GStringChunk *ids;      /* the indexes' keys: they outlive the JSON they come from */
  /* Root arrays the loader left empty in the tree, to be parsed an element at a time. Set by
   * the loader; NULL when the whole document was parsed at once. */
  GHashTable *streamed;   /* member name -> GArray of CaravanJsonSpan in document */
  const char *document;
  JsonParser *parser;
  GString *batch;         /* the elements being parsed, as one JSON array */
  GError *json_error;     /* json-glib rejected an element that the strict scanner accepted */
} CaravanStoryReader;

typedef void     (*CaravanReadItemFunc) (CaravanStoryReader *l,
                                         JsonObject         *item,
                                         guint               index);
typedef gpointer (*CaravanLookupFunc)   (CaravanStory       *story,
                                         const char         *id);

void          caravan_story_reader_init          (CaravanStoryReader *l,
                                                  const char         *data,
                                                  gsize               length);
void          caravan_story_reader_clear         (CaravanStoryReader *l);
/* Reads @root into l->story, recording every problem in l->pending. */
void          caravan_story_reader_read          (CaravanStoryReader *l,
                                                  JsonNode           *root);

G_GNUC_PRINTF (5, 6)
void          caravan_reader_add_problem         (CaravanStoryReader   *l,
                                                  CaravanStorySeverity  severity,
                                                  CaravanStoryError     code,
                                                  gboolean              at_key,
                                                  const char           *format,
                                                  ...);
#define caravan_reader_add_error(l, code, ...) \
  caravan_reader_add_problem ((l), CARAVAN_STORY_SEVERITY_ERROR, (code), FALSE, __VA_ARGS__)

/* Path building: push returns the length to pop back to. The key must outlive the push. */
gsize         caravan_reader_push_key            (CaravanStoryReader *l,
                                                  const char         *key);
gsize         caravan_reader_push_index          (CaravanStoryReader *l,
                                                  guint               index);
void          caravan_reader_pop                 (CaravanStoryReader *l,
                                                  gsize               len);

void          caravan_reader_wrong_type          (CaravanStoryReader *l,
                                                  JsonNode           *node,
                                                  const char         *expected);
gboolean      caravan_reader_node_is_string      (JsonNode           *node);

/* caravan-story-reader-text.c: the cap on a member's length (long for running text, short for
 * names, ids and links); a check that reports a string over @max characters; blankness. */
guint         caravan_reader_max_length          (const char         *key);
gboolean      caravan_reader_check_length        (CaravanStoryReader *l,
                                                  const char         *value,
                                                  guint               max);
gboolean      caravan_reader_text_is_blank       (const char         *value);
void          caravan_reader_warn_unknown_fields (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char * const *known);
/* Keeps the members of @object not in @known with @item for the writer (after the item was
 * read; the warnings came from caravan_reader_warn_unknown_fields()). */
void caravan_reader_keep_unknown_fields (CaravanStoryReader *l,
                                         JsonObject         *object,
                                         const char * const *known,
                                         gpointer            item);

/* Typed member getters; they report missing (when @required), mistyped and invalid values. */
JsonNode     *caravan_reader_get_member          (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char         *key,
                                                  gboolean            required);
const char   *caravan_reader_get_string          (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char         *key,
                                                  gboolean            required);
gboolean      caravan_reader_get_number          (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char         *key,
                                                  gboolean            required,
                                                  double              min,
                                                  double              max,
                                                  double             *out);
gboolean      caravan_reader_get_boolean         (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char         *key);
gboolean      caravan_reader_get_date            (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char         *key,
                                                  gboolean            required,
                                                  CaravanDate        *date);
JsonObject   *caravan_reader_get_object          (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char         *key,
                                                  gboolean            required);
JsonArray    *caravan_reader_get_array           (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char         *key,
                                                  gboolean            required);
const char   *caravan_reader_get_id              (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  GHashTable         *index,
                                                  const char         *collection,
                                                  guint               position);
void          caravan_reader_read_list           (CaravanStoryReader *l,
                                                  JsonObject         *root,
                                                  const char         *key,
                                                  CaravanReadItemFunc read_item);

/* References by id. */
gpointer      caravan_reader_lookup_article      (CaravanStory       *story,
                                                  const char         *id);
gpointer      caravan_reader_lookup_place        (CaravanStory       *story,
                                                  const char         *id);
gpointer      caravan_reader_lookup_event        (CaravanStory       *story,
                                                  const char         *id);
gpointer      caravan_reader_resolve_reference   (CaravanStoryReader *l,
                                                  JsonNode           *node,
                                                  CaravanLookupFunc   lookup,
                                                  const char         *what);
GPtrArray    *caravan_reader_read_references     (CaravanStoryReader *l,
                                                  JsonObject         *object,
                                                  const char         *key,
                                                  CaravanLookupFunc   lookup,
                                                  const char         *what);

G_END_DECLS
