/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-json-scanner-private.h: the state of one scan, shared by the container pass
 * (caravan-json-scanner.c) and the scalar pass (caravan-json-scanner-scalars.c). */

#pragma once

#include "caravan-json-scanner.h"

G_BEGIN_DECLS

typedef struct
{
  const char *data;
  gsize length;
  gsize pos;
  guint max_depth;
  guint max_values;
  guint n_values;
  GHashTable *positions;  /* NULL when not recording */
  GHashTable *wanted;     /* paths to record and their ancestors; NULL for all */
  gboolean recording;     /* FALSE inside subtrees that hold no wanted path */
  GString *path;
  CaravanJsonOutline *outline;  /* NULL when not wanted */
  GArray *elements;             /* of the root member being scanned, when it is an array */
  /* incremental offset -> line/column conversion (offsets only grow while recording) */
  gsize cursor_offset;
  guint cursor_line;
  guint cursor_column;
  /* error */
  gboolean failed;
  gboolean too_deep;
  gboolean too_many;
  gsize error_offset;
  char *error_message;
} CaravanJsonScanner;

/* Records the first failure only; later ones are consequences of it. */
void     caravan_json_fail                (CaravanJsonScanner *s,
                                           gsize               offset,
                                           const char         *message);
/* Fails at the current position with "expected @expected, found …"; returns FALSE. */
gboolean caravan_json_fail_expected       (CaravanJsonScanner *s,
                                           const char         *expected);
/* The same, with "a value (object, array, …)" as what was expected. */
gboolean caravan_json_fail_expected_value (CaravanJsonScanner *s);
void     caravan_json_skip_whitespace     (CaravanJsonScanner *s);
/* Each scans one value of its kind at the current position and steps past it. */
gboolean caravan_json_scan_string         (CaravanJsonScanner *s);
gboolean caravan_json_scan_number         (CaravanJsonScanner *s);
gboolean caravan_json_scan_literal        (CaravanJsonScanner *s,
                                           const char         *word);

G_END_DECLS
