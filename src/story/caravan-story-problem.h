/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-story-problem.h: one problem found while loading a story, with its position, and the
 * CARAVAN_STORY_ERROR domain. */

#pragma once

#include <glib-object.h>

#include "caravan-types.h"

G_BEGIN_DECLS

#define CARAVAN_STORY_ERROR (caravan_story_error_quark ())

typedef enum
{
  CARAVAN_STORY_ERROR_FAILED,             /* I/O or anything else */
  CARAVAN_STORY_ERROR_EMPTY,              /* empty or whitespace-only file */
  CARAVAN_STORY_ERROR_TOO_LARGE,          /* over CARAVAN_STORY_MAX_SIZE bytes */
  CARAVAN_STORY_ERROR_INVALID_UTF8,
  CARAVAN_STORY_ERROR_SYNTAX,             /* not JSON */
  CARAVAN_STORY_ERROR_TOO_DEEP,           /* nested deeper than CARAVAN_STORY_MAX_DEPTH */
  CARAVAN_STORY_ERROR_UNSUPPORTED_VERSION,
  CARAVAN_STORY_ERROR_WRONG_TYPE,
  CARAVAN_STORY_ERROR_MISSING_FIELD,
  CARAVAN_STORY_ERROR_EMPTY_VALUE,
  CARAVAN_STORY_ERROR_OUT_OF_RANGE,
  CARAVAN_STORY_ERROR_INVALID_DATE,
  CARAVAN_STORY_ERROR_DATE_ORDER,          /* end before start */
  CARAVAN_STORY_ERROR_DUPLICATE_ID,
  CARAVAN_STORY_ERROR_UNKNOWN_REFERENCE,
  CARAVAN_STORY_ERROR_UNKNOWN_FIELD,       /* only ever a warning */
  CARAVAN_STORY_ERROR_INVALID,             /* the summary code when several kinds occur */
  CARAVAN_STORY_ERROR_NOT_A_FILE,          /* a folder, FIFO, device: refused before opening */
  CARAVAN_STORY_ERROR_TOO_LONG,            /* a string over its cap (caravan-story-loader.h) */
} CaravanStoryError;

typedef enum
{
  CARAVAN_STORY_SEVERITY_WARNING,
  CARAVAN_STORY_SEVERITY_ERROR,
} CaravanStorySeverity;

#define CARAVAN_TYPE_STORY_PROBLEM (caravan_story_problem_get_type ())

G_DECLARE_FINAL_TYPE (CaravanStoryProblem, caravan_story_problem, CARAVAN, STORY_PROBLEM, GObject)

GQuark                caravan_story_error_quark (void);

CaravanStoryProblem  *caravan_story_problem_new          (CaravanStorySeverity  severity,
                                                          CaravanStoryError     code,
                                                          const char           *path,
                                                          guint                 line,
                                                          guint                 column,
                                                          const char           *message);
CaravanStorySeverity  caravan_story_problem_get_severity (CaravanStoryProblem  *self);
CaravanStoryError     caravan_story_problem_get_code     (CaravanStoryProblem  *self);
/* JSON path such as "events[3].place"; "" for the document as a whole. */
const char           *caravan_story_problem_get_path     (CaravanStoryProblem  *self);
/* 1-based; column counts characters. */
guint                 caravan_story_problem_get_line     (CaravanStoryProblem  *self);
guint                 caravan_story_problem_get_column   (CaravanStoryProblem  *self);
/* The message without the path, e.g. "unknown place \"astna\"". */
const char           *caravan_story_problem_get_message  (CaravanStoryProblem  *self);
/* "events[3].place: unknown place \"astna\"" (path and message); owned by the caller. */
char                 *caravan_story_problem_to_string    (CaravanStoryProblem  *self);

G_END_DECLS
