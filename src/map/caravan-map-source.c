/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-source.c: a ShumateMapSource that draws the offline base map in its own small
 * thread pool. Workers only run the GTK-free renderer; the ShumateTile, the texture and the
 * paintable are only touched on the main thread. Fills never fail: a tile that cannot be
 * drawn comes back plain. Cancelled tiles are dropped before they are drawn.
 *
 * Prefetch: before the map has a size, the tiles of the view it is about to show can be drawn
 * ahead (caravan_map_source_prefetch()). A request for a tile that is drawn ahead takes the
 * drawn surface; one for a tile being drawn waits for it; one for a tile still queued takes
 * its place in the queue. At start-up this draws the map while GTK lays out the window. */

#define G_LOG_DOMAIN "caravan-map-source"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-basemap.h"
#include "caravan-map-source.h"
#include "caravan-place.h"
#include "caravan-story.h"
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

  GHashTable *prefetched;       /* tile key → Prefetch, main thread only */
  guint prefetch_outstanding;   /* prefetch jobs not yet back from the pool */
  gboolean requested;           /* the map asked for tiles since the last prefetch */
  GHashTable *delivered;        /* tile keys the map got and did not ask for again since */
  guint drop_idle;
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

#define MAX_PREFETCH 64

typedef enum
{
  PREFETCH_QUEUED,              /* in the pool; a request may still take it over */
  PREFETCH_RUNNING,             /* a worker draws it: requests wait for it */
  PREFETCH_TAKEN,               /* a request took it over: the worker skips it */
  PREFETCH_DONE,                /* drawn; surface is set */
} PrefetchState;

/* A tile drawn ahead. Shared by the source's table and the job that draws it; state moves
 * QUEUED → RUNNING in a worker and QUEUED → TAKEN or RUNNING → DONE on the main thread. */
typedef struct
{
  int state;                    /* PrefetchState, atomic */
  cairo_surface_t *surface;     /* main thread only */
  GdkPaintable *paintable;      /* of the surface, made when first peeked; main thread only */
  GPtrArray *waiters;           /* TileJob *, main thread only */
} Prefetch;

static void
prefetch_clear (Prefetch *prefetch)
{
  g_clear_object (&prefetch->paintable);
  g_clear_pointer (&prefetch->surface, cairo_surface_destroy);
  g_clear_pointer (&prefetch->waiters, g_ptr_array_unref);
}

static void
prefetch_unref (Prefetch *prefetch)
{
  g_atomic_rc_box_release_full (prefetch, (GDestroyNotify) prefetch_clear);
}

#define NO_KEY G_MAXUINT

/* A tile's key in the prefetch table; tiles beyond zoom 13 are never drawn ahead. */
static guint
tile_key (guint zoom,
          guint x,
          guint y)
{
  if (zoom > 13)
    return NO_KEY;
  return (zoom << 26) | (x << 13) | y;
}

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
  Prefetch *prefetch;           /* set for a job that draws ahead */
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_pointer (&job->prefetch, prefetch_unref);
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
drop_unused_prefetches (CaravanMapSource *self)
{
  GHashTableIter iter;
  Prefetch *prefetch;

  /* Only once the map has asked for its tiles and nothing is drawn ahead or pending any
   * more: what was not taken by then is outside the view. */
  if (!self->requested || self->prefetch_outstanding > 0 || self->tiles_pending > 0)
    return;
  g_hash_table_iter_init (&iter, self->prefetched);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &prefetch))
    if (g_atomic_int_get (&prefetch->state) == PREFETCH_DONE)
      g_hash_table_iter_remove (&iter);
}

static gboolean
on_drop_idle (gpointer user_data)
{
  CaravanMapSource *self = user_data;

  self->drop_idle = 0;
  drop_unused_prefetches (self);
  return G_SOURCE_REMOVE;
}

static void
finish_tile (CaravanMapSource *self)
{
  g_assert (self->tiles_pending > 0);

  self->tiles_pending--;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILES_PENDING]);
  if (self->tiles_pending == 0)
    {
      g_signal_emit (self, signals[TILES_DONE], 0);
      /* Not now: the map may be in the middle of asking for tiles drawn ahead. */
      if (g_hash_table_size (self->prefetched) > 0 && self->drop_idle == 0)
        self->drop_idle = g_idle_add_full (G_PRIORITY_LOW, on_drop_idle, g_object_ref (self),
                                           g_object_unref);
    }
}

