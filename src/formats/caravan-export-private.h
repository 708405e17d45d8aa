/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-export-private.h: the writers behind caravan_export_to_data() and what they share:
 * XML, HTML and JSON text, ISO dates with astronomical years, coordinates, steps. */

#pragma once

#include <json-glib/json-glib.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-export.h"
#include "caravan-place.h"
#include "caravan-route.h"
#include "caravan-story.h"

G_BEGIN_DECLS

char    *caravan_export_geojson  (CaravanStory *story, gsize *length);
char    *caravan_export_kml      (CaravanStory *story, gsize *length);
char    *caravan_export_storymap (CaravanStory *story, gsize *length);

/* caravan-export-text.c */

/* Appends @text escaped for XML 1.0 character data and attribute values (& < > " '). Characters
 * XML 1.0 cannot carry at all, even as references (C0 controls other than tab, line feed and
 * carriage return; U+FFFE, U+FFFF), are left out. */
void     caravan_export_append_xml  (GString    *out,
                                     const char *text);
/* Appends plain @text as HTML text: escaped, line breaks as <br>. */
void     caravan_export_append_html (GString    *out,
                                     const char *text);
/* Appends plain @text as HTML paragraphs: <p>…</p> for each part between blank lines. */
void     caravan_export_append_html_paragraphs (GString    *out,
                                                const char *text);
/* @root as indented JSON ending in a newline (caravan-json-text.h, U+2028 and U+2029 escaped so
 * the file can go into a script); arrays of numbers and strings on one line. */
char    *caravan_export_json_to_data       (JsonNode   *root,
                                            gsize      *length);

/* One end of @date in ISO 8601 at its precision, with astronomical year numbering: "2013-09-07",
 * "2012-04", "1992", "0000" (1 BC), "-0499" (500 BC). @end: the end of a range (the start when
 * the date has none). */
char    *caravan_export_date_iso    (const CaravanDate *date,
                                     gboolean           end);
/* A coordinate to 7 decimals (about a centimetre), trailing zeros left out: "51.1801". */
char    *caravan_export_coordinate  (double             value);

/* A presentation step: an event in story order, where the map looks and what it quotes. */
typedef struct
{
  CaravanEvent   *event;
  CaravanPlace   *place;       /* the first place, or NULL */
  double          latitude;    /* the camera: the event's own, else its place at zoom 6 */
  double          longitude;
  double          zoom;
  gboolean        has_centre;  /* FALSE: neither a place nor a camera centre (0, 0) */
  CaravanExcerpt *excerpt;     /* the step's quote, or NULL */
} CaravanExportStep;

/* Every event of @story, in story order, as steps (the pointers are owned by the story). */
GArray  *caravan_export_list_steps  (CaravanStory      *story);
/* The excerpts a step carries besides its quote, so that every excerpt is written once: those
 * of its event that no earlier step has (transfer container, in story order). */
GPtrArray *caravan_export_step_more_excerpts (CaravanStory            *story,
                                              const CaravanExportStep *step);
/* Appends <blockquote>quote<br><cite>source</cite></blockquote> and the fact-check note as a
 * paragraph: the quote without marks (a blockquote is its marks), as the importers read it. */
void     caravan_export_append_quote_html (GString        *out,
                                           CaravanStory   *story,
                                           CaravanExcerpt *excerpt);
/* The excerpts linked to no event (transfer container). */
GPtrArray *caravan_export_list_eventless_excerpts (CaravanStory *story);
/* The place's name at the event's date, in the story's language. */
const char *caravan_export_step_place_name (const CaravanExportStep *step);
/* The quote's source as one line: the article's citation, or NULL. */
char    *caravan_export_excerpt_source (CaravanStory   *story,
                                        CaravanExcerpt *excerpt);

G_END_DECLS
