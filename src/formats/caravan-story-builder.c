/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-builder.c: builds an imported story through the model's constructors. */

#define G_LOG_DOMAIN "caravan-story-builder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "caravan-import.h"
#include "caravan-story-builder.h"
#include "caravan-story-private.h"

#define MAX_ID_LENGTH 48

struct _CaravanStoryBuilder
{
  GObject parent_instance;

  CaravanImportReport *report;
  CaravanStory *story;
  GHashTable *ids;       /* "place:astana" -> NULL, used ids per list */
  GHashTable *articles;  /* source text -> CaravanArticle (transfer none) */
  char *title;
  char *subtitle;
  char *credits;
  guint n_places, n_events, n_excerpts, n_routes;
  double south, north, west, east;  /* of everything on the map */
};

G_DEFINE_FINAL_TYPE (CaravanStoryBuilder, caravan_story_builder, G_TYPE_OBJECT)

/* "Kent County, Maryland" -> "kent-county-maryland"; unique within @list. */
static char *
make_id (CaravanStoryBuilder *self,
         const char          *list,
         const char          *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  g_autoptr(GString) id = g_string_new (NULL);
  g_autofree char *key = NULL;

  for (const char *p = ascii; *p != '\0' && id->len < MAX_ID_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_assign (id, list);

  key = g_strconcat (list, ":", id->str, NULL);
  for (guint n = 2; g_hash_table_contains (self->ids, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s:%s-%u", list, id->str, n);
    }
  g_hash_table_add (self->ids, g_strdup (key));
  return g_strdup (key + strlen (list) + 1);
}

static void
extend_bounds (CaravanStoryBuilder *self,
               double               latitude,
               double               longitude)
{
  self->south = MIN (self->south, latitude);
  self->north = MAX (self->north, latitude);
  self->west = MIN (self->west, longitude);
  self->east = MAX (self->east, longitude);
}

static char *
strip_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return copy[0] != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
caravan_story_builder_finalize (GObject *object)
{
  CaravanStoryBuilder *self = CARAVAN_STORY_BUILDER (object);

  g_clear_object (&self->report);
  g_clear_object (&self->story);
  g_hash_table_unref (self->ids);
  g_hash_table_unref (self->articles);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->credits);

  G_OBJECT_CLASS (caravan_story_builder_parent_class)->finalize (object);
}

static void
caravan_story_builder_class_init (CaravanStoryBuilderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = caravan_story_builder_finalize;
}

static void
caravan_story_builder_init (CaravanStoryBuilder *self)
{
  self->story = caravan_story_new ();
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->south = self->west = INFINITY;
  self->north = self->east = -INFINITY;
}

CaravanStoryBuilder *
caravan_story_builder_new (CaravanImportReport *report)
{
  CaravanStoryBuilder *self = g_object_new (CARAVAN_TYPE_STORY_BUILDER, NULL);

  g_return_val_if_fail (CARAVAN_IS_IMPORT_REPORT (report), NULL);

  self->report = g_object_ref (report);
  return self;
}

CaravanImportReport *
caravan_story_builder_get_report (CaravanStoryBuilder *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), NULL);
  return self->report;
}

void
caravan_story_builder_set_title (CaravanStoryBuilder *self,
                                 const char          *title,
                                 const char          *subtitle)
{
  g_return_if_fail (CARAVAN_IS_STORY_BUILDER (self));

  g_free (self->title);
  self->title = strip_or_null (title);
  g_free (self->subtitle);
  self->subtitle = strip_or_null (subtitle);
}

void
caravan_story_builder_set_credits (CaravanStoryBuilder *self,
                                   const char          *credits)
{
  g_return_if_fail (CARAVAN_IS_STORY_BUILDER (self));

  g_free (self->credits);
  self->credits = strip_or_null (credits);
}

