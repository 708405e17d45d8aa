/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-timeline-axis.c: tick steps and labels of the timeline's time axis (no GTK). */

#define G_LOG_DOMAIN "caravan-timeline-axis"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "caravan-timeline-axis.h"

/* Labelled steps from finest to coarsest. */
static const CaravanTimelineStep steps[] = {
  { CARAVAN_TIMELINE_UNIT_DAY, 1 },
  { CARAVAN_TIMELINE_UNIT_DAY, 2 },
  { CARAVAN_TIMELINE_UNIT_DAY, 5 },
  { CARAVAN_TIMELINE_UNIT_DAY, 10 },
  { CARAVAN_TIMELINE_UNIT_MONTH, 1 },
  { CARAVAN_TIMELINE_UNIT_MONTH, 3 },
  { CARAVAN_TIMELINE_UNIT_MONTH, 6 },
  { CARAVAN_TIMELINE_UNIT_YEAR, 1 },
  { CARAVAN_TIMELINE_UNIT_YEAR, 2 },
  { CARAVAN_TIMELINE_UNIT_YEAR, 10 },
  { CARAVAN_TIMELINE_UNIT_YEAR, 20 },
  { CARAVAN_TIMELINE_UNIT_YEAR, 100 },
  { CARAVAN_TIMELINE_UNIT_YEAR, 200 },
  { CARAVAN_TIMELINE_UNIT_YEAR, 1000 },
};

/* The shortest a step can be, in days, so that the pitch check holds for every period. */
static double
step_min_days (CaravanTimelineStep step)
{
  switch (step.unit)
    {
    case CARAVAN_TIMELINE_UNIT_DAY:
      return step.count;
    case CARAVAN_TIMELINE_UNIT_MONTH:
      return 28.0 * step.count;
    case CARAVAN_TIMELINE_UNIT_YEAR:
    default:
      return 365.0 * step.count;
    }
}

static guint32
julian_of (int year,
           int month,
           int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, CLAMP (year, 1, 9999));
  return g_date_get_julian (&date);
}

static void
dmy_of (double  julian,
        int    *year,
        int    *month,
        int    *day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) CLAMP (floor (julian), 1, 3652059));
  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *day = g_date_get_day (&date);
}

/* Month names in the current locale, standalone forms, computed once. */
static const char *
month_name (int      month,
            gboolean abbreviated)
{
  static char *names[2][12];
  int kind = abbreviated ? 1 : 0;

  g_assert (month >= 1 && month <= 12);

  if (names[kind][month - 1] == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, month, 1, 12, 0, 0);

      names[kind][month - 1] = g_date_time_format (dt, abbreviated ? "%Ob" : "%OB");
    }

  return names[kind][month - 1];
}

CaravanTimelineStep
caravan_timeline_axis_choose_step (double       px_per_day,
                                   const double min_pitch[CARAVAN_TIMELINE_N_UNITS])
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (step_min_days (steps[i]) * px_per_day >= min_pitch[steps[i].unit])
        return steps[i];
    }

  return steps[G_N_ELEMENTS (steps) - 1];
}

CaravanTimelineStep
caravan_timeline_axis_minor_step (CaravanTimelineStep step,
                                  double              px_per_day,
                                  double              min_pitch)
{
  CaravanTimelineStep none = { step.unit, 0 };
  CaravanTimelineStep minor;

  switch (step.unit)
    {
    case CARAVAN_TIMELINE_UNIT_DAY:
      minor = (CaravanTimelineStep) { CARAVAN_TIMELINE_UNIT_DAY, 1 };
      break;
    case CARAVAN_TIMELINE_UNIT_MONTH:
      if (step.count > 1)
        minor = (CaravanTimelineStep) { CARAVAN_TIMELINE_UNIT_MONTH, 1 };
      else
        minor = (CaravanTimelineStep) { CARAVAN_TIMELINE_UNIT_DAY, 1 };
      break;
    case CARAVAN_TIMELINE_UNIT_YEAR:
    default:
      if (step.count == 1)
        minor = (CaravanTimelineStep) { CARAVAN_TIMELINE_UNIT_MONTH, 1 };
      else if (step.count <= 10)
        minor = (CaravanTimelineStep) { CARAVAN_TIMELINE_UNIT_YEAR, 1 };
      else
        minor = (CaravanTimelineStep) { CARAVAN_TIMELINE_UNIT_YEAR, step.count / 10 };
      break;
    }

  if (minor.unit == step.unit && minor.count == step.count)
    return none;
  if (step_min_days (minor) * px_per_day < min_pitch)
    return none;

  return minor;
}

static void
label_tick (CaravanTimelineTick *tick,
            CaravanTimelineStep  step)
{
  switch (step.unit)
    {
    case CARAVAN_TIMELINE_UNIT_DAY:
      if (tick->day == 1 && tick->month == 1)
        g_snprintf (tick->label, sizeof tick->label, "%d", tick->year);
      else if (tick->day == 1)
        g_strlcpy (tick->label, month_name (tick->month, TRUE), sizeof tick->label);
      else
        g_snprintf (tick->label, sizeof tick->label, "%d", tick->day);
      break;
    case CARAVAN_TIMELINE_UNIT_MONTH:
      if (tick->month == 1)
        g_snprintf (tick->label, sizeof tick->label, "%d", tick->year);
      else
        g_strlcpy (tick->label, month_name (tick->month, TRUE), sizeof tick->label);
      break;
    case CARAVAN_TIMELINE_UNIT_YEAR:
    default:
      g_snprintf (tick->label, sizeof tick->label, "%d", tick->year);
      break;
    }
}

