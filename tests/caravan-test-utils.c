/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caravan-test-utils.c: helpers shared by the gui tests. */

#define G_LOG_DOMAIN "caravan-test-utils"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "caravan-test-utils.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* Initialises GTK and libadwaita for a gui test, with animations off so state is immediate. */
/* The test's state folder: recovery copies in caravan/recovery, and files tests saved. */
static void
remove_state_folder (void)
{
  const char *state = g_getenv ("CARAVAN_TEST_STATE_HOME");
  g_autofree char *caravan = NULL;
  g_autofree char *recovery = NULL;

  if (state == NULL)
    return;
  caravan = g_build_filename (state, "caravan", NULL);
  recovery = g_build_filename (caravan, "recovery", NULL);
  caravan_test_remove_folder (recovery);
  g_rmdir (caravan);
  caravan_test_remove_folder (state);   /* and the files a test saved there */
}

void
caravan_test_init (int    *argc,
                   char ***argv)
{
  const char *state = g_getenv ("CARAVAN_TEST_STATE_HOME");

  /* Each test program keeps its state (recovery copies) to itself, and its subprocesses
   * share it: no copy left by another program is offered to restore. */
  if (state == NULL)
    {
      g_autofree char *folder = g_dir_make_tmp ("caravan-test-state-XXXXXX", NULL);

      g_setenv ("CARAVAN_TEST_STATE_HOME", folder, TRUE);
      state = g_getenv ("CARAVAN_TEST_STATE_HOME");
      /* The process that made the folder removes it; its subprocesses share it. */
      atexit (remove_state_folder);
    }
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* No animations and no blinking cursor: frames and timers the same on every run. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE, NULL);
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @condition holds; FALSE if @timeout_ms passed first. */
gboolean
caravan_test_wait_until (CaravanTestCondition condition,
                         gpointer             user_data,
                         guint                timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (user_data);
}

static gboolean
never (gpointer user_data)
{
  return FALSE;
}

/* Runs the main loop for @ms milliseconds. */
void
caravan_test_iterate (guint ms)
{
  caravan_test_wait_until (never, NULL, ms);
}

/* Renders @widget offscreen with the cairo renderer; the widget must be mapped and laid out. */
GdkTexture *
caravan_test_capture (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkTexture *texture;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_return_val_if_fail (width > 0 && height > 0, NULL);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return NULL;

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    {
      g_warning ("Cannot realize renderer: %s", error->message);
      gsk_render_node_unref (node);
      return NULL;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  gsk_render_node_unref (node);

  return texture;
}

/* Captures @widget and saves it as $CARAVAN_SCREENSHOT_DIR/@name.png for people to look at. */
GdkTexture *
caravan_test_save_screenshot (GtkWidget  *widget,
                              const char *name)
{
  const char *dir = g_getenv ("CARAVAN_SCREENSHOT_DIR");
  g_autofree char *filename = NULL;
  g_autofree char *path = NULL;
  GdkTexture *texture;

  /* Layout must be clean before a capture: let a frame pass. */
  gtk_test_widget_wait_for_draw (widget);
  texture = caravan_test_capture (widget);
  g_assert_nonnull (texture);

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  filename = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, filename, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot saved to %s", path);

  return texture;
}

/* Reads one pixel of @texture as straight RGBA. */
gboolean
caravan_test_texture_pixel (GdkTexture *texture,
                            int         x,
                            int         y,
                            guint8      rgba[4])
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint8 *data = NULL;
  gsize stride = (gsize) width * 4;
  guint32 pixel;
  guint8 a;

  if (x < 0 || y < 0 || x >= width || y >= height)
    return FALSE;

  data = g_malloc (stride * height);
  gdk_texture_download (texture, data, stride);
  /* gdk_texture_download gives premultiplied ARGB32 in native endianness (cairo layout). */
  pixel = *(guint32 *) (data + y * stride + x * 4);
  a = pixel >> 24;
  rgba[3] = a;
  rgba[0] = a ? ((pixel >> 16) & 0xff) * 255 / a : 0;
  rgba[1] = a ? ((pixel >> 8) & 0xff) * 255 / a : 0;
  rgba[2] = a ? (pixel & 0xff) * 255 / a : 0;

  return TRUE;
}

/* The first widget below @root (depth first, @root included) of @type that has @css_class
 * (any when NULL), or NULL. */
GtkWidget *
caravan_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = caravan_test_find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The pixels of two textures of the same size that differ by more than a rounding step (2) in
 * any channel. */
guint
caravan_test_count_different_pixels (GdkTexture *a,
                                     GdkTexture *b)
{
  int width = gdk_texture_get_width (a), height = gdk_texture_get_height (a);
  g_autofree guchar *pa = g_malloc ((gsize) width * height * 4);
  g_autofree guchar *pb = g_malloc ((gsize) width * height * 4);
  guint different = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);
  gdk_texture_download (a, pa, width * 4);
  gdk_texture_download (b, pb, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    for (int c = 0; c < 4; c++)
      if (ABS ((int) pa[i * 4 + c] - (int) pb[i * 4 + c]) > 2)
        {
          different++;
          break;
        }
  return different;
}

/* Whether @window is on a screen: its surface mapped for GDK or, on X11, for the X server
 * (which is what a user sees, whatever GDK believes). */
gboolean
caravan_test_window_on_screen (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (surface == NULL)
    return FALSE;
  if (gdk_surface_get_mapped (surface))
    return TRUE;
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_SURFACE (surface))
    {
      XWindowAttributes attributes;

      if (XGetWindowAttributes (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)),
                                gdk_x11_surface_get_xid (surface), &attributes))
        return attributes.map_state != IsUnmapped;
    }
#endif
  return FALSE;
}

/* How many toplevels of @type there are (on any display); fails the test if one of them is on
 * a screen. */
guint
caravan_test_assert_off_screen (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        continue;
      n++;
      if (caravan_test_window_on_screen (toplevel))
        {
          GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (toplevel));

          g_error ("a %s is on screen (display %s, %dx%d)", g_type_name (type),
                   gdk_display_get_name (gdk_surface_get_display (surface)),
                   gdk_surface_get_width (surface), gdk_surface_get_height (surface));
        }
    }
  return n;
}

/* The AdwMessageDialog on screen, or NULL. GTK's list of toplevels is read, never kept. */
GtkWindow *
caravan_test_find_message_dialog (void)
{
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

/* Removes @path, a folder of files a test wrote (no subfolders). */
void
caravan_test_remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}
