/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-gpx.c: GPS Exchange files, read as a stream: waypoints become places (and
 * events when timed), routes and tracks become routes, a track's times an event. */

#define G_LOG_DOMAIN "caravan-import-gpx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "caravan-import-date.h"
#include "caravan-import-private.h"
#include "caravan-import-xml.h"

typedef struct
{
  CaravanStoryBuilder *builder;
  CaravanImportReport *report;
  CaravanXmlReader *reader;
  char *location;
  char *name;
  char *description;
  char *time;         /* of a waypoint, or the first of a track */
  char *last_time;
  double latitude, longitude;
  GArray *points;     /* of the route or track */
  gboolean have_title;
} Gpx;

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static void
reset_item (Gpx *g)
{
  g_clear_pointer (&g->location, g_free);
  g_clear_pointer (&g->name, g_free);
  g_clear_pointer (&g->description, g_free);
  g_clear_pointer (&g->time, g_free);
  g_clear_pointer (&g->last_time, g_free);
  g_array_set_size (g->points, 0);
  g->location = caravan_xml_reader_location (g->reader);
}

static gboolean
read_point (Gpx    *g,
            double *latitude,
            double *longitude)
{
  g_autofree char *lat = caravan_xml_reader_attribute (g->reader, "lat");
  g_autofree char *lon = caravan_xml_reader_attribute (g->reader, "lon");
  char *end_lat, *end_lon;

  if (lat == NULL || lon == NULL)
    return FALSE;
  *latitude = g_ascii_strtod (lat, &end_lat);
  *longitude = g_ascii_strtod (lon, &end_lon);
  return end_lat != lat && end_lon != lon;
}

static gboolean
read_time (Gpx         *g,
           CaravanDate *date)
{
  g_autofree char *problem = NULL;
  CaravanDate end;

  if (g->time == NULL)
    return FALSE;
  if (!caravan_import_date_parse_iso (g->time, date, &problem))
    {
      caravan_import_report_add (g->report, CARAVAN_IMPORT_NOTE_DROPPED, g->location,
                                 _("the time is left out: %s"), problem);
      return FALSE;
    }
  if (g->last_time != NULL && caravan_import_date_parse_iso (g->last_time, &end, &problem))
    caravan_import_date_set_end (date, &end, &problem);
  return TRUE;
}

static void
finish_waypoint (Gpx *g)
{
  g_autoptr(CaravanHtmlText) text = caravan_import_html_text (g->builder, g->description,
                                                              g->location);
  CaravanPlace *place = caravan_story_builder_add_place (g->builder, g->name, "place",
                                                         text->text, g->latitude,
                                                         g->longitude, g->location);
  CaravanDate date;

  if (place != NULL && read_time (g, &date))
    caravan_story_builder_add_event (g->builder, NULL, g->name, text->text, &date, place, NULL,
                                     g->location);
}

static void
finish_line (Gpx        *g,
             const char *style)
{
  g_autoptr(CaravanHtmlText) text = caravan_import_html_text (g->builder, g->description,
                                                              g->location);
  CaravanDate date;

  caravan_story_builder_add_route (g->builder, g->name, style, (const double *) g->points->data,
                                   g->points->len / 2, g->location);
  if (read_time (g, &date))
    caravan_story_builder_add_event (g->builder, NULL, g->name, text->text, &date, NULL, NULL,
                                     g->location);
}

static void
on_start (Gpx        *g,
          const char *name)
{
  const char *parent = caravan_xml_reader_parent (g->reader, 1);
  gboolean in_item = strcmp (parent, "wpt") == 0 || strcmp (parent, "rte") == 0 ||
                     strcmp (parent, "trk") == 0;
  g_autofree char *text = NULL;

  if (strcmp (name, "wpt") == 0 || strcmp (name, "rte") == 0 || strcmp (name, "trk") == 0)
    {
      reset_item (g);
      if (strcmp (name, "wpt") == 0 && !read_point (g, &g->latitude, &g->longitude))
        g->latitude = g->longitude = NAN;
    }
  else if (strcmp (name, "rtept") == 0 || strcmp (name, "trkpt") == 0)
    {
      double point[2];

      if (read_point (g, &point[0], &point[1]))
        g_array_append_vals (g->points, point, 2);
    }
  else if (strcmp (name, "name") == 0 && (in_item || strcmp (parent, "metadata") == 0 ||
                                          strcmp (parent, "gpx") == 0))
    {
      text = caravan_xml_reader_text (g->reader);
      if (in_item)
        set_text (&g->name, text);
      else if (!g->have_title)
        {
          caravan_story_builder_set_title (g->builder, text, NULL);
          g->have_title = TRUE;
        }
    }
  else if ((strcmp (name, "desc") == 0 || strcmp (name, "cmt") == 0) && in_item &&
           g->description == NULL)
    {
      text = caravan_xml_reader_text (g->reader);
      set_text (&g->description, text);
    }
  else if (strcmp (name, "time") == 0 &&
           (strcmp (parent, "wpt") == 0 || strcmp (parent, "trkpt") == 0))
    {
      text = caravan_xml_reader_text (g->reader);
      if (strcmp (parent, "wpt") == 0 || g->time == NULL)
        set_text (&g->time, text);
      else
        set_text (&g->last_time, text);
    }
}

static void
on_end (Gpx        *g,
        const char *name)
{
  if (strcmp (name, "wpt") == 0)
    finish_waypoint (g);
  else if (strcmp (name, "rte") == 0)
    finish_line (g, "line");
  else if (strcmp (name, "trk") == 0)
    finish_line (g, "line");
}

gboolean
caravan_import_gpx (const char           *data,
                    gsize                 length,
                    CaravanStoryBuilder  *builder,
                    GError              **error)
{
  g_autoptr(CaravanXmlReader) reader = caravan_xml_reader_new (data, length, error);
  Gpx g = { builder, caravan_story_builder_get_report (builder), reader };
  GError *local_error = NULL;
  gboolean is_end;

  if (reader == NULL)
    return FALSE;
  g.points = g_array_new (FALSE, FALSE, sizeof (double));

  while (caravan_xml_reader_next (reader, &is_end, &local_error))
    {
      const char *name = caravan_xml_reader_name (reader);

      if (!is_end)
        {
          on_start (&g, name);
          if (caravan_xml_reader_is_empty (reader))
            on_end (&g, name);
        }
      else
        on_end (&g, name);
    }

  g_free (g.location);
  g_free (g.name);
  g_free (g.description);
  g_free (g.time);
  g_free (g.last_time);
  g_array_unref (g.points);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
