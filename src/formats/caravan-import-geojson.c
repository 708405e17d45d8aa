/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-geojson.c: GeoJSON Features and FeatureCollections. Points become places,
 * lines routes, polygons places at their centre; time properties (time, times, start/end,
 * when) make events. A FeatureCollection is parsed one feature at a time, never as one tree. */

#define G_LOG_DOMAIN "caravan-import-geojson"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "caravan-import-date.h"
#include "caravan-import-private.h"
#include "caravan-json-scanner.h"

#define MAX_DEPTH 64

typedef struct
{
  CaravanStoryBuilder *builder;
  CaravanImportReport *report;
  const char *path;
  char *name;
  char *description;
  gboolean has_date;
  CaravanDate date;
  gboolean made_event;
} Feature;

static gboolean
read_position (JsonNode *node,
               double   *latitude,
               double   *longitude)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) < 2 ||
      !JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)) ||
      !JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 1)))
    return FALSE;
  *longitude = json_array_get_double_element (array, 0);
  *latitude = json_array_get_double_element (array, 1);
  return TRUE;
}

/* Latitude, longitude pairs of an array of positions. */
static GArray *
read_positions (JsonNode *node)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (double));
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      double point[2];

      if (read_position (json_array_get_element (array, i), &point[0], &point[1]))
        g_array_append_vals (points, point, 2);
    }
  return points;
}

static void
add_point (Feature *f,
           double   latitude,
           double   longitude,
           const char *kind)
{
  CaravanPlace *place = caravan_story_builder_add_place (f->builder, f->name, kind,
                                                         f->description, latitude, longitude,
                                                         f->path);

  if (place != NULL && f->has_date)
    {
      caravan_story_builder_add_event (f->builder, NULL, f->name, f->description, &f->date,
                                       place, NULL, f->path);
      f->made_event = TRUE;
    }
}

static void
add_line (Feature *f,
          GArray  *points)
{
  caravan_story_builder_add_route (f->builder, f->name, "line", (const double *) points->data,
                                   points->len / 2, f->path);
}

static void
add_geometry (Feature  *f,
              JsonNode *node,
              int       depth)
{
  JsonObject *geometry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *type = caravan_json_get_text (geometry, "type");
  JsonNode *coordinates = geometry ? json_object_get_member (geometry, "coordinates") : NULL;
  JsonArray *parts = coordinates && JSON_NODE_HOLDS_ARRAY (coordinates)
                     ? json_node_get_array (coordinates) : NULL;
  double lat, lon;

  if (geometry == NULL || type == NULL || depth > 8)
    return;
  if (strcmp (type, "Point") == 0)
    {
      if (coordinates != NULL && read_position (coordinates, &lat, &lon))
        add_point (f, lat, lon, "place");
      else
        caravan_import_report_add (f->report, CARAVAN_IMPORT_NOTE_DROPPED, f->path,
                                   _("the point has no coordinates"));
    }
  else if (strcmp (type, "MultiPoint") == 0)
    {
      g_autoptr(GArray) points = read_positions (coordinates);

      for (guint i = 0; i + 1 < points->len; i += 2)
        add_point (f, g_array_index (points, double, i), g_array_index (points, double, i + 1),
                   "place");
    }
  else if (strcmp (type, "LineString") == 0)
    {
      g_autoptr(GArray) points = read_positions (coordinates);

      add_line (f, points);
    }
  else if (strcmp (type, "MultiLineString") == 0)
    {
      for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
        {
          g_autoptr(GArray) points = read_positions (json_array_get_element (parts, i));

          add_line (f, points);
        }
    }
  else if (strcmp (type, "Polygon") == 0 || strcmp (type, "MultiPolygon") == 0)
    {
      /* The centre of the outer rings' vertices: Caravan has no areas. */
      gboolean multi = type[0] == 'M';
      double sum_lat = 0, sum_lon = 0;
      guint n = 0;

      for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
        {
          JsonNode *ring = json_array_get_element (parts, i);
          g_autoptr(GArray) points = NULL;

          if (multi)
            {
              if (!JSON_NODE_HOLDS_ARRAY (ring) ||
                  json_array_get_length (json_node_get_array (ring)) == 0)
                continue;
              ring = json_array_get_element (json_node_get_array (ring), 0);
            }
          else if (i > 0)
            break;  /* holes */
          points = read_positions (ring);
          for (guint j = 0; j + 1 < points->len; j += 2)
            {
              sum_lat += g_array_index (points, double, j);
              sum_lon += g_array_index (points, double, j + 1);
              n++;
            }
        }
      if (n == 0)
        return;
      caravan_import_report_add (f->report, CARAVAN_IMPORT_NOTE_GUESSED, f->path,
                                 _("the area “%s” is shown as a place at its centre"),
                                 f->name ? f->name : "");
      add_point (f, sum_lat / n, sum_lon / n, "region");
    }
  else if (strcmp (type, "GeometryCollection") == 0)
    {
      JsonArray *geometries = caravan_json_get_array (geometry, "geometries");

      for (guint i = 0; geometries != NULL && i < json_array_get_length (geometries); i++)
        add_geometry (f, json_array_get_element (geometries, i), depth + 1);
    }
  else
    caravan_import_report_add (f->report, CARAVAN_IMPORT_NOTE_DROPPED, f->path,
                               _("unknown geometry type “%s”"), type);
}

