/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-text.c: the story writer's JSON text: numbers in the fewest digits that read back
 * the same, doubles that stay doubles, escapes only where JSON needs them, the layout. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "caravan-json-text.h"

static char *
to_text (JsonNode *node)
{
  GString *text = g_string_new (NULL);

  caravan_json_text_append (text, node, CARAVAN_JSON_TEXT_DEFAULT);
  return g_string_free (text, FALSE);
}

static char *
double_text (double value)
{
  g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), value);

  return to_text (node);
}

static void
test_numbers (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 44.2234, "44.2234" },
    { 46.0, "46.0" },
    { -0.5, "-0.5" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1e-7, "1e-07" },
    { 1e21, "1e+21" },
    { 80.385199999999998, "80.3852" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = double_text (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].text);
      /* Read back, it is the same double. */
      g_assert_cmpfloat (g_ascii_strtod (text, NULL), ==, cases[i].value);
    }
}

static void
test_layout_and_escapes (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *input = "{\"a\":[1,true,null,{},[]],\"b\":{\"c\":\"“q” \\\"x\\\" \\\\ \\n\\t\\u0001 "
                      "/ é 中\"},\"n\":-7}";
  const char *expected =
    "{\n"
    "  \"a\": [\n"
    "    1,\n"
    "    true,\n"
    "    null,\n"
    "    {},\n"
    "    []\n"
    "  ],\n"
    "  \"b\": {\n"
    "    \"c\": \"“q” \\\"x\\\" \\\\ \\n\\t\\u0001 / é 中\"\n"
    "  },\n"
    "  \"n\": -7\n"
    "}";

  g_assert_true (json_parser_load_from_data (parser, input, -1, &error));
  g_assert_no_error (error);
  text = to_text (json_parser_get_root (parser));
  g_assert_cmpstr (text, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-text/numbers", test_numbers);
  g_test_add_func ("/json-text/layout-and-escapes", test_layout_and_escapes);

  return g_test_run ();
}