gboolean
caravan_story_builder_check_point (CaravanStoryBuilder *self,
                                   double              *latitude,
                                   double              *longitude,
                                   const char          *location,
                                   const char          *what)
{
  double lat = *latitude, lon = *longitude;

  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), FALSE);

  if (!isfinite (lat) || !isfinite (lon))
    {
      caravan_import_report_add (self->report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                                 _("%s: the coordinates are not numbers"), what);
      return FALSE;
    }
  if (fabs (lat) <= 90 && fabs (lon) <= 180)
    return TRUE;
  if (fabs (lon) <= 90 && fabs (lat) <= 180)
    {
      caravan_import_report_add (self->report, CARAVAN_IMPORT_NOTE_GUESSED, location,
                                 _("%s: latitude %g is outside -90…90, so latitude and "
                                   "longitude were taken as swapped"), what, lat);
      *latitude = lon;
      *longitude = lat;
      return TRUE;
    }
  caravan_import_report_add (self->report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                             _("%s: %g, %g is not a point on Earth (latitude -90…90, "
                               "longitude -180…180)"), what, lat, lon);
  return FALSE;
}

CaravanPlace *
caravan_story_builder_add_place (CaravanStoryBuilder *self,
                                 const char          *name,
                                 const char          *kind,
                                 const char          *description,
                                 double               latitude,
                                 double               longitude,
                                 const char          *location)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_description = NULL;
  g_autofree char *id = NULL;
  CaravanPlace *place;

  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), NULL);

  clean_name = strip_or_null (name);
  if (clean_name == NULL)
    clean_name = g_strdup_printf (_("Place %u"), self->n_places + 1);
  if (!caravan_story_builder_check_point (self, &latitude, &longitude, location, clean_name))
    return NULL;

  clean_description = strip_or_null (description);
  id = make_id (self, "place", clean_name);
  place = caravan_place_new (id, clean_name, kind != NULL ? kind : "place", clean_description,
                             latitude, longitude, FALSE);
  caravan_story_add_place (self->story, place);
  extend_bounds (self, latitude, longitude);
  self->n_places++;
  return place;
}

CaravanEvent *
caravan_story_builder_add_event (CaravanStoryBuilder *self,
                                 const char          *id_hint,
                                 const char          *title,
                                 const char          *description,
                                 const CaravanDate   *date,
                                 CaravanPlace        *place,
                                 const char          *category,
                                 const char          *location)
{
  g_autofree char *clean_title = NULL;
  g_autofree char *clean_description = NULL;
  g_autofree char *id = NULL;
  CaravanEvent *event;

  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  clean_title = strip_or_null (title);
  if (clean_title == NULL && place != NULL)
    clean_title = g_strdup (caravan_place_get_name (place));
  if (clean_title == NULL)
    {
      clean_title = caravan_date_format (date);
      caravan_import_report_add (self->report, CARAVAN_IMPORT_NOTE_GUESSED, location,
                                 _("the event has no title; its date “%s” is its title"),
                                 clean_title);
    }
  clean_description = strip_or_null (description);
  id = make_id (self, "event", id_hint != NULL && id_hint[0] != '\0' ? id_hint : clean_title);
  event = caravan_event_new (id, clean_title, clean_description, date, category, NULL, NULL,
                             FALSE);
  caravan_event_set_file_index (event, self->n_events);
  if (place != NULL)
    caravan_event_add_place (event, place);
  caravan_story_add_event (self->story, event);
  self->n_events++;
  return event;
}

CaravanExcerpt *
caravan_story_builder_add_excerpt (CaravanStoryBuilder *self,
                                   const char          *text,
                                   const char          *source,
                                   CaravanPlace        *place,
                                   CaravanEvent        *event)
{
  g_autofree char *clean_text = strip_or_null (text);
  g_autofree char *clean_source = strip_or_null (source);
  g_autofree char *id = NULL;
  CaravanArticle *article = NULL;
  CaravanExcerpt *excerpt;

  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), NULL);

  if (clean_text == NULL)
    return NULL;

  if (clean_source != NULL)
    {
      article = g_hash_table_lookup (self->articles, clean_source);
      if (article == NULL)
        {
          g_autofree char *article_id = make_id (self, "article", clean_source);

          article = caravan_article_new (article_id, clean_source, NULL, NULL, NULL, NULL);
          caravan_story_add_article (self->story, article);
          g_hash_table_insert (self->articles, g_strdup (clean_source), article);
        }
    }

  id = make_id (self, "excerpt", place != NULL ? caravan_place_get_id (place)
                                 : event != NULL ? caravan_event_get_id (event) : "excerpt");
  excerpt = caravan_excerpt_new (id, clean_text, article, NULL);
  if (place != NULL)
    caravan_excerpt_add_place (excerpt, place);
  if (event != NULL)
    caravan_excerpt_add_event (excerpt, event);
  caravan_story_add_excerpt (self->story, excerpt);
  self->n_excerpts++;
  return excerpt;
}

