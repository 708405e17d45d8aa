/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-layout.c: first-fit lane stacking of timeline events at one scale (no GTK). */

#define G_LOG_DOMAIN "caravan-timeline-layout"

#include "config.h"

#include <math.h>

#include "caravan-timeline-layout.h"

struct _CaravanTimelineLayout
{
  double px_per_day;
  guint n_lanes;
  guint n_spans;
  GArray *lanes[CARAVAN_TIMELINE_MAX_LANES];   /* CaravanTimelineItem */
  GArray *clusters;                            /* CaravanTimelineCluster */
  GArray *members;                             /* guint */
  guint8 *lane_of;                             /* per span */
  guint *item_of;                              /* per span: position in its lane */
};

/* Where a span's bar or dot lies, in days, at scale @px_per_day. */
static void
span_extent (const CaravanTimelineSpan    *span,
             double                        px_per_day,
             const CaravanTimelineMetrics *metrics,
             double                       *start,
             double                       *shape_end,
             gboolean                     *label_inside)
{
  double bar_px = (span->end - span->start) * px_per_day;
  double mid = (span->start + span->end) / 2.0;
  double half_marker = metrics->marker / 2.0 / px_per_day;

  if (bar_px < metrics->marker)
    {
      *start = mid - half_marker;
      *shape_end = mid + half_marker;
      *label_inside = FALSE;
    }
  else
    {
      /* Bars give up half a gap at each end so that back-to-back days share a lane. */
      double inset = MIN (metrics->gap / 2, bar_px / 4) / px_per_day;

      *start = span->start + inset;
      *shape_end = span->end - inset;
      *label_inside = bar_px >= span->label_width + 2 * metrics->label_pad;
    }
}

/* Puts span @index into @lane before the item at @position, with its whole title. */
static void
place_item (CaravanTimelineLayout        *self,
            const CaravanTimelineSpan    *span,
            const CaravanTimelineMetrics *metrics,
            guint                         lane,
            guint                         position,
            guint                         index,
            double                        start,
            double                        shape_end,
            gboolean                      label_inside)
{
  CaravanTimelineItem item = { 0 };
  double label_days = (span->label_width + metrics->label_pad) / self->px_per_day;

  item.index = index;
  item.labelled = TRUE;
  item.label_inside = label_inside;
  item.label_width = label_inside ? 0 : span->label_width;
  item.start = start;
  item.shape_end = shape_end;
  item.end = label_inside ? shape_end : shape_end + label_days;
  self->lane_of[index] = lane;
  g_array_insert_val (self->lanes[lane], position, item);
}

/* Where a later item may start after @item, with @item's title whole (pass 0), shortened to
 * its reserved room (pass 1) or left out (pass 2). An important title keeps at least its
 * reserved room: it is shortened, never left out. */
static double
item_end_for_pass (CaravanTimelineLayout        *self,
                   const CaravanTimelineSpan    *spans,
                   const CaravanTimelineMetrics *metrics,
                   const CaravanTimelineItem    *item,
                   guint                         pass)
{
  const CaravanTimelineSpan *span;

  if (item->is_cluster || item->label_inside || pass == 0)
    return item->end;
  span = &spans[item->index];
  if (pass == 1 || span->important)
    return item->shape_end + (MIN (span->label_width, metrics->label_reserve) +
                              metrics->label_pad) / self->px_per_day;
  return item->shape_end;
}