static void
append_tick (GArray              *ticks,
             CaravanTimelineStep  step,
             gboolean             labelled,
             int                  year,
             int                  month,
             int                  day)
{
  CaravanTimelineTick tick = { 0 };

  tick.julian = julian_of (year, month, day);
  tick.year = year;
  tick.month = month;
  tick.day = day;
  tick.shown = labelled;

  switch (step.unit)
    {
    case CARAVAN_TIMELINE_UNIT_DAY:
      tick.major = day == 1;
      break;
    case CARAVAN_TIMELINE_UNIT_MONTH:
      tick.major = month == 1;
      break;
    case CARAVAN_TIMELINE_UNIT_YEAR:
    default:
      tick.major = year % (step.count < 10 ? 10 : 100) == 0;
      break;
    }

  if (labelled)
    label_tick (&tick, step);

  g_array_append_val (ticks, tick);
}

void
caravan_timeline_axis_compute_ticks (CaravanTimelineStep step,
                                     double              start,
                                     double              end,
                                     gboolean            labelled,
                                     GArray             *ticks)
{
  int year, month, day;

  g_return_if_fail (ticks != NULL);
  g_return_if_fail (g_array_get_element_size (ticks) == sizeof (CaravanTimelineTick));

  if (step.count == 0 || end < start)
    return;

  start = MAX (start, 1.0);
  dmy_of (start, &year, &month, &day);

  switch (step.unit)
    {
    case CARAVAN_TIMELINE_UNIT_YEAR:
      year -= year % (int) step.count;
      for (; year <= 9999; year += step.count)
        {
          double julian = julian_of (year, 1, 1);

          if (julian > end)
            break;
          if (julian >= start)
            append_tick (ticks, step, labelled, year, 1, 1);
        }
      break;

    case CARAVAN_TIMELINE_UNIT_MONTH:
      month -= (month - 1) % step.count;
      for (; year <= 9999;)
        {
          double julian = julian_of (year, month, 1);

          if (julian > end)
            break;
          if (julian >= start)
            append_tick (ticks, step, labelled, year, month, 1);
          month += step.count;
          if (month > 12)
            {
              month -= 12;
              year++;
            }
        }
      break;

    case CARAVAN_TIMELINE_UNIT_DAY:
    default:
      {
        double julian = julian_of (year, month, 1);

        /* Days 1, 1 + count, 1 + 2 count, … of each month. */
        while (julian <= end)
          {
            guint8 n_days = g_date_get_days_in_month (month, year);

            for (int d = 1; d <= n_days; d += step.count)
              {
                double j = julian + d - 1;

                if (j > end)
                  break;
                if (j >= start)
                  append_tick (ticks, step, labelled, year, month, d);
              }

            julian += n_days;
            if (++month > 12)
              {
                month = 1;
                if (++year > 9999)
                  break;
              }
          }
      }
      break;
    }
}

void
caravan_timeline_axis_remove_overlaps (GArray *ticks,
                                       double  start,
                                       double  px_per_day,
                                       double  offset,
                                       double  gap,
                                       double  left_limit)
{
  double last_end = left_limit - gap;
  guint n;

  g_return_if_fail (ticks != NULL);

  n = ticks->len;

  /* Majors first, left to right: they place the larger periods. */
  for (guint i = 0; i < n; i++)
    {
      CaravanTimelineTick *tick = &g_array_index (ticks, CaravanTimelineTick, i);
      double left = (tick->julian - start) * px_per_day + offset;

      if (!tick->major || !tick->shown)
        continue;
      if (left < last_end + gap)
        tick->shown = FALSE;
      else
        last_end = left + tick->width;
    }

  /* Then minors, which must clear both the previous shown label and the next shown major. */
  last_end = left_limit - gap;
  for (guint i = 0; i < n; i++)
    {
      CaravanTimelineTick *tick = &g_array_index (ticks, CaravanTimelineTick, i);
      double left = (tick->julian - start) * px_per_day + offset;
      double next_major_left = G_MAXDOUBLE;

      if (!tick->shown)
        continue;

      if (tick->major)
        {
          last_end = left + tick->width;
          continue;
        }

      for (guint j = i + 1; j < n; j++)
        {
          CaravanTimelineTick *next = &g_array_index (ticks, CaravanTimelineTick, j);

          if (next->major && next->shown)
            {
              next_major_left = (next->julian - start) * px_per_day + offset;
              break;
            }
        }

      if (left < last_end + gap || left + tick->width + gap > next_major_left)
        tick->shown = FALSE;
      else
        last_end = left + tick->width;
    }
}

char *
caravan_timeline_axis_format_context (CaravanTimelineStep step,
                                      double              julian)
{
  int year, month, day;

  dmy_of (julian, &year, &month, &day);

  switch (step.unit)
    {
    case CARAVAN_TIMELINE_UNIT_DAY:
      /* Translators: the month and year the timeline shows, e.g. "September 2022". */
      return g_strdup_printf (_("%s %d"), month_name (month, FALSE), year);
    case CARAVAN_TIMELINE_UNIT_MONTH:
      return g_strdup_printf ("%d", year);
    case CARAVAN_TIMELINE_UNIT_YEAR:
    default:
      return NULL;
    }
}
