/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-loader.c: turns story files into CaravanStory objects, collecting every problem
 * with its position. Checks run cheapest first: size, emptiness, UTF-8, a strict syntax and
 * nesting pass (caravan-json-scanner), json-glib, then the story's own rules. Positions of
 * semantic problems come from a second scanner pass that only runs when there are problems. */

#define G_LOG_DOMAIN "caravan-story-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "caravan-json-scanner.h"
#include "caravan-stories-resources.h"
#include "caravan-story-loader.h"
#include "caravan-story-private.h"
#include "caravan-story-problem.h"

#define BUNDLED_STORY_PATH "/io/github/caravanmaps/Caravan/stories/multipolarity-kazakh-steppes.caravan"

typedef struct
{
  CaravanStorySeverity severity;
  CaravanStoryError code;
  char *path;
  char *message;
  gboolean at_key;  /* point at the member's key rather than its value */
} PendingProblem;

typedef struct
{
  const char *data;
  gsize length;
  GArray *pending;        /* PendingProblem */
  GString *path;
  CaravanStory *story;
  guint n_errors;
  /* id -> index in its array, for duplicate messages */
  GHashTable *article_index;
  GHashTable *place_index;
  GHashTable *event_index;
  GHashTable *excerpt_index;
  GHashTable *route_index;
} Loader;

typedef struct
{
  CaravanStory *story;
  GListModel *problems;
  GError *error;
} LoadResult;

static const char * const story_fields[] = {
  "$schema", "format_version", "id", "title", "subtitle", "language", "articles", "credits",
  "license", "initial_view", "places", "events", "excerpts", "routes", NULL
};
static const char * const view_fields[] = { "lat", "lon", "zoom", NULL };
static const char * const article_fields[] = {
  "id", "title", "author", "publication", "date", "url", NULL
};
static const char * const place_fields[] = {
  "id", "name", "kind", "description", "lat", "lon", "featured", "names", "name_history", NULL
};
static const char * const period_fields[] = { "name", "from", "until", "names", NULL };
static const char * const event_fields[] = {
  "id", "title", "description", "date", "end", "circa", "place", "places", "category", "tags",
  "notes", "derived", "camera", NULL
};
static const char * const camera_fields[] = { "lat", "lon", "zoom", NULL };
static const char * const excerpt_fields[] = {
  "id", "text", "article", "places", "events", "note", NULL
};
static const char * const route_fields[] = {
  "id", "label", "style", "schematic", "description", "points", NULL
};
static const char * const point_fields[] = { "lat", "lon", NULL };

static void
clear_pending_problem (gpointer data)
{
  PendingProblem *problem = data;

  g_free (problem->path);
  g_free (problem->message);
}

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

G_GNUC_PRINTF (5, 6)
static void
add_problem (Loader               *l,
             CaravanStorySeverity  severity,
             CaravanStoryError     code,
             gboolean              at_key,
             const char           *format,
             ...)
{
  PendingProblem problem;
  va_list args;

  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  problem.severity = severity;
  problem.code = code;
  problem.path = g_strdup (l->path->str);
  problem.at_key = at_key;
  g_array_append_val (l->pending, problem);

  if (severity == CARAVAN_STORY_SEVERITY_ERROR)
    l->n_errors++;
}

#define add_error(l, code, ...) \
  add_problem ((l), CARAVAN_STORY_SEVERITY_ERROR, (code), FALSE, __VA_ARGS__)

static gsize
push_key (Loader     *l,
          const char *key)
{
  gsize len = l->path->len;

  if (len > 0)
    g_string_append_c (l->path, '.');
  g_string_append (l->path, key);
  return len;
}

static gsize
push_index (Loader *l,
            guint   index)
{
  gsize len = l->path->len;

  g_string_append_printf (l->path, "[%u]", index);
  return len;
}

static void
pop (Loader *l,
     gsize   len)
{
  g_string_truncate (l->path, len);
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

static void
wrong_type (Loader     *l,
            JsonNode   *node,
            const char *expected)
{
  /* Translators: "expected a string, found a number" */
  add_error (l, CARAVAN_STORY_ERROR_WRONG_TYPE, _("expected %s, found %s"),
             expected, describe_node (node));
}

static gboolean
node_is_string (JsonNode *node)
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

static void
warn_unknown_fields (Loader             *l,
                     JsonObject         *object,
                     const char * const *known)
{
  JsonObjectIter iter;
  const char *key;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &key, NULL))
    {
      gsize len;

      if (g_strv_contains (known, key))
        continue;

      len = push_key (l, key);
      add_problem (l, CARAVAN_STORY_SEVERITY_WARNING, CARAVAN_STORY_ERROR_UNKNOWN_FIELD, TRUE,
                   _("unknown field “%s” is ignored"), key);
      pop (l, len);
    }
}

