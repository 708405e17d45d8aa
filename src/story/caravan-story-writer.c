/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-writer.c: CaravanStory to .caravan JSON, field for field what the reader
 * reads, leaving out defaults so that the files stay short. */

#define G_LOG_DOMAIN "caravan-story-writer"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "caravan-file-save.h"
#include "caravan-json-text.h"
#include "caravan-story-loader.h"
#include "caravan-story-private.h"
#include "caravan-story-writer.h"

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  /* Whole numbers as integers: "zoom": 7, not 7.0. */
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (b, (gint64) value);
  else
    json_builder_add_double_value (b, value);
}

static void
add_true (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  if (!value)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, TRUE);
}

static char *
date_point_to_iso (const CaravanDate *date,
                   gboolean           end)
{
  CaravanDate point = *date;

  if (end)
    {
      point.year = date->end_year;
      point.month = date->end_month;
      point.day = date->end_day;
      point.precision = date->end_precision;
    }
  point.has_end = FALSE;
  return caravan_date_to_iso (&point);
}

static void
add_date (JsonBuilder       *b,
          const char        *name,
          const char        *end_name,
          const CaravanDate *date)
{
  g_autofree char *start = NULL;

  if (date == NULL)
    return;
  start = date_point_to_iso (date, FALSE);
  add_string (b, name, start);
  if (date->has_end && end_name != NULL)
    {
      g_autofree char *end = date_point_to_iso (date, TRUE);

      add_string (b, end_name, end);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "names": { "kk": …, "ru": … } in a stable order. */
static void
add_translations (JsonBuilder *b,
                  GHashTable  *translations)
{
  g_autofree gpointer *langs = NULL;
  guint n;

  if (translations == NULL || g_hash_table_size (translations) == 0)
    return;
  langs = g_hash_table_get_keys_as_array (translations, &n);
  qsort (langs, n, sizeof (gpointer), compare_strings);
  json_builder_set_member_name (b, "names");
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    add_string (b, langs[i], g_hash_table_lookup (translations, langs[i]));
  json_builder_end_object (b);
}

static void
add_article (JsonBuilder    *b,
             CaravanArticle *article)
{
  add_string (b, "id", caravan_article_get_id (article));
  add_string (b, "title", caravan_article_get_title (article));
  add_string (b, "author", caravan_article_get_author (article));
  add_string (b, "publication", caravan_article_get_publication (article));
  add_date (b, "date", NULL, caravan_article_get_date (article));
  add_string (b, "url", caravan_article_get_url (article));
}

static void
add_place (JsonBuilder  *b,
           CaravanPlace *place)
{
  guint n_periods = caravan_place_get_n_name_periods (place);

  add_string (b, "id", caravan_place_get_id (place));
  add_string (b, "name", caravan_place_get_name (place));
  if (g_strcmp0 (caravan_place_get_kind (place), "place") != 0)
    add_string (b, "kind", caravan_place_get_kind (place));
  add_number (b, "lat", caravan_place_get_latitude (place));
  add_number (b, "lon", caravan_place_get_longitude (place));
  add_string (b, "description", caravan_place_get_description (place));
  add_true (b, "featured", caravan_place_get_featured (place));
  add_translations (b, caravan_place_get_translations (place, G_MAXUINT));
  if (n_periods > 0)
    {
      json_builder_set_member_name (b, "name_history");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_periods; i++)
        {
          const CaravanDate *from, *until;
          const char *name = caravan_place_get_name_period (place, i, &from, &until);

          json_builder_begin_object (b);
          add_string (b, "name", name);
          add_date (b, "from", NULL, from);
          add_date (b, "until", NULL, until);
          add_translations (b, caravan_place_get_translations (place, i));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
}

static void
add_event (JsonBuilder  *b,
           CaravanEvent *event)
{
  const char * const *tags = caravan_event_get_tags (event);
  guint n_places = caravan_event_get_n_places (event);
  double lat, lon, zoom;

  add_string (b, "id", caravan_event_get_id (event));
  add_string (b, "title", caravan_event_get_title (event));
  add_date (b, "date", "end", caravan_event_get_date (event));
  add_true (b, "circa", caravan_event_get_date (event)->circa);
  if (n_places == 1)
    add_string (b, "place", caravan_place_get_id (caravan_event_get_place (event, 0)));
  else if (n_places > 1)
    {
      json_builder_set_member_name (b, "places");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_places; i++)
        json_builder_add_string_value (b, caravan_place_get_id (caravan_event_get_place (event,
                                                                                          i)));
      json_builder_end_array (b);
    }
  add_string (b, "description", caravan_event_get_description (event));
  add_string (b, "category", caravan_event_get_category (event));
  if (tags[0] != NULL)
    {
      json_builder_set_member_name (b, "tags");
      json_builder_begin_array (b);
      for (guint i = 0; tags[i] != NULL; i++)
        json_builder_add_string_value (b, tags[i]);
      json_builder_end_array (b);
    }
  add_string (b, "notes", caravan_event_get_notes (event));
  add_true (b, "derived", caravan_event_get_derived (event));
  if (caravan_event_get_camera (event, &lat, &lon, &zoom))
    {
      json_builder_set_member_name (b, "camera");
      json_builder_begin_object (b);
      if (!isnan (lat) && !isnan (lon))
        {
          add_number (b, "lat", lat);
          add_number (b, "lon", lon);
        }
      add_number (b, "zoom", zoom);
      json_builder_end_object (b);
    }
}

static void
add_excerpt (JsonBuilder    *b,
             CaravanExcerpt *excerpt)
{
  CaravanArticle *article = caravan_excerpt_get_article (excerpt);
  guint n_places = caravan_excerpt_get_n_places (excerpt);
  guint n_events = caravan_excerpt_get_n_events (excerpt);

  add_string (b, "id", caravan_excerpt_get_id (excerpt));
  add_string (b, "text", caravan_excerpt_get_text (excerpt));
  if (article != NULL)
    add_string (b, "article", caravan_article_get_id (article));
  if (n_places > 0)
    {
      json_builder_set_member_name (b, "places");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_places; i++)
        json_builder_add_string_value (b, caravan_place_get_id (caravan_excerpt_get_place (excerpt,
                                                                                            i)));
      json_builder_end_array (b);
    }
  if (n_events > 0)
    {
      json_builder_set_member_name (b, "events");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_events; i++)
        json_builder_add_string_value (b, caravan_event_get_id (caravan_excerpt_get_event (excerpt,
                                                                                            i)));
      json_builder_end_array (b);
    }
  add_string (b, "note", caravan_excerpt_get_note (excerpt));
}

