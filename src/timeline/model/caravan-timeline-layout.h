/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-layout.h: stacks timeline events into lanes at one scale so that neither
 * bars nor titles overlap; what does not fit merges into counted clusters. Important events
 * (the selection's) are placed first and always keep a title. Plain GLib. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One event as the layout sees it, in time order. */
typedef struct
{
  double start;          /* julian day where the bar starts */
  double end;            /* julian day where it ends (exclusive) */
  float label_width;     /* title width in pixels */
  gboolean important;    /* selected, or of the selected place: placed first, titled */
} CaravanTimelineSpan;

/* Sizes in pixels that decide what fits. */
typedef struct
{
  double marker;         /* diameter of the dot drawn for short events */
  double label_pad;      /* space between a bar or dot and its title, and around titles */
  double gap;            /* minimum space between two items in a lane */
  double badge;          /* minimum width of a cluster badge */
  double label_reserve;  /* title room an event keeps before a later one may shorten it */
  double label_min;      /* shorter than this (and than the title), a title is left out */
} CaravanTimelineMetrics;

typedef struct
{
  guint index;           /* span index, or cluster index when is_cluster */
  gboolean is_cluster : 1;
  gboolean labelled : 1; /* the title is drawn */
  gboolean label_inside : 1; /* the title is drawn inside the bar */
  float label_width;     /* room for the title in pixels when labelled and not inside */
  double start;          /* occupied range in julian days, bar, dot and title included */
  double end;
  double shape_end;      /* where the bar or dot ends, in julian days */
} CaravanTimelineItem;

typedef struct
{
  guint first_member;    /* into the members array */
  guint n_members;
  double start;          /* earliest bar start and latest bar end of the members */
  double end;
} CaravanTimelineCluster;

#define CARAVAN_TIMELINE_MAX_LANES 16
#define CARAVAN_TIMELINE_CLUSTERED G_MAXUINT8

typedef struct _CaravanTimelineLayout CaravanTimelineLayout;

CaravanTimelineLayout *caravan_timeline_layout_new  (const CaravanTimelineSpan    *spans,
                                                     guint                         n_spans,
                                                     double                        px_per_day,
                                                     guint                         n_lanes,
                                                     const CaravanTimelineMetrics *metrics);
void                   caravan_timeline_layout_free (CaravanTimelineLayout        *self);

double                     caravan_timeline_layout_get_px_per_day (CaravanTimelineLayout *self);
guint                      caravan_timeline_layout_get_n_lanes    (CaravanTimelineLayout *self);
/* Items of @lane in time order; their occupied ranges do not overlap. */
const CaravanTimelineItem *caravan_timeline_layout_get_items      (CaravanTimelineLayout *self,
                                                                   guint                  lane,
                                                                   guint                 *n_items);
/* The first item of @lane whose occupied range ends at or after @julian (binary search). */
guint                      caravan_timeline_layout_find_first     (CaravanTimelineLayout *self,
                                                                   guint                  lane,
                                                                   double                 julian);
/* The lane of span @index, or CARAVAN_TIMELINE_CLUSTERED. */
guint                      caravan_timeline_layout_get_lane       (CaravanTimelineLayout *self,
                                                                   guint                  index);
/* The item showing span @index (the cluster's item when it is clustered), or NULL. */
const CaravanTimelineItem *caravan_timeline_layout_find_item      (CaravanTimelineLayout *self,
                                                                   guint                  index);
const CaravanTimelineCluster *caravan_timeline_layout_get_cluster (CaravanTimelineLayout *self,
                                                                   guint                  cluster);
/* Span indices of the cluster's members. */
const guint               *caravan_timeline_layout_get_members    (CaravanTimelineLayout *self,
                                                                   guint                  cluster);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaravanTimelineLayout, caravan_timeline_layout_free)

G_END_DECLS