/* Returns the member's node, or NULL (after reporting it when @required) if absent. */
static JsonNode *
get_member (Loader     *l,
            JsonObject *object,
            const char *key,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    add_error (l, CARAVAN_STORY_ERROR_MISSING_FIELD, _("missing required field “%s”"), key);
  return node;
}

/* Reads a string member. Empty strings are an error when @required. */
static const char *
get_string (Loader     *l,
            JsonObject *object,
            const char *key,
            gboolean    required)
{
  JsonNode *node = get_member (l, object, key, required);
  const char *value;
  gsize len;

  if (node == NULL)
    return NULL;

  len = push_key (l, key);
  if (!node_is_string (node))
    {
      wrong_type (l, node, _("a string"));
      pop (l, len);
      return NULL;
    }

  value = json_node_get_string (node);
  if (required && value[strspn (value, " \t\r\n")] == '\0')
    {
      add_error (l, CARAVAN_STORY_ERROR_EMPTY_VALUE, _("“%s” must not be empty"), key);
      value = NULL;
    }
  pop (l, len);
  return value;
}

static gboolean
get_number (Loader     *l,
            JsonObject *object,
            const char *key,
            gboolean    required,
            double      min,
            double      max,
            double     *out)
{
  JsonNode *node = get_member (l, object, key, required);
  gboolean ok = FALSE;
  double value;
  gsize len;

  if (node == NULL)
    return FALSE;

  len = push_key (l, key);
  if (!node_is_number (node))
    wrong_type (l, node, _("a number"));
  else
    {
      value = json_node_get_double (node);
      if (!isfinite (value) || value < min || value > max)
        /* Translators: "95 is outside -90..90" */
        add_error (l, CARAVAN_STORY_ERROR_OUT_OF_RANGE, _("%g is outside %g..%g"),
                   value, min, max);
      else
        {
          *out = value;
          ok = TRUE;
        }
    }
  pop (l, len);
  return ok;
}

static gboolean
get_boolean (Loader     *l,
             JsonObject *object,
             const char *key)
{
  JsonNode *node = get_member (l, object, key, FALSE);
  gboolean value = FALSE;
  gsize len;

  if (node == NULL)
    return FALSE;

  len = push_key (l, key);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    value = json_node_get_boolean (node);
  else
    wrong_type (l, node, _("true or false"));
  pop (l, len);
  return value;
}

static gboolean
get_date (Loader      *l,
          JsonObject  *object,
          const char  *key,
          gboolean     required,
          CaravanDate *date)
{
  const char *text = get_string (l, object, key, required);
  g_autoptr(GError) error = NULL;
  gsize len;

  if (text == NULL)
    return FALSE;

  if (caravan_date_parse (text, date, &error))
    return TRUE;

  len = push_key (l, key);
  add_error (l, error->code, "%s", error->message);
  pop (l, len);
  return FALSE;
}

/* Returns the member as an object, or NULL after reporting a wrong type. */
static JsonObject *
get_object (Loader     *l,
            JsonObject *object,
            const char *key,
            gboolean    required)
{
  JsonNode *node = get_member (l, object, key, required);
  gsize len;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);

  len = push_key (l, key);
  wrong_type (l, node, _("an object"));
  pop (l, len);
  return NULL;
}

static JsonArray *
get_array (Loader     *l,
           JsonObject *object,
           const char *key,
           gboolean    required)
{
  JsonNode *node = get_member (l, object, key, required);
  gsize len;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  len = push_key (l, key);
  wrong_type (l, node, _("an array"));
  pop (l, len);
  return NULL;
}

