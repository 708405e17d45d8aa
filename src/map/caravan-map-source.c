/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-source.c: a ShumateMapSource that draws the offline base map in its own small
 * thread pool. Workers only run the GTK-free renderer; the ShumateTile, the texture and the
 * paintable are only touched on the main thread. Fills never fail: a tile that cannot be
 * drawn comes back plain. Cancelled tiles are dropped before they are drawn. */

#define G_LOG_DOMAIN "caravan-map-source"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-basemap.h"
#include "caravan-map-source.h"
#include "caravan-tile-paintable.h"
#include "caravan-tile-renderer.h"

#define BLEED_PX 1

struct _CaravanMapSource
{
  ShumateMapSource parent_instance;

  CaravanTileRenderer *renderer;
  GError *error;                /* why the map data could not be loaded, if so */
  GThreadPool *pool;
  CaravanMapTheme theme;
  guint scale_factor;
  guint tiles_pending;
  guint tiles_rendered;
  guint64 serial;
  guint hidden_hash;            /* of the hidden places, part of the id */
};

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

/* One tile to draw. Created and finished on the main thread; the worker reads the numbers,
 * checks the cancellable and returns the surface through the inner task. */
typedef struct
{
  CaravanTileRenderer *renderer;
  ShumateTile *tile;            /* main thread only */
  GTask *outer;                 /* libshumate's fill_tile task */
  guint x, y, zoom, scale;
  CaravanMapTheme theme;
  guint64 serial;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_object (&job->renderer);
  g_clear_object (&job->tile);
  g_clear_object (&job->outer);
  g_free (job);
}

static void
update_id (CaravanMapSource *self)
{
  g_autofree char *id = g_strdup_printf ("caravan-offline-%s-x%u-%08x",
                                         caravan_map_theme_to_string (self->theme),
                                         self->scale_factor,
                                         self->hidden_hash);

  /* libshumate's tile cache key has no theme or scale: a new id keeps old tiles out. */
  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self), id);
}

static void
finish_tile (CaravanMapSource *self)
{
  g_assert (self->tiles_pending > 0);

  self->tiles_pending--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILES_PENDING]);
  if (self->tiles_pending == 0)
    g_signal_emit (self, signals[TILES_DONE], 0);
}

static void
render_in_worker (gpointer data,
                  gpointer user_data)
{
  GTask *inner = data;
  TileJob *job = g_task_get_task_data (inner);
  GCancellable *cancellable = g_task_get_cancellable (inner);
  cairo_surface_t *surface;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (inner, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Tile cancelled");
      g_object_unref (inner);
      return;
    }

  surface = caravan_tile_renderer_render (job->renderer, job->zoom, job->x, job->y,
                                          job->scale, job->theme, BLEED_PX);
  g_task_return_pointer (inner, surface, (GDestroyNotify) cairo_surface_destroy);
  g_object_unref (inner);
}

/* Newest requests first: they are what the user looks at now. */
static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const TileJob *ja = g_task_get_task_data ((GTask *) a);
  const TileJob *jb = g_task_get_task_data ((GTask *) b);

  return ja->serial > jb->serial ? -1 : ja->serial < jb->serial;
}

static GdkPaintable *
wrap_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  /* Cairo's ARGB32 is GDK_MEMORY_DEFAULT: the texture takes the pixels as they are. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);

  return GDK_PAINTABLE (caravan_tile_paintable_new (texture, BLEED_PX));
}

static void
on_tile_rendered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CaravanMapSource *self = CARAVAN_MAP_SOURCE (object);
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = g_task_propagate_pointer (G_TASK (result), &error);
  if (surface == NULL)
    {
      /* Only cancellation gets here; the layer has dropped the tile already. */
      g_task_return_error (job->outer, g_steal_pointer (&error));
    }
  else
    {
      g_autoptr(GdkPaintable) paintable = NULL;

      if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (surface);
          surface = caravan_tile_renderer_render (job->renderer, 0, 0, 0, job->scale, job->theme, BLEED_PX);
        }
      paintable = wrap_surface (surface);
      cairo_surface_destroy (surface);

      self->tiles_rendered++;
      shumate_tile_set_paintable (job->tile, paintable);
      shumate_tile_set_state (job->tile, SHUMATE_STATE_DONE);
      g_task_return_boolean (job->outer, TRUE);
    }

  /* The worker may drop the last ref on the inner task: nothing GTK may be left in it. */
  g_clear_object (&job->tile);
  g_clear_object (&job->outer);
  finish_tile (self);
}

