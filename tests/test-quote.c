/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-quote.c: caption quote marks follow the quote's language, nest the quote's own quotes
 * and are never doubled. */

#define G_LOG_DOMAIN "caravan-test-quote"

#include "config.h"

#include "caravan-quote.h"

typedef struct {
  const char *language;
  const char *text;
  const char *expected;
} QuoteCase;

static void
check_cases (const QuoteCase *cases,
             gsize            n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *quote = caravan_quote_format (cases[i].text, cases[i].language);

      g_test_message ("%s: %s", cases[i].language ? cases[i].language : "(none)", quote);
      g_assert_cmpstr (quote, ==, cases[i].expected);
    }
}

/* The bundled story's Khorgos excerpt ends in a quote of its own: the caption used to show
 * “…dry port.””. */
static void
test_english_nests_inner_quote (void)
{
  static const QuoteCase cases[] = {
    { "en", "The South China Morning Post calls Khorgos, the railway crossing at the "
            "China-Kazakhstan border, the “world’s biggest dry port.”",
      "“The South China Morning Post calls Khorgos, the railway crossing at the "
      "China-Kazakhstan border, the ‘world’s biggest dry port.’”" },
    { "en", "Tokayev has since consolidated his grip on power.",
      "“Tokayev has since consolidated his grip on power.”" },
    { "en-GB", "It is “hungry for cheaper Chinese goods.”",
      "“It is ‘hungry for cheaper Chinese goods.’”" },
    { "en", "He said \"no\" twice.", "“He said ‘no’ twice.”" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_never_doubled (void)
{
  static const QuoteCase cases[] = {
    /* Marks that came with the text are not repeated. */
    { "en", "“A foregone conclusion.”", "“A foregone conclusion.”" },
    { "ru", "«Свершившийся факт.»", "«Свершившийся факт.»" },
    { "en", "  \"Spaces and ASCII.\"  ", "“Spaces and ASCII.”" },
    /* Two quotes side by side are not one quote around the whole text. */
    { "en", "“Yes,” he said, “no.”", "“‘Yes,’ he said, ‘no.’”" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *quote = caravan_quote_format (cases[i].text, cases[i].language);

      g_assert_null (strstr (quote, "””"));
      g_assert_null (strstr (quote, "»»"));
      g_assert_null (strstr (quote, "«“"));
    }
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_languages (void)
{
  static const QuoteCase cases[] = {
    { "ru", "Это «сухой порт».", "«Это „сухой порт“.»" },
    { "kk", "Бұл «құрғақ порт».", "«Бұл „құрғақ порт“.»" },
    { "de", "Er nannte es „den größten Trockenhafen“.",
      "„Er nannte es ‚den größten Trockenhafen‘.“" },
    { "fr", "Le « port sec » de Khorgos.", "«\u202fLe “ port sec ” de Khorgos.\u202f»" },
    { "ja", "世界最大の「ドライポート」", "「世界最大の『ドライポート』」" },
    { "zh_CN.UTF-8", "世界上最大的“陆港”", "“世界上最大的‘陆港’”" },
    { "zh-TW", "世界最大的「陸港」", "「世界最大的『陸港』」" },
    { "pl", "Największy „suchy port”.", "„Największy «suchy port».”" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* An English quote keeps English marks whatever the reader's language: the language is the
 * quote's, so a Russian user does not get « » around “ ”. */
static void
test_unknown_and_missing_language (void)
{
  static const QuoteCase cases[] = {
    { NULL, "A quote.", "“A quote.”" },
    { "", "A quote.", "“A quote.”" },
    { "tlh", "A quote.", "“A quote.”" },
    { "en", "Kazakhstan’s power calculus", "“Kazakhstan’s power calculus”" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quote/english-nests-inner-quote", test_english_nests_inner_quote);
  g_test_add_func ("/quote/never-doubled", test_never_doubled);
  g_test_add_func ("/quote/languages", test_languages);
  g_test_add_func ("/quote/unknown-and-missing-language", test_unknown_and_missing_language);

  return g_test_run ();
}