/* Reads "id", checks it is unique in @index and records it. FALSE for duplicates/missing. */
static const char *
get_id (Loader     *l,
        JsonObject *object,
        GHashTable *index,
        const char *collection,
        guint       position)
{
  const char *id = get_string (l, object, "id", TRUE);
  gpointer first;
  gsize len;

  if (id == NULL)
    return NULL;

  if (g_hash_table_lookup_extended (index, id, NULL, &first))
    {
      len = push_key (l, "id");
      /* Translators: "duplicate id “astana” (also used by places[0])" */
      add_error (l, CARAVAN_STORY_ERROR_DUPLICATE_ID, _("duplicate id “%s” (also used by %s[%u])"),
                 id, collection, GPOINTER_TO_UINT (first));
      pop (l, len);
      return NULL;
    }

  g_hash_table_insert (index, (gpointer) id, GUINT_TO_POINTER (position));
  return id;
}

/* Iterates over the objects of an array member; reports non-objects. */
typedef void (*ReadItemFunc) (Loader     *l,
                              JsonObject *item,
                              guint       index);

static void
read_list (Loader       *l,
           JsonObject   *root,
           const char   *key,
           ReadItemFunc  read_item)
{
  JsonArray *array = get_array (l, root, key, FALSE);
  gsize key_len;
  guint n;

  if (array == NULL)
    return;

  key_len = push_key (l, key);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len = push_index (l, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        read_item (l, json_node_get_object (node), i);
      else
        wrong_type (l, node, _("an object"));
      pop (l, len);
    }
  pop (l, key_len);
}

/* Reads an object of language -> name pairs and hands each to @add. */
static void
read_translations (Loader       *l,
                   JsonObject   *object,
                   CaravanPlace *place,
                   gboolean      period,
                   guint         period_index)
{
  JsonObject *names = get_object (l, object, "names", FALSE);
  JsonObjectIter iter;
  const char *lang;
  JsonNode *node;
  gsize names_len;

  if (names == NULL)
    return;

  names_len = push_key (l, "names");
  json_object_iter_init (&iter, names);
  while (json_object_iter_next (&iter, &lang, &node))
    {
      gsize len = push_key (l, lang);

      if (!node_is_string (node))
        wrong_type (l, node, _("a string"));
      else if (json_node_get_string (node)[0] == '\0')
        add_error (l, CARAVAN_STORY_ERROR_EMPTY_VALUE, _("“%s” must not be empty"), lang);
      else if (place != NULL && period)
        caravan_place_add_period_translation (place, period_index, lang,
                                              json_node_get_string (node));
      else if (place != NULL)
        caravan_place_add_translation (place, lang, json_node_get_string (node));
      pop (l, len);
    }
  pop (l, names_len);
}

static void
read_name_history (Loader       *l,
                   JsonObject   *object,
                   CaravanPlace *place)
{
  JsonArray *array = get_array (l, object, "name_history", FALSE);
  gsize key_len;
  guint n;

  if (array == NULL)
    return;

  key_len = push_key (l, "name_history");
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len = push_index (l, i);
      CaravanDate from, until;
      gboolean has_from, has_until;
      JsonObject *period;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          wrong_type (l, node, _("an object"));
          pop (l, len);
          continue;
        }

      period = json_node_get_object (node);
      warn_unknown_fields (l, period, period_fields);
      name = get_string (l, period, "name", TRUE);
      has_from = get_date (l, period, "from", FALSE, &from);
      has_until = get_date (l, period, "until", FALSE, &until);

      if (has_from && has_until &&
          caravan_date_get_last_julian (&until) < caravan_date_get_first_julian (&from))
        {
          gsize until_len = push_key (l, "until");
          g_autofree char *from_text = caravan_date_to_iso (&from);
          g_autofree char *until_text = caravan_date_to_iso (&until);

          add_error (l, CARAVAN_STORY_ERROR_DATE_ORDER, _("end %s is before start %s"),
                     until_text, from_text);
          pop (l, until_len);
        }

      if (name != NULL && place != NULL)
        {
          guint index = caravan_place_add_name_period (place, name,
                                                       has_from ? &from : NULL,
                                                       has_until ? &until : NULL);
          read_translations (l, period, place, TRUE, index);
        }
      else
        read_translations (l, period, NULL, FALSE, 0);

      pop (l, len);
    }
  pop (l, key_len);
}

