/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-reader-items.c: the story format, object by object: metadata, articles,
 * places with their names, events, excerpts and routes (see docs/story-format.md). Objects go
 * into the story even when something else is wrong, so that all problems are found; the loader
 * throws the story away if any error was recorded. */

#define G_LOG_DOMAIN "caravan-story-reader-items"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "caravan-story-loader.h"
#include "caravan-story-reader.h"

static const char * const story_fields[] = {
  "$schema", "format_version", "id", "title", "subtitle", "language", "articles", "credits",
  "license", "initial_view", "places", "events", "excerpts", "routes", NULL
};
static const char * const view_fields[] = { "lat", "lon", "zoom", NULL };
static const char * const article_fields[] = {
  "id", "title", "author", "publication", "date", "url", "language", NULL
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

/* Reads the "names" object (language -> name) into @place, or into its name period
 * @period_index when @period is TRUE; with no @place it only checks the names. */
static void
read_translations (CaravanStoryReader *l,
                   JsonObject         *object,
                   CaravanPlace       *place,
                   gboolean            period,
                   guint               period_index)
{
  JsonObject *names = caravan_reader_get_object (l, object, "names", FALSE);
  JsonObjectIter iter;
  const char *lang;
  JsonNode *node;
  gsize names_len;

  if (names == NULL)
    return;

  names_len = caravan_reader_push_key (l, "names");
  json_object_iter_init (&iter, names);
  while (json_object_iter_next (&iter, &lang, &node))
    {
      gsize len = caravan_reader_push_key (l, lang);

      if (!caravan_reader_node_is_string (node))
        caravan_reader_wrong_type (l, node, _("a string"));
      else if (!caravan_reader_check_length (l, json_node_get_string (node),
                                             CARAVAN_STORY_MAX_NAME_LENGTH))
        {
          /* reported */
        }
      else if (caravan_reader_text_is_blank (json_node_get_string (node)))
        caravan_reader_add_error (l, CARAVAN_STORY_ERROR_EMPTY_VALUE,
                                  _("“%s” must not be empty"), lang);
      else if (place != NULL && period)
        caravan_place_add_period_translation (place, period_index, lang,
                                              json_node_get_string (node));
      else if (place != NULL)
        caravan_place_add_translation (place, lang, json_node_get_string (node));
      caravan_reader_pop (l, len);
    }
  caravan_reader_pop (l, names_len);
}

static void
read_name_history (CaravanStoryReader *l,
                   JsonObject         *object,
                   CaravanPlace       *place)
{
  JsonArray *array = caravan_reader_get_array (l, object, "name_history", FALSE);
  gsize key_len;
  guint n;

  if (array == NULL)
    return;

  key_len = caravan_reader_push_key (l, "name_history");
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gsize len = caravan_reader_push_index (l, i);
      CaravanDate from, until;
      gboolean has_from, has_until;
      JsonObject *period;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          caravan_reader_wrong_type (l, node, _("an object"));
          caravan_reader_pop (l, len);
          continue;
        }

      period = json_node_get_object (node);
      caravan_reader_warn_unknown_fields (l, period, period_fields);
      name = caravan_reader_get_string (l, period, "name", TRUE);
      has_from = caravan_reader_get_date (l, period, "from", FALSE, &from);
      has_until = caravan_reader_get_date (l, period, "until", FALSE, &until);

      if (has_from && has_until &&
          caravan_date_get_last_julian (&until) < caravan_date_get_first_julian (&from))
        {
          gsize until_len = caravan_reader_push_key (l, "until");
          g_autofree char *from_text = caravan_date_to_iso (&from);
          g_autofree char *until_text = caravan_date_to_iso (&until);

          caravan_reader_add_error (l, CARAVAN_STORY_ERROR_DATE_ORDER,
                                    _("end %s is before start %s"), until_text, from_text);
          caravan_reader_pop (l, until_len);
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

      caravan_reader_pop (l, len);
    }
  caravan_reader_pop (l, key_len);
}

