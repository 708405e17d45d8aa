/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-storymap.c: Knight Lab StoryMapJS stories (the storymap.slides JSON and a
 * CSV with one slide a row). Slides become places; dated slides also become events; the
 * slides' order is kept as a route. Image-based (gigapixel) story maps are refused. */

#define G_LOG_DOMAIN "caravan-import-storymap"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "caravan-import-csv.h"
#include "caravan-import-date.h"
#include "caravan-import-private.h"
#include "caravan-story-private.h"

typedef struct
{
  const char *location;
  gboolean overview;
  const char *headline;
  const char *text;
  const char *date;
  const char *place_name;
  gboolean has_point;
  double latitude;
  double longitude;
  double zoom;
  gboolean line;
  const char *media_url;
  const char *media_caption;
  const char *media_credit;
} Slide;

/* Adds one slide; appends its point to @order when the slide joins the line. */
static void
add_slide (CaravanStoryBuilder *builder,
           Slide               *slide,
           GArray              *order)
{
  CaravanImportReport *report = caravan_story_builder_get_report (builder);
  g_autofree char *headline = caravan_html_to_line (slide->headline);
  g_autoptr(CaravanHtmlText) text = caravan_import_html_text (builder, slide->text,
                                                              slide->location);
  g_autofree char *media = caravan_import_media_line (builder, slide->media_url,
                                                      slide->media_caption, slide->media_credit,
                                                      slide->location);
  g_autofree char *description = NULL;
  g_autofree char *credit = slide->media_credit ? caravan_html_to_line (slide->media_credit)
                                                : NULL;
  g_autofree char *name = NULL;
  g_autofree char *date_problem = NULL;
  CaravanPlace *place;
  CaravanEvent *event = NULL;
  CaravanDate date;
  gboolean has_date = FALSE;

  if (slide->overview)
    {
      caravan_story_builder_set_title (builder, headline, text->text);
      if (text->quotes->len > 0)
        caravan_import_add_quotes (builder, text, credit, NULL, NULL);
      return;
    }

  if (slide->date != NULL && slide->date[0] != '\0')
    {
      has_date = caravan_import_date_parse_text (slide->date, &date, &date_problem);
      if (!has_date)
        caravan_import_report_add (report, CARAVAN_IMPORT_NOTE_GUESSED, slide->location,
                                   _("the date “%s” is kept in the text only: %s"), slide->date,
                                   date_problem);
    }

  description = caravan_import_join_paragraphs (text->text, media ? media : "",
                                                has_date || slide->date == NULL ? ""
                                                                                : slide->date,
                                                NULL);
  if (!slide->has_point)
    {
      caravan_import_report_add (report, CARAVAN_IMPORT_NOTE_DROPPED, slide->location,
                                 _("the slide “%s” has no location"),
                                 headline[0] ? headline : _("(untitled)"));
      return;
    }

  name = g_strdup (slide->place_name != NULL && slide->place_name[0] != '\0' ? slide->place_name
                                                                             : headline);
  place = caravan_story_builder_add_place (builder, name, "place", description, slide->latitude,
                                           slide->longitude, slide->location);
  if (place == NULL)
    return;
  if (has_date)
    {
      event = caravan_story_builder_add_event (builder, NULL, headline, description, &date,
                                               place, NULL, slide->location);
      if (isfinite (slide->zoom) && slide->zoom >= 0 && slide->zoom <= 22)
        caravan_event_set_camera (event, caravan_place_get_latitude (place),
                                  caravan_place_get_longitude (place), slide->zoom);
    }
  caravan_import_add_quotes (builder, text, credit, place, event);
  caravan_import_media_quotes (builder, slide->media_url, slide->media_credit,
                               slide->location, place, event);

  if (slide->line)
    {
      double point[2] = { caravan_place_get_latitude (place), caravan_place_get_longitude (place) };

      g_array_append_vals (order, point, 2);
    }
}

static void
add_slide_order (CaravanStoryBuilder *builder,
                 GArray              *order)
{
  if (order->len >= 4)
    /* Translators: the line through a StoryMapJS story's slides, in their order */
    caravan_story_builder_add_route (builder, _("Slide order"), "line",
                                     (const double *) order->data, order->len / 2, NULL);
}

