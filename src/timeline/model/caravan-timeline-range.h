/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-range.h: the timeline's visible range in julian days, without GTK: zoom
 * limits, keeping some of the story on screen, fitting spans with room for their titles. */

#pragma once

#include <glib.h>

#include "caravan-timeline-layout.h"

G_BEGIN_DECLS

/* The narrowest range the timeline shows. */
#define CARAVAN_TIMELINE_MIN_SPAN_DAYS 2.0

/* The story's days [start, end), end exclusive; start == end for a story without dates. */
typedef struct
{
  double start;
  double end;
} CaravanTimelineExtent;

double caravan_timeline_range_max_span (const CaravanTimelineExtent *story);
void   caravan_timeline_range_constrain (const CaravanTimelineExtent *story,
                                         double                      *start,
                                         double                      *end);
void   caravan_timeline_range_zoom      (const CaravanTimelineExtent *story,
                                         double                       fraction,
                                         double                       factor,
                                         double                      *start,
                                         double                      *end);
void   caravan_timeline_range_fit       (double                       first,
                                         double                       last,
                                         double                       min_span,
                                         double                      *start,
                                         double                      *end);
guint  caravan_timeline_spans_nearest   (const CaravanTimelineSpan   *spans,
                                         guint                        n_spans,
                                         double                       day);
gboolean caravan_timeline_spans_extent  (const CaravanTimelineSpan   *spans,
                                         const guint8                *chosen,
                                         guint                        n_spans,
                                         double                      *first,
                                         double                      *end);

G_END_DECLS
