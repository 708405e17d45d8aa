/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-json-text.h: a JSON tree as text the way people and most tools write it: two spaces
 * of indent, "key": value, text kept as UTF-8, and numbers in the fewest digits that read
 * back to the same double (44.2234, not json-glib's 44.223399999999998). */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  CARAVAN_JSON_TEXT_DEFAULT = 0,
  /* Arrays of numbers, strings and the like on one line: [71.446, 51.1801] (GeoJSON). */
  CARAVAN_JSON_TEXT_INLINE_SCALAR_ARRAYS = 1 << 0,
} CaravanJsonTextFlags;

void caravan_json_text_append (GString              *text,
                               JsonNode             *node,
                               CaravanJsonTextFlags  flags);

G_END_DECLS
