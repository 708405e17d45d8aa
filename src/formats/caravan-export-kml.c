/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-export-kml.c: a story as KML 2.2 for Google Earth: a folder of places, a folder of
 * events (placemarks with a TimeStamp or TimeSpan at their first place, their quote in the
 * balloon), a folder of routes (LineStrings), and a gx:Tour that flies to each presentation
 * step in order, with the step's time, so that Google Earth plays the story. */

#define G_LOG_DOMAIN "caravan-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "caravan-export-private.h"

#define KML_NAMESPACE "http://www.opengis.net/kml/2.2"
#define GX_NAMESPACE "http://www.google.com/kml/ext/2.2"

/* Seconds of the tour: the flight to a step, then the pause on it. */
#define FLY_SECONDS 4.0
#define WAIT_SECONDS 6.0

typedef struct
{
  GString *out;
  guint depth;
} Kml;

static void
indent (Kml *k)
{
  for (guint i = 0; i < k->depth; i++)
    g_string_append (k->out, "  ");
}

static void
open_element (Kml        *k,
              const char *name)
{
  indent (k);
  g_string_append_printf (k->out, "<%s>\n", name);
  k->depth++;
}

static void
close_element (Kml        *k,
               const char *name)
{
  k->depth--;
  indent (k);
  g_string_append_printf (k->out, "</%s>\n", name);
}

/* <name>text</name>, escaped; nothing for NULL or empty text. */
static void
text_element (Kml        *k,
              const char *name,
              const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  indent (k);
  g_string_append_printf (k->out, "<%s>", name);
  caravan_export_append_xml (k->out, text);
  g_string_append_printf (k->out, "</%s>\n", name);
}

/* A TimeStamp for a date, a TimeSpan for a range; @prefix "gx:" inside a view. */
static void
add_time (Kml               *k,
          const CaravanDate *date,
          const char        *prefix)
{
  g_autofree char *start = caravan_export_date_iso (date, FALSE);
  g_autofree char *stamp = g_strconcat (prefix, "TimeStamp", NULL);
  g_autofree char *span = g_strconcat (prefix, "TimeSpan", NULL);

  if (!date->has_end)
    {
      open_element (k, stamp);
      text_element (k, "when", start);
      close_element (k, stamp);
      return;
    }
  {
    g_autofree char *end = caravan_export_date_iso (date, TRUE);

    open_element (k, span);
    text_element (k, "begin", start);
    text_element (k, "end", end);
    close_element (k, span);
  }
}

static void
add_coordinates (Kml    *k,
                 double  latitude,
                 double  longitude,
                 gboolean first)
{
  g_autofree char *lon = caravan_export_coordinate (longitude);
  g_autofree char *lat = caravan_export_coordinate (latitude);

  g_string_append_printf (k->out, "%s%s,%s", first ? "" : " ", lon, lat);
}

static void
add_point (Kml    *k,
           double  latitude,
           double  longitude)
{
  open_element (k, "Point");
  indent (k);
  g_string_append (k->out, "<coordinates>");
  add_coordinates (k, latitude, longitude, TRUE);
  g_string_append (k->out, "</coordinates>\n");
  close_element (k, "Point");
}

/* The balloon: date and place, what happened, the quote with its source, the fact check. The
 * description is HTML (Google Earth shows it so), written escaped inside the XML. */
static char *
event_balloon (CaravanStory            *story,
               const CaravanExportStep *step)
{
  CaravanEvent *event = step->event;
  const char *place = caravan_export_step_place_name (step);
  g_autofree char *date = caravan_date_format (caravan_event_get_date (event));
  g_autoptr(GPtrArray) more = NULL;
  GString *html = g_string_new ("<p><b>");

  caravan_export_append_html (html, date);
  g_string_append (html, "</b>");
  if (place != NULL)
    {
      g_string_append (html, " · ");
      caravan_export_append_html (html, place);
    }
  g_string_append (html, "</p>");
  caravan_export_append_html_paragraphs (html, caravan_event_get_description (event));
  if (step->excerpt != NULL)
    caravan_export_append_quote_html (html, story, step->excerpt);
  more = caravan_export_step_more_excerpts (story, step);
  for (guint i = 0; i < more->len; i++)
    caravan_export_append_quote_html (html, story, g_ptr_array_index (more, i));
  return g_string_free (html, FALSE);
}

