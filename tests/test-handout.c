/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-handout.c: the PDF handout, read back as a reader's tools read it: poppler's pdftotext
 * finds every step's title and quote as text (searchable, once), pdfinfo the page count and
 * paper, and pdftoppm's pictures of the pages have their maps and nothing in the margins. The
 * pages go to $CARAVAN_SCREENSHOT_DIR/handout to be looked at. */

#define G_LOG_DOMAIN "caravan-test-handout"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-handout.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  /* poppler-utils is in build-aux/setup.sh's test packages: without it this test fails. */
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* poppler complains on stderr about a PDF it finds odd. */
  g_assert_cmpstr (err, ==, "");
  return out;
}

/* White space of any kind and length as one space: pdftotext ends lines where Pango did. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

/* The value of a "Key:   value" line of pdfinfo's output. */
static char *
info_value (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  g_error ("pdfinfo says nothing of %s:\n%s", key, info);
}

static guint
occurrences (const char *haystack,
             const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static char *
write_handout (CaravanStory *story,
               CaravanPaper  paper,
               const char   *name)
{
  g_autoptr(GError) error = NULL;
  const char *shots = g_getenv ("CARAVAN_SCREENSHOT_DIR");
  g_autofree char *dir = shots != NULL ? g_build_filename (shots, "handout", NULL)
                                       : g_dir_make_tmp ("caravan-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (caravan_handout_save_pdf (story, paper, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static CaravanStory *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = text != NULL ? g_bytes_new (text, strlen (text)) : NULL;
  CaravanStory *story = text != NULL ? caravan_story_loader_load_bytes (bytes, NULL, &error)
                                     : caravan_story_load_bundled (&error);

  g_assert_no_error (error);
  return story;
}

/* Pixels of page @page's picture with colour @rgb (±24), and pixels that are not white in the
 * strip @margin px wide along the left and right edges. */
static void
look_at_page (const char *pdf,
              guint       page,
              guint32     rgb,
              guint      *n_colour,
              guint      *n_in_margin)
{
  g_autofree char *prefix = g_strdup_printf ("%s-page", pdf);
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftoppm", "-r", "60", "-png", "-singlefile", "-f", number, "-l",
                         number, pdf, prefix, NULL };
  g_autofree char *out = run (argv);
  g_autofree char *png_path = g_strdup_printf ("%s.png", prefix);
  g_autofree char *kept = g_strdup_printf ("%s-%02u.png", pdf, page);
  cairo_surface_t *png = cairo_image_surface_create_from_png (png_path);
  int width, height, stride, margin;
  const guint8 *data;

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (png);
  height = cairo_image_surface_get_height (png);
  stride = cairo_image_surface_get_stride (png);
  data = cairo_image_surface_get_data (png);
  /* The page's side margins are 50 pt: 41 px at 60 dpi; look at the outer 36. */
  margin = 36;
  *n_colour = *n_in_margin = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
        int dr = (int) (p >> 16) - (int) (rgb >> 16);
        int dg = (int) (p >> 8 & 0xff) - (int) (rgb >> 8 & 0xff);
        int db = (int) (p & 0xff) - (int) (rgb & 0xff);

        if (ABS (dr) <= 24 && ABS (dg) <= 24 && ABS (db) <= 24)
          (*n_colour)++;
        if ((x < margin || x >= width - margin) && p != 0xffffff)
          (*n_in_margin)++;
      }
  cairo_surface_destroy (png);
  g_rename (png_path, kept);
}

static void
test_bundled (void)
{
  g_autoptr(CaravanStory) story = load (NULL);
  GListModel *events = caravan_story_get_events (story);
  guint n = g_list_model_get_n_items (events);
  g_autofree char *pdf = write_handout (story, CARAVAN_PAPER_A4, "bundled-a4.pdf");
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *raw = run (text_argv);
  g_autofree char *text = squeeze (raw);
  g_autofree char *info = run (info_argv);
  g_autofree char *pages = g_strdup_printf ("%u", n + 1);
  g_autofree char *n_pages = info_value (info, "Pages");
  g_autofree char *size = info_value (info, "Page size");
  g_autofree char *doc_title = info_value (info, "Title");
  g_auto(GStrv) page_texts = g_strsplit (raw, "\f", -1);

  /* A title page and one page per step; A4. */
  g_assert_cmpstr (n_pages, ==, pages);
  g_assert_cmpstr (size, ==, "595.276 x 841.89 pts (A4)");
  g_assert_cmpstr (doc_title, ==, caravan_story_get_title (story));
  g_assert_cmpuint (g_strv_length (page_texts), ==, n + 2);  /* ends in a form feed */
  g_assert_nonnull (strstr (page_texts[0], "Sources"));
  g_assert_nonnull (strstr (page_texts[0], "https://www.indianpunchline.com/"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      g_autoptr(CaravanExcerpt) excerpt = caravan_story_dup_step_excerpt (story, event);
      g_autofree char *page = squeeze (page_texts[i + 1]);
      g_autofree char *title = squeeze (caravan_event_get_title (event));
      g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 2, n + 1);

      /* Each step on its own page: its title, its page number and its quote, between the
       * English marks of its article, as text. */
      g_assert_nonnull (strstr (page, title));
      g_assert_nonnull (strstr (page, number));
      if (excerpt != NULL)
        {
          g_autofree char *formatted = caravan_story_format_quote (story, excerpt);
          g_autofree char *quote = squeeze (formatted);

          if (strstr (page, quote) == NULL)
            g_error ("page %u lacks the quote %s:\n%s", i + 2, quote, page);
          g_assert_true (g_str_has_prefix (quote, "“"));
          if (caravan_excerpt_get_note (excerpt) != NULL)
            g_assert_nonnull (strstr (page, "Fact check:"));
        }
    }
  /* Text once: the lines of a paragraph are drawn once, not clipped copies. */
  g_assert_cmpuint (occurrences (text, "Protests over the gas price begin in Zhanaozen"), ==, 1);

  /* Pictures of pages: the overview map has its red featured pins, a step's map the step's
   * orange pin; nothing is drawn in the side margins. */
  {
    guint colour, margin;

    look_at_page (pdf, 1, 0xc01c28, &colour, &margin);
    g_assert_cmpuint (colour, >, 20);
    g_assert_cmpuint (margin, ==, 0);
    for (guint page = 2; page <= n + 1; page += 5)
      {
        look_at_page (pdf, page, 0xe66100, &colour, &margin);
        g_test_message ("page %u: %u orange pixels, %u in the margins", page, colour, margin);
        g_assert_cmpuint (colour, >, 20);
        g_assert_cmpuint (margin, ==, 0);
      }
  }
}

