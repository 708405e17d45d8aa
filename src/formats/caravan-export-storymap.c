/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-export-storymap.c: a story as Knight Lab StoryMapJS JSON (storymap.slides): an
 * overview slide with the title, subtitle, credits and sources, then one slide per
 * presentation step with its place, zoom, title and text, and its quote as the slide's media.
 * StoryMapJS shows headline and text as HTML, so they are escaped; it shows no dates, so the
 * date goes into the text, and also into the slide's "date" member, which StoryMapJS keeps but
 * does not show and Caravan's importer reads. */

#define G_LOG_DOMAIN "caravan-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "caravan-export-private.h"
#include "caravan-uri.h"

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

static void
add_text (JsonBuilder *b,
          const char  *headline,
          const char  *html)
{
  GString *escaped = g_string_new (NULL);

  caravan_export_append_html (escaped, headline);
  json_builder_set_member_name (b, "text");
  json_builder_begin_object (b);
  add_string (b, "headline", escaped->str);
  add_string (b, "text", html);
  json_builder_end_object (b);
  g_string_free (escaped, TRUE);
}

/* "2013-09-07", "2022-01-02/2022-01-19", "c. 2012": what the StoryMapJS importer reads. */
static char *
slide_date (const CaravanDate *date)
{
  g_autofree char *start = caravan_export_date_iso (date, FALSE);
  g_autofree char *text = NULL;

  if (date->has_end)
    {
      g_autofree char *end = caravan_export_date_iso (date, TRUE);

      text = g_strconcat (start, "/", end, NULL);
    }
  else
    text = g_steal_pointer (&start);
  return date->circa ? g_strconcat ("c. ", text, NULL) : g_steal_pointer (&text);
}

static void
add_overview (JsonBuilder  *b,
              CaravanStory *story)
{
  GListModel *articles = caravan_story_get_articles (story);
  g_autoptr(GPtrArray) eventless = caravan_export_list_eventless_excerpts (story);
  GString *html = g_string_new (NULL);

  caravan_export_append_html_paragraphs (html, caravan_story_get_subtitle (story));
  caravan_export_append_html_paragraphs (html, caravan_story_get_credits (story));
  /* Quotes of no step: StoryMapJS has only steps, so they go on the title slide. */
  for (guint i = 0; i < eventless->len; i++)
    caravan_export_append_quote_html (html, story, g_ptr_array_index (eventless, i));
  if (g_list_model_get_n_items (articles) > 0)
    {
      g_string_append (html, "<p>");
      /* Translators: before the list of the articles a story quotes */
      caravan_export_append_html (html, _("Sources:"));
      g_string_append (html, "</p><ul>");
      for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
        {
          g_autoptr(CaravanArticle) article = g_list_model_get_item (articles, i);
          g_autofree char *citation =
            caravan_article_format_citation (article, caravan_story_get_language (story));
          const char *url = caravan_article_get_url (article);

          g_string_append (html, "<li>");
          if (url != NULL && caravan_uri_is_web (url))
            {
              g_string_append (html, "<a href=\"");
              caravan_export_append_html (html, url);
              g_string_append (html, "\">");
              caravan_export_append_html (html, citation);
              g_string_append (html, "</a>");
            }
          else
            caravan_export_append_html (html, citation);
          g_string_append (html, "</li>");
        }
      g_string_append (html, "</ul>");
    }
  if (caravan_story_get_license (story) != NULL)
    {
      /* Translators: %s is the licence of the story's data, e.g. CC-BY-SA-4.0 */
      g_autofree char *licence = g_strdup_printf (_("Licence: %s"),
                                                  caravan_story_get_license (story));

      g_string_append (html, "<p>");
      caravan_export_append_html (html, licence);
      g_string_append (html, "</p>");
    }

  json_builder_begin_object (b);
  add_string (b, "type", "overview");
  add_text (b, caravan_story_get_title (story), html->str);
  json_builder_end_object (b);
  g_string_free (html, TRUE);
}

