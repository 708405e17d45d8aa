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

typedef struct
{
  double shape_end;      /* end of the last item's bar or dot */
  double reserved_end;   /* … plus the title room it keeps */
  double full_end;       /* … plus its whole title */
} LaneState;

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

static void
place_item (CaravanTimelineLayout        *self,
            const CaravanTimelineSpan    *span,
            const CaravanTimelineMetrics *metrics,
            guint                         lane,
            guint                         index,
            double                        start,
            double                        shape_end,
            gboolean                      label_inside,
            LaneState                    *lanes)
{
  CaravanTimelineItem item = { 0 };
  double label_days = (span->label_width + metrics->label_pad) / self->px_per_day;
  double reserve_days = (MIN (span->label_width, metrics->label_reserve) + metrics->label_pad) /
                        self->px_per_day;

  item.index = index;
  item.labelled = TRUE;
  item.label_inside = label_inside;
  item.label_width = label_inside ? 0 : span->label_width;
  item.start = start;
  item.shape_end = shape_end;
  item.end = label_inside ? shape_end : shape_end + label_days;

  self->lane_of[index] = lane;
  self->item_of[index] = self->lanes[lane]->len;
  g_array_append_val (self->lanes[lane], item);

  lanes[lane].shape_end = shape_end;
  lanes[lane].reserved_end = label_inside ? shape_end : shape_end + reserve_days;
  lanes[lane].full_end = item.end;
}

/* Merges span @index into the last item of the last lane, turning it into a cluster. */
static void
merge_into_cluster (CaravanTimelineLayout        *self,
                    const CaravanTimelineSpan    *spans,
                    guint                         index,
                    double                        start,
                    double                        shape_end,
                    const CaravanTimelineMetrics *metrics,
                    LaneState                    *lanes)
{
  guint lane = self->n_lanes - 1;
  GArray *items = self->lanes[lane];
  CaravanTimelineItem *item;
  CaravanTimelineCluster *cluster;

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
      self->item_of[item->index] = items->len - 1;
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
  self->item_of[index] = items->len - 1;
  lanes[lane].shape_end = lanes[lane].reserved_end = lanes[lane].full_end = item->end;
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

CaravanTimelineLayout *
caravan_timeline_layout_new (const CaravanTimelineSpan    *spans,
                             guint                         n_spans,
                             double                        px_per_day,
                             guint                         n_lanes,
                             const CaravanTimelineMetrics *metrics)
{
  CaravanTimelineLayout *self;
  LaneState lanes[CARAVAN_TIMELINE_MAX_LANES];
  double gap;

  g_return_val_if_fail (spans != NULL || n_spans == 0, NULL);
  g_return_val_if_fail (px_per_day > 0, NULL);
  g_return_val_if_fail (metrics != NULL, NULL);

  n_lanes = CLAMP (n_lanes, 1, CARAVAN_TIMELINE_MAX_LANES);
  gap = metrics->gap / px_per_day;

  self = g_new0 (CaravanTimelineLayout, 1);
  self->px_per_day = px_per_day;
  self->n_lanes = n_lanes;
  self->n_spans = n_spans;
  for (guint l = 0; l < n_lanes; l++)
    {
      self->lanes[l] = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineItem));
      lanes[l].shape_end = lanes[l].reserved_end = lanes[l].full_end = -INFINITY;
    }
  self->clusters = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineCluster));
  self->members = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lane_of = g_new0 (guint8, MAX (n_spans, 1));
  self->item_of = g_new0 (guint, MAX (n_spans, 1));

  for (guint i = 0; i < n_spans; i++)
    {
      double start, shape_end;
      gboolean inside;
      gboolean placed = FALSE;

      span_extent (&spans[i], px_per_day, metrics, &start, &shape_end, &inside);

      /* First fit where the previous title stays whole, else where it keeps its reserved room,
       * else wherever the bar or dot itself fits; what fits nowhere joins a count badge. */
      for (guint pass = 0; pass < 3 && !placed; pass++)
        {
          for (guint l = 0; l < n_lanes && !placed; l++)
            {
              double lane_end = pass == 0 ? lanes[l].full_end :
                                pass == 1 ? lanes[l].reserved_end : lanes[l].shape_end;

              if (start + 1e-9 >= lane_end + gap)
                {
                  place_item (self, &spans[i], metrics, l, i, start, shape_end, inside, lanes);
                  placed = TRUE;
                }
            }
        }
      if (!placed)
        merge_into_cluster (self, spans, i, start, shape_end, metrics, lanes);
    }

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
