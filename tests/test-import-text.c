/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-text.c: HTML to plain text, dates as the other tools write them, CSV rows. */

#include <glib.h>
#include <string.h>

#include "caravan-import-csv.h"
#include "caravan-import-date.h"
#include "caravan-import-html.h"
#include "caravan-import.h"

static void
test_html_paragraphs (void)
{
  g_autoptr(CaravanHtmlText) text =
    caravan_html_text_new ("<p>One <b>bold</b>\n  word.</p><p>Two<br>lines &amp; more&nbsp;"
                           "text</p><ul><li>a</li><li>b</li></ul>");

  g_assert_cmpstr (text->text, ==, "One bold word.\n\nTwo\nlines & more text\n\n• a\n• b");
  g_assert_cmpuint (text->quotes->len, ==, 0);
}

static void
test_html_blockquote (void)
{
  g_autoptr(CaravanHtmlText) text =
    caravan_html_text_new ("Before<blockquote cite=\"https://example.org/speech\">We choose "
                           "to go.</blockquote><blockquote>Quote two <cite>Her</cite>"
                           "</blockquote>After");
  CaravanHtmlQuote *first, *second;

  g_assert_cmpstr (text->text, ==, "Before\n\nAfter");
  g_assert_cmpuint (text->quotes->len, ==, 2);
  first = g_ptr_array_index (text->quotes, 0);
  second = g_ptr_array_index (text->quotes, 1);
  g_assert_cmpstr (first->text, ==, "We choose to go.");
  g_assert_cmpstr (first->source, ==, "https://example.org/speech");
  g_assert_cmpstr (second->text, ==, "Quote two");
  g_assert_cmpstr (second->source, ==, "Her");
}

static void
test_html_links_and_scripts (void)
{
  g_autoptr(CaravanHtmlText) text =
    caravan_html_text_new ("<a href=\"https://a.example/\">A</a>, "
                           "<a href=\"javascript:alert(1)\">B</a>, "
                           "<a href=\"http://c.example/\">http://c.example/</a>"
                           "<script>document.write('x')</script><iframe src=\"http://x\">"
                           "</iframe><embed src=\"y\"><style>p{}</style>");

  g_assert_cmpstr (text->text, ==, "A (https://a.example/), B, http://c.example/");
  g_assert_cmpuint (text->n_dropped_elements, ==, 3);
  g_assert_cmpuint (text->n_dropped_links, ==, 1);
}

static void
test_html_broken (void)
{
  g_autoptr(CaravanHtmlText) text =
    caravan_html_text_new ("<p>Unclosed <b>bold <i>and<p>next &bogus; &lt;tag&gt; <");
  g_autofree char *line = caravan_html_to_line ("Whitney Houston<br/> 1963 - 2012");

  /* Text that looked like markup stays text; nothing is lost. */
  g_assert_cmpstr (text->text, ==, "Unclosed bold and\n\nnext &bogus; <tag> <");
  g_assert_cmpstr (line, ==, "Whitney Houston 1963 - 2012");
}

static void
assert_iso (const CaravanDate *date,
            const char        *iso)
{
  g_autofree char *text = caravan_date_to_iso (date);

  g_assert_cmpstr (text, ==, iso);
}

static void
test_dates (void)
{
  CaravanDate date;
  g_autofree char *message = NULL;

  g_assert_true (caravan_import_date_parse_iso ("2009-08-17T23:22:32Z", &date, &message));
  assert_iso (&date, "2009-08-17");
  g_assert_cmpint (date.precision, ==, CARAVAN_DATE_PRECISION_DAY);
  g_assert_true (caravan_import_date_parse_iso ("2004-10", &date, &message));
  g_assert_cmpint (date.precision, ==, CARAVAN_DATE_PRECISION_MONTH);
  g_assert_true (caravan_import_date_parse_timeline2 ("1963,8,9", &date, &message));
  assert_iso (&date, "1963-08-09");
  g_assert_true (caravan_import_date_parse_timeline2 ("2012,1", &date, &message));
  assert_iso (&date, "2012-01");
  g_assert_true (caravan_import_date_parse_text ("1790-2010", &date, &message));
  assert_iso (&date, "1790/2010");
  g_assert_true (caravan_import_date_parse_text ("c. 1850", &date, &message));
  g_assert_true (date.circa);
  g_assert_true (caravan_import_date_parse_text ("2004-10/2004-11", &date, &message));
  assert_iso (&date, "2004-10/2004-11");
  g_assert_true (caravan_import_date_from_parts (1, 0, 0, CARAVAN_YEARS_HISTORICAL, &date,
                                                 &message));
  assert_iso (&date, "0001");
}

