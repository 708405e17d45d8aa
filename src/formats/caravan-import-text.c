/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-text.c: text fields, quotes, media links and JSON members for the importers. */

#define G_LOG_DOMAIN "caravan-import-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "caravan-import-private.h"

CaravanHtmlText *
caravan_import_html_text (CaravanStoryBuilder *builder,
                          const char          *html,
                          const char          *location)
{
  CaravanHtmlText *text = caravan_html_text_new (html);
  CaravanImportReport *report = caravan_story_builder_get_report (builder);

  if (text->n_dropped_elements > 0)
    caravan_import_report_add (report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u script, frame or embedded object in the text",
                                            "%u scripts, frames or embedded objects in the text",
                                            text->n_dropped_elements),
                               text->n_dropped_elements);
  if (text->n_dropped_links > 0)
    caravan_import_report_add (report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%u link that is not an http or https address "
                                            "(its text is kept)",
                                            "%u links that are not http or https addresses "
                                            "(their text is kept)",
                                            text->n_dropped_links),
                               text->n_dropped_links);
  return text;
}

void
caravan_import_add_quotes (CaravanStoryBuilder *builder,
                           CaravanHtmlText     *text,
                           const char          *fallback_source,
                           CaravanPlace        *place,
                           CaravanEvent        *event)
{
  for (guint i = 0; i < text->quotes->len; i++)
    {
      CaravanHtmlQuote *quote = g_ptr_array_index (text->quotes, i);

      caravan_story_builder_add_excerpt (builder, quote->text,
                                         quote->source != NULL ? quote->source : fallback_source,
                                         place, event);
    }
}

char *
caravan_import_media_line (CaravanStoryBuilder *builder,
                           const char          *url,
                           const char          *caption_html,
                           const char          *credit_html,
                           const char          *location)
{
  g_autofree char *caption = caption_html ? caravan_html_to_line (caption_html) : NULL;
  g_autofree char *credit = credit_html ? caravan_html_to_line (credit_html) : NULL;
  g_autofree char *address = NULL;
  GString *line;

  /* HTML in place of a media address (a TimelineJS quote) is text, see
   * caravan_import_media_quotes(). */
  if (url == NULL || url[0] == '\0' || url[0] == '<')
    return NULL;
  /* Protocol-relative addresses ("//www.flickr.com/…") are web addresses. */
  address = g_str_has_prefix (url, "//") ? g_strconcat ("https:", url, NULL) : g_strdup (url);
  g_strstrip (address);
  if (!caravan_html_is_web_link (address))
    {
      caravan_import_report_add (caravan_story_builder_get_report (builder),
                                 CARAVAN_IMPORT_NOTE_DROPPED, location,
                                 _("media “%s” is not an http or https address"), url);
      return NULL;
    }

  /* Translators: a media link in an event's text, "Media: https://…" */
  line = g_string_new (NULL);
  g_string_printf (line, _("Media: %s"), address);
  if (caption != NULL && caption[0] != '\0')
    g_string_append_printf (line, " — %s", caption);
  if (credit != NULL && credit[0] != '\0')
    g_string_append_printf (line, " (%s)", credit);
  return g_string_free (line, FALSE);
}

void
caravan_import_media_quotes (CaravanStoryBuilder *builder,
                             const char          *media,
                             const char          *credit_html,
                             const char          *location,
                             CaravanPlace        *place,
                             CaravanEvent        *event)
{
  g_autoptr(CaravanHtmlText) text = NULL;
  g_autofree char *credit = NULL;

  if (media == NULL || media[0] != '<')
    return;
  text = caravan_import_html_text (builder, media, location);
  /* A quote's <cite> names its source, else the media's credit does. */
  credit = credit_html != NULL ? caravan_html_to_line (credit_html) : NULL;
  caravan_import_add_quotes (builder, text, credit != NULL && credit[0] != '\0' ? credit : NULL,
                             place, event);
}

char *
caravan_import_join_paragraphs (const char *first,
                                ...)
{
  GString *text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (part[0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, part);
    }
  va_end (args);
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

char *
caravan_json_get_text (JsonObject *object,
                       const char *name)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, name)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%.17g", json_node_get_double (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

JsonObject *
caravan_json_get_object (JsonObject *object,
                         const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
caravan_json_get_array (JsonObject *object,
                        const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gboolean
caravan_json_get_double (JsonObject *object,
                         const char *name,
                         double     *value)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;
  double v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      v = json_node_get_double (node);
      break;
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        char *end;

        v = g_ascii_strtod (text, &end);
        if (end == text)
          return FALSE;
        while (g_ascii_isspace (*end))
          end++;
        if (*end != '\0')
          return FALSE;
      }
      break;
    default:
      return FALSE;
    }
  if (!isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}
