/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-range.c: the timeline's visible range, as plain arithmetic on julian days so
 * that it is tested without a display. The widget reads and writes the range through the
 * selection (CaravanSelection:visible-start and :visible-end). */

#define G_LOG_DOMAIN "caravan-timeline-range"

#include "config.h"

#include <math.h>

#include "caravan-timeline-range.h"

/* Room around fitted spans: a little on the left, more on the right for the last titles. */
#define FIT_MARGIN 0.04
#define FIT_TITLE_MARGIN 0.15

/* Zoomed out, the story fills a third of the view; short stories still show ten years. */
double
caravan_timeline_range_max_span (const CaravanTimelineExtent *story)
{
  return MAX ((story->end - story->start) * 3.0, 3650.0);
}

/* Keeps [@start, @end) within the zoom limits (about its centre), with some of the story on
 * screen, and after the first julian day. */
void
caravan_timeline_range_constrain (const CaravanTimelineExtent *story,
                                  double                      *start,
                                  double                      *end)
{
  double span = CLAMP (*end - *start, CARAVAN_TIMELINE_MIN_SPAN_DAYS,
                       caravan_timeline_range_max_span (story));
  double center = (*start + *end) / 2;

  if (*end - *start != span)
    {
      *start = center - span / 2;
      *end = center + span / 2;
    }

  if (story->end > story->start)
    {
      double low = story->start - span / 2;
      double high = story->end + span / 2;

      if (*start < low)
        {
          *start = low;
          *end = low + span;
        }
      else if (*end > high)
        {
          *end = high;
          *start = high - span;
        }
    }

  if (*start < 1)
    {
      *start = 1;
      *end = 1 + span;
    }
}

/* Zooms by @factor (> 1 zooms in), keeping the day at @fraction of the width (0 left, 1
 * right) where it is. */
void
caravan_timeline_range_zoom (const CaravanTimelineExtent *story,
                             double                       fraction,
                             double                       factor,
                             double                      *start,
                             double                      *end)
{
  double pivot, span;

  g_return_if_fail (factor > 0);

  fraction = CLAMP (fraction, 0, 1);
  pivot = *start + fraction * (*end - *start);
  span = CLAMP ((*end - *start) / factor, CARAVAN_TIMELINE_MIN_SPAN_DAYS,
                caravan_timeline_range_max_span (story));
  *start = pivot - fraction * span;
  *end = pivot + (1 - fraction) * span;
  caravan_timeline_range_constrain (story, start, end);
}

/* The range that shows [@first, @last) at least @min_span days wide, with room on the right
 * for the titles of the last events. */
void
caravan_timeline_range_fit (double  first,
                            double  last,
                            double  min_span,
                            double *start,
                            double *end)
{
  double span = MAX (last - first, min_span);
  double center = (first + last) / 2;

  *start = center - span / 2 - span * FIT_MARGIN;
  *end = center + span / 2 + span * FIT_TITLE_MARGIN;
}

/* The span whose middle is nearest @day, G_MAXUINT when there is none. */
guint
caravan_timeline_spans_nearest (const CaravanTimelineSpan *spans,
                                guint                      n_spans,
                                double                     day)
{
  double best = G_MAXDOUBLE;
  guint best_index = G_MAXUINT;

  for (guint i = 0; i < n_spans; i++)
    {
      double distance = fabs ((spans[i].start + spans[i].end) / 2 - day);

      if (distance < best)
        {
          best = distance;
          best_index = i;
        }
    }
  return best_index;
}

/* From the first start to the last end of the spans marked in @chosen; FALSE when none is. */
gboolean
caravan_timeline_spans_extent (const CaravanTimelineSpan *spans,
                               const guint8              *chosen,
                               guint                      n_spans,
                               double                    *first,
                               double                    *end)
{
  *first = G_MAXDOUBLE;
  *end = -G_MAXDOUBLE;
  for (guint i = 0; i < n_spans; i++)
    if (chosen[i])
      {
        *first = MIN (*first, spans[i].start);
        *end = MAX (*end, spans[i].end);
      }
  return *end > *first;
}
