/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-kml.c: Google Earth KML, read as a stream. Placemarks with points become
 * places, with LineStrings and gx:Tracks routes, with polygons places at their centre; a
 * TimeStamp or TimeSpan (their own or their folder's) makes an event; a gx:Tour's FlyTo
 * order becomes a route. Network links, overlays and models are left out and reported. */

#define G_LOG_DOMAIN "caravan-import-kml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "caravan-import-date.h"
#include "caravan-import-private.h"
#include "caravan-import-xml.h"

typedef struct
{
  gboolean has_time;
  CaravanDate time;
} Container;

typedef struct
{
  gboolean active;
  char *location;
  char *name;
  char *description;
  gboolean has_time;
  gboolean time_failed;  /* its own time could not be read: it does not inherit one */
  CaravanDate time;
  GArray *points;      /* lat, lon pairs of Point geometries */
  GPtrArray *lines;    /* GArray of lat, lon pairs: LineStrings and gx:Tracks */
  double area_lat, area_lon;
  guint n_area;
  char *track_first;   /* first and last gx:Track <when> */
  char *track_last;
} Placemark;

typedef struct
{
  CaravanStoryBuilder *builder;
  CaravanImportReport *report;
  CaravanXmlReader *reader;
  GArray *containers;  /* Container */
  Placemark pm;
  gboolean have_title;
  guint in_update;
  char *tour_name;
  char *tour_location;
  GArray *tour_points;
  double step_lat, step_lon;
  guint n_dropped[4];  /* network links, overlays, models, photo overlays */
  char *span_begin;    /* of the TimeSpan being read */
  char *span_end;
} Kml;

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* "lon,lat[,alt] lon,lat…" to lat, lon pairs. */
static void
parse_coordinates (const char *text,
                   GArray     *points)
{
  const char *p = text;

  for (;;)
    {
      char *end;
      double point[2];

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        return;
      point[1] = g_ascii_strtod (p, &end);
      if (end == p || *end != ',')
        return;
      p = end + 1;
      point[0] = g_ascii_strtod (p, &end);
      if (end == p)
        return;
      p = end;
      if (*p == ',')
        {
          g_ascii_strtod (p + 1, &end);
          p = end;
        }
      g_array_append_vals (points, point, 2);
    }
}

static void
clear_placemark (Placemark *pm)
{
  g_clear_pointer (&pm->location, g_free);
  g_clear_pointer (&pm->name, g_free);
  g_clear_pointer (&pm->description, g_free);
  g_clear_pointer (&pm->points, g_array_unref);
  g_clear_pointer (&pm->lines, g_ptr_array_unref);
  g_clear_pointer (&pm->track_first, g_free);
  g_clear_pointer (&pm->track_last, g_free);
  *pm = (Placemark) { 0 };
}

static gboolean
inherited_time (Kml         *k,
                CaravanDate *time)
{
  for (guint i = k->containers->len; i > 0; i--)
    {
      Container *c = &g_array_index (k->containers, Container, i - 1);

      if (c->has_time)
        {
          *time = c->time;
          return TRUE;
        }
    }
  return FALSE;
}

static void
finish_placemark (Kml *k)
{
  Placemark *pm = &k->pm;
  g_autoptr(CaravanHtmlText) text = caravan_import_html_text (k->builder, pm->description,
                                                              pm->location);
  g_autofree char *name = pm->name ? caravan_html_to_line (pm->name) : NULL;
  CaravanDate time;
  gboolean has_time = pm->has_time || (!pm->time_failed && inherited_time (k, &time));
  CaravanPlace *first_place = NULL;
  CaravanEvent *event = NULL;

  if (pm->has_time)
    time = pm->time;
  /* A gx:Track's own times when nothing else dates it. */
  if (!has_time && pm->track_first != NULL)
    {
      g_autofree char *problem = NULL;
      CaravanDate end;

      has_time = caravan_import_date_parse_iso (pm->track_first, &time, &problem);
      if (has_time && caravan_import_date_parse_iso (pm->track_last, &end, &problem))
        caravan_import_date_set_end (&time, &end, &problem);
    }

  for (guint i = 0; i + 1 < pm->points->len; i += 2)
    {
      CaravanPlace *place =
        caravan_story_builder_add_place (k->builder, name, "place", text->text,
                                         g_array_index (pm->points, double, i),
                                         g_array_index (pm->points, double, i + 1),
                                         pm->location);

      if (first_place == NULL)
        first_place = place;
    }
  if (pm->n_area > 0)
    {
      caravan_import_report_add (k->report, CARAVAN_IMPORT_NOTE_GUESSED, pm->location,
                                 _("the area “%s” is shown as a place at its centre"),
                                 name ? name : "");
      if (first_place == NULL)
        first_place = caravan_story_builder_add_place (k->builder, name, "region", text->text,
                                                       pm->area_lat / pm->n_area,
                                                       pm->area_lon / pm->n_area, pm->location);
    }
  for (guint i = 0; i < pm->lines->len; i++)
    {
      GArray *line = g_ptr_array_index (pm->lines, i);

      caravan_story_builder_add_route (k->builder, name, "line", (const double *) line->data,
                                       line->len / 2, pm->location);
    }

  if (has_time)
    event = caravan_story_builder_add_event (k->builder, NULL, name, text->text, &time,
                                             first_place, NULL, pm->location);
  else if (pm->points->len == 0 && pm->lines->len == 0 && pm->n_area == 0)
    caravan_import_report_add (k->report, CARAVAN_IMPORT_NOTE_DROPPED, pm->location,
                               _("the placemark “%s” has no point, line, area or time"),
                               name ? name : "");
  caravan_import_add_quotes (k->builder, text, NULL, first_place, event);
  clear_placemark (pm);
}

/* Gives the time read in a TimeStamp or TimeSpan to the feature that holds it, @up elements
 * above the current one. */
static void
set_time (Kml        *k,
          guint       up,
          const char *begin,
          const char *end)
{
  g_autofree char *problem = NULL;
  g_autofree char *location = caravan_xml_reader_location (k->reader);
  const char *owner = caravan_xml_reader_parent (k->reader, up);
  CaravanDate time, end_time;

  if (begin == NULL || !caravan_import_date_parse_iso (begin, &time, &problem))
    {
      if (strcmp (owner, "Placemark") == 0 && k->pm.active)
        k->pm.time_failed = TRUE;
      caravan_import_report_add (k->report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                                 _("the time is left out: %s"),
                                 problem ? problem : _("a time span needs a <begin>"));
      return;
    }
  if (end != NULL && (!caravan_import_date_parse_iso (end, &end_time, &problem) ||
                      !caravan_import_date_set_end (&time, &end_time, &problem)))
    caravan_import_report_add (k->report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                               _("the end of the time span is left out: %s"), problem);

  if (strcmp (owner, "Placemark") == 0 && k->pm.active)
    {
      k->pm.time = time;
      k->pm.has_time = TRUE;
    }
  else if ((strcmp (owner, "Folder") == 0 || strcmp (owner, "Document") == 0) &&
           k->containers->len > 0)
    {
      Container *c = &g_array_index (k->containers, Container, k->containers->len - 1);

      c->time = time;
      c->has_time = TRUE;
    }
}

static void
on_start (Kml        *k,
          const char *name)
{
  const char *parent = caravan_xml_reader_parent (k->reader, 1);
  g_autofree char *text = NULL;

  if (strcmp (name, "Document") == 0 || strcmp (name, "Folder") == 0)
    {
      Container c = { FALSE };

      g_array_append_val (k->containers, c);
      return;
    }
  /* Placemarks inside a tour's <Update> only change features declared elsewhere. */
  if (strcmp (name, "Placemark") == 0 && k->in_update == 0)
    {
      clear_placemark (&k->pm);
      k->pm.active = TRUE;
      k->pm.location = caravan_xml_reader_location (k->reader);
      k->pm.points = g_array_new (FALSE, FALSE, sizeof (double));
      k->pm.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      return;
    }
  if (strcmp (name, "Update") == 0 && !caravan_xml_reader_is_empty (k->reader))
    {
      k->in_update++;
      return;
    }
  if (strcmp (name, "Tour") == 0)
    {
      g_free (k->tour_location);
      k->tour_location = caravan_xml_reader_location (k->reader);
      g_array_set_size (k->tour_points, 0);
      return;
    }
  if (strcmp (name, "FlyTo") == 0)
    {
      k->step_lat = k->step_lon = NAN;
      return;
    }
  if (strcmp (name, "NetworkLink") == 0 || strcmp (name, "GroundOverlay") == 0 ||
      strcmp (name, "Model") == 0 || strcmp (name, "PhotoOverlay") == 0 ||
      strcmp (name, "ScreenOverlay") == 0)
    {
      guint kind = name[0] == 'N' ? 0 : name[0] == 'M' ? 2 : name[0] == 'P' ? 3 : 1;

      if (k->n_dropped[kind]++ == 0)
        {
          g_autofree char *location = caravan_xml_reader_location (k->reader);

          caravan_import_report_add (k->report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                                     kind == 0 ? _("network links are not followed; nothing "
                                                   "is fetched")
                                               : _("overlays and 3D models are not shown "
                                                   "(this is the first)"));
        }
      return;
    }

  if (strcmp (name, "name") == 0 || strcmp (name, "description") == 0 ||
      strcmp (name, "when") == 0 || strcmp (name, "begin") == 0 || strcmp (name, "end") == 0 ||
      strcmp (name, "coordinates") == 0 || strcmp (name, "coord") == 0 ||
      strcmp (name, "longitude") == 0 || strcmp (name, "latitude") == 0)
    text = caravan_xml_reader_text (k->reader);
  else
    return;

  if (strcmp (name, "name") == 0)
    {
      if (strcmp (parent, "Placemark") == 0 && k->pm.active)
        set_text (&k->pm.name, text);
      else if (strcmp (parent, "Tour") == 0)
        set_text (&k->tour_name, text);
      else if (strcmp (parent, "Document") == 0 && !k->have_title)
        {
          g_autofree char *title = caravan_html_to_line (text);

          caravan_story_builder_set_title (k->builder, title, NULL);
          k->have_title = TRUE;
        }
    }
  else if (strcmp (name, "description") == 0 && strcmp (parent, "Placemark") == 0 &&
           k->pm.active)
    set_text (&k->pm.description, text);
  else if (strcmp (name, "when") == 0 && strcmp (parent, "TimeStamp") == 0)
    set_time (k, 2, text, NULL);
  else if (strcmp (name, "when") == 0 && strcmp (parent, "Track") == 0 && k->pm.active)
    {
      if (k->pm.track_first == NULL)
        k->pm.track_first = g_strdup (text);
      set_text (&k->pm.track_last, text);
    }
  else if (strcmp (name, "begin") == 0 && strcmp (parent, "TimeSpan") == 0)
    set_text (&k->span_begin, text);
  else if (strcmp (name, "end") == 0 && strcmp (parent, "TimeSpan") == 0)
    set_text (&k->span_end, text);
  else if (strcmp (name, "coordinates") == 0 && k->pm.active)
    {
      if (strcmp (parent, "Point") == 0)
        parse_coordinates (text, k->pm.points);
      else if (strcmp (parent, "LineString") == 0)
        {
          GArray *line = g_array_new (FALSE, FALSE, sizeof (double));

          parse_coordinates (text, line);
          g_ptr_array_add (k->pm.lines, line);
        }
      else if (strcmp (parent, "LinearRing") == 0 &&
               strcmp (caravan_xml_reader_parent (k->reader, 2), "outerBoundaryIs") == 0)
        {
          g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (double));

          parse_coordinates (text, ring);
          for (guint i = 0; i + 1 < ring->len; i += 2)
            {
              k->pm.area_lat += g_array_index (ring, double, i);
              k->pm.area_lon += g_array_index (ring, double, i + 1);
              k->pm.n_area++;
            }
        }
    }
  else if (strcmp (name, "coord") == 0 && strcmp (parent, "Track") == 0 && k->pm.active)
    {
      /* gx:coord is "lon lat alt", separated by spaces. */
      GArray *line;
      double point[2];
      char *end;

      if (k->pm.lines->len == 0 || strcmp (caravan_xml_reader_parent (k->reader, 2),
                                           "MultiTrack") == 0)
        {
          if (k->pm.lines->len == 0)
            g_ptr_array_add (k->pm.lines, g_array_new (FALSE, FALSE, sizeof (double)));
        }
      line = g_ptr_array_index (k->pm.lines, k->pm.lines->len - 1);
      point[1] = g_ascii_strtod (text, &end);
      point[0] = g_ascii_strtod (end, NULL);
      g_array_append_vals (line, point, 2);
    }
  else if ((strcmp (name, "longitude") == 0 || strcmp (name, "latitude") == 0) &&
           (strcmp (parent, "LookAt") == 0 || strcmp (parent, "Camera") == 0) &&
           strcmp (caravan_xml_reader_parent (k->reader, 2), "FlyTo") == 0)
    {
      if (name[1] == 'o')
        k->step_lon = g_ascii_strtod (text, NULL);
      else
        k->step_lat = g_ascii_strtod (text, NULL);
    }
}

