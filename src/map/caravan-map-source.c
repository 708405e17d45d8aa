/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-source.c: a ShumateMapSource for the offline base map: its theme, scale, the
 * places whose names it leaves to the story's pins, its id and attribution. The tiles are
 * drawn by its queue (caravan-map-source-queue.c) in a small thread pool. */

#define G_LOG_DOMAIN "caravan-map-source"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-basemap.h"
#include "caravan-map-source-private.h"
#include "caravan-place.h"
#include "caravan-story.h"
#include "caravan-tile-renderer.h"

G_DEFINE_FINAL_TYPE (CaravanMapSource, caravan_map_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  PROP_0,
  PROP_THEME,
  PROP_SCALE_FACTOR,
  PROP_TILES_PENDING,
  N_PROPS
};

enum {
  TILES_DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_id (CaravanMapSource *self)
{
  g_autofree char *id = g_strdup_printf ("caravan-offline-%s-x%u-m%u-%08x",
                                         caravan_map_theme_to_string (self->theme),
                                         self->scale_factor, self->magnification,
                                         self->hidden_hash);

  /* libshumate's tile cache key has no theme or scale: a new id keeps old tiles out. */
  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self), id);
}

/* A request is done (filled or dropped). */
void
caravan_map_source_finish_tile (CaravanMapSource *self)
{
  g_assert (self->tiles_pending > 0);

  self->tiles_pending--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILES_PENDING]);
  if (self->tiles_pending == 0)
    {
      g_signal_emit (self, signals[TILES_DONE], 0);
      caravan_map_source_queue_drop_prefetches (self);
    }
}

void
caravan_map_source_notify_tiles_pending (CaravanMapSource *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILES_PENDING]);
}

static void
caravan_map_source_finalize (GObject *object)
{
  CaravanMapSource *self = CARAVAN_MAP_SOURCE (object);

  caravan_map_source_queue_free (self);
  g_clear_object (&self->renderer);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (caravan_map_source_parent_class)->finalize (object);
}