static void
add_place (Kml          *k,
           CaravanStory *story,
           CaravanPlace *place,
           GPtrArray    *eventless)
{
  GString *balloon = g_string_new (NULL);

  open_element (k, "Placemark");
  text_element (k, "name", caravan_place_get_name (place));
  caravan_export_append_html_paragraphs (balloon, caravan_place_get_description (place));
  /* Quotes that belong to no event go with their first place. */
  for (guint i = 0; i < eventless->len; i++)
    {
      CaravanExcerpt *excerpt = g_ptr_array_index (eventless, i);

      if (caravan_excerpt_get_n_places (excerpt) > 0 &&
          caravan_excerpt_get_place (excerpt, 0) == place)
        caravan_export_append_quote_html (balloon, story, excerpt);
    }
  text_element (k, "description", balloon->str);
  g_string_free (balloon, TRUE);
  text_element (k, "styleUrl", caravan_place_get_featured (place) ? "#featured" : "#place");
  add_point (k, caravan_place_get_latitude (place), caravan_place_get_longitude (place));
  close_element (k, "Placemark");
}

static void
add_event (Kml                     *k,
           CaravanStory            *story,
           const CaravanExportStep *step)
{
  g_autofree char *balloon = event_balloon (story, step);

  open_element (k, "Placemark");
  text_element (k, "name", caravan_event_get_title (step->event));
  text_element (k, "description", balloon);
  add_time (k, caravan_event_get_date (step->event), "");
  text_element (k, "styleUrl", "#event");
  if (step->place != NULL)
    add_point (k, caravan_place_get_latitude (step->place),
               caravan_place_get_longitude (step->place));
  close_element (k, "Placemark");
}

static void
add_route (Kml          *k,
           CaravanRoute *route)
{
  g_autofree char *style = g_strconcat ("#route-", caravan_route_get_style (route), NULL);
  GString *balloon = g_string_new (NULL);

  open_element (k, "Placemark");
  text_element (k, "name", caravan_route_get_label (route));
  caravan_export_append_html_paragraphs (balloon, caravan_route_get_description (route));
  text_element (k, "description", balloon->str);
  g_string_free (balloon, TRUE);
  text_element (k, "styleUrl", style);
  open_element (k, "LineString");
  text_element (k, "tessellate", "1");
  indent (k);
  g_string_append (k->out, "<coordinates>");
  for (guint i = 0; i < caravan_route_get_n_points (route); i++)
    {
      double lat, lon;

      caravan_route_get_point (route, i, &lat, &lon);
      add_coordinates (k, lat, lon, i == 0);
    }
  g_string_append (k->out, "</coordinates>\n");
  close_element (k, "LineString");
  close_element (k, "Placemark");
}

/* Metres from the eye to the point looked at for a web-map zoom: a 60° view of about 800 px
 * of the map at that zoom (156,543 m a pixel at zoom 0 on the equator). */
static double
range_for_zoom (double latitude,
                double zoom)
{
  double metres_per_pixel = 156543.03 * cos (latitude * G_PI / 180.0) / exp2 (zoom);

  return round (MAX (metres_per_pixel * 800 * 0.866, 200.0));
}

/* A LookAt: the kml: children in the order of the KML 2.2 schema, the view's time first. */
static void
add_look_at (Kml               *k,
             double             latitude,
             double             longitude,
             double             zoom,
             const CaravanDate *date)
{
  g_autofree char *lat = caravan_export_coordinate (latitude);
  g_autofree char *lon = caravan_export_coordinate (longitude);
  g_autofree char *range = g_strdup_printf ("%.0f", range_for_zoom (latitude, zoom));

  open_element (k, "LookAt");
  if (date != NULL)
    add_time (k, date, "gx:");
  text_element (k, "longitude", lon);
  text_element (k, "latitude", lat);
  text_element (k, "altitude", "0");
  text_element (k, "heading", "0");
  text_element (k, "tilt", "0");
  text_element (k, "range", range);
  text_element (k, "altitudeMode", "relativeToGround");
  close_element (k, "LookAt");
}

static void
add_tour (Kml          *k,
          CaravanStory *story,
          GArray       *steps)
{
  g_autofree char *fly = g_strdup_printf ("%g", FLY_SECONDS);
  g_autofree char *wait = g_strdup_printf ("%g", WAIT_SECONDS);

  open_element (k, "gx:Tour");
  text_element (k, "name", caravan_story_get_title (story));
  open_element (k, "gx:Playlist");
  for (guint i = 0; i < steps->len; i++)
    {
      const CaravanExportStep *step = &g_array_index (steps, CaravanExportStep, i);

      open_element (k, "gx:FlyTo");
      text_element (k, "gx:duration", fly);
      text_element (k, "gx:flyToMode", "smooth");
      add_look_at (k, step->latitude, step->longitude, step->zoom,
                   caravan_event_get_date (step->event));
      close_element (k, "gx:FlyTo");
      open_element (k, "gx:Wait");
      text_element (k, "gx:duration", wait);
      close_element (k, "gx:Wait");
    }
  close_element (k, "gx:Playlist");
  close_element (k, "gx:Tour");
}