static void
on_end (Kml        *k,
        const char *name)
{
  if ((strcmp (name, "Document") == 0 || strcmp (name, "Folder") == 0) &&
      k->containers->len > 0)
    g_array_set_size (k->containers, k->containers->len - 1);
  else if (strcmp (name, "Placemark") == 0 && k->pm.active)
    finish_placemark (k);
  else if (strcmp (name, "Update") == 0 && k->in_update > 0)
    k->in_update--;
  else if (strcmp (name, "TimeSpan") == 0)
    {
      set_time (k, 1, k->span_begin, k->span_end);
      g_clear_pointer (&k->span_begin, g_free);
      g_clear_pointer (&k->span_end, g_free);
    }
  else if (strcmp (name, "FlyTo") == 0 && isfinite (k->step_lat) && isfinite (k->step_lon))
    {
      double point[2] = { k->step_lat, k->step_lon };

      g_array_append_vals (k->tour_points, point, 2);
    }
  else if (strcmp (name, "Tour") == 0)
    {
      /* Translators: the route of a Google Earth tour, %s is the tour's name */
      g_autofree char *label = g_strdup_printf (_("Tour: %s"), k->tour_name ? k->tour_name
                                                                             : _("untitled"));

      if (caravan_story_builder_add_route (k->builder, label, "flight",
                                           (const double *) k->tour_points->data,
                                           k->tour_points->len / 2, k->tour_location) != NULL)
        caravan_import_report_add (k->report, CARAVAN_IMPORT_NOTE_GUESSED, k->tour_location,
                                   _("the tour's %u views are a route in their FlyTo order; "
                                     "its waits, balloons and sounds are left out"),
                                   k->tour_points->len / 2);
    }
}

gboolean
caravan_import_kml (const char           *data,
                    gsize                 length,
                    CaravanStoryBuilder  *builder,
                    GError              **error)
{
  g_autoptr(CaravanXmlReader) reader = caravan_xml_reader_new (data, length, error);
  Kml k = { builder, caravan_story_builder_get_report (builder), reader };
  gboolean is_end;
  gboolean ok = TRUE;
  GError *local_error = NULL;

  if (reader == NULL)
    return FALSE;
  k.containers = g_array_new (FALSE, FALSE, sizeof (Container));
  k.tour_points = g_array_new (FALSE, FALSE, sizeof (double));

  while (caravan_xml_reader_next (reader, &is_end, &local_error))
    {
      const char *name = caravan_xml_reader_name (reader);

      if (!is_end)
        {
          on_start (&k, name);
          if (caravan_xml_reader_is_empty (reader))
            on_end (&k, name);
        }
      else
        on_end (&k, name);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      ok = FALSE;
    }

  clear_placemark (&k.pm);
  g_array_unref (k.containers);
  g_array_unref (k.tour_points);
  g_free (k.tour_name);
  g_free (k.tour_location);
  g_free (k.span_begin);
  g_free (k.span_end);
  return ok;
}
