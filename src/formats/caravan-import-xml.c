/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-xml.c: libxml2's xmlTextReader with safe options and an element stack. */

#define G_LOG_DOMAIN "caravan-import-xml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "caravan-import.h"
#include "caravan-import-xml.h"

/* Nesting beyond this is not a real KML or GPX file. */
#define MAX_DEPTH 256

struct _CaravanXmlReader
{
  xmlTextReaderPtr reader;
  GPtrArray *names;  /* local names of the open elements */
  char *error;       /* the parser's first message */
  int error_line;
};

static void
on_reader_error (void                   *data,
                 const char             *message,
                 xmlParserSeverities     severity,
                 xmlTextReaderLocatorPtr locator)
{
  CaravanXmlReader *self = data;

  if (self->error != NULL ||
      (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR))
    return;
  self->error = g_strstrip (g_strdup (message));
  self->error_line = xmlTextReaderLocatorLineNumber (locator);
}

/* TRUE when a <!DOCTYPE> comes before the root element; sets @line to where it is. libxml2
 * reads ahead, so this is checked before the parser sees any entity. */
static gboolean
has_doctype (const char *data,
             gsize       length,
             guint      *line)
{
  const char *p = data, *end = data + length;

  *line = 1;
  while (p < end)
    {
      const char *close = NULL;

      if (*p == '\n')
        (*line)++;
      if (g_ascii_isspace (*p) || (guchar) *p >= 0x80)
        {
          p++;
          continue;
        }
      if (*p != '<')
        return FALSE;
      if (end - p >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0)
        return TRUE;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p, end - p, "-->");
      else if (end - p >= 2 && p[1] == '?')
        close = g_strstr_len (p, end - p, "?>");
      else
        return FALSE;
      if (close == NULL)
        return FALSE;
      for (; p < close; p++)
        if (*p == '\n')
          (*line)++;
      p = close + 2;
    }
  return FALSE;
}

CaravanXmlReader *
caravan_xml_reader_new (const char  *data,
                        gsize        length,
                        GError     **error)
{
  CaravanXmlReader *self;
  guint line;

  if (length > G_MAXINT)
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_TOO_LARGE,
                   _("the file is too large"));
      return NULL;
    }
  if (has_doctype (data, length, &line))
    {
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_UNSAFE, "%u: %s", line,
                   _("the file declares a document type (<!DOCTYPE>). KML and GPX files have "
                     "none, and its entities could expand without limit (“billion laughs”), "
                     "so it is not read"));
      return NULL;
    }
  self = g_new0 (CaravanXmlReader, 1);
  /* No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no network. */
  self->reader = xmlReaderForMemory (data, (int) length, NULL, NULL,
                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                     XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  if (self->reader == NULL)
    {
      g_free (self);
      g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX,
                   _("the file is not XML"));
      return NULL;
    }
  xmlTextReaderSetErrorHandler (self->reader, on_reader_error, self);
  self->names = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
caravan_xml_reader_free (CaravanXmlReader *self)
{
  if (self == NULL)
    return;
  xmlFreeTextReader (self->reader);
  g_ptr_array_unref (self->names);
  g_free (self->error);
  g_free (self);
}

static void
set_unsafe (CaravanXmlReader  *self,
            GError           **error,
            const char        *message)
{
  g_autofree char *location = caravan_xml_reader_location (self);

  g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_UNSAFE, "%s: %s", location,
               message);
}

gboolean
caravan_xml_reader_next (CaravanXmlReader  *self,
                         gboolean          *is_end,
                         GError           **error)
{
  for (;;)
    {
      int status = xmlTextReaderRead (self->reader);
      int type;

      if (status == 0)
        return FALSE;
      if (status < 0)
        {
          g_set_error (error, CARAVAN_IMPORT_ERROR, CARAVAN_IMPORT_ERROR_SYNTAX, "%d: %s",
                       self->error_line > 0 ? self->error_line
                                            : xmlTextReaderGetParserLineNumber (self->reader),
                       self->error ? self->error : _("the file is not well-formed XML"));
          return FALSE;
        }

      type = xmlTextReaderNodeType (self->reader);
      switch (type)
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          set_unsafe (self, error, _("the file declares a document type (<!DOCTYPE>). KML and "
                                     "GPX files have none, and its entities could expand "
                                     "without limit (“billion laughs”), so it is not read"));
          return FALSE;
        case XML_READER_TYPE_ENTITY_REFERENCE:
        case XML_READER_TYPE_ENTITY:
          set_unsafe (self, error, _("the file refers to an entity; entities are not read"));
          return FALSE;
        case XML_READER_TYPE_ELEMENT:
          {
            const char *name = (const char *) xmlTextReaderConstLocalName (self->reader);
            int depth = xmlTextReaderDepth (self->reader);

            if (depth >= MAX_DEPTH)
              {
                set_unsafe (self, error, _("elements are nested too deeply"));
                return FALSE;
              }
            g_ptr_array_set_size (self->names, depth);
            g_ptr_array_add (self->names, g_strdup (name));
            *is_end = FALSE;
            return TRUE;
          }
        case XML_READER_TYPE_END_ELEMENT:
          {
            int depth = xmlTextReaderDepth (self->reader);

            g_ptr_array_set_size (self->names, depth + 1);
            *is_end = TRUE;
            return TRUE;
          }
        default:
          break;
        }
    }
}

const char *
caravan_xml_reader_name (CaravanXmlReader *self)
{
  return self->names->len > 0 ? g_ptr_array_index (self->names, self->names->len - 1) : "";
}

const char *
caravan_xml_reader_parent (CaravanXmlReader *self,
                           guint             up)
{
  return self->names->len > up ? g_ptr_array_index (self->names, self->names->len - 1 - up) : "";
}

gboolean
caravan_xml_reader_is_empty (CaravanXmlReader *self)
{
  return xmlTextReaderIsEmptyElement (self->reader) == 1;
}

char *
caravan_xml_reader_text (CaravanXmlReader *self)
{
  xmlChar *text = xmlTextReaderReadString (self->reader);
  char *copy = g_strdup (text != NULL ? (const char *) text : "");

  xmlFree (text);
  return copy;
}

char *
caravan_xml_reader_attribute (CaravanXmlReader *self,
                              const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (self->reader, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* The parser reads ahead of the reader, so its own position is not the node's: the node
 * keeps the line of its start tag (libxml2 records no column). */
char *
caravan_xml_reader_location (CaravanXmlReader *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0)
    line = xmlTextReaderGetParserLineNumber (self->reader);
  return g_strdup_printf ("%ld", line);
}