static void
add_route (JsonBuilder  *b,
           CaravanRoute *route)
{
  add_string (b, "id", caravan_route_get_id (route));
  add_string (b, "label", caravan_route_get_label (route));
  if (g_strcmp0 (caravan_route_get_style (route), "line") != 0)
    add_string (b, "style", caravan_route_get_style (route));
  add_true (b, "schematic", caravan_route_get_schematic (route));
  add_string (b, "description", caravan_route_get_description (route));
  json_builder_set_member_name (b, "points");
  json_builder_begin_array (b);
  for (guint i = 0; i < caravan_route_get_n_points (route); i++)
    {
      double lat, lon;
      CaravanPlace *place = caravan_route_get_point (route, i, &lat, &lon);

      if (place != NULL)
        json_builder_add_string_value (b, caravan_place_get_id (place));
      else
        {
          json_builder_begin_object (b);
          add_number (b, "lat", lat);
          add_number (b, "lon", lon);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
}

/* The members of @item Caravan does not know, as they were in the file. */
static void
add_extra_members (JsonBuilder  *b,
                   CaravanStory *story,
                   gpointer      item)
{
  JsonObject *extras = caravan_story_get_extra_members (story, item);
  g_autoptr(GList) members = extras ? json_object_get_members (extras) : NULL;

  for (GList *m = members; m != NULL; m = m->next)
    {
      json_builder_set_member_name (b, m->data);
      json_builder_add_value (b, json_node_copy (json_object_get_member (extras, m->data)));
    }
}

static void
add_list (JsonBuilder  *b,
          CaravanStory *story,
          const char   *name,
          GListModel   *list,
          void        (*add_item) (JsonBuilder *, gpointer))
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      json_builder_begin_object (b);
      add_item (b, item);
      add_extra_members (b, story, item);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
caravan_story_writer_to_data (CaravanStory *story,
                              gsize        *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  GString *text;
  double lat, lon, zoom;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, CARAVAN_STORY_FORMAT_VERSION);
  add_string (b, "id", caravan_story_get_id (story));
  add_string (b, "title", caravan_story_get_title (story));
  add_string (b, "subtitle", caravan_story_get_subtitle (story));
  if (g_strcmp0 (caravan_story_get_language (story), "en") != 0)
    add_string (b, "language", caravan_story_get_language (story));
  add_string (b, "credits", caravan_story_get_credits (story));
  add_string (b, "license", caravan_story_get_license (story));
  caravan_story_get_initial_view (story, &lat, &lon, &zoom);
  /* The reader's default view is 0, 0 at zoom 3. */
  if (lat != 0 || lon != 0 || zoom != 3)
    {
      json_builder_set_member_name (b, "initial_view");
      json_builder_begin_object (b);
      add_number (b, "lat", lat);
      add_number (b, "lon", lon);
      add_number (b, "zoom", zoom);
      json_builder_end_object (b);
    }
  add_list (b, story, "articles", caravan_story_get_articles (story), (gpointer) add_article);
  add_list (b, story, "places", caravan_story_get_places (story), (gpointer) add_place);
  add_list (b, story, "events", caravan_story_get_events (story), (gpointer) add_event);
  add_list (b, story, "excerpts", caravan_story_get_excerpts (story), (gpointer) add_excerpt);
  add_list (b, story, "routes", caravan_story_get_routes (story), (gpointer) add_route);
  add_extra_members (b, story, story);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  text = g_string_new (NULL);
  caravan_json_text_append (text, root, CARAVAN_JSON_TEXT_DEFAULT);
  g_string_append_c (text, '\n');
  if (length != NULL)
    *length = text->len;
  return g_string_free (text, FALSE);
}

gboolean
caravan_story_writer_save (CaravanStory  *story,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CARAVAN_IS_STORY (story), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = caravan_story_writer_to_data (story, &length);
  return caravan_file_save (file, data, length, CARAVAN_FILE_SAVE_KEEP_BACKUP, cancellable,
                            error);
}