static void
read_article (Loader     *l,
              JsonObject *object,
              guint       index)
{
  const char *id, *title, *author, *publication, *url;
  CaravanDate date;
  gboolean has_date;

  warn_unknown_fields (l, object, article_fields);
  id = get_id (l, object, l->article_index, "articles", index);
  title = get_string (l, object, "title", TRUE);
  author = get_string (l, object, "author", FALSE);
  publication = get_string (l, object, "publication", FALSE);
  url = get_string (l, object, "url", FALSE);
  has_date = get_date (l, object, "date", FALSE, &date);

  if (id != NULL && title != NULL)
    caravan_story_add_article (l->story,
                               caravan_article_new (id, title, author, publication, url,
                                                    has_date ? &date : NULL));
}

static void
read_place (Loader     *l,
            JsonObject *object,
            guint       index)
{
  g_autoptr(CaravanPlace) place = NULL;
  const char *id, *name, *kind, *description;
  double lat = 0, lon = 0;
  gboolean ok = TRUE;
  gboolean featured;

  warn_unknown_fields (l, object, place_fields);
  id = get_id (l, object, l->place_index, "places", index);
  name = get_string (l, object, "name", TRUE);
  kind = get_string (l, object, "kind", FALSE);
  description = get_string (l, object, "description", FALSE);
  ok &= get_number (l, object, "lat", TRUE, -90, 90, &lat);
  ok &= get_number (l, object, "lon", TRUE, -180, 180, &lon);
  featured = get_boolean (l, object, "featured");

  if (id != NULL && name != NULL && ok)
    place = caravan_place_new (id, name, kind != NULL ? kind : "place", description,
                               lat, lon, featured);

  read_translations (l, object, place, FALSE, 0);
  read_name_history (l, object, place);

  if (place != NULL)
    caravan_story_add_place (l->story, g_steal_pointer (&place));
}

typedef gpointer (*LookupFunc) (CaravanStory *story,
                                const char   *id);

static gpointer
lookup_article (CaravanStory *story,
                const char   *id)
{
  return caravan_story_lookup_article (story, id);
}

static gpointer
lookup_place (CaravanStory *story,
              const char   *id)
{
  return caravan_story_lookup_place (story, id);
}

static gpointer
lookup_event (CaravanStory *story,
              const char   *id)
{
  return caravan_story_lookup_event (story, id);
}

/* Resolves a string id via @lookup; reports unknown or mistyped references. */
static gpointer
resolve_reference (Loader     *l,
                   JsonNode   *node,
                   LookupFunc  lookup,
                   const char *what)
{
  gpointer object;

  if (!node_is_string (node))
    {
      wrong_type (l, node, _("a string id"));
      return NULL;
    }

  object = lookup (l->story, json_node_get_string (node));
  if (object == NULL)
    /* Translators: "unknown place “astna”"; the first %s is "place", "event" or "article" */
    add_error (l, CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE, _("unknown %s “%s”"),
               what, json_node_get_string (node));
  return object;
}

/* Reads a member holding an array of ids and resolves each. */
static GPtrArray *
read_references (Loader     *l,
                 JsonObject *object,
                 const char *key,
                 LookupFunc  lookup,
                 const char *what)
{
  JsonArray *array = get_array (l, object, key, FALSE);
  GPtrArray *result = g_ptr_array_new ();
  gsize key_len;
  guint n;

  if (array == NULL)
    return result;

  key_len = push_key (l, key);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      gsize len = push_index (l, i);
      gpointer found = resolve_reference (l, json_array_get_element (array, i), lookup, what);

      if (found != NULL)
        g_ptr_array_add (result, found);
      pop (l, len);
    }
  pop (l, key_len);
  return result;
}

static GStrv
read_tags (Loader     *l,
           JsonObject *object)
{
  JsonArray *array = get_array (l, object, "tags", FALSE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize key_len;
  guint n;

  if (array == NULL)
    return NULL;

  key_len = push_key (l, "tags");
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len = push_index (l, i);

      if (node_is_string (node))
        g_strv_builder_add (builder, json_node_get_string (node));
      else
        wrong_type (l, node, _("a string"));
      pop (l, len);
    }
  pop (l, key_len);
  return g_strv_builder_end (builder);
}

