/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-uri.c: only http and https links from story files are ever opened. */

#define G_LOG_DOMAIN "caravan-test-uri"

#include "caravan-uri.h"

static void
test_web_links (void)
{
  g_assert_true (caravan_uri_is_web ("https://www.indianpunchline.com/"
                                     "multipolarity-shows-up-in-kazakh-steppes/"));
  g_assert_true (caravan_uri_is_web ("http://example.org/a?b=c#d"));
  g_assert_true (caravan_uri_is_web ("HTTPS://EXAMPLE.ORG/"));
}

static void
test_other_links_refused (void)
{
  const char *refused[] = {
    "file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/", "data:text/html,hi",
    "mailto:a@example.org", "/home/user/story.caravan", "example.org", "https://", "http:///path",
    "", "smb://host/share", "x-caravan:evil",
    /* raw line breaks, tabs, spaces and other control characters */
    "https://example.org/a\nb", "https://example.org/\r\nSet-Cookie: x", "https://exa\tmple.org/",
    "https://example.org/a b", "\nhttps://example.org/", "https://example.org/\x7f",
    "https://example.org/\x01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_false (caravan_uri_is_web (refused[i]));
    }
  g_assert_false (caravan_uri_is_web (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uri/web-links", test_web_links);
  g_test_add_func ("/uri/other-links-refused", test_other_links_refused);

  return g_test_run ();
}