static void
caravan_map_source_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CaravanMapSource *self = CARAVAN_MAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_THEME:
      g_value_set_enum (value, self->theme);
      break;
    case PROP_SCALE_FACTOR:
      g_value_set_uint (value, self->scale_factor);
      break;
    case PROP_TILES_PENDING:
      g_value_set_uint (value, self->tiles_pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_map_source_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CaravanMapSource *self = CARAVAN_MAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_THEME:
      self->theme = g_value_get_enum (value);
      break;
    case PROP_SCALE_FACTOR:
      self->scale_factor = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
caravan_map_source_class_init (CaravanMapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = caravan_map_source_finalize;
  object_class->get_property = caravan_map_source_get_property;
  object_class->set_property = caravan_map_source_set_property;

  source_class->fill_tile_async = caravan_map_source_queue_fill_tile_async;
  source_class->fill_tile_finish = caravan_map_source_queue_fill_tile_finish;

  properties[PROP_THEME] =
    g_param_spec_enum ("theme", NULL, NULL,
                       CARAVAN_TYPE_MAP_THEME, CARAVAN_MAP_THEME_LIGHT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Theme and scale are fixed: libshumate keeps the tiles on screen when a source changes in
   * place, so a new look needs a new source (CaravanMapView makes it). */

  /* Device pixels per logical pixel of the widget showing the map (2 on HiDPI). */
  properties[PROP_SCALE_FACTOR] =
    g_param_spec_uint ("scale-factor", NULL, NULL,
                       1, 4, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* Tiles requested and not yet filled (or dropped). */
  properties[PROP_TILES_PENDING] =
    g_param_spec_uint ("tiles-pending", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted on the main thread when tiles-pending drops to zero. */
  signals[TILES_DONE] =
    g_signal_new ("tiles-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
caravan_map_source_init (CaravanMapSource *self)
{
  self->scale_factor = 1;
  self->magnification = 1;
  self->theme = CARAVAN_MAP_THEME_LIGHT;
  caravan_map_source_queue_init (self);
}

static void
setup_source (CaravanMapSource *self)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (self);

  update_id (self);
  shumate_map_source_set_name (source, _("Caravan offline map"));
  shumate_map_source_set_license (source, caravan_basemap_get_attribution ());
  shumate_map_source_set_min_zoom_level (source, CARAVAN_MAP_SOURCE_MIN_ZOOM);
  shumate_map_source_set_max_zoom_level (source, CARAVAN_MAP_SOURCE_MAX_ZOOM);
  shumate_map_source_set_tile_size (source, CARAVAN_TILE_SIZE);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
}

static guint
hash_places (const CaravanMapPoint *places,
             guint                  n_places)
{
  guint hash = 5381;

  for (guint i = 0; i < n_places; i++)
    {
      gint64 lat = (gint64) round (places[i].latitude * 1e5);
      gint64 lon = (gint64) round (places[i].longitude * 1e5);

      hash = hash * 33 + g_int64_hash (&lat);
      hash = hash * 33 + g_int64_hash (&lon);
    }
  return n_places > 0 ? hash : 0;
}

static CaravanMapSource *
create_source (CaravanBasemap        *basemap,
               const char            *language,
               CaravanMapTheme        theme,
               guint                  scale_factor,
               const CaravanMapPoint *hidden_places,
               guint                  n_hidden)
{
  CaravanMapSource *self = g_object_new (CARAVAN_TYPE_MAP_SOURCE, "theme", theme,
                                         "scale-factor", scale_factor, NULL);

  self->hidden_hash = hash_places (hidden_places, n_hidden);
  self->renderer = caravan_tile_renderer_new_full (basemap,
                                                   language != NULL ? language
                                                                    : g_get_language_names ()[0],
                                                   hidden_places, n_hidden);
  setup_source (self);

  return self;
}

/**
 * caravan_map_source_new_with_basemap:
 * @basemap: (nullable): the map data; %NULL draws plain tiles
 * @language: (nullable): label language, %NULL for the UI language
 */
CaravanMapSource *
caravan_map_source_new_with_basemap (CaravanBasemap  *basemap,
                                     const char      *language,
                                     CaravanMapTheme  theme,
                                     guint            scale_factor)
{
  g_return_val_if_fail (basemap == NULL || CARAVAN_IS_BASEMAP (basemap), NULL);
  g_return_val_if_fail (scale_factor >= 1 && scale_factor <= 4, NULL);

  return create_source (basemap, language, theme, scale_factor, NULL, 0);
}

/**
 * caravan_map_source_new_full:
 * @hidden_places: (array length=n_hidden) (nullable): where the story's own pins are
 * @n_hidden: number of @hidden_places
 *
 * Like caravan_map_source_new(), but the base map draws no city dot or name within 15 km of
 * a hidden place (or 12 px at the zoom of the tile), so that a story pin named for its date
 * ("Nur-Sultan", "Vernyi") is not doubled by the modern name. The places are copied. For
 * other places, make a new source and give it to the map: the source id changes with them,
 * but libshumate keeps tiles it already shows until the map gets a new source.
 */
CaravanMapSource *
caravan_map_source_new_full (CaravanMapTheme        theme,
                             guint                  scale_factor,
                             const CaravanMapPoint *hidden_places,
                             guint                  n_hidden)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanBasemap) basemap = NULL;
  CaravanMapSource *self;

  g_return_val_if_fail (scale_factor >= 1 && scale_factor <= 4, NULL);
  g_return_val_if_fail (hidden_places != NULL || n_hidden == 0, NULL);

  basemap = caravan_basemap_get_default (&error);
  self = create_source (basemap, NULL, theme, scale_factor, hidden_places, n_hidden);
  if (basemap == NULL)
    {
      g_warning ("%s", error->message);
      self->error = g_steal_pointer (&error);
    }

  return self;
}

/**
 * caravan_map_source_new_for_story:
 * @story: (nullable): the story whose places the map shows as pins
 *
 * caravan_map_source_new_full() with the places of @story hidden from the base map's own
 * labels: the story's pins name them, with the names of their time.
 */
CaravanMapSource *
caravan_map_source_new_for_story (CaravanMapTheme  theme,
                                  guint            scale_factor,
                                  CaravanStory    *story)
{
  g_autoptr(GArray) hidden = g_array_new (FALSE, FALSE, sizeof (CaravanMapPoint));
  GListModel *places = story != NULL ? caravan_story_get_places (story) : NULL;

  g_return_val_if_fail (story == NULL || CARAVAN_IS_STORY (story), NULL);

  for (guint i = 0; places != NULL && i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(CaravanPlace) place = g_list_model_get_item (places, i);
      CaravanMapPoint point = { caravan_place_get_latitude (place),
                                caravan_place_get_longitude (place) };

      g_array_append_val (hidden, point);
    }

  return caravan_map_source_new_full (theme, scale_factor, (const CaravanMapPoint *) hidden->data,
                                      hidden->len);
}

/**
 * caravan_map_source_new:
 *
 * The bundled offline map, ready for shumate_simple_map_set_map_source(). If the data cannot
 * be loaded, tiles are plain and caravan_map_source_get_error() says why.
 */
CaravanMapSource *
caravan_map_source_new (CaravanMapTheme theme,
                        guint           scale_factor)
{
  return caravan_map_source_new_full (theme, scale_factor, NULL, 0);
}

CaravanMapTheme
caravan_map_source_get_theme (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), CARAVAN_MAP_THEME_LIGHT);

  return self->theme;
}

/**
 * caravan_map_source_set_magnification:
 * @magnification: 1, or 2 for tiles of 512 logical px
 *
 * Draws everything (lines, names, relief) @magnification times larger, in tiles that many
 * times 256 px: a 4K projector then shows the framing and legibility of a 1080p one, at twice
 * the sharpness. Set it before the map first asks for tiles.
 */
void
caravan_map_source_set_magnification (CaravanMapSource *self,
                                      guint             magnification)
{
  g_return_if_fail (CARAVAN_IS_MAP_SOURCE (self));
  g_return_if_fail (magnification >= 1 && magnification * self->scale_factor <= 4);

  self->magnification = magnification;
  shumate_map_source_set_tile_size (SHUMATE_MAP_SOURCE (self), CARAVAN_TILE_SIZE * magnification);
  update_id (self);
}

guint
caravan_map_source_get_magnification (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), 1);

  return self->magnification;
}

guint
caravan_map_source_get_scale_factor (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), 1);

  return self->scale_factor;
}

guint
caravan_map_source_get_tiles_pending (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), 0);

  return self->tiles_pending;
}

/* How many tiles were drawn (cancelled ones are not). */
guint
caravan_map_source_get_tiles_rendered (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), 0);

  return self->tiles_rendered;
}

/* Why the bundled map data could not be loaded, or %NULL. */
const GError *
caravan_map_source_get_error (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), NULL);

  return self->error;
}