gboolean
caravan_import_storymap_json (JsonNode             *root,
                              CaravanStoryBuilder  *builder,
                              GError              **error)
{
  JsonObject *storymap = caravan_json_get_object (json_node_get_object (root), "storymap");
  g_autofree char *map_type = caravan_json_get_text (storymap, "map_type");
  g_autofree char *map_as_image = caravan_json_get_text (storymap, "map_as_image");
  JsonArray *slides = caravan_json_get_array (storymap, "slides");
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (double));

  if (g_strcmp0 (map_type, "zoomify") == 0 || g_strcmp0 (map_as_image, "true") == 0)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_UNSUPPORTED,
                   _("this StoryMapJS story is drawn on an image (a “gigapixel” story map), "
                     "not on a map of the Earth: its points are positions in the picture, so "
                     "Caravan cannot put them on a map"));
      return FALSE;
    }
  if (slides == NULL)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("storymap: missing the “slides” list"));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (slides); i++)
    {
      JsonNode *node = json_array_get_element (slides, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonObject *location = caravan_json_get_object (object, "location");
      JsonObject *text = caravan_json_get_object (object, "text");
      JsonObject *media = caravan_json_get_object (object, "media");
      g_autofree char *path = g_strdup_printf ("storymap.slides[%u]", i);
      g_autofree char *type = caravan_json_get_text (object, "type");
      g_autofree char *headline = caravan_json_get_text (text, "headline");
      g_autofree char *body = caravan_json_get_text (text, "text");
      g_autofree char *date = caravan_json_get_text (object, "date");
      g_autofree char *name = caravan_json_get_text (location, "name");
      g_autofree char *line = caravan_json_get_text (location, "line");
      g_autofree char *url = caravan_json_get_text (media, "url");
      g_autofree char *caption = caravan_json_get_text (media, "caption");
      g_autofree char *credit = caravan_json_get_text (media, "credit");
      Slide slide = {
        .location = path, .overview = g_strcmp0 (type, "overview") == 0,
        .headline = headline, .text = body, .date = date, .place_name = name,
        .zoom = NAN, .line = g_strcmp0 (line, "false") != 0,
        .media_url = url, .media_caption = caption, .media_credit = credit,
      };

      if (object == NULL)
        {
          caravan_import_report_add (caravan_story_builder_get_report (builder),
                                     CARAVAN_IMPORT_NOTE_DROPPED, path,
                                     _("a slide must be an object"));
          continue;
        }
      slide.has_point = caravan_json_get_double (location, "lat", &slide.latitude) &&
                        caravan_json_get_double (location, "lon", &slide.longitude);
      caravan_json_get_double (location, "zoom", &slide.zoom);
      add_slide (builder, &slide, order);
    }
  add_slide_order (builder, order);
  return TRUE;
}

gboolean
caravan_import_storymap_csv (const char           *data,
                             gsize                 length,
                             CaravanStoryBuilder  *builder,
                             GError              **error)
{
  static const char * const headline_names[] = { "headline", "title", "slide", NULL };
  static const char * const text_names[] = { "text", "description", NULL };
  static const char * const lat_names[] = { "latitude", "lat", NULL };
  static const char * const lon_names[] = { "longitude", "lon", "lng", "long", NULL };
  static const char * const zoom_names[] = { "zoom", NULL };
  static const char * const name_names[] = { "location", "location name", "place", "name", NULL };
  static const char * const date_names[] = { "date", NULL };
  static const char * const type_names[] = { "type", NULL };
  static const char * const media_names[] = { "media", "media url", NULL };
  static const char * const caption_names[] = { "media caption", "caption", NULL };
  static const char * const credit_names[] = { "media credit", "credit", NULL };
  g_autoptr(CaravanCsv) csv = caravan_csv_new (data, length);
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (double));
  GPtrArray *cells;
  GError *row_error = NULL;
  int headline, text, lat, lon, zoom, name, date, type, media, caption, credit;
  guint line;

  if (!caravan_csv_next_row (csv, &cells, &line, error))
    return FALSE;
  header = caravan_csv_copy_row (cells);
  headline = caravan_csv_find_column (header, headline_names);
  text = caravan_csv_find_column (header, text_names);
  lat = caravan_csv_find_column (header, lat_names);
  lon = caravan_csv_find_column (header, lon_names);
  zoom = caravan_csv_find_column (header, zoom_names);
  name = caravan_csv_find_column (header, name_names);
  date = caravan_csv_find_column (header, date_names);
  type = caravan_csv_find_column (header, type_names);
  media = caravan_csv_find_column (header, media_names);
  caption = caravan_csv_find_column (header, caption_names);
  credit = caravan_csv_find_column (header, credit_names);
  if (lat < 0 || lon < 0)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("line 1: a StoryMapJS sheet needs “Latitude” and “Longitude” columns"));
      return FALSE;
    }

  while (caravan_csv_next_row (csv, &cells, &line, &row_error))
    {
      g_autofree char *location = g_strdup_printf ("%u", line);
      char *end;
      Slide slide = {
        .location = location,
        .overview = g_ascii_strcasecmp (caravan_csv_cell (cells, type), "overview") == 0,
        .headline = caravan_csv_cell (cells, headline), .text = caravan_csv_cell (cells, text),
        .date = caravan_csv_cell (cells, date), .place_name = caravan_csv_cell (cells, name),
        .zoom = NAN, .line = TRUE, .media_url = caravan_csv_cell (cells, media),
        .media_caption = caravan_csv_cell (cells, caption),
        .media_credit = caravan_csv_cell (cells, credit),
      };

      slide.latitude = g_ascii_strtod (caravan_csv_cell (cells, lat), &end);
      slide.has_point = end != caravan_csv_cell (cells, lat) && *end == '\0';
      slide.longitude = g_ascii_strtod (caravan_csv_cell (cells, lon), &end);
      slide.has_point &= end != caravan_csv_cell (cells, lon) && *end == '\0';
      if (caravan_csv_cell (cells, zoom)[0] != '\0')
        slide.zoom = g_ascii_strtod (caravan_csv_cell (cells, zoom), NULL);
      add_slide (builder, &slide, order);
    }
  if (row_error != NULL)
    {
      g_propagate_error (error, row_error);
      return FALSE;
    }
  add_slide_order (builder, order);
  return TRUE;
}