static void
read_article (CaravanStoryReader *l,
              JsonObject         *object,
              guint               index)
{
  const char *id, *title, *author, *publication, *url, *language;
  CaravanDate date;
  gboolean has_date;

  caravan_reader_warn_unknown_fields (l, object, article_fields);
  id = caravan_reader_get_id (l, object, l->article_index, "articles", index);
  title = caravan_reader_get_string (l, object, "title", TRUE);
  author = caravan_reader_get_string (l, object, "author", FALSE);
  publication = caravan_reader_get_string (l, object, "publication", FALSE);
  url = caravan_reader_get_string (l, object, "url", FALSE);
  language = caravan_reader_get_string (l, object, "language", FALSE);
  has_date = caravan_reader_get_date (l, object, "date", FALSE, &date);

  if (id != NULL && title != NULL)
    {
      CaravanArticle *article = caravan_article_new (id, title, author, publication, url,
                                                     has_date ? &date : NULL);

      caravan_article_set_language (article, language);
      caravan_reader_keep_unknown_fields (l, object, article_fields, article);
      caravan_story_add_article (l->story, article);
    }
}

static void
read_place (CaravanStoryReader *l,
            JsonObject         *object,
            guint               index)
{
  g_autoptr(CaravanPlace) place = NULL;
  const char *id, *name, *kind, *description;
  double lat = 0, lon = 0;
  gboolean ok = TRUE;
  gboolean featured;

  caravan_reader_warn_unknown_fields (l, object, place_fields);
  id = caravan_reader_get_id (l, object, l->place_index, "places", index);
  name = caravan_reader_get_string (l, object, "name", TRUE);
  kind = caravan_reader_get_string (l, object, "kind", FALSE);
  description = caravan_reader_get_string (l, object, "description", FALSE);
  ok &= caravan_reader_get_number (l, object, "lat", TRUE, -90, 90, &lat);
  ok &= caravan_reader_get_number (l, object, "lon", TRUE, -180, 180, &lon);
  featured = caravan_reader_get_boolean (l, object, "featured");

  if (id != NULL && name != NULL && ok)
    place = caravan_place_new (id, name, kind != NULL ? kind : "place", description,
                               lat, lon, featured);

  read_translations (l, object, place, FALSE, 0);
  read_name_history (l, object, place);

  if (place != NULL)
    {
      caravan_reader_keep_unknown_fields (l, object, place_fields, place);
      caravan_story_add_place (l->story, g_steal_pointer (&place));
    }
}

static GStrv
read_tags (CaravanStoryReader *l,
           JsonObject         *object)
{
  JsonArray *array = caravan_reader_get_array (l, object, "tags", FALSE);
  gsize key_len;
  GStrv tags;
  guint n, n_tags = 0;

  if (array == NULL)
    return NULL;

  key_len = caravan_reader_push_key (l, "tags");
  n = json_array_get_length (array);
  tags = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      gsize len = caravan_reader_push_index (l, i);

      if (!caravan_reader_node_is_string (node))
        caravan_reader_wrong_type (l, node, _("a string"));
      else if (caravan_reader_check_length (l, json_node_get_string (node),
                                            CARAVAN_STORY_MAX_NAME_LENGTH))
        tags[n_tags++] = g_strdup (json_node_get_string (node));
      caravan_reader_pop (l, len);
    }
  tags[n_tags] = NULL;
  caravan_reader_pop (l, key_len);
  return tags;
}

static void
read_event (CaravanStoryReader *l,
            JsonObject         *object,
            guint               index)
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

  caravan_reader_warn_unknown_fields (l, object, event_fields);
  id = caravan_reader_get_id (l, object, l->event_index, "events", index);
  title = caravan_reader_get_string (l, object, "title", TRUE);
  description = caravan_reader_get_string (l, object, "description", FALSE);
  has_date = caravan_reader_get_date (l, object, "date", TRUE, &date);
  end = caravan_reader_get_string (l, object, "end", FALSE);
  circa = caravan_reader_get_boolean (l, object, "circa");
  category = caravan_reader_get_string (l, object, "category", FALSE);
  notes = caravan_reader_get_string (l, object, "notes", FALSE);
  derived = caravan_reader_get_boolean (l, object, "derived");
  tags = read_tags (l, object);

  if (has_date && end != NULL)
    {
      g_autoptr(GError) error = NULL;
      gsize len = caravan_reader_push_key (l, "end");

      if (!caravan_date_parse_end (&date, end, &error))
        {
          caravan_reader_add_error (l, error->code, "%s", error->message);
          has_date = FALSE;
        }
      caravan_reader_pop (l, len);
    }
  date.circa = circa;

  if (json_object_has_member (object, "place"))
    {
      gsize len = caravan_reader_push_key (l, "place");

      place = caravan_reader_resolve_reference (l, json_object_get_member (object, "place"),
                                                caravan_reader_lookup_place, N_("place"));
      caravan_reader_pop (l, len);
    }
  places = caravan_reader_read_references (l, object, "places", caravan_reader_lookup_place,
                                           N_("place"));

  camera = caravan_reader_get_object (l, object, "camera", FALSE);
  if (camera != NULL)
    {
      gsize len = caravan_reader_push_key (l, "camera");

      caravan_reader_warn_unknown_fields (l, camera, camera_fields);
      camera_ok &= caravan_reader_get_number (l, camera, "zoom", TRUE, 0, 22, &zoom);
      if (json_object_has_member (camera, "lat") || json_object_has_member (camera, "lon"))
        {
          camera_ok &= caravan_reader_get_number (l, camera, "lat", TRUE, -90, 90, &lat);
          camera_ok &= caravan_reader_get_number (l, camera, "lon", TRUE, -180, 180, &lon);
        }
      caravan_reader_pop (l, len);
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

  caravan_reader_keep_unknown_fields (l, object, event_fields, event);
  caravan_story_add_event (l->story, g_steal_pointer (&event));
}

