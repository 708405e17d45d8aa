/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-place.c: a point on the map with names by period and by language. */

#define G_LOG_DOMAIN "caravan-place"

#include "config.h"

#include <string.h>

#include "caravan-date.h"
#include "caravan-place.h"
#include "caravan-story-private.h"

typedef struct
{
  char *name;
  CaravanDate from;
  CaravanDate until;
  gboolean has_from;
  gboolean has_until;
  GHashTable *translations;  /* lang -> name, NULL until needed */
} NamePeriod;

struct _CaravanPlace
{
  GObject parent_instance;

  char *id;
  char *name;
  char *kind;
  char *description;
  double latitude;
  double longitude;
  gboolean featured;
  GHashTable *translations;  /* lang -> name */
  GArray *periods;           /* NamePeriod */
};

G_DEFINE_FINAL_TYPE (CaravanPlace, caravan_place, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_LATITUDE,
  PROP_LONGITUDE,
  PROP_FEATURED,
  PROP_NAMES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_name_period (gpointer data)
{
  NamePeriod *period = data;

  g_free (period->name);
  g_clear_pointer (&period->translations, g_hash_table_unref);
}

/* Looks @lang up as given, then without its region ("zh_CN" -> "zh", "pt-BR" -> "pt"). */
static const char *
lookup_translation (GHashTable *translations,
                    const char *lang)
{
  const char *name;
  g_autofree char *base = NULL;
  gsize len;

  if (translations == NULL || lang == NULL)
    return NULL;

  name = g_hash_table_lookup (translations, lang);
  if (name != NULL)
    return name;

  len = strcspn (lang, "_-.@");
  if (lang[len] == '\0')
    return NULL;
  base = g_strndup (lang, len);
  return g_hash_table_lookup (translations, base);
}

static gboolean
period_contains (const NamePeriod *period,
                 guint32           julian)
{
  if (period->has_from && julian < caravan_date_get_first_julian (&period->from))
    return FALSE;
  if (period->has_until && julian > caravan_date_get_last_julian (&period->until))
    return FALSE;
  return TRUE;
}

static void
caravan_place_finalize (GObject *object)
{
  CaravanPlace *self = (CaravanPlace *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->kind);
  g_free (self->description);
  g_clear_pointer (&self->translations, g_hash_table_unref);
  g_clear_pointer (&self->periods, g_array_unref);

  G_OBJECT_CLASS (caravan_place_parent_class)->finalize (object);
}

static void
caravan_place_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CaravanPlace *self = CARAVAN_PLACE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_LATITUDE:
      g_value_set_double (value, self->latitude);
      break;
    case PROP_LONGITUDE:
      g_value_set_double (value, self->longitude);
      break;
    case PROP_FEATURED:
      g_value_set_boolean (value, self->featured);
      break;
    case PROP_NAMES:
      g_value_set_boxed (value, self->translations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
same_names (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if ((a == NULL || g_hash_table_size (a) == 0) && (b == NULL || g_hash_table_size (b) == 0))
    return TRUE;
  if (a == NULL || b == NULL || g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (g_hash_table_lookup (b, key), value) != 0)
      return FALSE;
  return TRUE;
}

/* Edits come through CaravanEdit (the undo stack); only a change notifies. */
static void
caravan_place_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CaravanPlace *self = CARAVAN_PLACE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      if (g_strcmp0 (self->name, g_value_get_string (value)) != 0)
        {
          g_free (self->name);
          self->name = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_KIND:
      if (g_strcmp0 (self->kind, g_value_get_string (value)) != 0)
        {
          g_free (self->kind);
          self->kind = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DESCRIPTION:
      if (g_strcmp0 (self->description, g_value_get_string (value)) != 0)
        {
          g_free (self->description);
          self->description = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LATITUDE:
      if (self->latitude != g_value_get_double (value))
        {
          self->latitude = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_LONGITUDE:
      if (self->longitude != g_value_get_double (value))
        {
          self->longitude = g_value_get_double (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_NAMES:
      {
        GHashTable *names = g_value_get_boxed (value);
        GHashTableIter iter;
        gpointer key, name;

        if (same_names (self->translations, names))
          break;
        /* A copy: the edit that set it keeps its own table. */
        g_clear_pointer (&self->translations, g_hash_table_unref);
        if (names != NULL && g_hash_table_size (names) > 0)
          {
            self->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
            g_hash_table_iter_init (&iter, names);
            while (g_hash_table_iter_next (&iter, &key, &name))
              g_hash_table_insert (self->translations, g_strdup (key), g_strdup (name));
          }
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_FEATURED:
      if (self->featured != !!g_value_get_boolean (value))
        {
          self->featured = !!g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
}

static void
caravan_place_class_init (CaravanPlaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = caravan_place_finalize;
  object_class->get_property = caravan_place_get_property;
  object_class->set_property = caravan_place_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_LATITUDE] = g_param_spec_double ("latitude", NULL, NULL, -90, 90, 0,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_LONGITUDE] = g_param_spec_double ("longitude", NULL, NULL, -180, 180, 0,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_FEATURED] = g_param_spec_boolean ("featured", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
  /* Present-day names by language (lang -> name; NULL when there are none). */
  properties[PROP_NAMES] = g_param_spec_boxed ("names", NULL, NULL, G_TYPE_HASH_TABLE,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
caravan_place_init (CaravanPlace *self)
{
  self->periods = g_array_new (FALSE, TRUE, sizeof (NamePeriod));
  g_array_set_clear_func (self->periods, clear_name_period);
}

CaravanPlace *
caravan_place_new (const char *id,
                   const char *name,
                   const char *kind,
                   const char *description,
                   double      latitude,
                   double      longitude,
                   gboolean    featured)
{
  CaravanPlace *self = g_object_new (CARAVAN_TYPE_PLACE, NULL);

  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->kind = g_strdup (kind);
  self->description = g_strdup (description);
  self->latitude = latitude;
  self->longitude = longitude;
  self->featured = featured;
  return self;
}

void
caravan_place_add_translation (CaravanPlace *self,
                               const char   *lang,
                               const char   *name)
{
  g_return_if_fail (CARAVAN_IS_PLACE (self));

  if (self->translations == NULL)
    self->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (self->translations, g_strdup (lang), g_strdup (name));
}

guint
caravan_place_add_name_period (CaravanPlace      *self,
                               const char        *name,
                               const CaravanDate *from,
                               const CaravanDate *until)
{
  NamePeriod period = { 0 };

  g_return_val_if_fail (CARAVAN_IS_PLACE (self), 0);

  period.name = g_strdup (name);
  if (from != NULL)
    {
      period.from = *from;
      period.has_from = TRUE;
    }
  if (until != NULL)
    {
      period.until = *until;
      period.has_until = TRUE;
    }
  g_array_append_val (self->periods, period);
  return self->periods->len - 1;
}

void
caravan_place_add_period_translation (CaravanPlace *self,
                                      guint         index,
                                      const char   *lang,
                                      const char   *name)
{
  NamePeriod *period;

  g_return_if_fail (CARAVAN_IS_PLACE (self));
  g_return_if_fail (index < self->periods->len);

  period = &g_array_index (self->periods, NamePeriod, index);
  if (period->translations == NULL)
    period->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (period->translations, g_strdup (lang), g_strdup (name));
}

const char *
caravan_place_get_id (CaravanPlace *self)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);
  return self->id;
}

const char *
caravan_place_get_name (CaravanPlace *self)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);
  return self->name;
}

const char *
caravan_place_get_translated_name (CaravanPlace *self,
                                   const char   *lang)
{
  const char *name;

  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);

  name = lookup_translation (self->translations, lang);
  return name != NULL ? name : self->name;
}

const char *
caravan_place_get_name_at (CaravanPlace      *self,
                           const CaravanDate *date,
                           const char        *lang)
{
  guint32 julian;

  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);

  if (date == NULL)
    return caravan_place_get_translated_name (self, lang);

  /* Periods may overlap where a renaming is only known to the year; the later one wins. */
  julian = caravan_date_get_first_julian (date);
  for (guint i = self->periods->len; i > 0; i--)
    {
      const NamePeriod *period = &g_array_index (self->periods, NamePeriod, i - 1);
      const char *name;

      if (!period_contains (period, julian))
        continue;

      name = lookup_translation (period->translations, lang);
      return name != NULL ? name : period->name;
    }

  return caravan_place_get_translated_name (self, lang);
}

/* The name valid at @date (NULL = today) in the user's language, as gettext picks it from
 * LANGUAGE and the locale, falling back to the story's language. For what the views show. */
const char *
caravan_place_get_display_name (CaravanPlace      *self,
                                const CaravanDate *date)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);

  return caravan_place_get_name_at (self, date, g_get_language_names ()[0]);
}

const char *
caravan_place_get_kind (CaravanPlace *self)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);
  return self->kind;
}

const char *
caravan_place_get_description (CaravanPlace *self)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);
  return self->description;
}