static void
render_in_worker (gpointer data,
                  gpointer user_data)
{
  GTask *inner = data;
  TileJob *job = g_task_get_task_data (inner);
  GCancellable *cancellable = g_task_get_cancellable (inner);
  cairo_surface_t *surface;

  if (g_cancellable_is_cancelled (cancellable) ||
      (job->prefetch != NULL &&
       !g_atomic_int_compare_and_exchange (&job->prefetch->state, PREFETCH_QUEUED, PREFETCH_RUNNING)))
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

/* The paintable of a tile drawn ahead: one for the map view's first frame, the layer and
 * every request that waited for it. */
static GdkPaintable *
prefetch_get_paintable (Prefetch *prefetch)
{
  if (prefetch->paintable == NULL)
    prefetch->paintable = wrap_surface (prefetch->surface);
  return prefetch->paintable;
}

/* Puts @paintable into the tile of @job and completes the request. */
static void
deliver_tile (CaravanMapSource *self,
              TileJob          *job,
              GdkPaintable     *paintable)
{
  if (g_task_return_error_if_cancelled (job->outer))
    {
      /* The layer has dropped the tile already. */
    }
  else
    {
      self->tiles_rendered++;
      g_hash_table_add (self->delivered, GUINT_TO_POINTER (tile_key (job->zoom, job->x, job->y)));
      shumate_tile_set_paintable (job->tile, paintable);
      shumate_tile_set_state (job->tile, SHUMATE_STATE_DONE);
      g_task_return_boolean (job->outer, TRUE);
    }

  /* The worker may drop the last ref on the inner task: nothing GTK may be left in it. */
  g_clear_object (&job->tile);
  g_clear_object (&job->outer);
  finish_tile (self);
}

/* A surface that could not be drawn gives way to a plain tile. */
static cairo_surface_t *
check_surface (TileJob         *job,
               cairo_surface_t *surface)
{
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_destroy (surface);
  return caravan_tile_renderer_render (job->renderer, 0, 0, 0, job->scale, job->theme, BLEED_PX);
}

static void
on_prefetch_rendered (CaravanMapSource *self,
                      TileJob          *job,
                      cairo_surface_t  *surface)
{
  Prefetch *prefetch = job->prefetch;

  g_assert (self->prefetch_outstanding > 0);
  self->prefetch_outstanding--;

  /* NULL: a request took the job over before a worker started it. */
  if (surface != NULL)
    {
      prefetch->surface = check_surface (job, surface);
      g_atomic_int_set (&prefetch->state, PREFETCH_DONE);

      if (prefetch->waiters->len > 0)
        {
          g_autoptr(GPtrArray) waiters = g_steal_pointer (&prefetch->waiters);
          gpointer key = GUINT_TO_POINTER (tile_key (job->zoom, job->x, job->y));

          prefetch->waiters = g_ptr_array_new ();
          if (g_hash_table_lookup (self->prefetched, key) == prefetch)
            g_hash_table_remove (self->prefetched, key);
          for (guint i = 0; i < waiters->len; i++)
            {
              TileJob *waiter = g_ptr_array_index (waiters, i);

              deliver_tile (self, waiter, prefetch_get_paintable (prefetch));
              tile_job_free (waiter);
            }
        }
    }

  drop_unused_prefetches (self);
}

static void
on_tile_rendered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CaravanMapSource *self = CARAVAN_MAP_SOURCE (object);
  TileJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->prefetch != NULL)
    {
      on_prefetch_rendered (self, job, surface);
      return;
    }

  if (surface == NULL)
    {
      /* Only cancellation gets here; the layer has dropped the tile already. */
      g_task_return_error (job->outer, g_steal_pointer (&error));
      g_clear_object (&job->tile);
      g_clear_object (&job->outer);
      finish_tile (self);
      return;
    }

  surface = check_surface (job, surface);
  paintable = wrap_surface (surface);
  cairo_surface_destroy (surface);
  deliver_tile (self, job, paintable);
}

static void
push_job (CaravanMapSource *self,
          TileJob          *job,
          GCancellable     *cancellable)
{
  GTask *inner = g_task_new (self, cancellable, on_tile_rendered, NULL);

  g_task_set_source_tag (inner, push_job);
  g_task_set_task_data (inner, job, (GDestroyNotify) tile_job_free);
  /* The pool owns the ref on @inner until the worker has returned it. */
  g_thread_pool_push (self->pool, inner, NULL);
}

