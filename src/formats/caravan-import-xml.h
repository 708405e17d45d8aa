/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-import-xml.h: a streaming XML reader for KML and GPX that never loads anything from
 * the network, never expands entities and refuses documents with a DOCTYPE. */

#pragma once

#include <glib.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

typedef struct _CaravanXmlReader CaravanXmlReader;

CaravanXmlReader *caravan_xml_reader_new      (const char        *data,
                                               gsize              length,
                                               GError           **error);
void              caravan_xml_reader_free     (CaravanXmlReader  *reader);
/* Moves to the next element start or end. FALSE at the end of the document, or with @error
 * (CARAVAN_IMPORT_ERROR, with line and column) when it is not well-formed or unsafe. */
gboolean          caravan_xml_reader_next     (CaravanXmlReader  *reader,
                                               gboolean          *is_end,
                                               GError           **error);
/* The local name ("Placemark" for <kml:Placemark>), and that of the parent element. */
const char       *caravan_xml_reader_name     (CaravanXmlReader  *reader);
const char       *caravan_xml_reader_parent   (CaravanXmlReader  *reader,
                                               guint              up);
gboolean          caravan_xml_reader_is_empty (CaravanXmlReader  *reader);
/* The text inside the current element (owned by the caller). */
char             *caravan_xml_reader_text     (CaravanXmlReader  *reader);
char             *caravan_xml_reader_attribute (CaravanXmlReader *reader,
                                               const char        *name);
/* The line of the current node's start tag, as text (owned by the caller). */
char             *caravan_xml_reader_location (CaravanXmlReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaravanXmlReader, caravan_xml_reader_free)

G_END_DECLS
