/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline-axis.c: the timeline's tick steps (decades down to days), tick positions and
 * non-overlapping labels; plain computation, no display. */

#define G_LOG_DOMAIN "caravan-test-timeline-axis"

#include "config.h"

#include <string.h>

#include "caravan-timeline-axis.h"
#include "caravan-timeline-layout.h"

#define WIDTH 1280.0
#define CHAR_WIDTH 9.0

/* Minimum label pitch as the widget computes it: a label plus 24 px. */
static const double pitch[CARAVAN_TIMELINE_N_UNITS] = {
  [CARAVAN_TIMELINE_UNIT_DAY] = 2 * CHAR_WIDTH + 24,
  [CARAVAN_TIMELINE_UNIT_MONTH] = 3 * CHAR_WIDTH + 24,
  [CARAVAN_TIMELINE_UNIT_YEAR] = 4 * CHAR_WIDTH + 24,
};

static double
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Ticks and labels for [start, end) drawn WIDTH wide, labels measured as CHAR_WIDTH per char. */
static GArray *
compute (double               start,
         double               end,
         CaravanTimelineStep *out_step)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineTick));
  double px_per_day = WIDTH / (end - start);
  CaravanTimelineStep step = caravan_timeline_axis_choose_step (px_per_day, pitch);

  caravan_timeline_axis_compute_ticks (step, start, end, TRUE, ticks);
  for (guint i = 0; i < ticks->len; i++)
    {
      CaravanTimelineTick *tick = &g_array_index (ticks, CaravanTimelineTick, i);

      tick->width = strlen (tick->label) * CHAR_WIDTH;
    }
  caravan_timeline_axis_remove_overlaps (ticks, start, px_per_day, 5, 16, 0);

  *out_step = step;
  return ticks;
}

static void
assert_no_overlap (GArray *ticks,
                   double  start,
                   double  end)
{
  double px_per_day = WIDTH / (end - start);
  double last_end = -G_MAXDOUBLE;
  guint n_shown = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      const CaravanTimelineTick *tick = &g_array_index (ticks, CaravanTimelineTick, i);
      double left = (tick->julian - start) * px_per_day + 5;

      g_assert_cmpfloat (tick->julian, >=, start);
      g_assert_cmpfloat (tick->julian, <=, end);
      if (i > 0)
        g_assert_cmpfloat (tick->julian, >, g_array_index (ticks, CaravanTimelineTick,
                                                           i - 1).julian);
      if (!tick->shown)
        continue;

      g_assert_cmpfloat (left, >=, last_end + 16);
      last_end = left + tick->width;
      n_shown++;
    }

  g_assert_cmpuint (n_shown, >=, 2);
}

static void
test_decades (void)
{
  double start = julian (1961, 3, 20), end = julian (2021, 3, 20);
  CaravanTimelineStep step;
  g_autoptr(GArray) ticks = compute (start, end, &step);

  g_assert_cmpint (step.unit, ==, CARAVAN_TIMELINE_UNIT_YEAR);
  g_assert_cmpuint (step.count, ==, 10);
  g_assert_cmpuint (ticks->len, ==, 6);
  g_assert_cmpstr (g_array_index (ticks, CaravanTimelineTick, 0).label, ==, "1970");
  g_assert_cmpstr (g_array_index (ticks, CaravanTimelineTick, 5).label, ==, "2020");
  g_assert_true (g_array_index (ticks, CaravanTimelineTick, 3).major);  /* 2000 */
  assert_no_overlap (ticks, start, end);

  /* Years in between get unlabelled ticks. */
  step = caravan_timeline_axis_minor_step (step, WIDTH / (end - start), 6);
  g_assert_cmpint (step.unit, ==, CARAVAN_TIMELINE_UNIT_YEAR);
  g_assert_cmpuint (step.count, ==, 1);
}

static void
test_months (void)
{
  double start = julian (2022, 1, 1), end = julian (2023, 1, 1);
  CaravanTimelineStep step;
  g_autoptr(GArray) ticks = compute (start, end, &step);

  g_assert_cmpint (step.unit, ==, CARAVAN_TIMELINE_UNIT_MONTH);
  g_assert_cmpuint (step.count, ==, 1);
  g_assert_cmpuint (ticks->len, ==, 13);
  /* January is labelled with its year, as a major tick. */
  g_assert_cmpstr (g_array_index (ticks, CaravanTimelineTick, 0).label, ==, "2022");
  g_assert_true (g_array_index (ticks, CaravanTimelineTick, 0).major);
  g_assert_cmpstr (g_array_index (ticks, CaravanTimelineTick, 8).label, ==, "Sep");
  g_assert_cmpstr (g_array_index (ticks, CaravanTimelineTick, 12).label, ==, "2023");
  assert_no_overlap (ticks, start, end);
}

