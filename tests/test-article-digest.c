/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-article-digest.c: the bundled story quotes its article verbatim. The article is not ours
 * to ship, so the check runs against a committed digest of it (see docs/story-format.md,
 * "Checking quotes"), made by build-aux/article-digest.py; this file hashes the same way. */
#define G_LOG_DOMAIN "caravan-test-article-digest"

#include <json-glib/json-glib.h>
#include <string.h>

#include "caravan-article.h"
#include "caravan-date.h"
#include "caravan-event.h"
#include "caravan-excerpt.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"

#define GRAM 3
#define SALT "caravan-article-digest-v1"

typedef struct
{
  JsonParser *parser;
  JsonObject *article;
  GHashTable *hashes;
} Digest;

static CaravanStory *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  CaravanStory *story = caravan_story_load_bundled (&error);

  g_assert_no_error (error);
  return story;
}

static void
digest_load (Digest *digest)
{
  g_autofree char *path = g_build_filename (g_getenv ("CARAVAN_SOURCE_DIR"), "data", "stories",
                                            "bhadrakumar-2022.digest.json", NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *hashes;

  digest->parser = json_parser_new ();
  json_parser_load_from_file (digest->parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (digest->parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "caravan-article-digest");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "n"), ==, GRAM);
  digest->article = json_object_get_object_member (root, "article");
  hashes = json_object_get_array_member (root, "hashes");
  digest->hashes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (hashes); i++)
    g_hash_table_add (digest->hashes, (gpointer) json_array_get_string_element (hashes, i));
  /* An article of 1,600 tokens has about as many distinct runs. */
  g_assert_cmpuint (g_hash_table_size (digest->hashes), >, 1000);
}

static void
digest_clear (Digest *digest)
{
  g_clear_pointer (&digest->hashes, g_hash_table_unref);
  g_clear_object (&digest->parser);
}

/* Maximal runs of letters and digits, or single other characters; white space separates. */
static GPtrArray *
tokenize (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch))
        {
          g_string_append_unichar (word, ch);
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (tokens, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (!g_unichar_isspace (ch))
        g_ptr_array_add (tokens, g_ucs4_to_utf8 (&ch, 1, NULL, NULL, NULL));
    }
  if (word->len > 0)
    g_ptr_array_add (tokens, g_strdup (word->str));
  return tokens;
}

static char *
hash_gram (GPtrArray *tokens,
           guint      first)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) SALT, sizeof SALT); /* with its NUL */
  for (guint i = first; i < first + GRAM; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);

      if (i > first)
        g_checksum_update (checksum, (const guchar *) "\x1f", 1);
      g_checksum_update (checksum, (const guchar *) token, strlen (token));
    }
  return g_strndup (g_checksum_get_string (checksum), 16);
}

/* Returns the index of the first run of the quote that is not in the article, or -1. */
static int
find_unquoted_run (const Digest *digest,
                   const char   *quote)
{
  g_autoptr(GPtrArray) tokens = tokenize (quote);

  g_assert_cmpuint (tokens->len, >=, GRAM);
  for (guint i = 0; i + GRAM <= tokens->len; i++)
    {
      g_autofree char *hash = hash_gram (tokens, i);

      if (!g_hash_table_contains (digest->hashes, hash))
        return (int) i;
    }
  return -1;
}

static void
test_metadata (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  CaravanArticle *article = caravan_story_lookup_article (story, "bhadrakumar-2022");
  g_autofree char *date = caravan_date_to_iso (caravan_article_get_date (article));
  Digest digest = { 0 };

  digest_load (&digest);
  g_assert_cmpstr (json_object_get_string_member (digest.article, "id"), ==,
                   caravan_article_get_id (article));
  g_assert_cmpstr (json_object_get_string_member (digest.article, "title"), ==,
                   caravan_article_get_title (article));
  g_assert_cmpstr (json_object_get_string_member (digest.article, "author"), ==,
                   caravan_article_get_author (article));
  g_assert_cmpstr (json_object_get_string_member (digest.article, "date"), ==, date);
  g_assert_cmpstr (json_object_get_string_member (digest.article, "url"), ==,
                   caravan_article_get_url (article));
  digest_clear (&digest);
}

/* Every excerpt of the bundled story is a verbatim run of the article. */
static void
test_excerpts_verbatim (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  GListModel *excerpts = caravan_story_get_excerpts (story);
  Digest digest = { 0 };

  digest_load (&digest);
  g_assert_cmpuint (g_list_model_get_n_items (excerpts), >=, 20);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      g_test_message ("excerpt %s", caravan_excerpt_get_id (excerpt));
      g_assert_true (caravan_excerpt_get_article (excerpt) ==
                     caravan_story_lookup_article (story, "bhadrakumar-2022"));
      g_assert_cmpint (find_unquoted_run (&digest, caravan_excerpt_get_text (excerpt)), ==, -1);
    }
  digest_clear (&digest);
}

