/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-story-load.c: loads and validates a generated story with 10,000 events and 1,000
 * places, and prints the time (target: under 100 ms). Also times a lean variant (required
 * fields only), a file with one error at the end (adds the pass that maps JSON paths to lines
 * and columns), and json-glib alone (parse + free of one tree of the whole file: the loader
 * parses the long arrays in small batches instead, which stay in the cache, so it can beat it).
 * CPU time is printed beside wall time because the machine is shared. */

#define G_LOG_DOMAIN "caravan-bench-story-load"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "caravan-story.h"
#include "caravan-story-loader.h"

#define N_PLACES 1000
#define N_EVENTS 10000
#define N_EXCERPTS 2000
#define MAX_RUNS 15

/* Runs per case; fewer with --runs N (for valgrind --tool=callgrind). */
static guint n_runs = MAX_RUNS;

static GBytes *
generate_lean_story (void)
{
  GString *json = g_string_new ("{ \"format_version\": 1, \"title\": \"Lean\", \"places\": [\n");

  for (guint i = 0; i < N_PLACES; i++)
    g_string_append_printf (json, "{ \"id\": \"p%u\", \"name\": \"P %u\", \"lat\": %u.5, "
                            "\"lon\": %u.25 }%s\n", i, i, i % 80, i % 170,
                            i + 1 < N_PLACES ? "," : "");
  g_string_append (json, "], \"events\": [\n");
  for (guint i = 0; i < N_EVENTS; i++)
    g_string_append_printf (json, "{ \"id\": \"e%u\", \"title\": \"Event %u\", "
                            "\"date\": \"%04u-%02u-%02u\", \"place\": \"p%u\" }%s\n",
                            i, i, 1900 + i % 124, 1 + i % 12, 1 + i % 28, i % N_PLACES,
                            i + 1 < N_EVENTS ? "," : "");
  g_string_append (json, "] }\n");
  return g_string_free_to_bytes (json);
}

static GBytes *
generate_story (gboolean with_error)
{
  GString *json = g_string_new ("{\n  \"format_version\": 1,\n  \"title\": \"Benchmark\",\n"
                                "  \"articles\": [ { \"id\": \"a\", \"title\": \"Article\" } ],\n"
                                "  \"places\": [\n");
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < N_PLACES; i++)
    g_string_append_printf (json,
                            "    { \"id\": \"place-%u\", \"name\": \"Place %u\", "
                            "\"kind\": \"city\", \"lat\": %.4f, \"lon\": %.4f, "
                            "\"names\": { \"ru\": \"Место %u\", \"zh\": \"地方 %u\" } }%s\n",
                            i, i, g_rand_double_range (rand, -80, 80),
                            g_rand_double_range (rand, -170, 170), i, i,
                            i + 1 < N_PLACES ? "," : "");
  g_string_append (json, "  ],\n  \"events\": [\n");

  for (guint i = 0; i < N_EVENTS; i++)
    {
      int year = g_rand_int_range (rand, 1900, 2024);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      gboolean last = i + 1 == N_EVENTS;

      g_string_append_printf (json,
                              "    { \"id\": \"event-%u\", \"title\": \"Event number %u\", "
                              "\"description\": \"Something happened at place %u.\", "
                              "\"date\": \"%04d-%02d-%02d\", \"end\": \"%04d-12-31\", "
                              "\"place\": \"place-%u\", \"places\": [\"place-%u\"], "
                              "\"category\": \"politics\", \"tags\": [\"a\", \"b\"], "
                              "\"camera\": { \"zoom\": 9 } }%s\n",
                              i, i, i % N_PLACES, year, month, day, year,
                              (with_error && last) ? N_PLACES + 1 : i % N_PLACES,
                              (i * 7) % N_PLACES, last ? "" : ",");
    }
  g_string_append (json, "  ],\n  \"excerpts\": [\n");

  for (guint i = 0; i < N_EXCERPTS; i++)
    g_string_append_printf (json,
                            "    { \"id\": \"excerpt-%u\", \"text\": \"A quotation of some length, "
                            "as articles have them, number %u.\", \"places\": [\"place-%u\"], "
                            "\"events\": [\"event-%u\"] }%s\n",
                            i, i, i % N_PLACES, (i * 5) % N_EVENTS,
                            i + 1 < N_EXCERPTS ? "," : "");
  g_string_append (json, "  ]\n}\n");

  g_rand_free (rand);
  return g_string_free_to_bytes (json);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
