/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-date.h: a calendar date with precision (year, month or day), an optional end, and a
 * circa flag; ordering, overlap and locale-aware formatting. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_DATE_PRECISION_YEAR,
  CARAVAN_DATE_PRECISION_MONTH,
  CARAVAN_DATE_PRECISION_DAY,
} CaravanDatePrecision;

/* A plain value type: copy it by assignment. Fields not covered by the precision are 1
 * (month, day). When has_end is FALSE the end fields equal the start fields. */
struct _CaravanDate
{
  gint16 year;
  guint8 month;
  guint8 day;
  CaravanDatePrecision precision;

  gboolean has_end;
  gint16 end_year;
  guint8 end_month;
  guint8 end_day;
  CaravanDatePrecision end_precision;

  gboolean circa;
};

#define CARAVAN_TYPE_DATE (caravan_date_get_type ())

GType        caravan_date_get_type        (void) G_GNUC_CONST;
CaravanDate *caravan_date_copy            (const CaravanDate *date);
void         caravan_date_free            (CaravanDate       *date);

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into @date (no end, not circa). */
gboolean     caravan_date_parse           (const char        *text,
                                           CaravanDate       *date,
                                           GError           **error);
/* Parses @text as the end of @date's range; fails when it lies before the start. */
gboolean     caravan_date_parse_end       (CaravanDate       *date,
                                           const char        *text,
                                           GError           **error);
void         caravan_date_init_day        (CaravanDate       *date,
                                           int                year,
                                           int                month,
                                           int                day);

/* Julian day numbers as in GDate (1 = 1 January of year 1). First day of the start and last
 * day of the end (or of the start when there is no end), at the date's precision. */
guint32      caravan_date_get_first_julian (const CaravanDate *date);
guint32      caravan_date_get_last_julian  (const CaravanDate *date);

int          caravan_date_compare         (const CaravanDate *a,
                                           const CaravanDate *b);
gboolean     caravan_date_overlaps        (const CaravanDate *a,
                                           const CaravanDate *b);
gboolean     caravan_date_contains_julian (const CaravanDate *date,
                                           guint32            julian);

/* "7 September 2013", "September 2022", "2–19 January 2022", "c. 2012" in the current locale. */
char        *caravan_date_format          (const CaravanDate *date);
/* "2022-01-02/2022-01-19", for logs and files. */
char        *caravan_date_to_iso          (const CaravanDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaravanDate, caravan_date_free)

G_END_DECLS