static void
test_dates_bce (void)
{
  CaravanDate date;
  char *message = NULL;

  /* ISO 8601 and KML count a year 0 (1 BC); TimelineJS does not. */
  g_assert_false (caravan_import_date_parse_iso ("0000", &date, &message));
  g_assert_cmpstr (message, ==, "1 BC is before 1 AD, the earliest date Caravan's timeline shows");
  g_clear_pointer (&message, g_free);
  g_assert_false (caravan_import_date_parse_iso ("-0499-03-01", &date, &message));
  g_assert_true (g_str_has_prefix (message, "500 BC is before 1 AD"));
  g_clear_pointer (&message, g_free);
  g_assert_false (caravan_import_date_from_parts (-500, 0, 0, CARAVAN_YEARS_HISTORICAL, &date,
                                                  &message));
  g_assert_true (g_str_has_prefix (message, "500 BC is before 1 AD"));
  g_clear_pointer (&message, g_free);
  g_assert_false (caravan_import_date_parse_timeline2 ("-13800000000", &date, &message));
  g_assert_true (g_str_has_prefix (message, "13.8 billion years ago is a geological"));
  g_clear_pointer (&message, g_free);
  g_assert_false (caravan_import_date_parse_iso ("12345", &date, &message));
  g_assert_true (g_str_has_prefix (message, "year 12345 is after 9999"));
  g_clear_pointer (&message, g_free);
  g_assert_false (caravan_import_date_parse_iso ("June 2004", &date, &message));
  g_assert_true (g_str_has_prefix (message, "“June 2004” is not a date"));
  g_free (message);
}

static void
test_csv_rows (void)
{
  static const char data[] = "\xef\xbb\xbf" "a,b\r\n"
                             "\"x, \"\"y\"\"\",\"two\r\nlines\"\r\n"
                             "\r\n"
                             "last\n";
  g_autoptr(CaravanCsv) csv = caravan_csv_new (data, strlen (data));
  g_autoptr(GError) error = NULL;
  GPtrArray *cells;
  guint line;

  g_assert_true (caravan_csv_next_row (csv, &cells, &line, &error));
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, "a");
  g_assert_true (caravan_csv_next_row (csv, &cells, &line, &error));
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, "x, \"y\"");
  g_assert_cmpstr (g_ptr_array_index (cells, 1), ==, "two\nlines");
  g_assert_true (caravan_csv_next_row (csv, &cells, &line, &error));
  g_assert_cmpuint (line, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, "last");
  g_assert_false (caravan_csv_next_row (csv, &cells, &line, &error));
  g_assert_no_error (error);
}

static void
test_csv_unterminated (void)
{
  static const char data[] = "a,b\n1,\"open\n2,3\n";
  g_autoptr(CaravanCsv) csv = caravan_csv_new (data, strlen (data));
  g_autoptr(GError) error = NULL;
  GPtrArray *cells;
  guint line;

  g_assert_true (caravan_csv_next_row (csv, &cells, &line, &error));
  g_assert_false (caravan_csv_next_row (csv, &cells, &line, &error));
  g_assert_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 2: the quoted cell that starts here is never closed");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/html/paragraphs", test_html_paragraphs);
  g_test_add_func ("/import/html/blockquote", test_html_blockquote);
  g_test_add_func ("/import/html/links-and-scripts", test_html_links_and_scripts);
  g_test_add_func ("/import/html/broken", test_html_broken);
  g_test_add_func ("/import/date/formats", test_dates);
  g_test_add_func ("/import/date/bce", test_dates_bce);
  g_test_add_func ("/import/csv/rows", test_csv_rows);
  g_test_add_func ("/import/csv/unterminated", test_csv_unterminated);

  return g_test_run ();
}