print_times (const char *label,
             GBytes     *bytes,
             double     *wall,
             double     *cpu)
{
  qsort (wall, n_runs, sizeof (double), compare_doubles);
  qsort (cpu, n_runs, sizeof (double), compare_doubles);
  printf ("%-34s %4.1f MB  wall min %6.1f median %6.1f ms   cpu min %6.1f median %6.1f ms\n",
          label, g_bytes_get_size (bytes) / 1e6, wall[0], wall[n_runs / 2], cpu[0],
          cpu[n_runs / 2]);
}

static void
time_load (const char *label,
           GBytes     *bytes,
           gboolean    expect_story)
{
  double wall[MAX_RUNS], cpu[MAX_RUNS];

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GListModel) problems = NULL;
      g_autoptr(CaravanStory) story = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      story = caravan_story_loader_load_bytes (bytes, &problems, &error);
      g_clear_object (&story);
      wall[run] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[run] = cpu_ms () - cpu_start;

      if (expect_story != (error == NULL))
        g_error ("%s: unexpected result: %s", label, error ? error->message : "loaded");
    }

  print_times (label, bytes, wall, cpu);
}

static void
time_json_glib (const char *label,
                GBytes     *bytes)
{
  double wall[MAX_RUNS], cpu[MAX_RUNS];

  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), NULL))
        g_error ("%s: json-glib failed", label);
      g_clear_object (&parser);
      wall[run] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[run] = cpu_ms () - cpu_start;
    }

  print_times (label, bytes, wall, cpu);
}

/* bench-story-load [--runs N] [CASE…]: CASE is rich, error, lean, json-rich or json-lean;
 * all of them by default. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) valid = generate_story (FALSE);
  g_autoptr(GBytes) invalid = generate_story (TRUE);
  g_autoptr(GBytes) lean = generate_lean_story ();
  g_autoptr(GPtrArray) cases = g_ptr_array_new ();

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int runs = atoi (argv[++i]);

          n_runs = CLAMP (runs, 1, MAX_RUNS);
        }
      else
        g_ptr_array_add (cases, argv[i]);
    }
  if (cases->len == 0)
    for (const char * const *all = (const char * const []) { "rich", "error", "lean",
                                                              "json-rich", "json-lean", NULL };
         *all != NULL; all++)
      g_ptr_array_add (cases, (gpointer) *all);

  printf ("%d places, %d events (rich: + %d excerpts, names, tags, cameras); %u runs of "
          "load + validate + free\n", N_PLACES, N_EVENTS, N_EXCERPTS, n_runs);
  for (guint i = 0; i < cases->len; i++)
    {
      const char *name = g_ptr_array_index (cases, i);

      if (g_str_equal (name, "rich"))
        time_load ("rich story", valid, TRUE);
      else if (g_str_equal (name, "error"))
        time_load ("rich story, one error at the end", invalid, FALSE);
      else if (g_str_equal (name, "lean"))
        time_load ("lean story (required fields)", lean, TRUE);
      else if (g_str_equal (name, "json-rich"))
        time_json_glib ("json-glib only, rich (parse+free)", valid);
      else if (g_str_equal (name, "json-lean"))
        time_json_glib ("json-glib only, lean (parse+free)", lean);
      else
        g_error ("unknown case “%s”", name);
    }
  return 0;
}
