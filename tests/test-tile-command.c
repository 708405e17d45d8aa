/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-tile-command.c: `caravan --render-map`: argument errors exit 2 with a clear message,
 * good arguments write a PNG of the asked size. Sample images go to $CARAVAN_SCREENSHOT_DIR. */

#define G_LOG_DOMAIN "caravan-test-tile-command"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "caravan-render-command.h"

static void
assert_bad (const char *center,
            const char *size,
            const char *theme,
            const char *output,
            const char *expect)
{
  g_autoptr(GString) err = g_string_new (NULL);

  g_assert_cmpint (caravan_render_map_command (center, size, theme, output, err), ==, 2);
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

  g_assert_cmpint (caravan_render_map_command ("44.2,80.4,7", "64x64", "light",
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
                                                     path, err), ==, 0);
        g_assert_cmpstr (err->str, ==, "");

        png = cairo_image_surface_create_from_png (path);
        g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (sscanf (views[v].size, "%dx%d", &w, &h), ==, 2);
        g_assert_cmpint (cairo_image_surface_get_width (png), ==, w);
        g_assert_cmpint (cairo_image_surface_get_height (png), ==, h);
        cairo_surface_destroy (png);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/render-command/bad-arguments", test_bad_arguments);
  g_test_add_func ("/map/render-command/unwritable", test_unwritable);
  g_test_add_func ("/map/render-command/render", test_render);

  return g_test_run ();
}