static void
test_days (void)
{
  double start = julian (2022, 1, 1), end = start + 21;
  CaravanTimelineStep step;
  g_autoptr(GArray) ticks = compute (start, end, &step);
  g_autofree char *context = NULL;

  g_assert_cmpint (step.unit, ==, CARAVAN_TIMELINE_UNIT_DAY);
  g_assert_cmpuint (step.count, ==, 1);
  g_assert_cmpuint (ticks->len, ==, 22);
  g_assert_cmpstr (g_array_index (ticks, CaravanTimelineTick, 6).label, ==, "7");
  assert_no_overlap (ticks, start, end);

  context = caravan_timeline_axis_format_context (step, start + 3);
  g_assert_cmpstr (context, ==, "January 2022");
}

/* Across a month end with 5-day steps, "26" and the next "1" (3 days apart in February) would
 * collide: the minor label gives way to the major one. */
static void
test_overlap_major_wins (void)
{
  double start = julian (2022, 2, 1), end = julian (2022, 4, 30);
  double px_per_day = 9;
  CaravanTimelineStep step = { CARAVAN_TIMELINE_UNIT_DAY, 5 };
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (CaravanTimelineTick));
  gboolean found = FALSE;

  caravan_timeline_axis_compute_ticks (step, start, end, TRUE, ticks);
  for (guint i = 0; i < ticks->len; i++)
    {
      CaravanTimelineTick *tick = &g_array_index (ticks, CaravanTimelineTick, i);

      tick->width = strlen (tick->label) * CHAR_WIDTH;
    }
  caravan_timeline_axis_remove_overlaps (ticks, start, px_per_day, 5, 16, 0);

  for (guint i = 0; i < ticks->len; i++)
    {
      const CaravanTimelineTick *tick = &g_array_index (ticks, CaravanTimelineTick, i);

      if (tick->month == 2 && tick->day == 26)
        {
          g_assert_false (tick->shown);
          g_assert_true (g_array_index (ticks, CaravanTimelineTick, i + 1).shown);
          g_assert_cmpstr (g_array_index (ticks, CaravanTimelineTick, i + 1).label, ==, "Mar");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_steps_adapt (void)
{
  double px_per_day;
  CaravanTimelineStep previous = { CARAVAN_TIMELINE_UNIT_DAY, 1 };

  /* From 3 days to 3000 years on screen, steps only ever get coarser. */
  for (px_per_day = WIDTH / 3; px_per_day > WIDTH / (3000 * 365.0); px_per_day /= 1.3)
    {
      CaravanTimelineStep step = caravan_timeline_axis_choose_step (px_per_day, pitch);
      double days = step.unit == CARAVAN_TIMELINE_UNIT_DAY ? step.count :
                    step.unit == CARAVAN_TIMELINE_UNIT_MONTH ? 30.0 * step.count :
                    365.0 * step.count;
      double previous_days = previous.unit == CARAVAN_TIMELINE_UNIT_DAY ? previous.count :
                             previous.unit == CARAVAN_TIMELINE_UNIT_MONTH ? 30.0 * previous.count :
                             365.0 * previous.count;

      g_assert_cmpfloat (days, >=, previous_days);
      previous = step;
    }
  g_assert_cmpint (previous.unit, ==, CARAVAN_TIMELINE_UNIT_YEAR);
  g_assert_cmpuint (previous.count, >=, 100);
}

static const CaravanTimelineMetrics metrics = { 16, 6, 6, 48, 140, 56 };

/* Overlapping events stack in lanes; items in a lane never overlap, titles included. */
static void
test_layout_lanes (void)
{
  CaravanTimelineSpan spans[] = {
    { 100, 101, 80 },
    { 100, 103, 80 },
    { 101, 102, 80 },
    { 110, 111, 80 },
    { 200, 260, 50 },
  };
  g_autoptr(CaravanTimelineLayout) layout =
    caravan_timeline_layout_new (spans, G_N_ELEMENTS (spans), 20, 4, &metrics);

  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 0), ==, 0);
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 1), ==, 1);
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 2), ==, 2);
  /* Day 110 is 200 px after day 100: the first lane is free again. */
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 3), ==, 0);
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 4), ==, 0);
  /* A 60-day bar at 20 px per day holds its title. */
  g_assert_true (caravan_timeline_layout_find_item (layout, 4)->label_inside);
  g_assert_true (caravan_timeline_layout_find_item (layout, 0)->labelled);
}

