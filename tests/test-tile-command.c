/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tile-command.c: `caravan --render-map`: argument errors exit 2 with a clear message,
 * good arguments write a PNG of the asked size, --story draws the story's pins where their
 * places are. Sample images go to $CARAVAN_SCREENSHOT_DIR. */

#define G_LOG_DOMAIN "caravan-test-tile-command"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "caravan-render-command.h"
#include "caravan-story.h"
#include "caravan-story-loader.h"
#include "caravan-story-overlay.h"

static void
assert_bad (const char *center,
            const char *size,
            const char *theme,
            const char *output,
            const char *expect)
{
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (caravan_render_map_command (center, size, theme, NULL, output, err), ==, 2);
  g_test_message ("%s", err->str);
  g_assert_nonnull (strstr (err->str, expect));
}

static void
test_bad_arguments (void)
{
  assert_bad (NULL, "100x100", "light", "out.png", "LAT,LON,ZOOM");
  assert_bad ("44.2,80.4", "100x100", "light", "out.png", "LAT,LON,ZOOM");
  assert_bad ("44.2,80.4,7,1", "100x100", "light", "out.png", "LAT,LON,ZOOM");
  assert_bad ("north,80.4,7", "100x100", "light", "out.png", "north,80.4,7");
  assert_bad ("95,80.4,7", "100x100", "light", "out.png", "LAT,LON,ZOOM");
  assert_bad ("44.2,200,7", "100x100", "light", "out.png", "LAT,LON,ZOOM");
  assert_bad ("44.2,80.4,7.5", "100x100", "light", "out.png", "LAT,LON,ZOOM");
  assert_bad ("44.2,80.4,30", "100x100", "light", "out.png", "LAT,LON,ZOOM");
  assert_bad ("44.2,80.4,7", "100", "light", "out.png", "WxH");
  assert_bad ("44.2,80.4,7", "0x100", "light", "out.png", "WxH");
  assert_bad ("44.2,80.4,7", "100x-5", "light", "out.png", "WxH");
  assert_bad ("44.2,80.4,7", "99999x100", "light", "out.png", "WxH");
  assert_bad ("44.2,80.4,7", "100x100", "sepia", "out.png", "sepia");
  assert_bad ("44.2,80.4,7", "100x100", "light", NULL, "--output");
  assert_bad ("44.2,80.4,7", "100x100", "light", "", "--output");
}

static void
test_unwritable (void)
{
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (caravan_render_map_command ("44.2,80.4,7", "64x64", "light", NULL,
                                               "/nonexistent/dir/map.png", err), ==, 1);
  g_assert_nonnull (strstr (err->str, "/nonexistent/dir/map.png"));
}

static void
test_render (void)
{
  static const struct { const char *name, *center, *size; } views[] = {
    { "z3-context", "42,68,3", "1200x760" },
    { "z5-central-asia", "44,68,5", "1200x760" },
    { "z7-syr-darya", "44.6,66.0,7", "1000x700" },
    { "z7-almaty-balkhash", "44.5,76.5,7", "1000x700" },
    { "z9-khorgos", "44.2,80.33,9", "1000x700" },
    { "z9-samarkand", "39.65,66.96,9", "1000x700" },
    { "z9-astana", "51.15,71.43,9", "1000x700" },
  };
  static const char *themes[] = { "light", "dark", "projector" };
  const char *shots = g_getenv ("CARAVAN_SCREENSHOT_DIR");
  g_autofree char *dir = NULL;

  dir = shots != NULL ? g_build_filename (shots, "render-map",
                                          NULL) : g_dir_make_tmp ("caravan-XXXXXX", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        g_autoptr(GString) err = g_string_new (NULL);
        g_autofree char *file = g_strdup_printf ("%s-%s.png", views[v].name, themes[t]);
        g_autofree char *path = g_build_filename (dir, file, NULL);
        cairo_surface_t *png;
        int w, h;

        g_assert_cmpint (caravan_render_map_command (views[v].center, views[v].size, themes[t],
                                                     NULL, path, err), ==, 0);
        g_assert_cmpstr (err->str, ==, "");

        png = cairo_image_surface_create_from_png (path);
        g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (sscanf (views[v].size, "%dx%d", &w, &h), ==, 2);
        g_assert_cmpint (cairo_image_surface_get_width (png), ==, w);
        g_assert_cmpint (cairo_image_surface_get_height (png), ==, h);
        cairo_surface_destroy (png);
      }
}

