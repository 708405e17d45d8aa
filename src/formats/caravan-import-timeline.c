/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-timeline.c: Knight Lab TimelineJS3 JSON (events, eras, title) and the older
 * TimelineJS2 JSON ("startDate": "1963,8,9"). TimelineJS slides have no places: they become
 * events without a map point; their media become links in the text. */

#define G_LOG_DOMAIN "caravan-import-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "caravan-import-date.h"
#include "caravan-import-private.h"

void
caravan_import_timeline_slide (CaravanStoryBuilder  *builder,
                               CaravanTimelineSlide *slide)
{
  CaravanImportReport *report = caravan_story_builder_get_report (builder);
  g_autofree char *headline = caravan_html_to_line (slide->headline);
  g_autoptr(CaravanHtmlText) text = caravan_import_html_text (builder, slide->text,
                                                              slide->location);
  g_autofree char *media = caravan_import_media_line (builder, slide->media_url,
                                                      slide->media_caption, slide->media_credit,
                                                      slide->location);
  g_autofree char *credit = slide->media_credit ? caravan_html_to_line (slide->media_credit)
                                                : NULL;
  g_autofree char *display = NULL;
  g_autofree char *description = NULL;
  g_autofree char *category = NULL;
  CaravanEvent *event;

  if (!slide->has_date)
    {
      caravan_import_report_add (report, CARAVAN_IMPORT_NOTE_DROPPED, slide->location,
                                 _("“%s”: %s"), headline[0] ? headline : _("(untitled)"),
                                 slide->date_problem ? slide->date_problem
                                                     : _("the slide has no start date"));
      return;
    }

  if (slide->display_date != NULL && slide->display_date[0] != '\0')
    {
      slide->date.circa |= caravan_import_text_is_circa (slide->display_date);
      display = caravan_html_to_line (slide->display_date);
    }
  description = caravan_import_join_paragraphs (display ? display : "", text->text,
                                                media ? media : "", NULL);
  if (slide->group != NULL && slide->group[0] != '\0')
    category = g_utf8_strdown (slide->group, -1);
  else if (slide->is_era)
    category = g_strdup ("era");

  event = caravan_story_builder_add_event (builder, slide->unique_id, headline, description,
                                           &slide->date, NULL, category, slide->location);
  caravan_import_add_quotes (builder, text, credit, NULL, event);
  caravan_import_media_quotes (builder, slide->media_url, slide->media_credit,
                               slide->location, NULL, event);
}

/* Reads a TimelineJS3 date object ({ "year": "-500", "month": 3, … }). */
static gboolean
read_date_object (JsonObject  *object,
                  CaravanDate *date,
                  char       **problem)
{
  g_autofree char *year = caravan_json_get_text (object, "year");
  g_autofree char *month = caravan_json_get_text (object, "month");
  g_autofree char *day = caravan_json_get_text (object, "day");
  char *end;
  gint64 y;

  if (year == NULL || year[0] == '\0')
    {
      *problem = g_strdup (_("the date has no year"));
      return FALSE;
    }
  y = g_ascii_strtoll (year, &end, 10);
  if (end == year || (*end != '\0' && *end != '.'))
    {
      *problem = g_strdup_printf (_("“%s” is not a year"), year);
      return FALSE;
    }
  if ((y == G_MAXINT64 || y == G_MININT64) || (*end == '.' && y == 0))
    {
      *problem = g_strdup_printf (_("the year %s is out of range"), year);
      return FALSE;
    }
  return caravan_import_date_from_parts (y, month && month[0] ? atoi (month) : 0,
                                         day && day[0] ? atoi (day) : 0,
                                         CARAVAN_YEARS_HISTORICAL, date, problem);
}

static void
read_slide3 (CaravanStoryBuilder *builder,
             JsonObject          *object,
             const char          *path,
             gboolean             is_era)
{
  JsonObject *text = caravan_json_get_object (object, "text");
  JsonObject *media = caravan_json_get_object (object, "media");
  JsonObject *start = caravan_json_get_object (object, "start_date");
  JsonObject *end = caravan_json_get_object (object, "end_date");
  g_autofree char *headline = caravan_json_get_text (text, "headline");
  g_autofree char *body = caravan_json_get_text (text, "text");
  g_autofree char *url = caravan_json_get_text (media, "url");
  g_autofree char *caption = caravan_json_get_text (media, "caption");
  g_autofree char *credit = caravan_json_get_text (media, "credit");
  g_autofree char *group = caravan_json_get_text (object, "group");
  g_autofree char *unique_id = caravan_json_get_text (object, "unique_id");
  g_autofree char *display = caravan_json_get_text (object, "display_date");
  g_autofree char *start_display = caravan_json_get_text (start, "display_date");
  g_autofree char *location = g_strdup_printf ("%s.start_date", path);
  CaravanTimelineSlide slide = {
    .location = path, .headline = headline, .text = body, .media_url = url,
    .media_caption = caption, .media_credit = credit, .group = group, .unique_id = unique_id,
    .display_date = display ? display : start_display, .is_era = is_era,
  };

  if (start == NULL)
    slide.date_problem = g_strdup (_("the slide has no start_date"));
  else if ((slide.has_date = read_date_object (start, &slide.date, &slide.date_problem)) &&
           end != NULL)
    {
      CaravanDate end_date;
      g_autofree char *problem = NULL;

      if (!read_date_object (end, &end_date, &problem) ||
          !caravan_import_date_set_end (&slide.date, &end_date, &problem))
        {
          g_autofree char *end_path = g_strdup_printf ("%s.end_date", path);

          caravan_import_report_add (caravan_story_builder_get_report (builder),
                                     CARAVAN_IMPORT_NOTE_DROPPED, end_path,
                                     _("the end date is left out: %s"), problem);
        }
    }
  if (!slide.has_date && start != NULL)
    slide.location = location;
  caravan_import_timeline_slide (builder, &slide);
  g_free (slide.date_problem);
}