/* The position in @items of the first item that starts after @start. */
static guint
find_insertion (GArray *items,
                double  start)
{
  guint lo = 0, hi = items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (items, CaravanTimelineItem, mid).start <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Places span @i in the first of @n_lanes lanes where it fits between its neighbours, trying
 * whole titles first; returns FALSE when it fits nowhere. Items placed later start later, so
 * what follows the span in a lane is an important item placed first, which it must not touch
 * with its bar or dot (its own title is shortened to fit later, by fit_titles()). */
static gboolean
place_first_fit (CaravanTimelineLayout        *self,
                 const CaravanTimelineSpan    *spans,
                 const CaravanTimelineMetrics *metrics,
                 guint                         i,
                 guint                         n_lanes)
{
  double gap = metrics->gap / self->px_per_day;
  double start, shape_end;
  gboolean inside;

  span_extent (&spans[i], self->px_per_day, metrics, &start, &shape_end, &inside);
  for (guint pass = 0; pass < 3; pass++)
    for (guint l = 0; l < n_lanes; l++)
      {
        GArray *items = self->lanes[l];
        guint position = find_insertion (items, start);
        double prev_end = -INFINITY;
        double own_end = shape_end;

        if (position > 0)
          prev_end = item_end_for_pass (self, spans, metrics,
                                        &g_array_index (items, CaravanTimelineItem,
                                                        position - 1), pass);
        if (start + 1e-9 < prev_end + gap)
          continue;
        if (position < items->len)
          {
            const CaravanTimelineItem *next = &g_array_index (items, CaravanTimelineItem,
                                                              position);

            if (pass == 0 && !inside)
              own_end += (spans[i].label_width + metrics->label_pad) / self->px_per_day;
            if (own_end + gap > next->start + 1e-9)
              continue;
          }
        place_item (self, &spans[i], metrics, l, position, i, start, shape_end, inside);
        return TRUE;
      }
  return FALSE;
}

/* Merges span @index into the last item of the last lane, turning it into a cluster. */
static void
merge_into_cluster (CaravanTimelineLayout        *self,
                    const CaravanTimelineSpan    *spans,
                    guint                         index,
                    const CaravanTimelineMetrics *metrics)
{
  guint lane = self->n_lanes - 1;
  GArray *items = self->lanes[lane];
  CaravanTimelineItem *item;
  CaravanTimelineCluster *cluster;
  double start, shape_end;
  gboolean inside;

  span_extent (&spans[index], self->px_per_day, metrics, &start, &shape_end, &inside);
  g_assert (items->len > 0);
  item = &g_array_index (items, CaravanTimelineItem, items->len - 1);

  if (!item->is_cluster)
    {
      CaravanTimelineCluster new_cluster = { 0 };
      const CaravanTimelineSpan *first = &spans[item->index];

      new_cluster.first_member = self->members->len;
      new_cluster.n_members = 1;
      new_cluster.start = first->start;
      new_cluster.end = first->end;
      g_array_append_val (self->members, item->index);
      self->lane_of[item->index] = CARAVAN_TIMELINE_CLUSTERED;
      g_array_append_val (self->clusters, new_cluster);

      item->index = self->clusters->len - 1;
      item->is_cluster = TRUE;
      item->labelled = FALSE;
      item->label_inside = FALSE;
      item->label_width = 0;
      item->shape_end = MAX (item->shape_end, item->start + metrics->badge / self->px_per_day);
    }

  /* Clusters are only ever made in the last lane and grow at its end, so the growing cluster is
   * the last one and its members stay contiguous. */
  g_assert (item->index == self->clusters->len - 1);
  cluster = &g_array_index (self->clusters, CaravanTimelineCluster, item->index);
  g_array_append_val (self->members, index);
  cluster->n_members++;
  cluster->start = MIN (cluster->start, spans[index].start);
  cluster->end = MAX (cluster->end, spans[index].end);

  item->shape_end = MAX (item->shape_end, shape_end);
  item->end = item->shape_end;
  self->lane_of[index] = CARAVAN_TIMELINE_CLUSTERED;
}

/* Titles followed too closely by the next item in their lane are shortened (ellipsized when
 * drawn) or, below the minimum, left out. */
static void
fit_titles (CaravanTimelineLayout        *self,
            const CaravanTimelineSpan    *spans,
            const CaravanTimelineMetrics *metrics)
{
  for (guint l = 0; l < self->n_lanes; l++)
    {
      GArray *items = self->lanes[l];

      for (guint i = 0; i + 1 < items->len; i++)
        {
          CaravanTimelineItem *item = &g_array_index (items, CaravanTimelineItem, i);
          const CaravanTimelineItem *next = &g_array_index (items, CaravanTimelineItem, i + 1);
          double room;

          if (item->is_cluster || !item->labelled || item->label_inside)
            continue;

          room = (next->start - item->shape_end) * self->px_per_day - metrics->label_pad -
                 metrics->gap;
          if (room >= item->label_width)
            continue;

          if (room < MIN (spans[item->index].label_width, metrics->label_min))
            {
              item->labelled = FALSE;
              item->label_width = 0;
              item->end = item->shape_end;
            }
          else
            {
              item->label_width = room;
              item->end = item->shape_end + (room + metrics->label_pad) / self->px_per_day;
            }
        }
    }
}

/* Where each span is in its lane's item array (the item of its cluster when clustered). */
static void
index_items (CaravanTimelineLayout *self)
{
  for (guint l = 0; l < self->n_lanes; l++)
    {
      GArray *items = self->lanes[l];

      for (guint i = 0; i < items->len; i++)
        {
          const CaravanTimelineItem *item = &g_array_index (items, CaravanTimelineItem, i);

          if (!item->is_cluster)
            {
              self->item_of[item->index] = i;
              continue;
            }
          {
            const CaravanTimelineCluster *c = caravan_timeline_layout_get_cluster (self,
                                                                                   item->index);
            const guint *members = caravan_timeline_layout_get_members (self, item->index);

            for (guint m = 0; m < c->n_members; m++)
              self->item_of[members[m]] = i;
          }
        }
    }
}

CaravanTimelineLayout *
caravan_timeline_layout_new (const CaravanTimelineSpan    *spans,
                             guint                         n_spans,
                             double                        px_per_day,
                             guint                         n_lanes,
                             const CaravanTimelineMetrics *metrics)
{
  CaravanTimelineLayout *self;
  g_autofree gboolean *placed = NULL;

  g_return_val_if_fail (spans != NULL || n_spans == 0, NULL);
  g_return_val_if_fail (px_per_day > 0, NULL);
  g_return_val_if_fail (metrics != NULL, NULL);

  n_lanes = CLAMP (n_lanes, 1, CARAVAN_TIMELINE_MAX_LANES);

  self = g_new0 (CaravanTimelineLayout, 1);
  self->px_per_day = px_per_day;
  self->n_lanes = n_lanes;
  self->n_spans = n_spans;
  for (guint l = 0; l < n_lanes; l++)
    self->lanes[l] = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineItem));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineCluster));
  self->members = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lane_of = g_new0 (guint8, MAX (n_spans, 1));
  self->item_of = g_new0 (guint, MAX (n_spans, 1));
  placed = g_new0 (gboolean, MAX (n_spans, 1));

  /* Important events first, in every lane but the last (which keeps the count badges), so
   * that nothing placed later can take their room. */
  if (n_lanes > 1)
    for (guint i = 0; i < n_spans; i++)
      if (spans[i].important)
        placed[i] = place_first_fit (self, spans, metrics, i, n_lanes - 1);

  /* Then the rest, in time order: first fit where the previous title stays whole, else where
   * it keeps its reserved room, else wherever the bar or dot itself fits; what fits nowhere
   * joins a count badge at the end of the last lane. */
  for (guint i = 0; i < n_spans; i++)
    if (!placed[i] && !place_first_fit (self, spans, metrics, i, n_lanes))
      merge_into_cluster (self, spans, i, metrics);

  index_items (self);
  fit_titles (self, spans, metrics);
  return self;
}