/* The colour of the pixel at (@x, @y) of a PNG, 0–255. */
static void
probe (const char *path,
       int         x,
       int         y,
       int         rgb[3])
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  const guint8 *data;
  guint32 pixel;

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (png);
  pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (png) + x * 4);
  rgb[0] = pixel >> 16 & 0xff;
  rgb[1] = pixel >> 8 & 0xff;
  rgb[2] = pixel & 0xff;
  cairo_surface_destroy (png);
}

static int
distance (const int a[3],
          const int b[3])
{
  return MAX (MAX (ABS (a[0] - b[0]), ABS (a[1] - b[1])), ABS (a[2] - b[2]));
}

static void
test_story_pin (void)
{
  static const char text[] =
    "{ \"format_version\": 1, \"title\": \"One pin\",\n"
    "  \"places\": [ { \"id\": \"b\", \"name\": \"Balkhash\", \"lat\": 46.3, \"lon\": 74.5 } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CaravanStory) story = caravan_story_loader_load_bytes (bytes, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("caravan-XXXXXX", NULL);
  g_autofree char *with = g_build_filename (dir, "with-story.png", NULL);
  g_autofree char *without = g_build_filename (dir, "without-story.png", NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  const char *shots = g_getenv ("CARAVAN_SCREENSHOT_DIR");
  double cx, cy, px, py;
  int pin_x, pin_y, blue[3] = { 0x1c, 0x71, 0xd8 };
  int a[3], b[3], corner_a[3], corner_b[3];

  g_assert_no_error (error);
  /* The map centred at 46,73 at zoom 7, 400 × 300: the pin lies right of the centre. */
  g_assert_cmpint (caravan_render_map_command ("46,73,7", "400x300", "light", story, with, err),
                   ==, 0);
  g_assert_cmpint (caravan_render_map_command ("46,73,7", "400x300", "light", NULL, without,
                                               err), ==, 0);
  g_assert_cmpstr (err->str, ==, "");
  caravan_map_project (46, 73, 7, &cx, &cy);
  caravan_map_project (46.3, 74.5, 7, &px, &py);
  pin_x = (int) floor (px - round (cx - 200));
  pin_y = (int) floor (py - round (cy - 150));
  g_assert_cmpint (pin_x, >, 200);
  g_assert_cmpint (pin_x, <, 400);

  probe (with, pin_x, pin_y, a);
  probe (without, pin_x, pin_y, b);
  g_test_message ("at the pin: #%02x%02x%02x with the story, #%02x%02x%02x without", a[0], a[1],
                  a[2], b[0], b[1], b[2]);
  /* The pin's blue dot with the story, the base map (Lake Balkhash's pale blue) without. */
  g_assert_cmpint (distance (a, blue), <=, 8);
  g_assert_cmpint (distance (b, blue), >, 60);
  /* Away from the pin, its name and the base map's labels the two maps are the same. */
  probe (with, 5, 295, corner_a);
  probe (without, 5, 295, corner_b);
  g_assert_cmpint (distance (corner_a, corner_b), ==, 0);

  if (shots != NULL)
    {
      g_autofree char *shot_dir = g_build_filename (shots, "render-map", NULL);
      g_autofree char *shot = g_build_filename (shot_dir, "story-pin.png", NULL);

      g_assert_cmpint (g_mkdir_with_parents (shot_dir, 0755), ==, 0);
      g_string_truncate (err, 0);
      g_assert_cmpint (caravan_render_map_command ("46,73,7", "400x300", "light", story, shot,
                                                   err), ==, 0);
    }
  g_unlink (with);
  g_unlink (without);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/render-command/bad-arguments", test_bad_arguments);
  g_test_add_func ("/map/render-command/unwritable", test_unwritable);
  g_test_add_func ("/map/render-command/render", test_render);
  g_test_add_func ("/map/render-command/story-pin", test_story_pin);

  return g_test_run ();
}
