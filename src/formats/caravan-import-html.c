/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-html.c: HTML fragments to plain text with libxml2's forgiving HTML parser
 * (no network, no entities beyond HTML's own). Nothing here is ever shown as markup. */

#define G_LOG_DOMAIN "caravan-import-html"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "caravan-import-html.h"

/* Deeper markup is read as text: a fragment nested 10,000 levels must not exhaust the stack. */
#define MAX_DEPTH 64

typedef struct
{
  GString *out;
  int pending_break;  /* 0 none, 1 line, 2 paragraph */
  gboolean space;     /* a space is due before the next word */
} TextBuffer;

typedef struct
{
  CaravanHtmlText *result;
  TextBuffer body;
} Walker;

static void
buffer_break (TextBuffer *buffer,
              int         level)
{
  buffer->pending_break = MAX (buffer->pending_break, level);
  buffer->space = FALSE;
}

/* Appends @text with its white space collapsed (no-break spaces count as spaces). */
static void
buffer_append (TextBuffer *buffer,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0)
        {
          buffer->space = TRUE;
          continue;
        }
      if (buffer->out->len > 0)
        {
          if (buffer->pending_break == 2)
            g_string_append (buffer->out, "\n\n");
          else if (buffer->pending_break == 1)
            g_string_append_c (buffer->out, '\n');
          else if (buffer->space)
            g_string_append_c (buffer->out, ' ');
        }
      buffer->pending_break = 0;
      buffer->space = FALSE;
      g_string_append_unichar (buffer->out, c);
    }
}

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (name_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static const char * const dropped_elements[] = {
  "script", "iframe", "embed", "object", "form", "frame", "frameset", "applet", NULL
};
static const char * const silent_elements[] = {
  "style", "title", "noscript", "template", "svg", "math", "img", "video", "audio", NULL
};
static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "tr", "section",
  "article", "header", "footer", "pre", "figure", "figcaption", "dl", "dt", "dd", "hr", NULL
};

gboolean
caravan_html_is_web_link (const char *url)
{
  return url != NULL && (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
                         g_ascii_strncasecmp (url, "https://", 8) == 0) &&
         strpbrk (url, " \t\r\n\"<>") == NULL;
}

static void walk (Walker *w, xmlNode *node, TextBuffer *buffer, TextBuffer *cite, int depth);

static void
walk_children (Walker     *w,
               xmlNode    *node,
               TextBuffer *buffer,
               TextBuffer *cite,
               int         depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    walk (w, child, buffer, cite, depth + 1);
}

static void
walk_blockquote (Walker  *w,
                 xmlNode *node,
                 int      depth)
{
  TextBuffer quote = { g_string_new (NULL), 0, FALSE };
  TextBuffer cite = { g_string_new (NULL), 0, FALSE };
  g_autofree xmlChar *cite_url = xmlGetProp (node, (const xmlChar *) "cite");
  CaravanHtmlQuote *q;

  walk_children (w, node, &quote, &cite, depth);
  if (quote.out->len == 0)
    {
      g_string_free (quote.out, TRUE);
      g_string_free (cite.out, TRUE);
      return;
    }
  q = g_new0 (CaravanHtmlQuote, 1);
  q->text = g_string_free (quote.out, FALSE);
  if (cite.out->len > 0)
    q->source = g_string_free (cite.out, FALSE);
  else
    {
      g_string_free (cite.out, TRUE);
      if (caravan_html_is_web_link ((const char *) cite_url))
        q->source = g_strdup ((const char *) cite_url);
    }
  g_ptr_array_add (w->result->quotes, q);
}

static void
walk (Walker     *w,
      xmlNode    *node,
      TextBuffer *buffer,
      TextBuffer *cite,
      int         depth)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      buffer_append (buffer, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;
  if (depth > MAX_DEPTH)
    {
      g_autofree xmlChar *content = xmlNodeGetContent (node);

      buffer_append (buffer, (const char *) content);
      return;
    }

  if (name_in (node, dropped_elements))
    {
      w->result->n_dropped_elements++;
      return;
    }
  if (name_in (node, silent_elements))
    return;
  if (name_is (node, "br"))
    {
      buffer_break (buffer, 1);
      return;
    }
  if (name_is (node, "blockquote") && buffer == &w->body)
    {
      buffer_break (buffer, 2);
      walk_blockquote (w, node, depth);
      return;
    }
  if (name_is (node, "cite") && cite != NULL)
    {
      walk_children (w, node, cite, NULL, depth);
      return;
    }
  if (name_is (node, "a"))
    {
      g_autofree xmlChar *href = xmlGetProp (node, (const xmlChar *) "href");
      gsize before = buffer->out->len;

      walk_children (w, node, buffer, cite, depth);
      if (caravan_html_is_web_link ((const char *) href))
        {
          /* The address is written out, unless the text already is the address. */
          const char *label = buffer->out->str + before;

          while (*label == ' ' || *label == '\n')
            label++;
          if (strcmp (label, (const char *) href) != 0)
            {
              buffer->space = before < buffer->out->len;
              buffer_append (buffer, "(");
              g_string_append_printf (buffer->out, "%s)", (const char *) href);
            }
        }
      else if (href != NULL && href[0] != '#')
        w->result->n_dropped_links++;
      return;
    }
  if (name_is (node, "li"))
    {
      buffer_break (buffer, 1);
      buffer_append (buffer, "•");
      buffer->space = TRUE;
      walk_children (w, node, buffer, cite, depth);
      buffer_break (buffer, 1);
      return;
    }
  if (name_in (node, block_elements))
    {
      buffer_break (buffer, 2);
      walk_children (w, node, buffer, cite, depth);
      buffer_break (buffer, 2);
      return;
    }
  walk_children (w, node, buffer, cite, depth);
}

static void
free_quote (gpointer data)
{
  CaravanHtmlQuote *quote = data;

  g_free (quote->text);
  g_free (quote->source);
  g_free (quote);
}

CaravanHtmlText *
caravan_html_text_new (const char *html)
{
  CaravanHtmlText *result = g_new0 (CaravanHtmlText, 1);
  Walker w = { result, { g_string_new (NULL), 0, FALSE } };
  htmlDocPtr doc;
  gsize length;

  result->quotes = g_ptr_array_new_with_free_func (free_quote);
  if (html == NULL)
    html = "";
  length = strlen (html);

  /* Plain text needs no parser, only its white space collapsed. */
  if (strpbrk (html, "<&") == NULL || length > G_MAXINT)
    {
      buffer_append (&w.body, html);
      result->text = g_string_free (w.body.out, FALSE);
      return result;
    }

  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    walk (&w, xmlDocGetRootElement (doc), &w.body, NULL, 0);
  if (doc != NULL)
    xmlFreeDoc (doc);
  result->text = g_string_free (w.body.out, FALSE);
  return result;
}

void
caravan_html_text_free (CaravanHtmlText *text)
{
  if (text == NULL)
    return;
  g_free (text->text);
  g_ptr_array_unref (text->quotes);
  g_free (text);
}

char *
caravan_html_to_line (const char *html)
{
  g_autoptr(CaravanHtmlText) text = caravan_html_text_new (html);
  GString *line = g_string_new (NULL);

  for (const char *p = text->text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          if (line->len > 0 && line->str[line->len - 1] != ' ')
            g_string_append_c (line, ' ');
        }
      else
        g_string_append_c (line, *p);
    }
  return g_string_free (line, FALSE);
}
