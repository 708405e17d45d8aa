/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export-test-stories.h: small stories the export tests write out and read back, and a loader
 * for them (NULL: the bundled story). */

#pragma once

#include <string.h>

#include "caravan-story-loader.h"
#include "caravan-story.h"

/* Every precision, ranges whose ends differ in precision, circa, an event without a place, an
 * event at two places, a place without events, a quote of no event, a fact-check note. */
static const char dates_story[] G_GNUC_UNUSED =
  "{ \"format_version\": 1, \"title\": \"Dates\", \"language\": \"ru\",\n"
  "  \"articles\": [ { \"id\": \"a\", \"title\": \"Газета\", \"author\": \"И. Петров\" } ],\n"
  "  \"places\": [\n"
  "    { \"id\": \"m\", \"name\": \"Москва\", \"lat\": 55.755833, \"lon\": 37.617222 },\n"
  "    { \"id\": \"t\", \"name\": \"Tashkent\", \"lat\": 41.311081, \"lon\": 69.240562,\n"
  "      \"featured\": true, \"kind\": \"city\" },\n"
  "    { \"id\": \"q\", \"name\": \"Quiet\", \"lat\": -33.8688197, \"lon\": -151.2092955 } ],\n"
  "  \"events\": [\n"
  "    { \"id\": \"y\", \"title\": \"A year\", \"date\": \"1905\", \"place\": \"m\" },\n"
  "    { \"id\": \"c\", \"title\": \"About then\", \"date\": \"1917-03\", \"circa\": true,\n"
  "      \"place\": \"m\" },\n"
  "    { \"id\": \"r\", \"title\": \"A range\", \"date\": \"1966-04-26\", \"end\": \"1966-05\",\n"
  "      \"places\": [\"t\", \"m\"], \"camera\": { \"lat\": 45, \"lon\": 60, \"zoom\": 4 } },\n"
  "    { \"id\": \"n\", \"title\": \"Nowhere\", \"date\": \"0001\", \"end\": \"0999\",\n"
  "      \"circa\": true,"
  "      \"camera\": { \"lat\": 40, \"lon\": 50, \"zoom\": 3 } },\n"
  "    { \"id\": \"d\", \"title\": \"A day\", \"date\": \"2001-09-11\", \"place\": \"t\" } ],\n"
  "  \"excerpts\": [\n"
  "    { \"id\": \"x1\", \"text\": \"Земля «дрожала» three days\", \"article\": \"a\",\n"
  "      \"events\": [\"r\"], \"note\": \"It was 10 seconds.\" },\n"
  "    { \"id\": \"x2\", \"text\": \"A second quote of the range\", \"events\": [\"r\", \"d\"] },\n"
  "    { \"id\": \"x3\", \"text\": \"A quote of a place alone\", \"places\": [\"q\"] } ],\n"
  "  \"routes\": [ { \"id\": \"l\", \"label\": \"Line\", \"style\": \"rail\",\n"
  "                \"points\": [\"m\", { \"lat\": 48.5, \"lon\": 55.25 }, \"t\"] } ] }\n";

static inline CaravanStory *
load_story (const char *text)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  CaravanStory *story;

  if (text == NULL)
    story = caravan_story_load_bundled (&error);
  else
    {
      bytes = g_bytes_new (text, strlen (text));
      story = caravan_story_loader_load_bytes (bytes, NULL, &error);
    }
  g_assert_no_error (error);
  return story;
}