/* A time property: an ISO text, Unix milliseconds, or { "start", "end" }. */
static gboolean
read_time (JsonNode    *node,
           CaravanDate *date,
           char       **problem)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return caravan_import_date_parse_text (json_node_get_string (node), date, problem);
  if (JSON_NODE_HOLDS_VALUE (node))
    return caravan_import_date_from_unix_ms (json_node_get_double (node), date, problem);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *times = json_node_get_array (node);
      guint n = json_array_get_length (times);
      CaravanDate end;

      if (n == 0 || !read_time (json_array_get_element (times, 0), date, problem))
        return FALSE;
      if (n > 1 && read_time (json_array_get_element (times, n - 1), &end, problem))
        return caravan_import_date_set_end (date, &end, problem);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *start = json_object_get_member (object, "start");
      JsonNode *stop = json_object_get_member (object, "end");
      CaravanDate end;

      if (start == NULL)
        start = json_object_get_member (object, "begin");
      if (!read_time (start, date, problem))
        return FALSE;
      if (stop != NULL && read_time (stop, &end, problem))
        return caravan_import_date_set_end (date, &end, problem);
      return TRUE;
    }
  return FALSE;
}

static void
read_properties (Feature    *f,
                 JsonObject *properties)
{
  static const char * const name_keys[] = { "name", "title", "Name", "NAME", "label", NULL };
  static const char * const text_keys[] = { "description", "desc", "text", "Description", NULL };
  static const char * const time_keys[] = { "when", "time", "times", "timestamp", "date",
                                            "start", NULL };
  JsonNode *end_node = properties ? json_object_get_member (properties, "end") : NULL;
  g_autofree char *problem = NULL;

  for (guint i = 0; f->name == NULL && name_keys[i] != NULL; i++)
    {
      g_autofree char *name = caravan_json_get_text (properties, name_keys[i]);

      if (name != NULL)
        f->name = caravan_html_to_line (name);
    }
  for (guint i = 0; f->description == NULL && text_keys[i] != NULL; i++)
    {
      g_autofree char *html = caravan_json_get_text (properties, text_keys[i]);

      if (html != NULL)
        {
          g_autoptr(CaravanHtmlText) text = caravan_import_html_text (f->builder, html, f->path);

          f->description = g_strdup (text->text);
        }
    }
  for (guint i = 0; properties != NULL && time_keys[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (properties, time_keys[i]);

      if (node == NULL)
        continue;
      g_clear_pointer (&problem, g_free);
      f->has_date = read_time (node, &f->date, &problem);
      if (f->has_date && strcmp (time_keys[i], "start") == 0 && end_node != NULL)
        {
          CaravanDate end;

          if (read_time (end_node, &end, &problem))
            caravan_import_date_set_end (&f->date, &end, &problem);
        }
      break;
    }
  /* "circa": true, as Caravan's GeoJSON export writes it beside an ISO "when". */
  if (f->has_date && properties != NULL && json_object_has_member (properties, "circa"))
    {
      JsonNode *circa = json_object_get_member (properties, "circa");

      if (JSON_NODE_HOLDS_VALUE (circa) && json_node_get_value_type (circa) == G_TYPE_BOOLEAN &&
          json_node_get_boolean (circa))
        f->date.circa = TRUE;
    }
  if (!f->has_date && problem != NULL)
    caravan_import_report_add (f->report, CARAVAN_IMPORT_NOTE_DROPPED, f->path,
                               _("the time is left out: %s"), problem);
}

static void
add_feature (CaravanStoryBuilder *builder,
             JsonNode            *node,
             const char          *path)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *geometry = object ? json_object_get_member (object, "geometry") : NULL;
  Feature f = { builder, caravan_story_builder_get_report (builder), path };

  if (object == NULL)
    {
      caravan_import_report_add (f.report, CARAVAN_IMPORT_NOTE_DROPPED, path,
                                 _("a feature must be an object"));
      return;
    }
  read_properties (&f, caravan_json_get_object (object, "properties"));
  if (geometry != NULL && !JSON_NODE_HOLDS_NULL (geometry))
    add_geometry (&f, geometry, 0);
  /* A dated line or area without a point is still an event, without a map point. */
  if (f.has_date && !f.made_event)
    caravan_story_builder_add_event (builder, NULL, f.name, f.description, &f.date, NULL, NULL,
                                     path);
  else if (geometry == NULL || JSON_NODE_HOLDS_NULL (geometry))
    {
      if (!f.has_date)
        caravan_import_report_add (f.report, CARAVAN_IMPORT_NOTE_DROPPED, path,
                                   _("the feature has neither a geometry nor a time"));
    }
  g_free (f.name);
  g_free (f.description);
}