static void
read_event (Loader     *l,
            JsonObject *object,
            guint       index)
{
  g_autoptr(CaravanEvent) event = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_auto(GStrv) tags = NULL;
  const char *id, *title, *description, *category, *notes, *end;
  CaravanPlace *place = NULL;
  JsonObject *camera;
  CaravanDate date;
  gboolean has_date;
  gboolean circa, derived;
  double zoom = NAN, lat = NAN, lon = NAN;
  gboolean camera_ok = TRUE;

  warn_unknown_fields (l, object, event_fields);
  id = get_id (l, object, l->event_index, "events", index);
  title = get_string (l, object, "title", TRUE);
  description = get_string (l, object, "description", FALSE);
  has_date = get_date (l, object, "date", TRUE, &date);
  end = get_string (l, object, "end", FALSE);
  circa = get_boolean (l, object, "circa");
  category = get_string (l, object, "category", FALSE);
  notes = get_string (l, object, "notes", FALSE);
  derived = get_boolean (l, object, "derived");
  tags = read_tags (l, object);

  if (has_date && end != NULL)
    {
      g_autoptr(GError) error = NULL;
      gsize len = push_key (l, "end");

      if (!caravan_date_parse_end (&date, end, &error))
        {
          add_error (l, error->code, "%s", error->message);
          has_date = FALSE;
        }
      pop (l, len);
    }
  date.circa = circa;

  if (json_object_has_member (object, "place"))
    {
      gsize len = push_key (l, "place");

      place = resolve_reference (l, json_object_get_member (object, "place"),
                                 lookup_place, _("place"));
      pop (l, len);
    }
  places = read_references (l, object, "places", lookup_place,
                            _("place"));

  camera = get_object (l, object, "camera", FALSE);
  if (camera != NULL)
    {
      gsize len = push_key (l, "camera");

      warn_unknown_fields (l, camera, camera_fields);
      camera_ok &= get_number (l, camera, "zoom", TRUE, 0, 22, &zoom);
      if (json_object_has_member (camera, "lat") || json_object_has_member (camera, "lon"))
        {
          camera_ok &= get_number (l, camera, "lat", TRUE, -90, 90, &lat);
          camera_ok &= get_number (l, camera, "lon", TRUE, -180, 180, &lon);
        }
      pop (l, len);
    }

  if (id == NULL || title == NULL || !has_date)
    return;

  event = caravan_event_new (id, title, description, &date, category,
                             g_steal_pointer (&tags), notes, derived);
  if (place != NULL)
    caravan_event_add_place (event, place);
  for (guint i = 0; i < places->len; i++)
    if (!caravan_event_has_place (event, g_ptr_array_index (places, i)))
      caravan_event_add_place (event, g_ptr_array_index (places, i));
  if (camera != NULL && camera_ok)
    caravan_event_set_camera (event, lat, lon, zoom);

  caravan_story_add_event (l->story, g_steal_pointer (&event));
}

static void
read_excerpt (Loader     *l,
              JsonObject *object,
              guint       index)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) events = NULL;
  CaravanExcerpt *excerpt;
  CaravanArticle *article = NULL;
  const char *id, *text, *note;
  gboolean article_ok = TRUE;

  warn_unknown_fields (l, object, excerpt_fields);
  id = get_id (l, object, l->excerpt_index, "excerpts", index);
  text = get_string (l, object, "text", TRUE);
  note = get_string (l, object, "note", FALSE);

  if (json_object_has_member (object, "article"))
    {
      gsize len = push_key (l, "article");

      article = resolve_reference (l, json_object_get_member (object, "article"),
                                   lookup_article, _("article"));
      article_ok = article != NULL;
      pop (l, len);
    }
  else if (g_list_model_get_n_items (caravan_story_get_articles (l->story)) == 1)
    {
      g_autoptr(CaravanArticle) only =
        g_list_model_get_item (caravan_story_get_articles (l->story), 0);

      article = only;
    }

  places = read_references (l, object, "places", lookup_place,
                            _("place"));
  events = read_references (l, object, "events", lookup_event,
                            _("event"));

  if (id == NULL || text == NULL || !article_ok)
    return;

  excerpt = caravan_excerpt_new (id, text, article, note);
  for (guint i = 0; i < places->len; i++)
    caravan_excerpt_add_place (excerpt, g_ptr_array_index (places, i));
  for (guint i = 0; i < events->len; i++)
    caravan_excerpt_add_event (excerpt, g_ptr_array_index (events, i));
  caravan_story_add_excerpt (l->story, excerpt);
}