/* Colours are aabbggrr in KML: the map view's route colours. */
static void
add_styles (Kml *k)
{
  static const struct { const char *id, *colour; } lines[] = {
    { "route-line", "f2d9701c" }, { "route-road", "f2d9701c" }, { "route-flight", "f2d9701c" },
    { "route-rail", "f2291ca6" }, { "route-sea", "f2a6590d" },
  };
  static const struct { const char *id, *scale; } icons[] = {
    { "place", "0.9" }, { "featured", "1.3" }, { "event", "0.7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    {
      indent (k);
      g_string_append_printf (k->out, "<Style id=\"%s\">\n", icons[i].id);
      k->depth++;
      open_element (k, "IconStyle");
      text_element (k, "scale", icons[i].scale);
      close_element (k, "IconStyle");
      close_element (k, "Style");
    }
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      indent (k);
      g_string_append_printf (k->out, "<Style id=\"%s\">\n", lines[i].id);
      k->depth++;
      open_element (k, "LineStyle");
      text_element (k, "color", lines[i].colour);
      text_element (k, "width", "4");
      close_element (k, "LineStyle");
      close_element (k, "Style");
    }
}

static void
add_story_description (Kml          *k,
                       CaravanStory *story)
{
  GString *html = g_string_new (NULL);

  caravan_export_append_html_paragraphs (html, caravan_story_get_subtitle (story));
  caravan_export_append_html_paragraphs (html, caravan_story_get_credits (story));
  if (caravan_story_get_license (story) != NULL)
    {
      /* Translators: %s is the licence of the story's data, e.g. CC-BY-SA-4.0 */
      g_autofree char *licence = g_strdup_printf (_("Licence: %s"),
                                                  caravan_story_get_license (story));

      g_string_append (html, "<p>");
      caravan_export_append_html (html, licence);
      g_string_append (html, "</p>");
    }
  text_element (k, "description", html->str);
  g_string_free (html, TRUE);
}

char *
caravan_export_kml (CaravanStory *story,
                    gsize        *length)
{
  g_autoptr(GArray) steps = caravan_export_list_steps (story);
  g_autoptr(GPtrArray) eventless = caravan_export_list_eventless_excerpts (story);
  GListModel *places = caravan_story_get_places (story);
  GListModel *routes = caravan_story_get_routes (story);
  Kml k = { g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), 0 };
  double lat, lon, zoom;

  g_string_append (k.out, "<kml xmlns=\"" KML_NAMESPACE "\" xmlns:gx=\"" GX_NAMESPACE "\">\n");
  k.depth = 1;
  open_element (&k, "Document");
  text_element (&k, "name", caravan_story_get_title (story));
  text_element (&k, "open", "1");
  add_story_description (&k, story);
  if (caravan_story_get_initial_view (story, &lat, &lon, &zoom))
    add_look_at (&k, lat, lon, zoom, NULL);
  add_styles (&k);

  open_element (&k, "Folder");
  /* Translators: folder names in a KML file for Google Earth */
  text_element (&k, "name", _("Places"));
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);

      add_place (&k, story, place, eventless);
    }
  close_element (&k, "Folder");

  open_element (&k, "Folder");
  text_element (&k, "name", _("Events"));
  for (guint i = 0; i < steps->len; i++)
    add_event (&k, story, &g_array_index (steps, CaravanExportStep, i));
  close_element (&k, "Folder");

  if (g_list_model_get_n_items (routes) > 0)
    {
      open_element (&k, "Folder");
      text_element (&k, "name", _("Routes"));
      for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
        {
          g_autoptr(CaravanRoute) route = g_list_model_get_item (routes, i);

          add_route (&k, route);
        }
      close_element (&k, "Folder");
    }

  if (steps->len > 0)
    add_tour (&k, story, steps);
  close_element (&k, "Document");
  g_string_append (k.out, "</kml>\n");
  if (length != NULL)
    *length = k.out->len;
  return g_string_free (k.out, FALSE);
}
