/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-export-text.c: what the writers share: text escaped for XML, HTML and JSON, dates in
 * ISO 8601 with astronomical years, coordinates, and the story's steps. */

#define G_LOG_DOMAIN "caravan-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "caravan-export-private.h"
#include "caravan-json-text.h"

/* XML 1.0's Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

void
caravan_export_append_xml (GString    *out,
                           const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        /* A raw CR would be read back as a line feed. */
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          if (is_xml_char (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

void
caravan_export_append_html (GString    *out,
                            const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\n': g_string_append (out, "<br>"); break;
        case '\r': break;
        default:
          /* HTML cannot carry the C0 controls either. */
          if (is_xml_char (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

void
caravan_export_append_html_paragraphs (GString    *out,
                                       const char *text)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL)
    return;
  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      g_string_append (out, "<p>");
      caravan_export_append_html (out, paragraphs[i]);
      g_string_append (out, "</p>");
    }
}

char *
caravan_export_date_iso (const CaravanDate *date,
                         gboolean           end)
{
  int year = end && date->has_end ? date->end_year : date->year;
  int month = end && date->has_end ? date->end_month : date->month;
  int day = end && date->has_end ? date->end_day : date->day;
  CaravanDatePrecision precision = end && date->has_end ? date->end_precision : date->precision;
  /* ISO 8601 counts a year 0 (1 BC) and writes at least four digits after the sign. */
  g_autofree char *y = g_strdup_printf ("%s%04d", year < 0 ? "-" : "", abs (year));

  switch (precision)
    {
    case CARAVAN_DATE_PRECISION_DAY:
      return g_strdup_printf ("%s-%02d-%02d", y, month, day);
    case CARAVAN_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%s-%02d", y, month);
    case CARAVAN_DATE_PRECISION_YEAR:
    default:
      return g_steal_pointer (&y);
    }
}

char *
caravan_export_coordinate (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (!isfinite (value))
    return g_strdup ("0");
  g_ascii_formatd (buffer, sizeof buffer, "%.7f", value);
  end = buffer + strlen (buffer);
  while (end > buffer && end[-1] == '0')
    *--end = '\0';
  if (end > buffer && end[-1] == '.')
    *--end = '\0';
  if (strcmp (buffer, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buffer);
}

GArray *
caravan_export_list_steps (CaravanStory *story)
{
  GListModel *events = caravan_story_get_events (story);
  guint n = g_list_model_get_n_items (events);
  GArray *steps = g_array_sized_new (FALSE, TRUE, sizeof (CaravanExportStep), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      g_autoptr(CaravanExcerpt) excerpt = caravan_story_dup_step_excerpt (story, event);
      CaravanExportStep step = { event, caravan_event_get_first_place (event) };

      caravan_event_get_camera_at (event, NULL, &step.latitude, &step.longitude, &step.zoom);
      /* Without a place or a centre of its own the camera falls back to 0, 0. */
      step.has_centre = step.place != NULL || step.latitude != 0 || step.longitude != 0;
      /* The story and its events outlive the list: keep borrowed pointers. */
      step.excerpt = excerpt;
      g_array_append_val (steps, step);
    }
  return steps;
}

/* The first step (event index) whose event @excerpt belongs to, or G_MAXUINT. */
static guint
first_step_of (CaravanStory   *story,
               CaravanExcerpt *excerpt)
{
  guint first = G_MAXUINT;

  for (guint i = 0; i < caravan_excerpt_get_n_events (excerpt); i++)
    first = MIN (first, caravan_story_get_event_index (story,
                                                       caravan_excerpt_get_event (excerpt, i)));
  return first;
}

GPtrArray *
caravan_export_step_more_excerpts (CaravanStory            *story,
                                   const CaravanExportStep *step)
{
  g_autoptr(GListModel) excerpts = caravan_story_list_excerpts_of_event (story, step->event);
  guint index = caravan_story_get_event_index (story, step->event);
  GPtrArray *more = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      if (excerpt != step->excerpt && first_step_of (story, excerpt) == index)
        g_ptr_array_add (more, excerpt);
    }
  return more;
}

void
caravan_export_append_quote_html (GString        *out,
                                  CaravanStory   *story,
                                  CaravanExcerpt *excerpt)
{
  g_autofree char *source = caravan_export_excerpt_source (story, excerpt);
  const char *note = caravan_excerpt_get_note (excerpt);

  g_string_append (out, "<blockquote>");
  caravan_export_append_html (out, caravan_excerpt_get_text (excerpt));
  if (source != NULL)
    {
      g_string_append (out, "<br><cite>");
      caravan_export_append_html (out, source);
      g_string_append (out, "</cite>");
    }
  g_string_append (out, "</blockquote>");
  if (note != NULL)
    {
      g_string_append (out, "<p><i>");
      /* Translators: before the note that corrects what a quoted article says */
      caravan_export_append_html (out, _("Fact check:"));
      g_string_append (out, "</i> ");
      caravan_export_append_html (out, note);
      g_string_append (out, "</p>");
    }
}

GPtrArray *
caravan_export_list_eventless_excerpts (CaravanStory *story)
{
  GListModel *excerpts = caravan_story_get_excerpts (story);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      if (caravan_excerpt_get_n_events (excerpt) == 0)
        g_ptr_array_add (list, excerpt);
    }
  return list;
}

const char *
caravan_export_step_place_name (const CaravanExportStep *step)
{
  if (step->place == NULL)
    return NULL;
  return caravan_place_get_name_at (step->place, caravan_event_get_date (step->event), NULL);
}

char *
caravan_export_excerpt_source (CaravanStory   *story,
                               CaravanExcerpt *excerpt)
{
  CaravanArticle *article = caravan_excerpt_get_article (excerpt);

  if (article == NULL)
    return NULL;
  return caravan_article_format_citation (article, caravan_story_get_language (story));
}

char *
caravan_export_json_to_data (JsonNode *root,
                             gsize    *length)
{
  GString *out = g_string_new (NULL);

  /* The story writer's JSON text, with [lon, lat] pairs on one line. */
  caravan_json_text_append (out, root, CARAVAN_JSON_TEXT_INLINE_SCALAR_ARRAYS);
  g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