static void
read_route (Loader     *l,
            JsonObject *object,
            guint       index)
{
  g_autoptr(CaravanRoute) route = NULL;
  const char *id, *label, *style, *description;
  JsonArray *points;
  gboolean schematic;
  gboolean ok = TRUE;

  warn_unknown_fields (l, object, route_fields);
  id = get_id (l, object, l->route_index, "routes", index);
  label = get_string (l, object, "label", TRUE);
  style = get_string (l, object, "style", FALSE);
  description = get_string (l, object, "description", FALSE);
  schematic = get_boolean (l, object, "schematic");
  points = get_array (l, object, "points", TRUE);

  route = caravan_route_new (id, label, style != NULL ? style : "line", schematic, description);

  if (points != NULL)
    {
      gsize key_len = push_key (l, "points");
      guint n = json_array_get_length (points);

      if (n < 2)
        add_error (l, CARAVAN_STORY_ERROR_OUT_OF_RANGE,
                   _("a route needs at least two points, found %u"), n);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (points, i);
          gsize len = push_index (l, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              JsonObject *point = json_node_get_object (node);
              double lat = 0, lon = 0;
              gboolean point_ok = TRUE;

              warn_unknown_fields (l, point, point_fields);
              point_ok &= get_number (l, point, "lat", TRUE, -90, 90, &lat);
              point_ok &= get_number (l, point, "lon", TRUE, -180, 180, &lon);
              if (point_ok)
                caravan_route_add_point (route, NULL, lat, lon);
              ok &= point_ok;
            }
          else if (node_is_string (node))
            {
              CaravanPlace *place = resolve_reference (l, node,
                                                       lookup_place,
                                                       _("place"));
              if (place != NULL)
                caravan_route_add_point (route, place, 0, 0);
              ok &= place != NULL;
            }
          else
            {
              wrong_type (l, node, _("a place id or an object with lat and lon"));
              ok = FALSE;
            }
          pop (l, len);
        }
      pop (l, key_len);
    }

  if (id != NULL && label != NULL && points != NULL && ok)
    caravan_story_add_route (l->story, g_steal_pointer (&route));
}

static void
read_story (Loader   *l,
            JsonNode *root)
{
  JsonObject *object, *view;
  const char *id, *title, *subtitle, *language, *credits, *license;
  JsonNode *version_node;
  double lat = 0, lon = 0, zoom = 3;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      wrong_type (l, root, _("an object (a story)"));
      return;
    }
  object = json_node_get_object (root);

  /* A newer format may mean anything; check the version before the rest. */
  version_node = get_member (l, object, "format_version", TRUE);
  if (version_node == NULL)
    return;
  push_key (l, "format_version");
  if (!JSON_NODE_HOLDS_VALUE (version_node) ||
      json_node_get_value_type (version_node) != G_TYPE_INT64)
    {
      wrong_type (l, version_node, _("an integer"));
      return;
    }
  version = json_node_get_int (version_node);
  if (version != CARAVAN_STORY_FORMAT_VERSION)
    {
      add_error (l, CARAVAN_STORY_ERROR_UNSUPPORTED_VERSION,
                 _("format version %" G_GINT64_FORMAT " is not supported; this version of "
                   "Caravan reads version %d"), version, CARAVAN_STORY_FORMAT_VERSION);
      return;
    }
  pop (l, 0);

  warn_unknown_fields (l, object, story_fields);
  id = get_string (l, object, "id", FALSE);
  title = get_string (l, object, "title", TRUE);
  subtitle = get_string (l, object, "subtitle", FALSE);
  language = get_string (l, object, "language", FALSE);
  credits = get_string (l, object, "credits", FALSE);
  license = get_string (l, object, "license", FALSE);
  caravan_story_set_metadata (l->story, version, id, title, subtitle,
                              language != NULL ? language : "en", credits, license);

  view = get_object (l, object, "initial_view", FALSE);
  if (view != NULL)
    {
      gsize len = push_key (l, "initial_view");

      warn_unknown_fields (l, view, view_fields);
      get_number (l, view, "lat", TRUE, -90, 90, &lat);
      get_number (l, view, "lon", TRUE, -180, 180, &lon);
      get_number (l, view, "zoom", TRUE, 0, 22, &zoom);
      pop (l, len);
    }
  caravan_story_set_initial_view (l->story, lat, lon, zoom);

  /* Order matters: references point backwards (events -> places, excerpts -> events). */
  read_list (l, object, "articles", read_article);
  read_list (l, object, "places", read_place);
  read_list (l, object, "events", read_event);
  read_list (l, object, "excerpts", read_excerpt);
  read_list (l, object, "routes", read_route);
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
resolve_problems (Loader *l)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GHashTable) wanted = NULL;
  GListStore *problems = g_list_store_new (CARAVAN_TYPE_STORY_PROBLEM);
  CaravanJsonScanError scan_error = { 0 };

  if (l->pending->len == 0)
    return problems;

  wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < l->pending->len; i++)
    caravan_json_want_path (wanted, g_array_index (l->pending, PendingProblem, i).path);

  positions = caravan_json_positions_new ();
  if (!caravan_json_scan (l->data, l->length, CARAVAN_STORY_MAX_DEPTH, positions, wanted,
                          &scan_error))
    g_clear_pointer (&scan_error.message, g_free);

  for (guint i = 0; i < l->pending->len; i++)
    {
      const PendingProblem *pending = &g_array_index (l->pending, PendingProblem, i);
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

/* The checks that need no JSON tree; fills @problems and returns FALSE on the first failure. */
static gboolean
check_document (const char  *data,
                gsize        length,
                GListModel **problems)
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

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                       ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      *problems = single_problem (CARAVAN_STORY_ERROR_INVALID_UTF8, 1, 1,
                                  _("the file is UTF-16; stories must be UTF-8"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, &end))
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

  if (!caravan_json_scan (data, length, CARAVAN_STORY_MAX_DEPTH, NULL, NULL, &scan_error))
    {
      g_autofree char *message = g_steal_pointer (&scan_error.message);

      *problems = single_problem (scan_error.too_deep ? CARAVAN_STORY_ERROR_TOO_DEEP
                                                      : CARAVAN_STORY_ERROR_SYNTAX,
                                  scan_error.line, scan_error.column, message);
      return FALSE;
    }

  return TRUE;
}

