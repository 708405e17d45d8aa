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
             double                       *bare_end,
             double                       *labelled_end,
             gboolean                     *label_inside)
{
  double bar_px = (span->end - span->start) * px_per_day;
  double mid = (span->start + span->end) / 2.0;
  double half_marker = metrics->marker / 2.0 / px_per_day;

  if (bar_px < metrics->marker)
    {
      *start = mid - half_marker;
      *bare_end = mid + half_marker;
      *label_inside = FALSE;
    }
  else
    {
      *start = span->start;
      *bare_end = span->end;
      *label_inside = bar_px >= span->label_width + 2 * metrics->label_pad;
    }

  if (*label_inside)
    *labelled_end = *bare_end;
  else
    *labelled_end = *bare_end + (span->label_width + metrics->label_pad) / px_per_day;
}

static void
place_item (CaravanTimelineLayout *self,
            guint                  lane,
            guint                  index,
            double                 start,
            double                 end,
            gboolean               labelled,
            gboolean               label_inside,
            double                *lane_end)
{
  CaravanTimelineItem item = { 0 };

  item.index = index;
  item.labelled = labelled;
  item.label_inside = labelled && label_inside;
  item.start = start;
  item.end = end;

  self->lane_of[index] = lane;
  self->item_of[index] = self->lanes[lane]->len;
  g_array_append_val (self->lanes[lane], item);
  lane_end[lane] = end;
}

/* Merges span @index into the last item of the last lane, turning it into a cluster. */
static void
merge_into_cluster (CaravanTimelineLayout        *self,
                    const CaravanTimelineSpan    *spans,
                    guint                         index,
                    double                        start,
                    double                        bare_end,
                    const CaravanTimelineMetrics *metrics,
                    double                       *lane_end)
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
      double first_start, first_bare_end, first_labelled_end;
      gboolean inside;

      span_extent (first, self->px_per_day, metrics,
                   &first_start, &first_bare_end, &first_labelled_end, &inside);

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
      item->end = MAX (first_bare_end, item->start + metrics->badge / self->px_per_day);
    }

  /* Clusters are only ever made in the last lane and grow at its end, so the growing cluster is
   * the last one and its members stay contiguous. */
  g_assert (item->index == self->clusters->len - 1);
  cluster = &g_array_index (self->clusters, CaravanTimelineCluster, item->index);
  g_array_append_val (self->members, index);
  cluster->n_members++;
  cluster->start = MIN (cluster->start, spans[index].start);
  cluster->end = MAX (cluster->end, spans[index].end);

  item->start = MIN (item->start, start);
  item->end = MAX (item->end, bare_end);
  self->lane_of[index] = CARAVAN_TIMELINE_CLUSTERED;
  self->item_of[index] = items->len - 1;
  lane_end[lane] = item->end;
}

CaravanTimelineLayout *
caravan_timeline_layout_new (const CaravanTimelineSpan    *spans,
                             guint                         n_spans,
                             double                        px_per_day,
                             guint                         n_lanes,
                             const CaravanTimelineMetrics *metrics)
{
  CaravanTimelineLayout *self;
  double lane_end[CARAVAN_TIMELINE_MAX_LANES];
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
      lane_end[l] = -INFINITY;
    }
  self->clusters = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineCluster));
  self->members = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lane_of = g_new0 (guint8, MAX (n_spans, 1));
  self->item_of = g_new0 (guint, MAX (n_spans, 1));

  for (guint i = 0; i < n_spans; i++)
    {
      double start, bare_end, labelled_end;
      gboolean inside;
      gboolean placed = FALSE;

      span_extent (&spans[i], px_per_day, metrics, &start, &bare_end, &labelled_end, &inside);

      /* Titled anywhere first, then bare; the last lane also takes what fits nowhere, merged
       * into clusters. */
      for (guint pass = 0; pass < 2 && !placed; pass++)
        {
          gboolean labelled = pass == 0;

          for (guint l = 0; l < n_lanes && !placed; l++)
            {
              if (start >= lane_end[l] + gap)
                {
                  place_item (self, l, i, start, labelled ? labelled_end : bare_end,
                              labelled, inside, lane_end);
                  placed = TRUE;
                }
            }
        }
      if (!placed)
        merge_into_cluster (self, spans, i, start, bare_end, metrics, lane_end);
    }

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
