/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-map-source-private.h: the map source's instance struct, shared by the source and its
 * tile queue. */

#pragma once

#include "caravan-map-source.h"

G_BEGIN_DECLS

struct _CaravanMapSource
{
  ShumateMapSource parent_instance;

  CaravanTileRenderer *renderer;
  GError *error;                /* why the map data could not be loaded, if so */
  GThreadPool *pool;
  CaravanMapTheme theme;
  guint scale_factor;
  guint magnification;          /* tiles are this many times 256 logical px (a 4K projector) */
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

/* caravan-map-source.c */
void     caravan_map_source_finish_tile            (CaravanMapSource *self);
void     caravan_map_source_notify_tiles_pending   (CaravanMapSource *self);

/* caravan-map-source-queue.c */
void     caravan_map_source_queue_init             (CaravanMapSource *self);
void     caravan_map_source_queue_free             (CaravanMapSource *self);
void     caravan_map_source_queue_drop_prefetches  (CaravanMapSource *self);
void     caravan_map_source_queue_fill_tile_async  (ShumateMapSource    *source,
                                                    ShumateTile         *tile,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean caravan_map_source_queue_fill_tile_finish (ShumateMapSource  *source,
                                                    GAsyncResult      *result,
                                                    GError           **error);

G_END_DECLS