static TileJob *
tile_job_new (CaravanMapSource *self,
              guint             zoom,
              guint             x,
              guint             y)
{
  TileJob *job = g_new0 (TileJob, 1);

  job->renderer = g_object_ref (self->renderer);
  job->x = x;
  job->y = y;
  job->zoom = zoom;
  job->scale = self->scale_factor;
  job->theme = self->theme;
  job->serial = ++self->serial;
  return job;
}

static void
caravan_map_source_fill_tile_async (ShumateMapSource    *source,
                                    ShumateTile         *tile,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  CaravanMapSource *self = CARAVAN_MAP_SOURCE (source);
  guint x = shumate_tile_get_x (tile);
  guint y = shumate_tile_get_y (tile);
  guint zoom = shumate_tile_get_zoom_level (tile);
  gpointer key = GUINT_TO_POINTER (tile_key (zoom, x, y));
  Prefetch *prefetch;
  TileJob *job;

  g_assert (SHUMATE_IS_TILE (tile));

  job = tile_job_new (self, zoom, x, y);
  job->tile = g_object_ref (tile);
  job->outer = g_task_new (source, cancellable, callback, user_data);
  g_task_set_source_tag (job->outer, caravan_map_source_fill_tile_async);

  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
  g_hash_table_remove (self->delivered, key);
  self->requested = TRUE;
  self->tiles_pending++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILES_PENDING]);

  prefetch = g_hash_table_lookup (self->prefetched, key);
  if (prefetch != NULL &&
      !g_atomic_int_compare_and_exchange (&prefetch->state, PREFETCH_QUEUED, PREFETCH_TAKEN))
    {
      if (g_atomic_int_get (&prefetch->state) == PREFETCH_DONE)
        {
          /* Drawn ahead: the GTask completes on the next main loop iteration. */
          deliver_tile (self, job, prefetch_get_paintable (prefetch));
          tile_job_free (job);
          g_hash_table_remove (self->prefetched, key);
        }
      else
        {
          /* Being drawn: wait for it. */
          g_ptr_array_add (prefetch->waiters, job);
        }
      return;
    }

  g_hash_table_remove (self->prefetched, key);
  push_job (self, job, cancellable);
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
  g_clear_pointer (&self->prefetched, g_hash_table_unref);
  g_clear_pointer (&self->delivered, g_hash_table_unref);
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
  self->prefetched = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) prefetch_unref);
  self->delivered = g_hash_table_new (NULL, NULL);
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
      CaravanMapPoint point = { caravan_place_get_latitude (place), caravan_place_get_longitude (place) };

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

/* Tiles drawn ahead in an old theme or scale must not be shown. Requests waiting for one
 * still get it: they were made before the change, as with tiles drawn the normal way. */
static void
forget_prefetches (CaravanMapSource *self)
{
  GHashTableIter iter;
  Prefetch *prefetch;

  g_hash_table_iter_init (&iter, self->prefetched);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &prefetch))
    {
      g_atomic_int_compare_and_exchange (&prefetch->state, PREFETCH_QUEUED, PREFETCH_TAKEN);
      if (prefetch->waiters->len == 0)
        g_hash_table_iter_remove (&iter);
    }
}

typedef struct
{
  guint x, y;
  double distance;
} PrefetchTile;

static int
compare_by_distance (gconstpointer a,
                     gconstpointer b)
{
  const PrefetchTile *ta = a, *tb = b;

  /* Farthest first: later jobs have higher serials and the pool draws those first. */
  return (ta->distance < tb->distance) - (ta->distance > tb->distance);
}

/**
 * caravan_map_source_prefetch:
 * @latitude, @longitude: the centre of the view
 * @zoom: its (whole) zoom level
 * @width, @height: its size in logical pixels; a larger one only costs more drawing
 *
 * Starts drawing the tiles such a view shows, nearest to the centre first, so that they are
 * ready when the map asks for them. Meant for start-up, before the map has a size; requests
 * always come before tiles drawn ahead. At most 64 tiles are drawn ahead; those not asked for
 * are dropped once the map has all the tiles it asked for.
 */
