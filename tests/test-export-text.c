/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-text.c: what the exports write is read back as it was meant: names with <, &,
 * quotes and non-ASCII letters in KML (XML), StoryMapJS (HTML inside JSON) and GeoJSON; dates
 * in ISO 8601 with astronomical years (500 BC is -0499); coordinates to 7 decimals. */

#define G_LOG_DOMAIN "caravan-test-export-text"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "caravan-export-private.h"
#include "export-test-stories.h"

/* Everything that needs escaping somewhere: markup characters, both quotes, an apostrophe,
 * Cyrillic, Chinese, an emoji, and a control character XML cannot carry. */
#define NASTY_NAME "Tom & Jerry's <Café> “Ünï” \\\"x\\\" Астана 阿斯塔纳 🐫"
#define NASTY_NAME_TEXT "Tom & Jerry's <Café> “Ünï” \"x\" Астана 阿斯塔纳 🐫"
#define NASTY_TITLE "A < B && C > D ]]> <!-- 'q' \\\"dq\\\" &amp; \\u0001end"
#define NASTY_TITLE_TEXT "A < B && C > D ]]> <!-- 'q' \"dq\" &amp; \001end"
#define NASTY_TITLE_XML "A < B && C > D ]]> <!-- 'q' \"dq\" &amp; end"

static const char nasty_story[] =
  "{ \"format_version\": 1, \"title\": \"" NASTY_NAME "\",\n"
  "  \"articles\": [ { \"id\": \"a\", \"title\": \"<b>Source</b> & co\" } ],\n"
  "  \"places\": [ { \"id\": \"p\", \"name\": \"" NASTY_NAME "\", \"lat\": 43.25, \"lon\": 76.9,\n"
  "                \"description\": \"line one\\nline <two>\\n\\nparagraph & more\" } ],\n"
  "  \"events\": [ { \"id\": \"e\", \"title\": \"" NASTY_TITLE "\", \"date\": \"2022-01-06\",\n"
  "                \"place\": \"p\" } ],\n"
  "  \"excerpts\": [ { \"id\": \"x\", \"text\": \"She said “<no>” & left\", \"article\": \"a\",\n"
  "                  \"events\": [\"e\"] } ] }\n";

static xmlNode *
find_element (xmlNode    *node,
              const char *name,
              guint      *skip)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0)
        {
          if (*skip == 0)
            return node;
          (*skip)--;
        }
      if ((found = find_element (node->children, name, skip)) != NULL)
        return found;
    }
  return NULL;
}

/* The text content of the @index-th <@name> of @doc. */
static char *
element_text (xmlDoc     *doc,
              const char *name,
              guint       index)
{
  xmlNode *node = find_element (xmlDocGetRootElement (doc), name, &index);
  xmlChar *content;
  char *text;

  g_assert_nonnull (node);
  content = xmlNodeGetContent (node);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  return text;
}

