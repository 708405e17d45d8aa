/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-uri.c: links from story files are never trusted: only http and https open. */

#define G_LOG_DOMAIN "caravan-uri"

#include "config.h"

#include "caravan-uri.h"

/* TRUE when @uri is an absolute http or https URI with a host, and no spaces or control
 * characters. */
gboolean
caravan_uri_is_web (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;

  if (uri == NULL || *uri == '\0')
    return FALSE;
  /* GUri lets raw spaces and control characters through; a link never has them */
  for (const char *p = uri; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (parsed) != NULL && *g_uri_get_host (parsed) != '\0';
}