static void
read_excerpt (CaravanStoryReader *l,
              JsonObject         *object,
              guint               index)
{
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) events = NULL;
  CaravanExcerpt *excerpt;
  CaravanArticle *article = NULL;
  const char *id, *text, *note;
  gboolean article_ok = TRUE;

  caravan_reader_warn_unknown_fields (l, object, excerpt_fields);
  id = caravan_reader_get_id (l, object, l->excerpt_index, "excerpts", index);
  text = caravan_reader_get_string (l, object, "text", TRUE);
  note = caravan_reader_get_string (l, object, "note", FALSE);

  if (json_object_has_member (object, "article"))
    {
      gsize len = caravan_reader_push_key (l, "article");

      article = caravan_reader_resolve_reference (l, json_object_get_member (object, "article"),
                                                  caravan_reader_lookup_article, N_("article"));
      article_ok = article != NULL;
      caravan_reader_pop (l, len);
    }
  else if (g_hash_table_size (l->article_index) == 1)
    {
      GHashTableIter iter;
      gpointer only_id;

      /* with a single article, excerpts need not name it */
      g_hash_table_iter_init (&iter, l->article_index);
      g_hash_table_iter_next (&iter, &only_id, NULL);
      article = caravan_story_lookup_article (l->story, only_id);
    }

  places = caravan_reader_read_references (l, object, "places", caravan_reader_lookup_place,
                                           N_("place"));
  events = caravan_reader_read_references (l, object, "events", caravan_reader_lookup_event,
                                           N_("event"));

  if (id == NULL || text == NULL || !article_ok)
    return;

  excerpt = caravan_excerpt_new (id, text, article, note);
  for (guint i = 0; i < places->len; i++)
    caravan_excerpt_add_place (excerpt, g_ptr_array_index (places, i));
  for (guint i = 0; i < events->len; i++)
    caravan_excerpt_add_event (excerpt, g_ptr_array_index (events, i));
  caravan_reader_keep_unknown_fields (l, object, excerpt_fields, excerpt);
  caravan_story_add_excerpt (l->story, excerpt);
}