static void
caravan_map_source_fill_tile_async (ShumateMapSource    *source,
                                    ShumateTile         *tile,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  CaravanMapSource *self = CARAVAN_MAP_SOURCE (source);
  TileJob *job;
  GTask *inner;

  g_assert (SHUMATE_IS_TILE (tile));

  job = g_new0 (TileJob, 1);
  job->renderer = g_object_ref (self->renderer);
  job->tile = g_object_ref (tile);
  job->outer = g_task_new (source, cancellable, callback, user_data);
  g_task_set_source_tag (job->outer, caravan_map_source_fill_tile_async);
  job->x = shumate_tile_get_x (tile);
  job->y = shumate_tile_get_y (tile);
  job->zoom = shumate_tile_get_zoom_level (tile);
  job->scale = self->scale_factor;
  job->theme = self->theme;
  job->serial = ++self->serial;

  inner = g_task_new (source, cancellable, on_tile_rendered, NULL);
  g_task_set_source_tag (inner, caravan_map_source_fill_tile_async);
  g_task_set_task_data (inner, job, (GDestroyNotify) tile_job_free);

  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
  self->tiles_pending++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILES_PENDING]);

  /* The pool owns the ref on @inner until the worker has returned it. */
  g_thread_pool_push (self->pool, inner, NULL);
}

static gboolean
caravan_map_source_fill_tile_finish (ShumateMapSource  *source,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
caravan_map_source_finalize (GObject *object)
{
  CaravanMapSource *self = CARAVAN_MAP_SOURCE (object);

  /* Every job holds a ref on the source, so the pool is idle by now. */
  g_thread_pool_free (self->pool, TRUE, TRUE);
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
      caravan_map_source_set_theme (self, g_value_get_enum (value));
      break;
    case PROP_SCALE_FACTOR:
      caravan_map_source_set_scale_factor (self, g_value_get_uint (value));
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

  source_class->fill_tile_async = caravan_map_source_fill_tile_async;
  source_class->fill_tile_finish = caravan_map_source_fill_tile_finish;

  properties[PROP_THEME] =
    g_param_spec_enum ("theme", NULL, NULL,
                       CARAVAN_TYPE_MAP_THEME, CARAVAN_MAP_THEME_LIGHT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Device pixels per logical pixel of the widget showing the map (2 on HiDPI). */
  properties[PROP_SCALE_FACTOR] =
    g_param_spec_uint ("scale-factor", NULL, NULL,
                       1, 4, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

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
  guint threads = MAX (1, g_get_num_processors () - 1);

  self->scale_factor = 1;
  self->theme = CARAVAN_MAP_THEME_LIGHT;
  self->pool = g_thread_pool_new (render_in_worker, NULL, threads, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
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
  CaravanMapSource *self = g_object_new (CARAVAN_TYPE_MAP_SOURCE, NULL);

  self->theme = theme;
  self->scale_factor = scale_factor;
  self->hidden_hash = hash_places (hidden_places, n_hidden);
  self->renderer = caravan_tile_renderer_new_full (basemap,
                                                   language != NULL ? language : g_get_language_names ()[0],
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

/* Tiles drawn from now on use @theme. The source gets a new id; give it to the map again
 * (shumate_simple_map_set_map_source()) so that the visible tiles are redrawn. */
void
caravan_map_source_set_theme (CaravanMapSource *self,
                              CaravanMapTheme   theme)
{
  g_return_if_fail (CARAVAN_IS_MAP_SOURCE (self));
  g_return_if_fail ((guint) theme < CARAVAN_MAP_N_THEMES);

  if (self->theme == theme)
    return;

  self->theme = theme;
  update_id (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME]);
}

guint
caravan_map_source_get_scale_factor (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), 1);

  return self->scale_factor;
}

/* Use gtk_widget_get_scale_factor() of the map; as with the theme, set the source again. */
void
caravan_map_source_set_scale_factor (CaravanMapSource *self,
                                     guint             scale_factor)
{
  g_return_if_fail (CARAVAN_IS_MAP_SOURCE (self));
  g_return_if_fail (scale_factor >= 1 && scale_factor <= 4);

  if (self->scale_factor == scale_factor)
    return;

  self->scale_factor = scale_factor;
  update_id (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_FACTOR]);
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