void
caravan_map_source_prefetch (CaravanMapSource *self,
                             double            latitude,
                             double            longitude,
                             guint             zoom,
                             int               width,
                             int               height)
{
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (self);
  g_autoptr(GArray) tiles = g_array_new (FALSE, FALSE, sizeof (PrefetchTile));
  double cx, cy;
  int x0, x1, y0, y1;
  guint n;

  g_return_if_fail (CARAVAN_IS_MAP_SOURCE (self));
  g_return_if_fail (width > 0 && height > 0);

  zoom = CLAMP (zoom, CARAVAN_MAP_SOURCE_MIN_ZOOM, CARAVAN_MAP_SOURCE_MAX_ZOOM);
  n = 1u << zoom;
  cx = shumate_map_source_get_x (source, zoom, longitude) / CARAVAN_TILE_SIZE;
  cy = shumate_map_source_get_y (source, zoom, latitude) / CARAVAN_TILE_SIZE;
  x0 = (int) floor (cx - width / 2.0 / CARAVAN_TILE_SIZE);
  x1 = (int) ceil (cx + width / 2.0 / CARAVAN_TILE_SIZE) - 1;
  y0 = MAX ((int) floor (cy - height / 2.0 / CARAVAN_TILE_SIZE), 0);
  y1 = MIN ((int) ceil (cy + height / 2.0 / CARAVAN_TILE_SIZE) - 1, (int) n - 1);

  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        PrefetchTile tile = { ((x % (int) n) + n) % n, y, hypot (x + 0.5 - cx, y + 0.5 - cy) };

        g_array_append_val (tiles, tile);
      }
  g_array_sort (tiles, compare_by_distance);
  self->requested = FALSE;

  for (guint i = tiles->len > MAX_PREFETCH ? tiles->len - MAX_PREFETCH : 0; i < tiles->len; i++)
    {
      const PrefetchTile *tile = &g_array_index (tiles, PrefetchTile, i);
      gpointer key = GUINT_TO_POINTER (tile_key (zoom, tile->x, tile->y));
      Prefetch *prefetch;
      TileJob *job;

      if (g_hash_table_contains (self->prefetched, key))
        continue;

      prefetch = g_atomic_rc_box_new0 (Prefetch);
      prefetch->state = PREFETCH_QUEUED;
      prefetch->waiters = g_ptr_array_new ();
      g_hash_table_insert (self->prefetched, key, prefetch);

      job = tile_job_new (self, zoom, tile->x, tile->y);
      job->prefetch = g_atomic_rc_box_acquire (prefetch);
      self->prefetch_outstanding++;
      push_job (self, job, NULL);
    }
}

/**
 * caravan_map_source_peek_prefetched:
 *
 * Returns: (transfer none) (nullable): the tile at @zoom, @x, @y if it was drawn ahead and the
 *   map has not asked for it yet, else %NULL. The map view paints these before libshumate
 *   asks for its first tiles (which it does only after a frame).
 */
GdkPaintable *
caravan_map_source_peek_prefetched (CaravanMapSource *self,
                                    guint             zoom,
                                    guint             x,
                                    guint             y)
{
  Prefetch *prefetch;

  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), NULL);

  prefetch = g_hash_table_lookup (self->prefetched, GUINT_TO_POINTER (tile_key (zoom, x, y)));
  if (prefetch == NULL || g_atomic_int_get (&prefetch->state) != PREFETCH_DONE)
    return NULL;
  return prefetch_get_paintable (prefetch);
}

/* Whether the map was given the tile at @zoom, @x, @y and has not asked for it again since:
 * it has the tile (unless it dropped it, out of view). Tiles from libshumate's own memory
 * cache do not come through the source and are not counted. */
gboolean
caravan_map_source_has_tile (CaravanMapSource *self,
                             guint             zoom,
                             guint             x,
                             guint             y)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), FALSE);

  return g_hash_table_contains (self->delivered, GUINT_TO_POINTER (tile_key (zoom, x, y)));
}

/* How many tiles caravan_map_source_prefetch() asked for are still being drawn. */
guint
caravan_map_source_get_tiles_prefetching (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), 0);

  return self->prefetch_outstanding;
}

/* Whether any tile drawn ahead is still waiting to be asked for. */
gboolean
caravan_map_source_has_prefetched (CaravanMapSource *self)
{
  g_return_val_if_fail (CARAVAN_IS_MAP_SOURCE (self), FALSE);

  return g_hash_table_size (self->prefetched) > 0;
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
  forget_prefetches (self);
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
  forget_prefetches (self);
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