gboolean
caravan_import_timeline3_json (JsonNode             *root,
                               CaravanStoryBuilder  *builder,
                               GError              **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonObject *title = caravan_json_get_object (object, "title");
  JsonObject *title_text = caravan_json_get_object (title, "text");
  const char * const lists[] = { "events", "eras" };

  if (title_text != NULL)
    {
      g_autofree char *headline = caravan_json_get_text (title_text, "headline");
      g_autofree char *body = caravan_json_get_text (title_text, "text");
      g_autofree char *line = caravan_html_to_line (headline);
      g_autoptr(CaravanHtmlText) text = caravan_import_html_text (builder, body, "title.text");

      caravan_story_builder_set_title (builder, line, text->text);
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *array = caravan_json_get_array (object, lists[l]);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autofree char *path = g_strdup_printf ("%s[%u]", lists[l], i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              caravan_import_report_add (caravan_story_builder_get_report (builder),
                                         CARAVAN_IMPORT_NOTE_DROPPED, path,
                                         _("a slide must be an object"));
              continue;
            }
          read_slide3 (builder, json_node_get_object (node), path, l == 1);
        }
    }
  return TRUE;
}

static void
read_slide2 (CaravanStoryBuilder *builder,
             JsonObject          *object,
             const char          *path,
             gboolean             is_era)
{
  JsonObject *asset = caravan_json_get_object (object, "asset");
  g_autofree char *start = caravan_json_get_text (object, "startDate");
  g_autofree char *end = caravan_json_get_text (object, "endDate");
  g_autofree char *headline = caravan_json_get_text (object, "headline");
  g_autofree char *body = caravan_json_get_text (object, "text");
  g_autofree char *tag = caravan_json_get_text (object, "tag");
  g_autofree char *url = caravan_json_get_text (asset, "media");
  g_autofree char *caption = caravan_json_get_text (asset, "caption");
  g_autofree char *credit = caravan_json_get_text (asset, "credit");
  CaravanTimelineSlide slide = {
    .location = path, .headline = headline, .text = body, .media_url = url,
    .media_caption = caption, .media_credit = credit, .group = tag, .is_era = is_era,
  };

  if (start == NULL)
    slide.date_problem = g_strdup (_("the slide has no startDate"));
  else if ((slide.has_date = caravan_import_date_parse_timeline2 (start, &slide.date,
                                                                  &slide.date_problem)) &&
           end != NULL && end[0] != '\0')
    {
      CaravanDate end_date;
      g_autofree char *problem = NULL;

      if (!caravan_import_date_parse_timeline2 (end, &end_date, &problem) ||
          !caravan_import_date_set_end (&slide.date, &end_date, &problem))
        caravan_import_report_add (caravan_story_builder_get_report (builder),
                                   CARAVAN_IMPORT_NOTE_DROPPED, path,
                                   _("the end date is left out: %s"), problem);
    }
  caravan_import_timeline_slide (builder, &slide);
  g_free (slide.date_problem);
}

gboolean
caravan_import_timeline2_json (JsonNode             *root,
                               CaravanStoryBuilder  *builder,
                               GError              **error)
{
  JsonObject *timeline = caravan_json_get_object (json_node_get_object (root), "timeline");
  g_autofree char *headline = caravan_json_get_text (timeline, "headline");
  g_autofree char *body = caravan_json_get_text (timeline, "text");
  const char * const lists[] = { "date", "era" };

  if (timeline == NULL)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("missing the “timeline” object of a TimelineJS2 file"));
      return FALSE;
    }
  if (headline != NULL)
    {
      g_autofree char *line = caravan_html_to_line (headline);
      g_autoptr(CaravanHtmlText) text = caravan_import_html_text (builder, body, "timeline.text");

      caravan_story_builder_set_title (builder, line, text->text);
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *array = caravan_json_get_array (timeline, lists[l]);

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          g_autofree char *path = g_strdup_printf ("timeline.%s[%u]", lists[l], i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          read_slide2 (builder, json_node_get_object (node), path, l == 1);
        }
    }
  return TRUE;
}
