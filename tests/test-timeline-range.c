/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-timeline-range.c: the timeline's visible range without a display: zoom limits, the story
 * kept on screen, zooming about a point, fitting spans, the nearest event. */

#define G_LOG_DOMAIN "caravan-test-timeline-range"

#include "config.h"

#include "caravan-timeline-range.h"

/* A story of one year, from julian day 738000. */
static const CaravanTimelineExtent year = { 738000, 738365 };

static void
test_span_limits (void)
{
  double start = 738100, end = 738100.5;

  /* Half a day widens to two about its centre. */
  caravan_timeline_range_constrain (&year, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, CARAVAN_TIMELINE_MIN_SPAN_DAYS, 1e-9);
  g_assert_cmpfloat_with_epsilon ((start + end) / 2, 738100.25, 1e-9);

  /* Zoomed out, a year-long story still shows ten years at most. */
  g_assert_cmpfloat (caravan_timeline_range_max_span (&year), ==, 3650);
  start = 700000;
  end = 780000;
  caravan_timeline_range_constrain (&year, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 3650, 1e-9);
}

/* Panning far away stops with half a view of the story still on screen. */
static void
test_story_stays_on_screen (void)
{
  double start = 800000, end = 800100;

  caravan_timeline_range_constrain (&year, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, year.end + 50, 1e-9);

  start = 600000;
  end = 600100;
  caravan_timeline_range_constrain (&year, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, year.start - 50, 1e-9);

  /* Never before the first julian day. */
  {
    CaravanTimelineExtent none = { 0, 0 };

    start = -40;
    end = 60;
    caravan_timeline_range_constrain (&none, &start, &end);
    g_assert_cmpfloat (start, ==, 1);
    g_assert_cmpfloat (end, ==, 101);
  }
}

/* The day under the pointer stays under it. */
static void
test_zoom_about_a_point (void)
{
  double start = 738000, end = 738200;
  double fraction = 0.25, day = start + fraction * (end - start);

  caravan_timeline_range_zoom (&year, fraction, 2, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (start + fraction * (end - start), day, 1e-9);

  caravan_timeline_range_zoom (&year, fraction, 0.5, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (start + fraction * (end - start), day, 1e-9);
}

/* Fitting leaves 4 % on the left and 15 % on the right for titles. */
static void
test_fit (void)
{
  double start, end;

  caravan_timeline_range_fit (1000, 1100, 30, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, 1000 - 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (end, 1100 + 15, 1e-9);

  /* A one-day event is shown at least @min_span wide. */
  caravan_timeline_range_fit (1000, 1001, 60, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 60 * 1.19, 1e-9);
}

static void
test_spans (void)
{
  const CaravanTimelineSpan spans[] = {
    { .start = 10, .end = 11 },
    { .start = 100, .end = 200 },
    { .start = 400, .end = 401 },
  };
  const guint8 chosen[] = { 1, 0, 1 };
  const guint8 none[] = { 0, 0, 0 };
  double first, end;

  g_assert_cmpuint (caravan_timeline_spans_nearest (spans, 3, 140), ==, 1);
  g_assert_cmpuint (caravan_timeline_spans_nearest (spans, 3, 390), ==, 2);
  g_assert_cmpuint (caravan_timeline_spans_nearest (spans, 0, 390), ==, G_MAXUINT);

  g_assert_true (caravan_timeline_spans_extent (spans, chosen, 3, &first, &end));
  g_assert_cmpfloat (first, ==, 10);
  g_assert_cmpfloat (end, ==, 401);
  g_assert_false (caravan_timeline_spans_extent (spans, none, 3, &first, &end));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-range/span-limits", test_span_limits);
  g_test_add_func ("/timeline-range/story-stays-on-screen", test_story_stays_on_screen);
  g_test_add_func ("/timeline-range/zoom-about-a-point", test_zoom_about_a_point);
  g_test_add_func ("/timeline-range/fit", test_fit);
  g_test_add_func ("/timeline-range/spans", test_spans);

  return g_test_run ();
}