double
caravan_place_get_latitude (CaravanPlace *self)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), 0);
  return self->latitude;
}

double
caravan_place_get_longitude (CaravanPlace *self)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), 0);
  return self->longitude;
}

gboolean
caravan_place_get_featured (CaravanPlace *self)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), FALSE);
  return self->featured;
}

guint
caravan_place_get_n_name_periods (CaravanPlace *self)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), 0);
  return self->periods->len;
}

const char *
caravan_place_get_name_period (CaravanPlace       *self,
                               guint               index,
                               const CaravanDate **from,
                               const CaravanDate **until)
{
  const NamePeriod *period;

  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);
  g_return_val_if_fail (index < self->periods->len, NULL);

  period = &g_array_index (self->periods, NamePeriod, index);
  if (from != NULL)
    *from = period->has_from ? &period->from : NULL;
  if (until != NULL)
    *until = period->has_until ? &period->until : NULL;
  return period->name;
}

GHashTable *
caravan_place_get_translations (CaravanPlace *self,
                                guint         period)
{
  g_return_val_if_fail (CARAVAN_IS_PLACE (self), NULL);

  if (period == G_MAXUINT)
    return self->translations;
  g_return_val_if_fail (period < self->periods->len, NULL);
  return g_array_index (self->periods, NamePeriod, period).translations;
}
