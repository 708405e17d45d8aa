/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-kml.c: the KML export has the structure Google Earth expects, read with libxml2:
 * the KML 2.2 and gx namespaces, each Placemark's elements in the schema's order, every
 * styleUrl's Style, and a gx:Tour whose gx:Playlist holds one gx:FlyTo (duration, mode, a
 * LookAt at the step's camera with the step's time) and one gx:Wait per step, in step order. */

#define G_LOG_DOMAIN "caravan-test-export-kml"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "caravan-export-private.h"
#include "export-test-stories.h"

#define KML_NS "http://www.opengis.net/kml/2.2"
#define GX_NS "http://www.google.com/kml/ext/2.2"

static guint
count (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

/* The children of @node that are elements. */
static GPtrArray *
child_elements (xmlNode *node)
{
  GPtrArray *children = g_ptr_array_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      g_ptr_array_add (children, child);
  return children;
}

static void
assert_element (xmlNode    *node,
                const char *ns,
                const char *name)
{
  g_assert_nonnull (node);
  g_assert_nonnull (node->ns);
  g_assert_cmpstr ((const char *) node->ns->href, ==, ns);
  g_assert_cmpstr ((const char *) node->name, ==, name);
}

static char *
text_of (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return text;
}

/* The elements a Placemark holds, in the order of the KML 2.2 schema. */
static void
assert_placemark_order (xmlNode *placemark)
{
  static const char * const order[] = { "name", "description", "TimeStamp", "TimeSpan",
                                        "styleUrl", "Point", "LineString", NULL };
  g_autoptr(GPtrArray) children = child_elements (placemark);
  guint at = 0;

  for (guint i = 0; i < children->len; i++)
    {
      xmlNode *child = g_ptr_array_index (children, i);

      while (order[at] != NULL && strcmp (order[at], (const char *) child->name) != 0)
        at++;
      if (order[at] == NULL)
        g_error ("<%s> out of order in a Placemark", child->name);
      g_assert_cmpstr ((const char *) child->ns->href, ==, KML_NS);
    }
}

static void
assert_look_at (xmlNode                 *look_at,
                const CaravanExportStep *step)
{
  static const char * const order[] = { "longitude", "latitude", "altitude", "heading", "tilt",
                                        "range", "altitudeMode" };
  g_autoptr(GPtrArray) children = child_elements (look_at);
  const CaravanDate *date = caravan_event_get_date (step->event);
  xmlNode *time = g_ptr_array_index (children, 0);
  g_autoptr(GPtrArray) times = child_elements (time);
  g_autofree char *start = caravan_export_date_iso (date, FALSE);
  g_autofree char *first = text_of (g_ptr_array_index (times, 0));
  g_autofree char *lon = NULL, *lat = NULL;

  assert_element (look_at, KML_NS, "LookAt");
  /* The view's time first (gx:, Google's extension), then KML's own elements in order. */
  assert_element (time, GX_NS, date->has_end ? "TimeSpan" : "TimeStamp");
  assert_element (g_ptr_array_index (times, 0), KML_NS, date->has_end ? "begin" : "when");
  g_assert_cmpstr (first, ==, start);
  g_assert_cmpuint (children->len, ==, 1 + G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    assert_element (g_ptr_array_index (children, i + 1), KML_NS, order[i]);
  lon = text_of (g_ptr_array_index (children, 1));
  lat = text_of (g_ptr_array_index (children, 2));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (lon, NULL), step->longitude, 1e-6);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (lat, NULL), step->latitude, 1e-6);
}

/* Walks the document: the namespaces, each Placemark's order, each styleUrl's Style, and the
 * tour: one gx:FlyTo (duration, mode, LookAt) and one gx:Wait per step, in step order. */