static void
load_data (const char *data,
           gsize       length,
           LoadResult *result)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GListStore) problems = NULL;
  Loader l = { 0 };

  if (!check_document (data, length, &result->problems))
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

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      /* the strict scanner accepted it, so this is unexpected; keep json-glib's words */
      result->problems = single_problem (CARAVAN_STORY_ERROR_SYNTAX, 1, 1, json_error->message);
      result->error = summarise_problems (result->problems);
      return;
    }

  l.data = data;
  l.length = length;
  l.pending = g_array_new (FALSE, FALSE, sizeof (PendingProblem));
  g_array_set_clear_func (l.pending, clear_pending_problem);
  l.path = g_string_new (NULL);
  l.story = caravan_story_new ();
  l.article_index = g_hash_table_new (g_str_hash, g_str_equal);
  l.place_index = g_hash_table_new (g_str_hash, g_str_equal);
  l.event_index = g_hash_table_new (g_str_hash, g_str_equal);
  l.excerpt_index = g_hash_table_new (g_str_hash, g_str_equal);
  l.route_index = g_hash_table_new (g_str_hash, g_str_equal);

  read_story (&l, json_parser_get_root (parser));

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

  g_clear_object (&l.story);
  g_hash_table_unref (l.article_index);
  g_hash_table_unref (l.place_index);
  g_hash_table_unref (l.event_index);
  g_hash_table_unref (l.excerpt_index);
  g_hash_table_unref (l.route_index);
  g_string_free (l.path, TRUE);
  g_array_unref (l.pending);
}

static void
load_file (GFile        *file,
           GCancellable *cancellable,
           LoadResult   *result)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  goffset size = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);

  if (size > CARAVAN_STORY_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit = g_format_size (CARAVAN_STORY_MAX_SIZE);
      g_autofree char *message =
        g_strdup_printf (_("the file is too large (%s); stories are limited to %s"),
                         size_text, limit);

      result->problems = single_problem (CARAVAN_STORY_ERROR_TOO_LARGE, 1, 1, message);
      result->error = summarise_problems (result->problems);
      return;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          result->problems = G_LIST_MODEL (g_list_store_new (CARAVAN_TYPE_STORY_PROBLEM));
          result->error = g_steal_pointer (&error);
          return;
        }
      result->problems = single_problem (CARAVAN_STORY_ERROR_FAILED, 0, 0, error->message);
      result->error = summarise_problems (result->problems);
      return;
    }

  load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), result);
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
