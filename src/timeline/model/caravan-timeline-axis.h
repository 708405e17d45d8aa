/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-axis.h: tick steps, tick positions and non-overlapping labels of the timeline's
 * time axis, from decades down to days. Plain GLib, no GTK, so it is unit-testable. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_TIMELINE_UNIT_DAY,
  CARAVAN_TIMELINE_UNIT_MONTH,
  CARAVAN_TIMELINE_UNIT_YEAR,
} CaravanTimelineUnit;

#define CARAVAN_TIMELINE_N_UNITS 3

/* Ticks every @count units (count 0 means "no ticks"). */
typedef struct
{
  CaravanTimelineUnit unit;
  guint count;
} CaravanTimelineStep;

typedef struct
{
  double julian;        /* julian day at which the tick's period starts */
  int year;
  guint8 month;
  guint8 day;
  gboolean major;       /* starts a larger period: a decade/century, a year, a month */
  gboolean shown;       /* the label is drawn (see caravan_timeline_axis_remove_overlaps()) */
  double width;         /* label width in pixels, filled in by the caller */
  char label[32];
} CaravanTimelineTick;

/* The finest labelled step whose ticks lie at least @min_pitch[unit] pixels apart.
 * Years step by 1, 2, 10, 20, 100, …: decades and centuries are how history is read. */
CaravanTimelineStep caravan_timeline_axis_choose_step     (double               px_per_day,
                                                           const double
                                                           min_pitch[CARAVAN_TIMELINE_N_UNITS]);
/* Unlabelled ticks between the labelled ones, when they lie at least @min_pitch apart. */
CaravanTimelineStep caravan_timeline_axis_minor_step      (CaravanTimelineStep  step,
                                                           double               px_per_day,
                                                           double               min_pitch);
/* Appends the ticks of @step in [@start, @end] to @ticks (an array of CaravanTimelineTick),
 * labelled when @labelled, shown unless removed later. */
void                caravan_timeline_axis_compute_ticks   (CaravanTimelineStep  step,
                                                           double               start,
                                                           double               end,
                                                           gboolean             labelled,
                                                           GArray              *ticks);
/* Hides labels so that none overlap: a label spans [x + @offset, x + @offset + width] where
 * x = (julian - @start) * @px_per_day; labels are kept @gap apart and right of @left_limit.
 * Major labels win over minor ones. */
void                caravan_timeline_axis_remove_overlaps (GArray              *ticks,
                                                           double               start,
                                                           double               px_per_day,
                                                           double               offset,
                                                           double               gap,
                                                           double               left_limit);
/* Where the view is in the larger period ("September 2022" for days, "2022" for months);
 * NULL for years. */
char               *caravan_timeline_axis_format_context  (CaravanTimelineStep  step,
                                                           double               julian);

G_END_DECLS
