/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-record-command.h: `caravan --record OUT STORY`, the presentation recorded as a video
 * without showing a window. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CARAVAN_RECORD_OK            0
#define CARAVAN_RECORD_FAILED        1
#define CARAVAN_RECORD_BAD_ARGUMENTS 2
#define CARAVAN_RECORD_INTERRUPTED   130

typedef struct
{
  const char *output;            /* OUT.webm or OUT.mp4 */
  const char *story;             /* NULL: the bundled story */
  const char *size;              /* "WxH", NULL: 1920x1080 */
  const char *theme;             /* NULL: projector */
  int         fps;               /* 0: 30 */
  double      seconds_per_step;  /* 0: the presentation's */
  int         from;              /* steps from 1; 0: the first */
  int         to;                /* 0: the last */
} CaravanRecordOptions;

int caravan_record_command (const CaravanRecordOptions *options);

G_END_DECLS