/* The check has teeth: one word changed, two words swapped or a comma dropped in any quote
 * is found. */
static void
test_altered_quotes_fail (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  GListModel *excerpts = caravan_story_get_excerpts (story);
  Digest digest = { 0 };

  digest_load (&digest);
  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, i);
      g_autoptr(GPtrArray) tokens = tokenize (caravan_excerpt_get_text (excerpt));
      guint middle = tokens->len / 2;
      g_autofree char *changed = NULL;
      g_autofree char *swapped = NULL;
      char *original;

      /* One word replaced by another that the article uses elsewhere. */
      original = g_ptr_array_index (tokens, middle);
      tokens->pdata[middle] = g_strdup (g_str_equal (original, "Kazakhstan") ? "China"
                                                                            : "Kazakhstan");
      g_ptr_array_add (tokens, NULL);
      changed = g_strjoinv (" ", (char **) tokens->pdata);
      g_ptr_array_remove_index (tokens, tokens->len - 1);
      g_test_message ("excerpt %s changed: %s", caravan_excerpt_get_id (excerpt), changed);
      g_assert_cmpint (find_unquoted_run (&digest, changed), >=, 0);
      g_free (tokens->pdata[middle]);
      tokens->pdata[middle] = original;

      /* Two neighbouring tokens swapped. */
      tokens->pdata[middle] = tokens->pdata[middle - 1];
      tokens->pdata[middle - 1] = original;
      g_ptr_array_add (tokens, NULL);
      swapped = g_strjoinv (" ", (char **) tokens->pdata);
      g_ptr_array_remove_index (tokens, tokens->len - 1);
      if (!g_str_equal (tokens->pdata[middle], tokens->pdata[middle - 1]))
        g_assert_cmpint (find_unquoted_run (&digest, swapped), >=, 0);
    }

  /* Punctuation counts: the Borrell quote without its comma is not the article's. */
  g_assert_cmpint (find_unquoted_run (&digest, "Having connections and options is good."), ==, -1);
  g_assert_cmpint (find_unquoted_run (&digest, "Having connections and options, is good."), >=, 0);
  digest_clear (&digest);
}

/* TRUE when @quote is a verbatim run of one of the story's excerpts (themselves checked
 * against the article): the check for quotes too short for the digest's three-token runs. */
static gboolean
is_in_an_excerpt (CaravanStory *story,
                  const char   *quote)
{
  GListModel *excerpts = caravan_story_get_excerpts (story);

  for (guint i = 0; i < g_list_model_get_n_items (excerpts); i++)
    {
      g_autoptr(CaravanExcerpt) excerpt = g_list_model_get_item (excerpts, i);

      if (strstr (caravan_excerpt_get_text (excerpt), quote) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Every step has speaker notes, and whatever they put in “ ” is the article's own words. */
static void
test_notes_quote_the_article (void)
{
  g_autoptr(CaravanStory) story = load_bundled ();
  GListModel *events = caravan_story_get_events (story);
  Digest digest = { 0 };
  guint n_quotes = 0;

  digest_load (&digest);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(CaravanEvent) event = g_list_model_get_item (events, i);
      const char *notes = caravan_event_get_notes (event);
      const char *p;

      g_assert_nonnull (notes);
      g_assert_cmpuint (g_utf8_strlen (notes, -1), >=, 80);
      for (p = strstr (notes, "“"); p != NULL; p = strstr (p, "“"))
        {
          const char *start = p + strlen ("“");
          const char *end = strstr (start, "”");
          g_autofree char *quote = NULL;
          g_autoptr(GPtrArray) tokens = NULL;

          g_assert_nonnull (end);
          quote = g_strndup (start, end - start);
          tokens = tokenize (quote);
          g_test_message ("%s: “%s”", caravan_event_get_id (event), quote);
          if (tokens->len >= GRAM)
            g_assert_cmpint (find_unquoted_run (&digest, quote), ==, -1);
          else
            g_assert_true (is_in_an_excerpt (story, quote));
          n_quotes++;
          p = end;
        }
    }
  g_assert_cmpuint (n_quotes, >=, 20);
  digest_clear (&digest);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/article-digest/metadata", test_metadata);
  g_test_add_func ("/article-digest/excerpts-verbatim", test_excerpts_verbatim);
  g_test_add_func ("/article-digest/notes-quote-the-article", test_notes_quote_the_article);
  g_test_add_func ("/article-digest/altered-quotes-fail", test_altered_quotes_fail);
  return g_test_run ();
}
