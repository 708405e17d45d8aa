/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-html.h: the HTML that StoryMapJS, TimelineJS and KML put in text fields, as
 * plain text: paragraphs kept, <blockquote>s taken out as quotes with their <cite>, http and
 * https links written out after their text, scripts, iframes and embeds dropped. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *text;
  char *source;  /* the <cite> or the cite="" address; may be NULL */
} CaravanHtmlQuote;

typedef struct
{
  char *text;               /* never NULL; paragraphs are separated by a blank line */
  GPtrArray *quotes;        /* CaravanHtmlQuote */
  guint n_dropped_elements; /* script, iframe, embed, object, form */
  guint n_dropped_links;    /* links to anything but http and https (their text is kept) */
} CaravanHtmlText;

CaravanHtmlText *caravan_html_text_new  (const char      *html);
void             caravan_html_text_free (CaravanHtmlText *text);
/* One line of plain text (a headline, a name, a caption). */
char            *caravan_html_to_line   (const char      *html);
/* TRUE for absolute http:// and https:// addresses. */
gboolean         caravan_html_is_web_link (const char    *url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaravanHtmlText, caravan_html_text_free)

G_END_DECLS
