/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-two-monitors.c: with a laptop and a projector (tests/two-monitors.sh: Xorg's dummy driver
 * and openbox), F5 puts the presentation fullscreen on the projector and the presenter view on
 * the laptop, showing a live picture of the projector; Esc brings the main window back where
 * it was. */

#define G_LOG_DOMAIN "caravan-test-two-monitors"

#include "config.h"

#include <gdk/x11/gdkx.h>

#include "caravan-application.h"
#include "caravan-presentation.h"
#include "caravan-presenter-view.h"
#include "caravan-test-utils.h"
#include "caravan-window.h"

static CaravanApplication *app;

static CaravanWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (CARAVAN_IS_WINDOW (window));
  return CARAVAN_WINDOW (window);
}

static Window
xid_of (GtkWidget *widget)
{
  return gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (widget)));
}

/* Where the window's top-left corner is on the X screen. */
static void
get_position (GtkWidget *widget,
              int       *x,
              int       *y)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  Window child;

  XTranslateCoordinates (display, xid_of (widget), DefaultRootWindow (display), 0, 0, x, y, &child);
}

static const char *
monitor_of (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget),
                                                            surface);

  return monitor ? gdk_monitor_get_connector (monitor) : NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *connector;
  int         width;    /* at least */
} OnMonitor;

static gboolean
is_on_monitor (gpointer user_data)
{
  OnMonitor *wait = user_data;

  return gtk_widget_get_mapped (wait->widget)
         && g_strcmp0 (monitor_of (wait->widget), wait->connector) == 0
         && gtk_widget_get_width (wait->widget) >= MAX (wait->width, 1);
}

static int
picture_width (GtkWidget *picture)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));

  return paintable != NULL ? gdk_paintable_get_intrinsic_width (paintable) : 0;
}

static gboolean
picture_is_projector_wide (gpointer user_data)
{
  return picture_width (user_data) == 1920;
}

static gboolean
presentation_is_gone (gpointer user_data)
{
  return caravan_window_get_presentation (get_window ()) == NULL
         && gtk_widget_get_mapped (GTK_WIDGET (get_window ()));
}

static void
test_present_on_projector (void)
{
  CaravanWindow *window = get_window ();
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  CaravanPresentation *presentation;
  CaravanPresenterView *presenter;
  GtkWidget *picture;
  OnMonitor wait;
  int x0, y0, x1, y1;

  g_assert_cmpuint (g_list_model_get_n_items (monitors), ==, 2);

  /* The main window on the laptop, away from the corner. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  g_assert_true (caravan_test_wait_until ((CaravanTestCondition) gtk_widget_get_mapped, window,
                                          5000));
  caravan_test_iterate (300);
  XMoveWindow (display, xid_of (GTK_WIDGET (window)), 140, 90);
  XSync (display, False);
  caravan_test_iterate (500);
  get_position (GTK_WIDGET (window), &x0, &y0);
  g_test_message ("main window at %d,%d on %s", x0, y0, monitor_of (GTK_WIDGET (window)));
  g_assert_cmpstr (monitor_of (GTK_WIDGET (window)), ==, "DUMMY1");
  g_assert_cmpint (x0, >, 100);
  g_assert_cmpint (y0, >, 50);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  presentation = caravan_window_get_presentation (window);
  g_assert_nonnull (presentation);

  /* The room sees the projector, full screen. */
  wait = (OnMonitor) { GTK_WIDGET (presentation), "DUMMY0", 1920 };
  g_assert_true (caravan_test_wait_until (is_on_monitor, &wait, 8000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presentation)), ==, 1920);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (presentation)), ==, 1080);

  /* The presenter view lands on the laptop, with the projector's picture. */
  presenter = caravan_presentation_get_presenter_view (presentation);
  g_assert_nonnull (presenter);
  wait = (OnMonitor) { GTK_WIDGET (presenter), "DUMMY1", 1260 };
  caravan_test_wait_until (is_on_monitor, &wait, 8000);
  g_test_message ("presenter view on %s, %d x %d", monitor_of (GTK_WIDGET (presenter)),
                  gtk_widget_get_width (GTK_WIDGET (presenter)),
                  gtk_widget_get_height (GTK_WIDGET (presenter)));
  g_assert_true (is_on_monitor (&wait));
  /* It fills the laptop (openbox keeps a presenter window's resize border). */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presenter)), >=, 1260);
  g_assert_true (caravan_presenter_view_get_audience (presenter) == GTK_WIDGET (presentation));
  picture = caravan_test_find_widget (GTK_WIDGET (presenter), GTK_TYPE_PICTURE,
                                      "presenter-audience");
  g_assert_nonnull (picture);
  /* GtkWidgetPaintable takes its size from the last frame it drew of the presentation, which
   * may still be the one from before the move to the projector. */
  g_assert_true (caravan_test_wait_until (picture_is_projector_wide, picture, 5000));
  g_assert_cmpint (picture_width (picture), ==, 1920);
  caravan_test_iterate (1500);
  caravan_test_save_screenshot (GTK_WIDGET (presenter), "two-monitors-presenter-view");
  caravan_test_save_screenshot (GTK_WIDGET (presentation), "two-monitors-projector");

  /* Esc: the main window comes back where it was. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL);
  g_assert_true (caravan_test_wait_until (presentation_is_gone, NULL, 5000));
  caravan_test_iterate (500);
  get_position (GTK_WIDGET (window), &x1, &y1);
  g_test_message ("main window back at %d,%d on %s", x1, y1, monitor_of (GTK_WIDGET (window)));
  g_assert_cmpstr (monitor_of (GTK_WIDGET (window)), ==, "DUMMY1");
  g_assert_cmpint (ABS (x1 - x0), <=, 2);
  g_assert_cmpint (ABS (y1 - y0), <=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  caravan_test_init (&argc, &argv);

  app = caravan_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/two-monitors/present-on-projector", test_present_on_projector);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
