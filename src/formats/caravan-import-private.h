/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-private.h: the importers behind caravan_import_bytes() and what they share. */

#pragma once

#include <json-glib/json-glib.h>

#include "caravan-date.h"
#include "caravan-import.h"
#include "caravan-import-html.h"
#include "caravan-story-builder.h"

G_BEGIN_DECLS

/* Each importer adds to @builder and fails only when the whole file cannot be read. */
gboolean caravan_import_storymap_json  (JsonNode *root, CaravanStoryBuilder *builder,
                                        GError **error);
gboolean caravan_import_storymap_csv   (const char *data, gsize length,
                                        CaravanStoryBuilder *builder, GError **error);
gboolean caravan_import_timeline3_json (JsonNode *root, CaravanStoryBuilder *builder,
                                        GError **error);
gboolean caravan_import_timeline2_json (JsonNode *root, CaravanStoryBuilder *builder,
                                        GError **error);
gboolean caravan_import_timeline_csv   (const char *data, gsize length,
                                        CaravanStoryBuilder *builder, GError **error);
gboolean caravan_import_geojson        (const char *data, gsize length,
                                        CaravanStoryBuilder *builder, GError **error);
gboolean caravan_import_kml            (const char *data, gsize length,
                                        CaravanStoryBuilder *builder, GError **error);
gboolean caravan_import_kmz            (const char *data, gsize length,
                                        CaravanStoryBuilder *builder, GError **error);
gboolean caravan_import_gpx            (const char *data, gsize length,
                                        CaravanStoryBuilder *builder, GError **error);

/* One TimelineJS slide, whichever of the three formats it came from. */
typedef struct
{
  const char *location;
  gboolean has_date;
  CaravanDate date;
  char *date_problem;    /* why there is no date, when the source gave one */
  const char *display_date;
  const char *headline;  /* HTML */
  const char *text;      /* HTML */
  const char *media_url;
  const char *media_caption;
  const char *media_credit;
  const char *group;
  const char *unique_id;
  gboolean is_era;
} CaravanTimelineSlide;

void     caravan_import_timeline_slide (CaravanStoryBuilder *builder,
                                        CaravanTimelineSlide *slide);

/* caravan-import-text.c: text fields and media shared by the importers. */
/* Plain text of @html; notes dropped scripts and links at @location. */
CaravanHtmlText *caravan_import_html_text  (CaravanStoryBuilder *builder,
                                            const char          *html,
                                            const char          *location);
/* Adds each quote of @text as an excerpt, with @fallback_source when it has no <cite>. */
void     caravan_import_add_quotes  (CaravanStoryBuilder *builder,
                                     CaravanHtmlText     *text,
                                     const char          *fallback_source,
                                     CaravanPlace        *place,
                                     CaravanEvent        *event);
/* "Media: https://… — caption (credit)" for a description, or NULL (noted) when the media
 * address is not an http or https link. Nothing is fetched. */
char    *caravan_import_media_line  (CaravanStoryBuilder *builder,
                                     const char          *url,
                                     const char          *caption_html,
                                     const char          *credit_html,
                                     const char          *location);
/* Adds the quotes of a media field that holds HTML instead of an address; @credit_html (may
 * be NULL) is their source when they have no <cite>. */
void     caravan_import_media_quotes (CaravanStoryBuilder *builder,
                                      const char          *media,
                                      const char          *credit_html,
                                      const char          *location,
                                      CaravanPlace        *place,
                                      CaravanEvent        *event);
/* Joins the non-empty ones with blank lines; NULL when all are empty. */
char    *caravan_import_join_paragraphs (const char *first,
                                         ...) G_GNUC_NULL_TERMINATED;

/* JSON members of any scalar type as text (numbers as written); NULL when missing or null. */
char    *caravan_json_get_text      (JsonObject *object,
                                     const char *name);
JsonObject *caravan_json_get_object (JsonObject *object,
                                     const char *name);
JsonArray  *caravan_json_get_array  (JsonObject *object,
                                     const char *name);
/* A number, or a string holding one; FALSE when missing, not a number or not finite. */
gboolean caravan_json_get_double    (JsonObject *object,
                                     const char *name,
                                     double     *value);

G_END_DECLS
