/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-export-geojson.c: a story as a GeoJSON FeatureCollection (RFC 7946) for QGIS and web
 * maps: each place a Point with its events' dates, each event a feature of its own at its first
 * place with the time properties the GeoJSON importer reads ("when": {"start", "end"}), each
 * route a LineString. Text is plain text, as GeoJSON properties are. */

#define G_LOG_DOMAIN "caravan-export"

#include "config.h"

#include "caravan-export-private.h"

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_point (JsonBuilder *b,
           double       latitude,
           double       longitude)
{
  /* GeoJSON positions are longitude first. */
  json_builder_begin_array (b);
  json_builder_add_double_value (b, longitude);
  json_builder_add_double_value (b, latitude);
  json_builder_end_array (b);
}

/* "when": "2013-09-07", or { "start": …, "end": … } for a range: ISO 8601 at the date's own
 * precision (year, month or day). */
static void
add_when (JsonBuilder       *b,
          const CaravanDate *date)
{
  g_autofree char *start = caravan_export_date_iso (date, FALSE);
  g_autofree char *display = caravan_date_format (date);

  json_builder_set_member_name (b, "when");
  if (date->has_end)
    {
      g_autofree char *end = caravan_export_date_iso (date, TRUE);

      json_builder_begin_object (b);
      add_string (b, "start", start);
      add_string (b, "end", end);
      json_builder_end_object (b);
    }
  else
    json_builder_add_string_value (b, start);
  if (date->circa)
    {
      json_builder_set_member_name (b, "circa");
      json_builder_add_boolean_value (b, TRUE);
    }
  add_string (b, "display_date", display);
}

static void
begin_feature (JsonBuilder *b,
               const char  *id)
{
  json_builder_begin_object (b);
  add_string (b, "type", "Feature");
  add_string (b, "id", id);
}

static void
add_place (JsonBuilder  *b,
           CaravanStory *story,
           CaravanPlace *place)
{
  g_autoptr(GListModel) events = caravan_story_list_events_of_place (story, place);

  begin_feature (b, caravan_place_get_id (place));
  json_builder_set_member_name (b, "geometry");
  json_builder_begin_object (b);
  add_string (b, "type", "Point");
  json_builder_set_member_name (b, "coordinates");
  add_point (b, caravan_place_get_latitude (place), caravan_place_get_longitude (place));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  add_string (b, "feature", "place");
  add_string (b, "name", caravan_place_get_name (place));
  add_string (b, "kind", caravan_place_get_kind (place));
  json_builder_set_member_name (b, "featured");
  json_builder_add_boolean_value (b, caravan_place_get_featured (place));
  add_string (b, "description", caravan_place_get_description (place));
  /* Nested, so that the importer does not take the place for an event: each event is also a
   * feature of its own below. */
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);

      json_builder_begin_object (b);
      add_string (b, "id", caravan_event_get_id (event));
      add_string (b, "title", caravan_event_get_title (event));
      add_when (b, caravan_event_get_date (event));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_event (JsonBuilder             *b,
           CaravanStory            *story,
           const CaravanExportStep *step,
           guint                    index)
{
  CaravanEvent *event = step->event;
  guint n_places = caravan_event_get_n_places (event);

  begin_feature (b, caravan_event_get_id (event));
  json_builder_set_member_name (b, "geometry");
  if (step->place != NULL)
    {
      /* The first place only: the importer would make an event of every point of a
       * MultiPoint. The others are listed in "places". */
      json_builder_begin_object (b);
      add_string (b, "type", "Point");
      json_builder_set_member_name (b, "coordinates");
      add_point (b, caravan_place_get_latitude (step->place),
                 caravan_place_get_longitude (step->place));
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  add_string (b, "feature", "event");
  add_string (b, "name", caravan_event_get_title (event));
  add_when (b, caravan_event_get_date (event));
  json_builder_set_member_name (b, "step");
  json_builder_add_int_value (b, index + 1);
  add_string (b, "place", caravan_export_step_place_name (step));
  if (n_places > 0)
    {
      json_builder_set_member_name (b, "places");
      json_builder_begin_array (b);
      for (guint i = 0; i < n_places; i++)
        json_builder_add_string_value (b, caravan_place_get_id (caravan_event_get_place (event,
                                                                                          i)));
      json_builder_end_array (b);
    }
  add_string (b, "category", caravan_event_get_category (event));
  add_string (b, "description", caravan_event_get_description (event));
  if (step->excerpt != NULL)
    {
      g_autofree char *source = caravan_export_excerpt_source (story, step->excerpt);

      add_string (b, "quote", caravan_excerpt_get_text (step->excerpt));
      add_string (b, "quote_source", source);
      add_string (b, "fact_check", caravan_excerpt_get_note (step->excerpt));
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

static void
add_route (JsonBuilder  *b,
           CaravanRoute *route)
{
  begin_feature (b, caravan_route_get_id (route));
  json_builder_set_member_name (b, "geometry");
  json_builder_begin_object (b);
  add_string (b, "type", "LineString");
  json_builder_set_member_name (b, "coordinates");
  json_builder_begin_array (b);
  for (guint i = 0; i < caravan_route_get_n_points (route); i++)
    {
      double lat, lon;

      caravan_route_get_point (route, i, &lat, &lon);
      add_point (b, lat, lon);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  add_string (b, "feature", "route");
  add_string (b, "name", caravan_route_get_label (route));
  add_string (b, "style", caravan_route_get_style (route));
  json_builder_set_member_name (b, "schematic");
  json_builder_add_boolean_value (b, caravan_route_get_schematic (route));
  add_string (b, "description", caravan_route_get_description (route));
  json_builder_end_object (b);
  json_builder_end_object (b);
}

char *
caravan_export_geojson (CaravanStory *story,
                        gsize        *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) steps = caravan_export_list_steps (story);
  GListModel *places = caravan_story_get_places (story);
  GListModel *routes = caravan_story_get_routes (story);

  json_builder_begin_object (b);
  add_string (b, "type", "FeatureCollection");
  /* Foreign members (RFC 7946, 6.1): GDAL takes "name" for the layer's name. */
  add_string (b, "name", caravan_story_get_title (story));
  add_string (b, "subtitle", caravan_story_get_subtitle (story));
  add_string (b, "credits", caravan_story_get_credits (story));
  add_string (b, "license", caravan_story_get_license (story));
  json_builder_set_member_name (b, "features");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);

      add_place (b, story, place);
    }
  for (guint i = 0; i < steps->len; i++)
    add_event (b, story, &g_array_index (steps, CaravanExportStep, i), i);
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(CaravanRoute) route = g_list_model_get_item (routes, i);

      add_route (b, route);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return caravan_export_json_to_data (root, length);
}