CaravanRoute *
caravan_story_builder_add_route (CaravanStoryBuilder *self,
                                 const char          *label,
                                 const char          *style,
                                 const double        *points,
                                 guint                n_points,
                                 const char          *location)
{
  g_autofree char *clean_label = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GArray) kept = g_array_sized_new (FALSE, FALSE, sizeof (double), n_points * 2);
  guint n_bad = 0;
  CaravanRoute *route;

  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), NULL);

  clean_label = strip_or_null (label);
  if (clean_label == NULL)
    clean_label = g_strdup_printf (_("Route %u"), self->n_routes + 1);

  for (guint i = 0; i < n_points; i++)
    {
      double lat = points[2 * i], lon = points[2 * i + 1];

      if (isfinite (lat) && isfinite (lon) && fabs (lat) <= 90 && fabs (lon) <= 180)
        {
          g_array_append_val (kept, lat);
          g_array_append_val (kept, lon);
        }
      else
        n_bad++;
    }
  if (n_bad > 0)
    caravan_import_report_add (self->report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "%s: %u point is not on Earth and is left out",
                                            "%s: %u points are not on Earth and are left out",
                                            n_bad),
                               clean_label, n_bad);
  if (kept->len < 4)
    {
      caravan_import_report_add (self->report, CARAVAN_IMPORT_NOTE_DROPPED, location,
                                 _("%s: a route needs at least two points"), clean_label);
      return NULL;
    }

  id = make_id (self, "route", clean_label);
  route = caravan_route_new (id, clean_label, style != NULL ? style : "line", FALSE, NULL);
  for (guint i = 0; i + 1 < kept->len; i += 2)
    {
      double lat = g_array_index (kept, double, i), lon = g_array_index (kept, double, i + 1);

      caravan_route_add_point (route, NULL, lat, lon);
      extend_bounds (self, lat, lon);
    }
  caravan_story_add_route (self->story, route);
  self->n_routes++;
  return route;
}

guint
caravan_story_builder_get_n_places (CaravanStoryBuilder *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), 0);
  return self->n_places;
}

guint
caravan_story_builder_get_n_items (CaravanStoryBuilder *self)
{
  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), 0);
  return self->n_places + self->n_events + self->n_excerpts + self->n_routes;
}

static char *
make_summary (CaravanStoryBuilder *self)
{
  g_autofree char *places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place",
                                                          "%u places", self->n_places),
                                             self->n_places);
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                          "%u events", self->n_events),
                                             self->n_events);
  g_autofree char *excerpts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u excerpt",
                                                            "%u excerpts", self->n_excerpts),
                                               self->n_excerpts);
  g_autofree char *routes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u route",
                                                          "%u routes", self->n_routes),
                                             self->n_routes);

  /* Translators: "converted 12 places, 30 events, 2 excerpts and 1 route" */
  return g_strdup_printf (_("converted %s, %s, %s and %s"), places, events, excerpts, routes);
}

CaravanStory *
caravan_story_builder_finish (CaravanStoryBuilder *self,
                              GError             **error)
{
  g_autofree char *summary = NULL;
  const char *title;

  g_return_val_if_fail (CARAVAN_IS_STORY_BUILDER (self), NULL);
  g_return_val_if_fail (self->story != NULL, NULL);

  summary = make_summary (self);
  caravan_import_report_set_summary (self->report, summary);
  if (self->n_places + self->n_events + self->n_routes == 0)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_EMPTY,
                   _("nothing in the file becomes a place, an event or a route"));
      return NULL;
    }

  title = self->title != NULL ? self->title
                              : caravan_import_report_get_source_name (self->report);
  caravan_story_set_metadata (self->story, 1, NULL, title, self->subtitle, "en", self->credits,
                              NULL);
  if (isfinite (self->south))
    {
      double span = MAX (MAX (self->north - self->south, (self->east - self->west) / 2), 1e-4);
      double zoom = CLAMP (floor (log2 (180.0 / span)), 1, 15);

      caravan_story_set_initial_view (self->story, (self->south + self->north) / 2,
                                      (self->west + self->east) / 2, zoom);
    }
  caravan_story_seal (self->story);
  return g_steal_pointer (&self->story);
}