static void
check_kml_structure (const char *text)
{
  g_autoptr(CaravanStory) story = load_story (text);
  g_autoptr(GArray) steps = caravan_export_list_steps (story);
  gsize length;
  g_autofree char *data = caravan_export_to_data (story, CARAVAN_EXPORT_FORMAT_KML, &length);
  xmlDoc *doc = xmlReadMemory (data, length, "story.kml", "UTF-8", XML_PARSE_NONET);
  g_autoptr(GPtrArray) document = NULL, playlist = NULL;
  g_autoptr(GHashTable) styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *root, *tour = NULL;
  guint n_placemarks = 0;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  assert_element (root, KML_NS, "kml");
  document = child_elements (root);
  g_assert_cmpuint (document->len, ==, 1);
  assert_element (g_ptr_array_index (document, 0), KML_NS, "Document");
  {
    GPtrArray *top = document;

    document = child_elements (g_ptr_array_index (top, 0));
    g_ptr_array_unref (top);
  }
  assert_element (g_ptr_array_index (document, 0), KML_NS, "name");

  for (guint i = 0; i < document->len; i++)
    {
      xmlNode *node = g_ptr_array_index (document, i);

      if (strcmp ((const char *) node->name, "Style") == 0)
        g_hash_table_add (styles, (char *) xmlGetProp (node, (const xmlChar *) "id"));
      else if (strcmp ((const char *) node->name, "Folder") == 0)
        {
          g_autoptr(GPtrArray) items = child_elements (node);

          for (guint j = 1; j < items->len; j++)
            {
              xmlNode *placemark = g_ptr_array_index (items, j);

              assert_element (placemark, KML_NS, "Placemark");
              assert_placemark_order (placemark);
              n_placemarks++;
              for (xmlNode *c = placemark->children; c != NULL; c = c->next)
                if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name,
                                                           "styleUrl") == 0)
                  {
                    g_autofree char *url = text_of (c);

                    g_assert_true (url[0] == '#');
                    g_assert_true (g_hash_table_contains (styles, url + 1));
                  }
            }
        }
      else if (strcmp ((const char *) node->name, "Tour") == 0)
        tour = node;
    }
  g_assert_cmpuint (n_placemarks, ==, count (caravan_story_get_places (story)) + steps->len +
                                      count (caravan_story_get_routes (story)));
  /* The tour is the last feature: Google Earth lists it under the placemarks it flies over. */
  g_assert_true (tour == g_ptr_array_index (document, document->len - 1));
  assert_element (tour, GX_NS, "Tour");
  g_ptr_array_unref (document);
  document = child_elements (tour);
  g_assert_cmpuint (document->len, ==, 2);
  assert_element (g_ptr_array_index (document, 0), KML_NS, "name");
  assert_element (g_ptr_array_index (document, 1), GX_NS, "Playlist");

  playlist = child_elements (g_ptr_array_index (document, 1));
  g_assert_cmpuint (playlist->len, ==, 2 * steps->len);
  for (guint i = 0; i < steps->len; i++)
    {
      xmlNode *fly_to = g_ptr_array_index (playlist, 2 * i);
      xmlNode *wait = g_ptr_array_index (playlist, 2 * i + 1);
      g_autoptr(GPtrArray) parts = child_elements (fly_to);
      g_autoptr(GPtrArray) wait_parts = child_elements (wait);

      assert_element (fly_to, GX_NS, "FlyTo");
      g_assert_cmpuint (parts->len, ==, 3);
      assert_element (g_ptr_array_index (parts, 0), GX_NS, "duration");
      assert_element (g_ptr_array_index (parts, 1), GX_NS, "flyToMode");
      assert_look_at (g_ptr_array_index (parts, 2), &g_array_index (steps, CaravanExportStep, i));
      assert_element (wait, GX_NS, "Wait");
      g_assert_cmpuint (wait_parts->len, ==, 1);
      assert_element (g_ptr_array_index (wait_parts, 0), GX_NS, "duration");
    }
  xmlFreeDoc (doc);
}

static void
test_kml_structure (void)
{
  check_kml_structure (NULL);
  check_kml_structure (dates_story);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/kml/structure", test_kml_structure);

  return g_test_run ();
}