/* What a browser shows of an HTML fragment. */
static char *
html_text (const char *html)
{
  g_autofree char *page = g_strconcat ("<html><body>", html, "</body></html>", NULL);
  htmlDocPtr doc = htmlReadMemory (page, strlen (page), NULL, "UTF-8",
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  xmlChar *content;
  char *text;

  g_assert_nonnull (doc);
  content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  text = g_strdup ((const char *) content);
  xmlFree (content);
  xmlFreeDoc (doc);
  return text;
}

static void
test_kml_escaping (void)
{
  g_autoptr(CaravanStory) story = load_story (nasty_story);
  gsize length;
  g_autofree char *kml = caravan_export_to_data (story, CARAVAN_EXPORT_FORMAT_KML, &length);
  /* No DTD, no entities, no network: as strict as a reader can be. */
  xmlDoc *doc = xmlReadMemory (kml, length, "story.kml", NULL, XML_PARSE_NONET);
  g_autofree char *title = NULL, *place = NULL, *event = NULL, *balloon = NULL, *text = NULL;

  g_assert_nonnull (doc);
  g_assert_cmpuint (length, ==, strlen (kml));
  g_assert_true (g_utf8_validate (kml, length, NULL));
  title = element_text (doc, "name", 0);
  place = element_text (doc, "name", 2);    /* Document, Places folder, the place */
  event = element_text (doc, "name", 4);    /* …, Events folder, the event */
  g_assert_cmpstr (title, ==, NASTY_NAME_TEXT);
  g_assert_cmpstr (place, ==, NASTY_NAME_TEXT);
  /* U+0001 cannot be written in XML 1.0 at all: it is left out, the rest is kept. */
  g_assert_cmpstr (event, ==, NASTY_TITLE_XML);
  /* The balloon is HTML inside XML: unescaped twice, a browser shows the quote as written. */
  balloon = element_text (doc, "description", 1);  /* the place's, the event's */
  text = html_text (balloon);
  g_assert_nonnull (strstr (text, "She said “<no>” & left"));
  g_assert_nonnull (strstr (text, "<b>Source</b> & co"));
  xmlFreeDoc (doc);
}

static void
test_storymap_escaping (void)
{
  g_autoptr(CaravanStory) story = load_story (nasty_story);
  g_autofree char *data = caravan_export_to_data (story, CARAVAN_EXPORT_FORMAT_STORYMAP_JSON, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *slide;
  JsonArray *slides;
  g_autofree char *headline = NULL, *overview = NULL, *quote = NULL, *credit = NULL;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  slides = json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                   "storymap"), "slides");
  g_assert_cmpuint (json_array_get_length (slides), ==, 2);
  overview = html_text (json_object_get_string_member (
    json_object_get_object_member (json_array_get_object_element (slides, 0), "text"),
    "headline"));
  g_assert_cmpstr (overview, ==, NASTY_NAME_TEXT);

  slide = json_array_get_object_element (slides, 1);
  /* StoryMapJS puts the headline in the page as HTML: a browser shows the title as it was (but
   * for U+0001, which HTML cannot carry either). */
  headline = html_text (json_object_get_string_member (json_object_get_object_member (slide,
                                                                                      "text"),
                                                       "headline"));
  g_assert_cmpstr (headline, ==, NASTY_TITLE_XML);
  /* The location's name is plain text, as the importer and the marker take it. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (slide,
                                                                                 "location"),
                                                  "name"), ==, NASTY_NAME_TEXT);
  quote = html_text (json_object_get_string_member (json_object_get_object_member (slide,
                                                                                   "media"),
                                                    "url"));
  g_assert_cmpstr (quote, ==, "She said “<no>” & left");
  credit = html_text (json_object_get_string_member (json_object_get_object_member (slide,
                                                                                    "media"),
                                                     "credit"));
  g_assert_cmpstr (credit, ==, "“<b>Source</b> & co”");
}

static void
test_geojson_text (void)
{
  g_autoptr(CaravanStory) story = load_story (nasty_story);
  g_autofree char *data = caravan_export_to_data (story, CARAVAN_EXPORT_FORMAT_GEOJSON, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *features;
  JsonObject *place, *event;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 2);
  place = json_object_get_object_member (json_array_get_object_element (features, 0),
                                         "properties");
  event = json_object_get_object_member (json_array_get_object_element (features, 1),
                                         "properties");
  /* GeoJSON properties are plain text: nothing escaped but for JSON, U+0001 kept. */
  g_assert_cmpstr (json_object_get_string_member (place, "name"), ==, NASTY_NAME_TEXT);
  g_assert_cmpstr (json_object_get_string_member (event, "name"), ==, NASTY_TITLE_TEXT);
  g_assert_cmpstr (json_object_get_string_member (place, "description"), ==,
                   "line one\nline <two>\n\nparagraph & more");
  g_assert_nonnull (strstr (data, "\\u0001"));
}

static void
assert_iso (int         year,
            int         month,
            int         day,
            CaravanDatePrecision precision,
            const char *expected)
{
  CaravanDate date = { .year = year, .month = month, .day = day, .precision = precision };
  g_autofree char *iso = caravan_export_date_iso (&date, FALSE);

  g_assert_cmpstr (iso, ==, expected);
}

static void
test_dates (void)
{
  CaravanDate range = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL, *end = NULL;

  assert_iso (2013, 9, 7, CARAVAN_DATE_PRECISION_DAY, "2013-09-07");
  assert_iso (2012, 4, 1, CARAVAN_DATE_PRECISION_MONTH, "2012-04");
  assert_iso (1992, 1, 1, CARAVAN_DATE_PRECISION_YEAR, "1992");
  assert_iso (33, 1, 1, CARAVAN_DATE_PRECISION_YEAR, "0033");
  /* Astronomical years: 1 BC is year 0, 500 BC is -0499 (ISO 8601, KML, GeoJSON). Caravan's
   * loader and importers keep to 1 AD and later today; the writer is ready for earlier. */
  assert_iso (0, 1, 1, CARAVAN_DATE_PRECISION_YEAR, "0000");
  assert_iso (-499, 3, 1, CARAVAN_DATE_PRECISION_MONTH, "-0499-03");
  assert_iso (-12000, 1, 1, CARAVAN_DATE_PRECISION_YEAR, "-12000");

  g_assert_true (caravan_date_parse ("2022-01", &range, &error));
  g_assert_true (caravan_date_parse_end (&range, "2022-03-05", &error));
  g_assert_no_error (error);
  start = caravan_export_date_iso (&range, FALSE);
  end = caravan_export_date_iso (&range, TRUE);
  /* Each end keeps its own precision. */
  g_assert_cmpstr (start, ==, "2022-01");
  g_assert_cmpstr (end, ==, "2022-03-05");
}

static void
assert_coordinate (double      value,
                   const char *expected)
{
  g_autofree char *text = caravan_export_coordinate (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_coordinates (void)
{
  assert_coordinate (51.1801, "51.1801");
  assert_coordinate (-0.00000001, "0");
  assert_coordinate (71.446, "71.446");
  assert_coordinate (-179.99999994, "-179.9999999");
  assert_coordinate (10, "10");
  assert_coordinate (1.23456789, "1.2345679");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/text/kml-escaping", test_kml_escaping);
  g_test_add_func ("/export/text/storymap-escaping", test_storymap_escaping);
  g_test_add_func ("/export/text/geojson", test_geojson_text);
  g_test_add_func ("/export/text/dates", test_dates);
  g_test_add_func ("/export/text/coordinates", test_coordinates);

  return g_test_run ();
}