static void
read_route (CaravanStoryReader *l,
            JsonObject         *object,
            guint               index)
{
  g_autoptr(CaravanRoute) route = NULL;
  const char *id, *label, *style, *description;
  JsonArray *points;
  gboolean schematic;
  gboolean ok = TRUE;

  caravan_reader_warn_unknown_fields (l, object, route_fields);
  id = caravan_reader_get_id (l, object, l->route_index, "routes", index);
  label = caravan_reader_get_string (l, object, "label", TRUE);
  style = caravan_reader_get_string (l, object, "style", FALSE);
  description = caravan_reader_get_string (l, object, "description", FALSE);
  schematic = caravan_reader_get_boolean (l, object, "schematic");
  points = caravan_reader_get_array (l, object, "points", TRUE);

  route = caravan_route_new (id, label, style != NULL ? style : "line", schematic, description);

  if (points != NULL)
    {
      gsize key_len = caravan_reader_push_key (l, "points");
      guint n = json_array_get_length (points);

      if (n < 2)
        caravan_reader_add_error (l, CARAVAN_STORY_ERROR_OUT_OF_RANGE,
                                  _("a route needs at least two points, found %u"), n);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (points, i);
          gsize len = caravan_reader_push_index (l, i);

          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              JsonObject *point = json_node_get_object (node);
              double lat = 0, lon = 0;
              gboolean point_ok = TRUE;

              caravan_reader_warn_unknown_fields (l, point, point_fields);
              point_ok &= caravan_reader_get_number (l, point, "lat", TRUE, -90, 90, &lat);
              point_ok &= caravan_reader_get_number (l, point, "lon", TRUE, -180, 180, &lon);
              if (point_ok)
                caravan_route_add_point (route, NULL, lat, lon);
              ok &= point_ok;
            }
          else if (caravan_reader_node_is_string (node))
            {
              CaravanPlace *place =
                caravan_reader_resolve_reference (l, node, caravan_reader_lookup_place,
                                                  N_("place"));
              if (place != NULL)
                caravan_route_add_point (route, place, 0, 0);
              ok &= place != NULL;
            }
          else
            {
              caravan_reader_wrong_type (l, node, _("a place id or an object with lat and lon"));
              ok = FALSE;
            }
          caravan_reader_pop (l, len);
        }
      caravan_reader_pop (l, key_len);
    }

  if (id != NULL && label != NULL && points != NULL && ok)
    {
      caravan_reader_keep_unknown_fields (l, object, route_fields, route);
      caravan_story_add_route (l->story, g_steal_pointer (&route));
    }
}

void
caravan_story_reader_read (CaravanStoryReader *l,
                           JsonNode           *root)
{
  JsonObject *object, *view;
  const char *id, *title, *subtitle, *language, *credits, *license;
  JsonNode *version_node;
  double lat = 0, lon = 0, zoom = 3;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      caravan_reader_wrong_type (l, root, _("an object (a story)"));
      return;
    }
  object = json_node_get_object (root);

  /* A newer format may mean anything; check the version before the rest. */
  version_node = caravan_reader_get_member (l, object, "format_version", TRUE);
  if (version_node == NULL)
    return;
  caravan_reader_push_key (l, "format_version");
  if (!JSON_NODE_HOLDS_VALUE (version_node) ||
      json_node_get_value_type (version_node) != G_TYPE_INT64)
    {
      caravan_reader_wrong_type (l, version_node, _("an integer"));
      return;
    }
  version = json_node_get_int (version_node);
  if (version != CARAVAN_STORY_FORMAT_VERSION)
    {
      caravan_reader_add_error (l, CARAVAN_STORY_ERROR_UNSUPPORTED_VERSION,
                                _("format version %lld is not supported; this "
                                  "version of Caravan reads version %d"),
                                (long long) version, CARAVAN_STORY_FORMAT_VERSION);
      return;
    }
  caravan_reader_pop (l, 0);

  caravan_reader_warn_unknown_fields (l, object, story_fields);
  id = caravan_reader_get_string (l, object, "id", FALSE);
  title = caravan_reader_get_string (l, object, "title", TRUE);
  subtitle = caravan_reader_get_string (l, object, "subtitle", FALSE);
  language = caravan_reader_get_string (l, object, "language", FALSE);
  credits = caravan_reader_get_string (l, object, "credits", FALSE);
  license = caravan_reader_get_string (l, object, "license", FALSE);
  caravan_story_set_metadata (l->story, version, id, title, subtitle,
                              language != NULL ? language : "en", credits, license);
  caravan_reader_keep_unknown_fields (l, object, story_fields, l->story);

  view = caravan_reader_get_object (l, object, "initial_view", FALSE);
  if (view != NULL)
    {
      gsize len = caravan_reader_push_key (l, "initial_view");

      caravan_reader_warn_unknown_fields (l, view, view_fields);
      caravan_reader_get_number (l, view, "lat", TRUE, -90, 90, &lat);
      caravan_reader_get_number (l, view, "lon", TRUE, -180, 180, &lon);
      caravan_reader_get_number (l, view, "zoom", TRUE, 0, 22, &zoom);
      caravan_reader_pop (l, len);
      caravan_story_set_initial_view (l->story, lat, lon, zoom);
    }

  /* Order matters: references point backwards (events -> places, excerpts -> events). */
  caravan_reader_read_list (l, object, "articles", read_article);
  caravan_reader_read_list (l, object, "places", read_place);
  caravan_reader_read_list (l, object, "events", read_event);
  caravan_reader_read_list (l, object, "excerpts", read_excerpt);
  caravan_reader_read_list (l, object, "routes", read_route);
}
