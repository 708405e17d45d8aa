/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-json-scanner.h: a strict JSON syntax pass that gives precise line/column for syntax
 * errors and nesting limits, and on request maps JSON paths ("events[3].place") to the line
 * and column of their value (json-glib 1.6 exposes no node positions). Internal to the loader. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint key_line;    /* 0 for array elements and the root */
  guint key_column;
  guint line;        /* of the value */
  guint column;
} CaravanJsonPosition;

typedef struct
{
  gboolean too_deep;  /* else a syntax error */
  gboolean too_many;  /* more than the allowed number of values */
  guint line;
  guint column;
  char *message;
} CaravanJsonScanError;

/* A stretch of the document: a value, or a key with its quotes. */
typedef struct
{
  gsize offset;
  gsize length;
} CaravanJsonSpan;

/* One member of the root object, in file order. */
typedef struct
{
  CaravanJsonSpan key;
  CaravanJsonSpan value;
  GArray *elements;  /* CaravanJsonSpan of each element when the value is an array, else NULL */
} CaravanJsonMember;

/* Where the root object's members and their array elements are, so that the loader can hand
 * json-glib one small piece at a time (one big tree costs twice as much in cache misses). */
typedef struct
{
  gboolean root_is_object;
  GArray *members;   /* CaravanJsonMember */
} CaravanJsonOutline;

/* Checks that @data (valid UTF-8) is exactly one JSON value nested at most @max_depth deep
 * and made of at most @max_values values (a bound on the memory a JSON tree of it takes).
 * When @positions is not NULL, fills it with path -> CaravanJsonPosition (owned by the table)
 * for every path in @wanted, or for all paths when @wanted is NULL; @wanted must hold the
 * ancestors of its paths too ("events", "events[3]" for "events[3].place") and "" for the root.
 * When @outline is not NULL, fills it (clear it with caravan_json_outline_clear()); offsets
 * count from @data. On failure fills @error_out (free its message) and returns FALSE. */
gboolean    caravan_json_scan              (const char           *data,
                                            gsize                 length,
                                            guint                 max_depth,
                                            guint                 max_values,
                                            GHashTable           *positions,
                                            GHashTable           *wanted,
                                            CaravanJsonOutline   *outline,
                                            CaravanJsonScanError *error_out);
void        caravan_json_outline_clear     (CaravanJsonOutline   *outline);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CaravanJsonOutline, caravan_json_outline_clear)
/* Adds @path and all its ancestors to the set @wanted. */
void        caravan_json_want_path         (GHashTable           *wanted,
                                            const char           *path);
GHashTable *caravan_json_positions_new     (void);

/* Line and column (1-based, in characters) of byte @offset in @data. */
void        caravan_json_offset_to_position (const char          *data,
                                            gsize                 offset,
                                            guint                *line,
                                            guint                *column);

G_END_DECLS