/* A later event may take room from an earlier title: the title is shortened, not overlapped. */
static void
test_layout_titles_shorten (void)
{
  CaravanTimelineSpan spans[] = {
    { 100, 101, 200 },
    { 105, 106, 80 },
    { 106.5, 107, 80 },
  };
  g_autoptr(CaravanTimelineLayout) layout =
    caravan_timeline_layout_new (spans, G_N_ELEMENTS (spans), 20, 1, &metrics);
  const CaravanTimelineItem *first = caravan_timeline_layout_find_item (layout, 0);
  const CaravanTimelineItem *second = caravan_timeline_layout_find_item (layout, 1);

  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 1), ==, 0);
  g_assert_true (first->labelled);
  /* Bars are inset by half a gap (3 px) at each end: 86 px between them, less pad and gap. */
  g_assert_cmpfloat_with_epsilon (first->label_width, 86 - 6 - 6, 1e-4);
  g_assert_cmpfloat (first->end, <, second->start);
  /* 30 px is too little for a title: the second event is drawn bare. */
  g_assert_false (second->labelled);
  g_assert_cmpfloat (second->end, <, caravan_timeline_layout_find_item (layout, 2)->start);
}

/* An event of the selection keeps its title where, in time order, a later event would have
 * squeezed it out; the later event gives way instead (here into the count badge). */
static void
test_layout_important_titled (void)
{
  CaravanTimelineSpan spans[] = {
    { 50, 200, 80 },      /* a long bar holding the second lane */
    { 100, 101, 80 },
    { 102, 103, 80 },
  };
  CaravanTimelineLayout *layout;

  layout = caravan_timeline_layout_new (spans, G_N_ELEMENTS (spans), 20, 2, &metrics);
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 0), ==, 0);
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 1), ==, 1);
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 2), ==, 1);
  g_assert_false (caravan_timeline_layout_find_item (layout, 1)->labelled);
  caravan_timeline_layout_free (layout);

  spans[1].important = TRUE;
  layout = caravan_timeline_layout_new (spans, G_N_ELEMENTS (spans), 20, 2, &metrics);
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 1), ==, 0);
  g_assert_true (caravan_timeline_layout_find_item (layout, 1)->labelled);
  g_assert_cmpfloat (caravan_timeline_layout_find_item (layout, 1)->label_width, ==, 80);
  g_assert_cmpuint (caravan_timeline_layout_get_lane (layout, 2), ==, CARAVAN_TIMELINE_CLUSTERED);
  caravan_timeline_layout_free (layout);
}

static void
test_layout_clusters (void)
{
  g_autofree CaravanTimelineSpan *spans = g_new0 (CaravanTimelineSpan, 1000);
  g_autoptr(CaravanTimelineLayout) layout = NULL;
  guint n_clustered = 0, n_members = 0;

  for (guint i = 0; i < 1000; i++)
    spans[i] = (CaravanTimelineSpan) { 1000 + i * 0.1, 1000 + i * 0.1 + 1, 100 };

  layout = caravan_timeline_layout_new (spans, 1000, 1, 3, &metrics);

  for (guint lane = 0; lane < 3; lane++)
    {
      guint n_items;
      const CaravanTimelineItem *items = caravan_timeline_layout_get_items (layout, lane, &n_items);

      for (guint i = 0; i < n_items; i++)
        {
          if (i > 0)
            g_assert_cmpfloat (items[i].start, >, items[i - 1].end);
          if (items[i].is_cluster)
            {
              g_assert_cmpuint (lane, ==, 2);
              n_members += caravan_timeline_layout_get_cluster (layout, items[i].index)->n_members;
            }
        }
    }
  for (guint i = 0; i < 1000; i++)
    n_clustered += caravan_timeline_layout_get_lane (layout, i) == CARAVAN_TIMELINE_CLUSTERED;

  g_assert_cmpuint (n_clustered, >, 900);
  g_assert_cmpuint (n_members, ==, n_clustered);
  /* Past the last item, the search finds the end of the lane. */
  {
    guint n_items;

    caravan_timeline_layout_get_items (layout, 0, &n_items);
    g_assert_cmpuint (caravan_timeline_layout_find_first (layout, 0, 1e9), ==, n_items);
    g_assert_cmpuint (caravan_timeline_layout_find_first (layout, 0, 0), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-axis/step/decades", test_decades);
  g_test_add_func ("/timeline-axis/step/months", test_months);
  g_test_add_func ("/timeline-axis/step/days", test_days);
  g_test_add_func ("/timeline-axis/step/adapts", test_steps_adapt);
  g_test_add_func ("/timeline-axis/labels/major-wins", test_overlap_major_wins);
  g_test_add_func ("/timeline-layout/lanes", test_layout_lanes);
  g_test_add_func ("/timeline-layout/titles-shorten", test_layout_titles_shorten);
  g_test_add_func ("/timeline-layout/clusters", test_layout_clusters);
  g_test_add_func ("/timeline-layout/important-titled", test_layout_important_titled);

  return g_test_run ();
}