/* A quote longer than a page runs on, wrapped, on the next pages, never cut; German marks. */
static void
test_long_quote (void)
{
  GString *json = g_string_new ("{ \"format_version\": 1, \"title\": \"Long\", \"language\": "
                                "\"de\", \"articles\": [ { \"id\": \"a\", \"title\": \"Bericht\" "
                                "} ], \"places\": [ { \"id\": \"p\", \"name\": \"Köln\", "
                                "\"lat\": 50.94, \"lon\": 6.96 } ], \"events\": [ { \"id\": "
                                "\"e\", \"title\": \"Long\", \"date\": \"1850\", \"place\": "
                                "\"p\" } ], \"excerpts\": [ { \"id\": \"x\", \"events\": "
                                "[\"e\"], \"article\": \"a\", \"text\": \"START ");
  g_autoptr(CaravanStory) story = NULL;
  g_autofree char *pdf = NULL, *raw = NULL, *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages, margin, colour;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (json, "word%u ", i);
  g_string_append (json, "END\" } ] }");
  story = load (json->str);
  g_string_free (json, TRUE);
  pdf = write_handout (story, CARAVAN_PAPER_LETTER, "long-quote-letter.pdf");
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    const char *info_argv[] = { "pdfinfo", pdf, NULL };
    g_autofree char *info = run (info_argv);
    g_autofree char *size = info_value (info, "Page size");

    raw = run (argv);
    g_assert_cmpstr (size, ==, "612 x 792 pts (letter)");
  }
  text = squeeze (raw);
  pages = g_strsplit (raw, "\f", -1);
  n_pages = g_strv_length (pages) - 1;
  g_assert_cmpuint (n_pages, >=, 3);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *word = g_strdup_printf (" word%u ", i);

      g_assert_cmpuint (occurrences (text, word), ==, 1);
    }
  g_assert_nonnull (strstr (text, "„START word0"));
  g_assert_nonnull (strstr (text, "word399 END“"));
  g_assert_nonnull (strstr (pages[2], "Long (continued)"));
  for (guint page = 1; page <= n_pages; page++)
    {
      look_at_page (pdf, page, 0xe66100, &colour, &margin);
      g_assert_cmpuint (margin, ==, 0);
    }
}

static void
test_paper (void)
{
  CaravanPaper paper;
  double width, height;

  g_assert_true (caravan_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, CARAVAN_PAPER_A4);
  g_assert_true (caravan_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, CARAVAN_PAPER_LETTER);
  g_assert_false (caravan_paper_from_string ("legal", &paper));
  caravan_paper_get_size (CARAVAN_PAPER_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.001);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.001);

  /* LC_PAPER decides: Letter in the United States, A4 in Russia and in the C locale. */
  g_assert_nonnull (setlocale (LC_PAPER, "en_US.UTF-8"));
  g_assert_cmpint (caravan_paper_from_locale (), ==, CARAVAN_PAPER_LETTER);
  g_assert_nonnull (setlocale (LC_PAPER, "ru_RU.UTF-8"));
  g_assert_cmpint (caravan_paper_from_locale (), ==, CARAVAN_PAPER_A4);
  g_assert_nonnull (setlocale (LC_PAPER, "C"));
  g_assert_cmpint (caravan_paper_from_locale (), ==, CARAVAN_PAPER_A4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/handout/paper", test_paper);
  g_test_add_func ("/handout/bundled", test_bundled);
  g_test_add_func ("/handout/long-quote", test_long_quote);

  return g_test_run ();
}