static gboolean
span_is (const char            *data,
         const CaravanJsonSpan *span,
         const char            *text)
{
  return span->length == strlen (text) && memcmp (data + span->offset, text, span->length) == 0;
}

gboolean
caravan_import_geojson (const char           *data,
                        gsize                 length,
                        CaravanStoryBuilder  *builder,
                        GError              **error)
{
  g_auto(CaravanJsonOutline) outline = { 0 };
  CaravanJsonScanError scan_error = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const CaravanJsonMember *features = NULL;

  if (!caravan_json_scan (data, length, MAX_DEPTH, G_MAXUINT, NULL, NULL, &outline,
                          &scan_error))
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX, "%u:%u: %s",
                   scan_error.line, scan_error.column, scan_error.message);
      g_free (scan_error.message);
      return FALSE;
    }
  for (guint i = 0; outline.members != NULL && i < outline.members->len; i++)
    {
      const CaravanJsonMember *member = &g_array_index (outline.members, CaravanJsonMember, i);

      if (span_is (data, &member->key, "\"features\"") && member->elements != NULL)
        features = member;
    }

  if (features == NULL)
    {
      /* A single Feature or a bare geometry: small, parse it whole. */
      JsonNode *root;

      if (!json_parser_load_from_data (parser, data, length, error))
        return FALSE;
      root = json_parser_get_root (parser);
      if (JSON_NODE_HOLDS_OBJECT (root) &&
          json_object_has_member (json_node_get_object (root), "geometry"))
        add_feature (builder, root, "");
      else
        {
          Feature f = { builder, caravan_story_builder_get_report (builder), "" };

          add_geometry (&f, root, 0);
        }
      return TRUE;
    }

  for (guint i = 0; i < features->elements->len; i++)
    {
      const CaravanJsonSpan *span = &g_array_index (features->elements, CaravanJsonSpan, i);
      g_autofree char *path = g_strdup_printf ("features[%u]", i);

      if (!json_parser_load_from_data (parser, data + span->offset, span->length, error))
        return FALSE;
      add_feature (builder, json_parser_get_root (parser), path);
    }
  return TRUE;
}