static void
add_step (JsonBuilder             *b,
          CaravanStory            *story,
          const CaravanExportStep *step,
          double                   fallback_lat,
          double                   fallback_lon)
{
  CaravanEvent *event = step->event;
  const CaravanDate *date = caravan_event_get_date (event);
  const char *place = caravan_export_step_place_name (step);
  g_autofree char *display = caravan_date_format (date);
  g_autofree char *iso = slide_date (date);
  g_autoptr(GPtrArray) more = NULL;
  GString *html = g_string_new ("<p><strong>");

  caravan_export_append_html (html, display);
  g_string_append (html, "</strong>");
  if (place != NULL)
    {
      g_string_append (html, " · ");
      caravan_export_append_html (html, place);
    }
  g_string_append (html, "</p>");
  caravan_export_append_html_paragraphs (html, caravan_event_get_description (event));
  if (step->excerpt != NULL && caravan_excerpt_get_note (step->excerpt) != NULL)
    {
      g_string_append (html, "<p><em>");
      /* Translators: before the note that corrects what a quoted article says */
      caravan_export_append_html (html, _("Fact check:"));
      g_string_append (html, "</em> ");
      caravan_export_append_html (html, caravan_excerpt_get_note (step->excerpt));
      g_string_append (html, "</p>");
    }
  /* The event's other quotes: blockquotes in the text, which StoryMapJS shows as such. */
  more = caravan_export_step_more_excerpts (story, step);
  for (guint i = 0; i < more->len; i++)
    caravan_export_append_quote_html (html, story, g_ptr_array_index (more, i));

  json_builder_begin_object (b);
  add_string (b, "date", iso);
  add_text (b, caravan_event_get_title (event), html->str);
  json_builder_set_member_name (b, "location");
  json_builder_begin_object (b);
  /* The marker stands on the place; StoryMapJS centres the map on it at the step's zoom. */
  json_builder_set_member_name (b, "lat");
  json_builder_add_double_value (b, step->place != NULL ? caravan_place_get_latitude (step->place)
                                    : step->has_centre ? step->latitude : fallback_lat);
  json_builder_set_member_name (b, "lon");
  json_builder_add_double_value (b, step->place != NULL ? caravan_place_get_longitude (step->place)
                                    : step->has_centre ? step->longitude : fallback_lon);
  json_builder_set_member_name (b, "zoom");
  json_builder_add_double_value (b, step->zoom);
  /* Plain text: the importer and the marker's title take it as it is. */
  if (place != NULL)
    add_string (b, "name", place);
  /* The steps are not a route: no line from one to the next. */
  json_builder_set_member_name (b, "line");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_end_object (b);

  if (step->excerpt != NULL)
    {
      g_autofree char *source = caravan_export_excerpt_source (story, step->excerpt);
      GString *quote = g_string_new ("<blockquote>");

      /* A media "url" that is a blockquote is shown as the quote (StoryMapJS's Quote media). */
      caravan_export_append_html (quote, caravan_excerpt_get_text (step->excerpt));
      g_string_append (quote, "</blockquote>");
      json_builder_set_member_name (b, "media");
      json_builder_begin_object (b);
      add_string (b, "url", quote->str);
      add_string (b, "caption", "");
      if (source != NULL)
        {
          GString *credit = g_string_new (NULL);

          caravan_export_append_html (credit, source);
          add_string (b, "credit", credit->str);
          g_string_free (credit, TRUE);
        }
      json_builder_end_object (b);
      g_string_free (quote, TRUE);
    }
  json_builder_end_object (b);
  g_string_free (html, TRUE);
}

char *
caravan_export_storymap (CaravanStory *story,
                         gsize        *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) steps = caravan_export_list_steps (story);
  double lat, lon, zoom;

  caravan_story_get_initial_view (story, &lat, &lon, &zoom);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "storymap");
  json_builder_begin_object (b);
  add_string (b, "language", caravan_story_get_language (story));
  add_string (b, "map_type", "osm:standard");
  /* Each slide's zoom is the step's own. */
  json_builder_set_member_name (b, "calculate_zoom");
  json_builder_add_boolean_value (b, FALSE);
  json_builder_set_member_name (b, "slides");
  json_builder_begin_array (b);
  add_overview (b, story);
  for (guint i = 0; i < steps->len; i++)
    add_step (b, story, &g_array_index (steps, CaravanExportStep, i), lat, lon);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return caravan_export_json_to_data (root, length);
}
