/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-source-queue.c: the map source's tile queue. Tiles are drawn in a small thread
 * pool, newest request first; workers only run the GTK-free renderer, and the ShumateTile, the
 * texture and the paintable are only touched on the main thread. Fills never fail: a tile that
 * cannot be drawn comes back plain. Cancelled tiles are dropped before they are drawn.
 *
 * Prefetch: before the map has a size, the tiles of the view it is about to show can be drawn
 * ahead (caravan_map_source_prefetch()). A request for a tile that is drawn ahead takes the
 * drawn surface; one for a tile being drawn waits for it; one for a tile still queued takes
 * its place in the queue. At start-up this draws the map while GTK lays out the window. */

#define G_LOG_DOMAIN "caravan-map-source"

#include "config.h"

#include <math.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "caravan-map-source-private.h"
#include "caravan-tile-paintable.h"

#define BLEED_PX 1

#define MAX_PREFETCH 64

/* How much lower than the main thread's the tile workers' priority is (a nice value). */
#define WORKER_NICE 10

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

/* Once the map has its tiles: drop what was drawn ahead and not asked for, on an idle (the map
 * may be in the middle of asking for tiles drawn ahead). */
void
caravan_map_source_queue_drop_prefetches (CaravanMapSource *self)
{
  if (g_hash_table_size (self->prefetched) > 0 && self->drop_idle == 0)
    self->drop_idle = g_idle_add_full (G_PRIORITY_LOW, on_drop_idle, g_object_ref (self),
                                       g_object_unref);
}

/* Tile workers yield the CPU to the main thread and the display server: on a small machine a
 * frame that waits for a core while a tile is drawn is a dropped frame (a 4K flight on 2 cores
 * dropped a fifth fewer). Linux only: there each thread has a nice value of its own. The pool's
 * threads are its own (exclusive), so the lower priority stays with the tile workers. */
static void
lower_thread_priority (void)
{
#if defined(__linux__) && defined(SYS_gettid)
  static GPrivate lowered;

  if (g_private_get (&lowered) == NULL)
    {
      setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICE);
      g_private_set (&lowered, GINT_TO_POINTER (TRUE));
    }
#endif
}

static void
render_in_worker (gpointer data,
                  gpointer user_data)
{
  GTask *inner = data;
  TileJob *job = g_task_get_task_data (inner);
  GCancellable *cancellable = g_task_get_cancellable (inner);
  cairo_surface_t *surface;

  lower_thread_priority ();
  if (g_cancellable_is_cancelled (cancellable) ||
      (job->prefetch != NULL &&
       !g_atomic_int_compare_and_exchange (&job->prefetch->state, PREFETCH_QUEUED,
                                           PREFETCH_RUNNING)))
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

  return GDK_PAINTABLE (caravan_tile_paintable_new_for_surface (surface, texture, BLEED_PX));
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
  caravan_map_source_finish_tile (self);
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
      caravan_map_source_finish_tile (self);
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
  job->scale = self->scale_factor * self->magnification;
  job->theme = self->theme;
  job->serial = ++self->serial;
  return job;
}

void
caravan_map_source_queue_fill_tile_async (ShumateMapSource    *source,
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
  g_task_set_source_tag (job->outer, caravan_map_source_queue_fill_tile_async);

  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
  g_hash_table_remove (self->delivered, key);
  self->requested = TRUE;
  self->tiles_pending++;
  caravan_map_source_notify_tiles_pending (self);

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

gboolean
caravan_map_source_queue_fill_tile_finish (ShumateMapSource  *source,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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
  double size = shumate_map_source_get_tile_size (source);
  double cx, cy;
  int x0, x1, y0, y1;
  guint n;

  g_return_if_fail (CARAVAN_IS_MAP_SOURCE (self));
  g_return_if_fail (width > 0 && height > 0);

  zoom = CLAMP (zoom, CARAVAN_MAP_SOURCE_MIN_ZOOM, CARAVAN_MAP_SOURCE_MAX_ZOOM);
  n = 1u << zoom;
  cx = shumate_map_source_get_x (source, zoom, longitude) / size;
  cy = shumate_map_source_get_y (source, zoom, latitude) / size;
  x0 = (int) floor (cx - width / 2.0 / size);
  x1 = (int) ceil (cx + width / 2.0 / size) - 1;
  y0 = MAX ((int) floor (cy - height / 2.0 / size), 0);
  y1 = MIN ((int) ceil (cy + height / 2.0 / size) - 1, (int) n - 1);

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

void
caravan_map_source_queue_init (CaravanMapSource *self)
{
  guint threads = MAX (1, g_get_num_processors () - 1);

  self->pool = g_thread_pool_new (render_in_worker, NULL, threads, TRUE, NULL);
  self->prefetched = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) prefetch_unref);
  self->delivered = g_hash_table_new (NULL, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
}

void
caravan_map_source_queue_free (CaravanMapSource *self)
{
  /* Every job holds a ref on the source, so the pool is idle by now. */
  g_thread_pool_free (self->pool, TRUE, TRUE);
  g_clear_pointer (&self->prefetched, g_hash_table_unref);
  g_clear_pointer (&self->delivered, g_hash_table_unref);
}
