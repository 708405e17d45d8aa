/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import.c: imports generated files and prints the time and the peak memory: a 10 MB
 * KML, a 10 MB GeoJSON FeatureCollection, 100,000 KML placemarks and 100,000 GPX waypoints
 * (targets: 10 MB in 1 s, 100,000 placemarks in 5 s, memory bounded by the story, not by a tree
 * of the file). CPU time is printed beside wall time because the machine is shared. */

#define G_LOG_DOMAIN "caravan-bench-import"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "caravan-import.h"
#include "caravan-story.h"

/* Peak resident memory of this process so far, in MB (VmHWM). */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

static double
cpu_seconds (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

static GBytes *
generate_kml (guint n)
{
  GString *kml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                               "<name>Bench</name>\n<Folder><TimeSpan><begin>2001</begin>"
                               "<end>2020</end></TimeSpan>\n");

  for (guint i = 0; i < n; i++)
    {
      if (i % 10 == 0)
        g_string_append_printf (kml, "<Placemark><name>Place %u</name><description><![CDATA["
                                "<p>Stop <b>%u</b> of the caravan.</p>]]></description>"
                                "<TimeStamp><when>2012-%02u-%02u</when></TimeStamp>"
                                "<Point><coordinates>%.5f,%.5f,0</coordinates></Point>"
                                "</Placemark>\n", i, i, 1 + i % 12, 1 + i % 28,
                                -170 + (i % 3400) * 0.1, -80 + (i % 1600) * 0.1);
      else
        g_string_append_printf (kml, "<Placemark><name>Place %u</name>"
                                "<Point><coordinates>%.5f,%.5f,0</coordinates></Point>"
                                "</Placemark>\n", i, -170 + (i % 3400) * 0.1,
                                -80 + (i % 1600) * 0.1);
    }
  g_string_append (kml, "</Folder></Document></kml>\n");
  return g_string_free_to_bytes (kml);
}

static GBytes *
generate_geojson (guint n)
{
  GString *json = g_string_new ("{ \"type\": \"FeatureCollection\", \"features\": [\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "{ \"type\": \"Feature\", \"properties\": { \"name\": "
                            "\"Place %u\", \"description\": \"Stop %u of the caravan\", "
                            "\"time\": \"2012-%02u-%02uT10:00:00Z\" }, \"geometry\": { "
                            "\"type\": \"Point\", \"coordinates\": [%.5f, %.5f] } }%s\n", i, i,
                            1 + i % 12, 1 + i % 28, -170 + (i % 3400) * 0.1,
                            -80 + (i % 1600) * 0.1, i + 1 < n ? "," : "");
  g_string_append (json, "] }\n");
  return g_string_free_to_bytes (json);
}

static GBytes *
generate_gpx (guint n)
{
  GString *gpx = g_string_new ("<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"bench\" "
                               "xmlns=\"http://www.topografix.com/GPX/1/1\">\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (gpx, "<wpt lat=\"%.5f\" lon=\"%.5f\"><name>W%u</name>"
                            "<time>2015-06-%02uT08:00:00Z</time></wpt>\n",
                            -80 + (i % 1600) * 0.1, -170 + (i % 3400) * 0.1, i, 1 + i % 28);
  g_string_append (gpx, "</gpx>\n");
  return g_string_free_to_bytes (gpx);
}

static void
run (const char *what,
     const char *basename,
     GBytes     *bytes)
{
  g_autoptr(CaravanImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = cpu_seconds ();
  double wall;

  story = caravan_import_bytes (bytes, basename, &report, &error);
  wall = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds () - cpu;
  if (story == NULL)
    g_error ("%s: %s", what, error->message);
  printf ("%-34s %7.1f MB  %7u places %7u events  %6.3f s wall %6.3f s CPU  peak RSS %6.1f MB\n",
          what, g_bytes_get_size (bytes) / 1e6,
          g_list_model_get_n_items (caravan_story_get_places (story)),
          g_list_model_get_n_items (caravan_story_get_events (story)), wall, cpu,
          peak_rss_mb ());
}

int
main (int argc, char *argv[])
{
  g_autoptr(GBytes) kml_10mb = generate_kml (105000);
  g_autoptr(GBytes) geojson_10mb = generate_geojson (46000);
  g_autoptr(GBytes) gpx = generate_gpx (100000);

  printf ("Peak RSS with the generated files in memory: %.1f MB\n", peak_rss_mb ());
  run ("KML, 105,000 placemarks", "bench.kml", kml_10mb);
  run ("GeoJSON FeatureCollection", "bench.geojson", geojson_10mb);
  run ("GPX, 100,000 waypoints", "bench.gpx", gpx);
  return 0;
}