void
caravan_timeline_layout_free (CaravanTimelineLayout *self)
{
  if (self == NULL)
    return;

  for (guint l = 0; l < self->n_lanes; l++)
    g_array_unref (self->lanes[l]);
  g_array_unref (self->clusters);
  g_array_unref (self->members);
  g_free (self->lane_of);
  g_free (self->item_of);
  g_free (self);
}

double
caravan_timeline_layout_get_px_per_day (CaravanTimelineLayout *self)
{
  return self->px_per_day;
}

guint
caravan_timeline_layout_get_n_lanes (CaravanTimelineLayout *self)
{
  return self->n_lanes;
}

const CaravanTimelineItem *
caravan_timeline_layout_get_items (CaravanTimelineLayout *self,
                                   guint                  lane,
                                   guint                 *n_items)
{
  g_return_val_if_fail (lane < self->n_lanes, NULL);

  *n_items = self->lanes[lane]->len;
  return (const CaravanTimelineItem *) self->lanes[lane]->data;
}

guint
caravan_timeline_layout_find_first (CaravanTimelineLayout *self,
                                    guint                  lane,
                                    double                 julian)
{
  GArray *items;
  guint lo = 0, hi;

  g_return_val_if_fail (lane < self->n_lanes, 0);

  items = self->lanes[lane];
  hi = items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (items, CaravanTimelineItem, mid).end < julian)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

guint
caravan_timeline_layout_get_lane (CaravanTimelineLayout *self,
                                  guint                  index)
{
  g_return_val_if_fail (index < self->n_spans, CARAVAN_TIMELINE_CLUSTERED);

  return self->lane_of[index];
}

const CaravanTimelineItem *
caravan_timeline_layout_find_item (CaravanTimelineLayout *self,
                                   guint                  index)
{
  guint lane;

  g_return_val_if_fail (index < self->n_spans, NULL);

  lane = self->lane_of[index];
  if (lane == CARAVAN_TIMELINE_CLUSTERED)
    lane = self->n_lanes - 1;

  return &g_array_index (self->lanes[lane], CaravanTimelineItem, self->item_of[index]);
}

const CaravanTimelineCluster *
caravan_timeline_layout_get_cluster (CaravanTimelineLayout *self,
                                     guint                  cluster)
{
  g_return_val_if_fail (cluster < self->clusters->len, NULL);

  return &g_array_index (self->clusters, CaravanTimelineCluster, cluster);
}

const guint *
caravan_timeline_layout_get_members (CaravanTimelineLayout *self,
                                     guint                  cluster)
{
  const CaravanTimelineCluster *c = caravan_timeline_layout_get_cluster (self, cluster);

  g_return_val_if_fail (c != NULL, NULL);

  return &g_array_index (self->members, guint, c->first_member);
}
